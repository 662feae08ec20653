/**
 * Deleting what has expired, in batches: each statement finds at most SWEEP_BATCH rows through an
 * index on the expiry condition and deletes them (with whatever cascades from them), so no statement
 * reads the rows that stay, holds its locks long or grows into a huge transaction, however much has
 * piled up. The call repeats until a batch comes back short.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

export const SWEEP_BATCH = 1000;

export async function deleteInBatches(
  db: Db,
  table: PgTable,
  key: PgColumn,
  where: SQL,
  order: PgColumn[] = [],
): Promise<number> {
  let total = 0;
  for (;;) {
    // Rows a request holds (a registration being confirmed) are left for the next sweep.
    const batch = db
      .select({ key })
      .from(table)
      .where(where)
      .orderBy(...order)
      .limit(SWEEP_BATCH)
      .for('update', { skipLocked: true });
    // `= any(array(...))`, not `in (...)`: the batch is looked up by its keys, never joined to the
    // whole table (which a planner may do by reading all of it).
    const gone = await db
      .delete(table)
      .where(sql`${key} = any(array(${batch}))`)
      .returning({ key });
    total += gone.length;
    if (gone.length < SWEEP_BATCH) return total;
  }
}
