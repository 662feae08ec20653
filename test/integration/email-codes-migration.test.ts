/**
 * Migration 0007 puts the codes of registration and of the account flows into one table
 * (email_codes). A flow waiting for its code when the migration runs goes on: the code mailed
 * before still verifies, and the tries and resends it had used still count.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { testEnv } from '../../src/config.js';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../../src/db/shared/client.js';
import { hashToken, hmacCode } from '../../src/app/shared/tokens.js';
import { accountHarness } from '../support/account-harness.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { META } from '../support/registration-harness.js';

/** the harness's secret: the codes' HMACs are made with it */
const SECRET = 'test-secret-test-secret-test-secret';
const BEFORE = '0007_email_codes';

/** The checked-in migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'madoguchi-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function migrate(database: Database, migrationsFolder: string): Promise<void> {
  if (database.driver === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

type Opened = { database: Database; dispose(): Promise<void> };

async function openEmpty(url: string | undefined): Promise<Opened> {
  if (!url) {
    const database = await openDatabase({ pglite: new PGlite() }, false);
    return { database, dispose: () => database.close() };
  }
  const created = await createServerDatabase(url);
  const database = await openDatabase({ url: created.url, poolSize: 2 }, false);
  return {
    database,
    async dispose() {
      await database.close();
      await created.drop();
    },
  };
}

const targets: { name: string; url?: string }[] = [{ name: 'pglite' }];
const serverUrl = testEnv().testDatabaseUrl;
if (serverUrl) targets.push({ name: 'postgres', url: serverUrl });

describe.each(targets)('the email_codes migration on $name', ({ url }) => {
  const folders: string[] = [];
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('a code mailed before it (registration, reset, e-mail change) still verifies after it, with its tries', async () => {
    const { database, dispose } = await openEmpty(url);
    try {
      const before = migrationsBefore(BEFORE);
      folders.push(before);
      await migrate(database, before);
      const h = accountHarness({ ...database, name: 'migration' } as TestDatabase);
      const now = h.clock.now();
      const expires = new Date(now.getTime() + 20 * 60 * 1000);

      // A registration at screen 4: two codes sent, three wrong tries used.
      const regId = '11111111-1111-4111-8111-111111111111';
      await database.db.execute(sql`
        insert into registrations (id, token_hash, kind, state, email, email_key, failed_attempts,
                                   codes_sent, last_code_sent_at, created_at, expires_at)
        values (${regId}, ${hashToken('reg-token')}, 'individual', 'code_sent', 'old.reg@example.jp',
                'old.reg@example.jp', 3, 2, ${now.toISOString()}::timestamptz,
                ${now.toISOString()}::timestamptz, ${expires.toISOString()}::timestamptz)`);
      for (const code of ['111111', '222222'])
        await database.db.execute(sql`
          insert into registration_codes (registration_id, code_hmac, created_at)
          values (${regId}, ${hmacCode(SECRET, regId, code)}, ${now.toISOString()}::timestamptz)`);

      // A user with a password reset and an e-mail change waiting for their codes.
      const userId = '22222222-2222-4222-8222-222222222222';
      await database.db.execute(sql`
        insert into users (id, kind, email, email_key, password_hash, notify, postal_code, prefecture,
                           city_address, phone, birth_date, family_name, given_name, created_at, updated_at)
        values (${userId}, 'individual', 'old.user@example.jp', 'old.user@example.jp', 'x', true, '2108577',
                '神奈川県', '川崎市川崎区宮本町1番地', '0442002111', '1985-04-01', '川崎', '太郎',
                ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`);
      const flows = [
        {
          id: '33333333-3333-4333-8333-333333333333',
          purpose: 'password_reset',
          email: 'old.user@example.jp',
        },
        { id: '44444444-4444-4444-8444-444444444444', purpose: 'email_change', email: 'new.user@example.jp' },
      ];
      for (const f of flows) {
        await database.db.execute(sql`
          insert into account_flows (id, purpose, token_hash, user_id, email, email_key, state,
                                     failed_attempts, codes_sent, last_code_sent_at, created_at, expires_at)
          values (${f.id}, ${f.purpose}, ${hashToken(`${f.purpose}-token`)}, ${userId}, ${f.email}, ${f.email},
                  'code_sent', 0, 6, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
                  ${expires.toISOString()}::timestamptz)`);
        await database.db.execute(sql`
          insert into account_flow_codes (flow_id, code_hmac, created_at)
          values (${f.id}, ${hmacCode(SECRET, `account:${f.id}`, '333333')}, ${now.toISOString()}::timestamptz)`);
      }

      await migrate(database, MIGRATIONS_FOLDER);

      // The registration: the tries it had used count (one wrong try leaves one), the first code works.
      expect(await h.registration.verifyCode('reg-token', '999999', META)).toMatchObject({ triesLeft: 1 });
      expect(await h.registration.verifyCode('reg-token', '111111', META)).toEqual({ ok: true });
      // The reset: its six sends were all it had; its code works.
      h.clock.advance(61);
      expect(await h.account.resendReset('password_reset-token', META)).toMatchObject({
        refused: 'too_many',
      });
      expect(await h.account.verifyReset('password_reset-token', '333333', META)).toEqual({ ok: true });
      // The e-mail change: its code changes the address.
      const user = await h.users.findById(userId);
      if (!user) throw new Error('the user is gone');
      const actor = { user, signedInAt: h.clock.now(), sessionId: 's' };
      const changed = await h.account.verifyEmailChange(actor, 'email_change-token', '333333', META);
      expect(changed).toMatchObject({ ok: true });
      expect((await h.users.findById(userId))?.email).toBe('new.user@example.jp');
    } finally {
      await dispose();
    }
  });
});
