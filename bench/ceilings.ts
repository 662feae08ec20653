/**
 * The benchmark's ceilings, each in a process of its own (bundled like the server, run with plain
 * `node` and no flags), so that what they cost is not shared with the app's process:
 *
 * - `hello`: a bare Hono route answering "hello": the ceiling of the pages that read nothing.
 * - `database`: a plain `node:http` server with the same database driver as the app (`pg`, or PGlite
 *   on the embedded run) making マイページ's queries by hand: the session with its user in one
 *   SELECT by the SHA-256 of the cookie (a named prepared statement), then, side by side, the notices
 *   for the user's kind (kept for 5 s as the app keeps them) and the person's applications for
 *   申請履歴 (one draft, as the benchmark's person has), and a page of the same size as マイページ with the person's
 *   name and notices in it, compressed as the app compresses a per-person page. The ceiling of the
 *   screens that read the database. It makes its own user and session (so that it also works on a
 *   PGlite of its own) and sends the session cookie to the benchmark.
 *
 * `node dist/bench/ceilings.mjs hello PORT` or `… database PORT (postgres URL | pglite DIR)`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import { Hono } from 'hono';
import pg from 'pg';
import { openDatabase } from '../src/db/shared/client.js';
import { compressNow, negotiate } from '../src/web/shared/compression.js';

const [kind, portArg, driver, where] = process.argv.slice(2);
const port = Number(portArg);

type Query = (name: string, text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

/** The session joined with its user: the same statement as the app's (db/account/sessions.ts). */
const SESSION_WITH_USER = `select s.user_id, s.created_at as s_created_at, s.last_seen_at, s.signed_in_at, u.*
  from sessions s join users u on u.id = s.user_id where s.id_hash = $1`;
/** 申請履歴 and 一時保存中の申請 on マイページ: the same columns as the app's (db/procedures/applications.ts). */
const APPLICATIONS_OF_USER = `select id, reference_number, procedure_id, state, created_at, submitted_at, draft_expires_at
  from applications where user_id = $1 order by created_at desc`;
const NOTICES_FOR_KIND = `select * from notices where withdrawn_at is null and publish_from <= $1
  and (publish_until is null or publish_until > $1) and audience = any($2)
  order by publish_from desc, created_at desc limit 20`;

async function connect(): Promise<{ query: Query; close(): Promise<void> }> {
  if (driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: where, max: 10 });
    return {
      query: async (name, text, values) => (await pool.query({ name, text, values })).rows,
      close: () => pool.end(),
    };
  }
  // PGlite is one process's alone: the ceiling has its own, migrated as the app's is, and opened
  // again as the app is (the first opening runs initdb, which holds much memory for a while).
  const folder = join(String(where), 'pglite');
  const first = new PGlite(folder);
  await openDatabase({ pglite: first });
  await first.close();
  const client = new PGlite(folder);
  return {
    query: async (_name, text, values) => (await client.query<Record<string, unknown>>(text, values)).rows,
    close: () => client.close(),
  };
}

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string,
  );

/** About the size of マイページ as the app renders it (7 kB of HTML). */
const FILLER = `<li><a href="/procedures">手続を探す</a> オンラインで申請できる手続の一覧です。</li>`.repeat(
  40,
);

async function databaseCeiling(): Promise<void> {
  const db = await connect();
  // Its own user and session, in the database given.
  const token = randomBytes(32).toString('base64url');
  const [user] = await db.query(
    'ceiling_user',
    `insert into users (kind, email, email_key, password_hash, notify, postal_code, prefecture,
       city_address, phone, birth_date, family_name, given_name, created_at, updated_at)
     values ('individual', $1, $1, 'x', true, '2108577', '神奈川県', '川崎市川崎区宮本町1番地',
       '0442002111', '1985-04-01', '川崎', '太郎', now(), now()) returning id`,
    [`ceiling-${token.slice(0, 12)}@example.jp`],
  );
  await db.query(
    'ceiling_session',
    `insert into sessions (id_hash, user_id, created_at, last_seen_at, signed_in_at)
     values ($1, $2, now(), now(), now())`,
    [createHash('sha256').update(token).digest('hex'), user?.id],
  );
  await db.query(
    'ceiling_draft',
    `insert into applications (procedure_id, user_id, created_at, last_saved_at, draft_expires_at)
     values ('letter-to-mayor', $1, now(), now(), now() + interval '30 days')`,
    [user?.id],
  );
  let notices: { at: number; kind: string; rows: Promise<Record<string, unknown>[]> } | null = null;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const [row] = sid
      ? await db.query('ceiling_session_user', SESSION_WITH_USER, [
          createHash('sha256').update(sid).digest('hex'),
        ])
      : [];
    if (!row) {
      res.writeHead(303, { location: '/login' }).end();
      return;
    }
    const now = Date.now();
    if (!notices || notices.kind !== row.kind || now - notices.at >= 5000)
      notices = {
        at: now,
        kind: String(row.kind),
        rows: db.query('ceiling_notices', NOTICES_FOR_KIND, [new Date(now), ['all', row.kind]]),
      };
    const [noticeRows, applicationRows] = await Promise.all([
      notices.rows,
      db.query('ceiling_applications', APPLICATIONS_OF_USER, [row.user_id]),
    ]);
    const list = noticeRows.map((n) => `<li>${esc(n.title)}</li>`).join('');
    const drafts = applicationRows
      .map((a) => `<li>${esc(a.procedure_id)} ${esc(a.draft_expires_at)}</li>`)
      .join('');
    const html = Buffer.from(
      `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>マイページ</title></head><body>` +
        `<h1>マイページ</h1><p>${esc(row.family_name)} ${esc(row.given_name)} さん</p>` +
        `<ul>${list}</ul><ul>${drafts}</ul><ul>${FILLER}</ul></body></html>`,
    );
    const encoding = negotiate(req.headers['accept-encoding']);
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=UTF-8' };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, headers).end(encoding ? compressNow(html, encoding) : html);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  server.listen(port, '127.0.0.1', () => process.send?.({ ready: true, cookie: `sid=${token}` }));
  process.on('message', (message: unknown) => {
    if (message === 'stop') server.close(() => void db.close().then(() => process.exit(0)));
  });
}

if (kind === 'hello') {
  const hello = new Hono().get('/hello', (c) => c.text('hello'));
  const server = serve({ fetch: hello.fetch, port, hostname: '127.0.0.1' }, () =>
    process.send?.({ ready: true }),
  );
  process.on('message', (message: unknown) => {
    if (message === 'stop') server.close(() => process.exit(0));
  });
} else await databaseCeiling();
