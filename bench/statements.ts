/**
 * `npx tsx bench/statements.ts`: the SQL statements (each one a round trip to PostgreSQL) that one
 * whole registration and one sign-in make, request by request, as a browser goes through them: the
 * real app with a logger that counts every statement, the mail worker's among them. On the embedded
 * database by default, where the logger is not told of transactions' BEGIN and COMMIT; on a fresh
 * database of the PostgreSQL server at TEST_DATABASE_URL when it is set, where it is (each is a
 * round trip there too).
 */
import { sql } from 'drizzle-orm';
import { StatementLog } from '../test/support/query-plans.js';
import { testEnv } from '../src/config.js';
import { pgliteFactory, postgresFactory } from '../test/support/databases.js';
import { startTestApp } from '../test/support/app-server.js';
import { Visitor, formToken, type Reply } from './client.js';
import { PASSWORD, PROFILE } from './flows.js';

const log = new StatementLog();
const url = testEnv().testDatabaseUrl;
const database = await (url ? postgresFactory(url) : pgliteFactory).open({ logger: log });
const app = await startTestApp({ database, env: { TRUST_PROXY: 'true', MAIL_POLL_MS: '60000' } });
const address = `statements-${Date.now()}@example.jp`;
let total = 0;
async function step<T extends Reply>(name: string, request: () => Promise<T>): Promise<T> {
  // The mail worker's rounds are counted with the step that queued the mail.
  await new Promise((r) => setTimeout(r, 300));
  const before = log.statements.length;
  const reply = await request();
  await new Promise((r) => setTimeout(r, 300));
  const made = log.statements.slice(before);
  total += made.length;
  console.log(`${String(made.length).padStart(3)}  ${name}`);
  for (const s of made) console.log(`       ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
  return reply;
}

log.start();
const v = new Visitor(app.url);
const terms = await step('GET /register/terms', () => v.get('/register/terms?kind=individual'));
const token = formToken(terms.html);
await step('POST /register/terms → GET /register/email', () =>
  v.post('/register/terms', token, { kind: 'individual', agree: 'yes' }),
);
await step('POST /register/email → GET /register/code (and the code mail)', () =>
  v.post('/register/email', token, { email: address }),
);
const code = await log.paused(async () => {
  const r = await database.db.execute(
    sql`select body from mail_outbox where to_address = ${address} order by id desc limit 1`,
  );
  const body = String((r as unknown as { rows: { body: string }[] }).rows[0]?.body ?? '');
  return body.match(/\b(\d{6})\b/)?.[1] ?? '';
});
await step('POST /register/code → GET /register/profile', () => v.post('/register/code', token, { code }));
await step('POST /register/profile → GET /register/confirm', () =>
  v.post('/register/profile', token, PROFILE),
);
await step('POST /register/confirm → GET /register/complete (and the mail)', () =>
  v.post('/register/confirm', token, {}),
);
console.log(`${total} statements for one registration`);
total = 0;
const visitor = new Visitor(app.url);
const login = await step('GET /login', () => visitor.get('/login'));
await step('POST /login → GET /mypage', () =>
  visitor.post('/login', formToken(login.html), { email: address, password: PASSWORD, next: '/mypage' }),
);
console.log(`${total} statements for one sign-in`);
await step('GET /mypage', () => visitor.get('/mypage'));
log.stop();
await app.close();
process.exit(0);
