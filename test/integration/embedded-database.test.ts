/** The embedded database as `npm start` opens it: migrated, with the smaller buffer pool. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { isReady, openDatabase } from '../../src/db/shared/client.js';

it('opens in a data folder, migrated, with a 32 MB buffer pool instead of PGlite’s 128 MB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-embedded-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    expect(database.driver).toBe('pglite');
    expect(await isReady(database.db)).toBe(true);
    const result = await database.db.execute(sql`show shared_buffers`);
    expect((result as unknown as { rows: { shared_buffers: string }[] }).rows[0]?.shared_buffers).toBe(
      '32MB',
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
