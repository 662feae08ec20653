/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise the embedded PGlite in a
 * folder. Only this module knows which driver is in use; everything else sees one `Db` type.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type Logger } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The migrations beside package.json: found by walking up, as the sources and the bundle sit at different depths. */
function projectFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const MIGRATIONS_FOLDER = path.join(projectFolder(), 'drizzle');

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
};

/**
 * The embedded PostgreSQL with a smaller buffer pool than PGlite's default 128 MB: PostgreSQL's
 * memory lives in the app's process there and never shrinks, and the files are in the operating
 * system's cache anyway. PGlite's own start parameters must come first (it does not start without
 * them); they are not in its typings, so they are read with a check.
 */
const pgliteDefaults = (PGlite as unknown as { defaultStartParams?: unknown }).defaultStartParams;
const EMBEDDED_OPTIONS =
  Array.isArray(pgliteDefaults) && pgliteDefaults.length > 0
    ? { startParams: [...(pgliteDefaults as string[]), '-c', 'shared_buffers=32MB'] }
    : {};

export type OpenOptions = ({ url: string; poolSize?: number } | { dataDir: string } | { pglite: PGlite }) & {
  /**
   * Told every statement with its parameters. Off unless given: the app never passes one; the
   * query-plan test does, to check that every statement of the real flows uses an index.
   */
  logger?: Logger;
};

export async function openDatabase(options: OpenOptions, migrateNow = true): Promise<Database> {
  const logger = options.logger ?? false;
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema, logger }) as unknown as Db;
    if (migrateNow) await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, driver: 'postgres', close: () => pool.end() };
  }
  let client: PGlite;
  if ('pglite' in options) client = options.pglite;
  else {
    // The database files get a folder of their own; DATA_DIR also holds the development secret
    // and the lock file that tells `staff:create` the app is running.
    const folder = join(options.dataDir, 'pglite');
    mkdirSync(folder, { recursive: true });
    client = new PGlite(folder, EMBEDDED_OPTIONS);
  }
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  if (migrateNow) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, driver: 'pglite', close: () => client.close() };
}

/** True when the database answers and every checked-in migration has been applied. */
let checkedInMigrations: number | undefined;

export async function isReady(db: Db): Promise<boolean> {
  try {
    // The checked-in migrations do not change while the process runs: read their list once.
    checkedInMigrations ??= (
      JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }
    ).entries.length;
    const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    return (rows[0]?.n ?? 0) >= checkedInMigrations;
  } catch {
    return false;
  }
}
