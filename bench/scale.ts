/**
 * The background jobs on a city-sized database: a million users, a million mails already sent,
 * 100,000 registrations in progress of which half have expired (each with its code and code mail),
 * 100,000 rate-limit counters. Times one sweep (which deletes the 50,000 expired flows), a sweep with
 * nothing to do, a mail worker round and the lookups a sign-in and a flow make.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/shared/client.js';
import { startServer } from '../src/main.js';

export type ScaleResult = {
  driver: string;
  seedSeconds: number;
  users: number;
  pending: number;
  expiredDeleted: number;
  sweepMs: number;
  idleSweepMs: number;
  workerRoundMs: number;
  workerMails: number;
  lookupMs: number;
};

const HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function seed(database: Database, users: number, pending: number): Promise<void> {
  const { db } = database;
  // In steps, so that no single statement holds the whole million in memory (PGlite's heap is small).
  const step = 100_000;
  for (let from = 1; from <= users; from += step) {
    const to = Math.min(users, from + step - 1);
    await db.execute(sql`
      insert into users (kind, email, email_key, password_hash, notify, postal_code, prefecture,
        city_address, phone, birth_date, family_name, given_name, created_at, updated_at)
      select 'individual', 'seed' || g || '@example.jp', 'seed' || g || '@example.jp', ${HASH}, g % 2 = 0,
        '2108577', '神奈川県', '川崎市川崎区宮本町1番地', '0442002111', '1985-04-01', '川崎', '太郎',
        now() - make_interval(secs => g), now()
      from generate_series(${from}::int, ${to}::int) g`);
    await db.execute(sql`
      insert into mail_outbox (template, to_address, subject, body, status, attempts, next_attempt_at, created_at, sent_at)
      select 'registration_complete', 'seed' || g || '@example.jp', '本登録完了のお知らせ', 'seed', 'sent', 1,
        now() - make_interval(secs => g), now() - make_interval(secs => g), now() - make_interval(secs => g)
      from generate_series(${from}::int, ${to}::int) g`);
  }
  // Registrations in progress: the odd ones expired a minute ago, the even ones have 20 minutes left.
  await db.execute(sql`
    insert into registrations (token_hash, kind, state, email, email_key, created_at, expires_at)
    select md5('bench' || g), 'individual', 'code_sent', 'flow' || g || '@example.jp', 'flow' || g || '@example.jp',
      now() - interval '10 minutes',
      case when g % 2 = 1 then now() - interval '1 minute' else now() + interval '20 minutes' end
    from generate_series(1, ${pending}::int) g`);
  await db.execute(sql`
    insert into email_codes (purpose, registration_id, code_hmacs, codes_sent, last_sent_at, created_at)
    select 'registration', id, array[md5(token_hash)], 1, created_at, created_at from registrations`);
  await db.execute(sql`
    insert into mail_outbox (registration_id, template, to_address, subject, body, status, attempts, next_attempt_at, created_at, sent_at)
    select id, 'registration_code', email, '認証コードのお知らせ', 'seed', 'sent', 1, created_at, created_at, created_at
    from registrations`);
  await db.execute(sql`
    insert into rate_limits (key, window_start, count)
    select 'sign-in:ip:10.' || (g >> 16) || '.' || ((g >> 8) & 255) || '.' || (g & 255),
      now() - make_interval(secs => g % 7200), 1
    from generate_series(1, 100000) g`);
  // 200 mails waiting to go, as after a burst of registrations.
  await db.execute(sql`
    insert into mail_outbox (template, to_address, subject, body, status, attempts, next_attempt_at, created_at)
    select 'registration_code', 'queued' || g || '@example.jp', '認証コードのお知らせ', 'seed', 'queued', 0, now(), now()
    from generate_series(1, 200) g`);
  await db.execute(sql`analyze`);
}

export async function measureScale(
  database: Database,
  options: { users: number; pending: number },
): Promise<ScaleResult> {
  const seedStarted = performance.now();
  await seed(database, options.users, options.pending);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The app's own sweep and worker; their timers are set far apart so only the calls below run.
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_SECONDS: '3600',
    MAIL_POLL_MS: '60000',
  });
  const running = await startServer(config, { database, listen: false });
  try {
    let t = performance.now();
    const expiredDeleted = await running.sweep();
    const sweepMs = performance.now() - t;
    t = performance.now();
    await running.sweep();
    const idleSweepMs = performance.now() - t;
    t = performance.now();
    const workerMails = await running.mailWorker.runOnce();
    const workerRoundMs = performance.now() - t;
    // What ログイン and a flow's screens look up, by key, among the million.
    t = performance.now();
    await database.db.execute(sql`select id from users where email_key = 'seed777777@example.jp'`);
    await database.db.execute(sql`select id from registrations where token_hash = md5('bench50000')`);
    const lookupMs = performance.now() - t;
    return {
      driver: database.driver,
      seedSeconds,
      users: options.users,
      pending: options.pending,
      expiredDeleted,
      sweepMs,
      idleSweepMs,
      workerRoundMs,
      workerMails,
      lookupMs,
    };
  } finally {
    await running.close();
  }
}
