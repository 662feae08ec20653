/**
 * The databases every database test runs on: the embedded PGlite always, and a PostgreSQL server
 * when TEST_DATABASE_URL is set (CI sets it). Each test file gets its own fresh, migrated database.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql, type Logger } from 'drizzle-orm';
import { testEnv } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/shared/client.js';
import { SNAPSHOT_FILE } from './paths.js';

export type TestDatabase = Database & {
  name: string;
  truncate(): Promise<void>;
  /** A second handle on the same database, as another app process would have (PGlite: the same one). */
  connectAgain(): Promise<Database>;
  /** The server URL of this database (PostgreSQL only). */
  url?: string;
};

/** `logger` is told every statement the database runs (see test/integration/query-plans.test.ts). */
export type OpenTestOptions = { logger?: Logger };

export type DatabaseFactory = {
  name: 'pglite' | 'postgres';
  open(options?: OpenTestOptions): Promise<TestDatabase>;
};

const TABLES = [
  'application_attachments',
  'application_events',
  'applications',
  'procedure_versions',
  'procedure_settings',
  'sessions',
  'email_codes',
  'account_flows',
  'notice_deliveries',
  'notices',
  'staff_sessions',
  'staff',
  'mail_outbox',
  'registrations',
  'rate_limits',
  'users',
];

async function withTruncate(
  database: Database,
  name: string,
  dispose: () => Promise<void>,
  url?: string,
): Promise<TestDatabase> {
  return {
    ...database,
    name,
    url,
    async connectAgain() {
      if (url) return openDatabase({ url, poolSize: 5 }, false);
      return { ...database, close: async () => undefined };
    },
    async truncate() {
      // audit_log is append-only (a trigger forbids DELETE); TRUNCATE is how tests reset it.
      await database.db.execute(
        sql.raw(`truncate ${[...TABLES, 'audit_log'].join(', ')} restart identity cascade`),
      );
    },
    async close() {
      await database.close();
      await dispose();
    },
  };
}

export const pgliteFactory: DatabaseFactory = {
  name: 'pglite',
  async open(options = {}) {
    const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(SNAPSHOT_FILE)]) });
    const database = await openDatabase({ pglite, ...options }, false);
    return withTruncate(database, 'pglite', async () => undefined);
  },
};

/** A new, empty database on the PostgreSQL server at `url`: its URL, and how to drop it. */
export async function createServerDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const dbName = `madoguchi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return {
    url: u.toString(),
    async drop() {
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${dbName} with (force)`);
      await drop.end();
    },
  };
}

export function postgresFactory(url: string): DatabaseFactory {
  return {
    name: 'postgres',
    async open(options = {}) {
      const created = await createServerDatabase(url);
      const database = await openDatabase({ url: created.url, poolSize: 5, ...options });
      return withTruncate(database, 'postgres', created.drop, created.url);
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function databaseFactories(): DatabaseFactory[] {
  const url = testEnv().testDatabaseUrl;
  return url ? [pgliteFactory, postgresFactory(url)] : [pgliteFactory];
}

/**
 * For a describe block: opens a fresh database of the factory's kind before its tests, empties it
 * before each test and closes it after. The returned handle forwards to the database once open.
 */
export function useFreshDatabase(factory: DatabaseFactory): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await factory.open();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    await current?.truncate();
  });
  return new Proxy({} as TestDatabase, {
    get(_target, key) {
      if (!current) throw new Error('the test database is not open yet (use it inside a test or hook)');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
