/**
 * What a stranger or a broken browser can send: hostile strings through every registration and
 * sign-in form (escaped, never a 5xx), limits answered with 429, the production settings (secure
 * cookies, HSTS), a friendly 500 page without a stack trace, and logs without personal data.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { loadConfig } from '../../src/config.js';
import { mailOutbox } from '../../src/db/schema/index.js';
import { startServer } from '../../src/main.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { pgliteFactory } from '../support/databases.js';
import { HttpClient } from '../support/http-client.js';
import { INDIVIDUAL_FORM } from '../support/registration-harness.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  '{{7*7}}${7*7}<%= 7*7 %>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  'Ａ\u200B\u200D\uFEFF',
  '../../../../etc/passwd',
  '😀👨‍👩‍👧‍👦𠮷',
  'a'.repeat(5000),
  '\r\nSet-Cookie: evil=1',
  '%3Cscript%3E',
];

function expectSafe(html: string): void {
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).not.toContain('<img src=x onerror=alert(1)>');
}

class Lines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
}

let app: TestApp;
const log = new Lines();

beforeAll(async () => {
  app = await startTestApp({
    env: { LOG_LEVEL: 'info', CODE_MAILS_PER_IP_PER_10_MIN: '1000' },
    logStream: log,
  });
});
afterAll(async () => {
  await app?.close();
});

async function codeFor(): Promise<string> {
  const [mail] = await app.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(1);
  return mail?.body.match(/認証コード：(\d{6})/)?.[1] ?? '';
}

describe('hostile input', () => {
  it.each(HOSTILE.map((h, i) => [i, h]))(
    'string #%i goes through every registration and sign-in form safely',
    async (_i, hostile) => {
      const client = new HttpClient(app.url);
      const token = await client.token('/register/terms?kind=individual');
      for (const [path, form] of [
        ['/register/terms', { kind: hostile, agree: hostile }],
        ['/login', { email: hostile, password: hostile, next: hostile }],
      ] as const) {
        const res = await client.post(path, { _csrf: token, ...form });
        expect(res.status, path).toBeLessThan(500);
        expectSafe(await res.text());
      }
      await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
      const email = await client.post('/register/email', { _csrf: token, email: hostile });
      expect(email.status).toBe(400);
      expectSafe(await email.text());
      expect(
        (await client.post('/register/email', { _csrf: token, email: `hostile${_i}@example.jp` })).status,
      ).toBe(303);
      const code = await client.post('/register/code', { _csrf: token, code: hostile });
      expect(code.status).toBeLessThan(500);
      expectSafe(await code.text());
      await client.post('/register/code', { _csrf: token, code: await codeFor() });
      for (const field of Object.keys(INDIVIDUAL_FORM)) {
        const res = await client.post('/register/profile', {
          _csrf: token,
          ...INDIVIDUAL_FORM,
          [field]: hostile,
        });
        expect(res.status, field).toBeLessThan(500);
        if (res.status === 400) expectSafe(await res.text());
      }
      // Whatever was accepted is shown escaped on the confirm screen.
      const confirm = await client.get('/register/confirm');
      expect(confirm.status).toBeLessThan(500);
      expectSafe(await confirm.text());
    },
  );

  it('every account form takes every hostile string safely', async () => {
    // A registered, signed-in user (through the real screens).
    const client = new HttpClient(app.url);
    const token = await client.token('/register/terms?kind=individual');
    await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
    await client.post('/register/email', { _csrf: token, email: 'account.hostile@example.jp' });
    await client.post('/register/code', { _csrf: token, code: await codeFor() });
    await client.post('/register/profile', { _csrf: token, ...INDIVIDUAL_FORM });
    expect((await client.post('/register/confirm', { _csrf: token })).status).toBe(303);
    const stranger = new HttpClient(app.url);
    const strangerToken = await stranger.token('/password-reset');
    for (const hostile of HOSTILE) {
      const forms: [HttpClient, string, string, Record<string, string>][] = [
        [
          client,
          token,
          '/account/profile',
          { ...INDIVIDUAL_FORM, familyName: hostile, cityAddress: hostile, phone: hostile },
        ],
        [client, token, '/account/email', { newEmail: hostile, password: hostile }],
        [client, token, '/account/email/code', { code: hostile }],
        [
          client,
          token,
          '/account/password',
          { currentPassword: hostile, newPassword: hostile, newPasswordConfirm: hostile },
        ],
        [client, token, '/account/delete', { password: hostile }],
        [stranger, strangerToken, '/password-reset', { email: hostile }],
        [stranger, strangerToken, '/password-reset/code', { code: hostile }],
        [
          stranger,
          strangerToken,
          '/password-reset/new',
          { newPassword: hostile, newPasswordConfirm: hostile },
        ],
      ];
      for (const [who, csrf, path, form] of forms) {
        const res = await who.post(path, { _csrf: csrf, ...form });
        expect(res.status, path).toBeLessThan(500);
        expectSafe(await res.text());
      }
    }
    // Still signed in and unchanged: nothing hostile got through as a change.
    const mypage = await client.get('/mypage');
    expect(mypage.status).toBe(200);
    expectSafe(await mypage.text());
  });

  it('a limited request gets 429 and the screen it came from, with the address kept', async () => {
    const limited = await startTestApp({ env: { CODE_MAILS_PER_IP_PER_10_MIN: '2' } });
    try {
      const client = new HttpClient(limited.url);
      const token = await client.token('/register/terms?kind=business');
      for (let i = 0; i < 2; i++) {
        await client.post('/register/terms', { _csrf: token, kind: 'business', agree: 'yes' });
        expect(
          (await client.post('/register/email', { _csrf: token, email: `limit${i}@example.jp` })).status,
        ).toBe(303);
      }
      await client.post('/register/terms', { _csrf: token, kind: 'business', agree: 'yes' });
      const res = await client.post('/register/email', { _csrf: token, email: 'limit2@example.jp' });
      expect(res.status).toBe(429);
      const html = await res.text();
      expect(html).toContain('しばらく時間をおいてから、もう一度お試しください');
      expect(html).toContain('value="limit2@example.jp"');
      expect(html).toContain('<h1 class="title">メールアドレスの登録</h1>');
    } finally {
      await limited.close();
    }
  });

  it('logs carry a request id and no address, code, password, cookie or session id', async () => {
    const client = new HttpClient(app.url);
    const token = await client.token('/register/terms?kind=individual');
    await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
    await client.post('/register/email', { _csrf: token, email: 'logged.person@example.jp' });
    const code = await codeFor();
    await client.post('/register/code', { _csrf: token, code });
    await client.post('/register/profile', { _csrf: token, ...INDIVIDUAL_FORM });
    await client.post('/register/confirm', { _csrf: token });
    await client.get('/api/postal-codes/2100007');
    const text = log.lines.join('\n');
    const entries = log.lines.map((l) => JSON.parse(l) as { requestId?: string; msg?: string });
    expect(entries.filter((e) => e.msg === 'request').length).toBeGreaterThan(5);
    expect(entries.filter((e) => e.msg === 'request').every((e) => typeof e.requestId === 'string')).toBe(
      true,
    );
    expect(text).not.toContain('logged.person');
    expect(text).not.toContain(code);
    expect(text).not.toContain(INDIVIDUAL_FORM.password);
    expect(text).not.toContain('2100007');
    for (const cookie of client.cookieHeader().split('; '))
      expect(text).not.toContain(cookie.split('=')[1] ?? '§');
  });
});

describe('production settings', () => {
  it('cookies are Secure and __Host- prefixed, and HSTS is sent', async () => {
    const database = await pgliteFactory.open();
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'c0ffee-and-green-tea-0123456789abcdef',
      BASE_URL: 'https://e-kawasaki.example.jp',
      DATABASE_URL: 'postgres://unused.invalid/madoguchi',
      SMTP_URL: 'smtp://127.0.0.1:9',
    });
    const running = await startServer(config, { database });
    try {
      const res = await fetch(`${running.url}/register/terms?kind=individual`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      const cookies = res.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const c of cookies) {
        expect(c).toMatch(/^__Host-/);
        expect(c).toMatch(/; Secure/i);
        expect(c).toMatch(/; HttpOnly/i);
        expect(c).toMatch(/; Path=\//i);
      }
      expect((await fetch(`${running.url}/dev/mailbox`)).status).toBe(404);
    } finally {
      await running.close();
      await database.close();
    }
  });

  it('an unexpected failure shows a friendly Japanese 500 page without a stack trace', async () => {
    const database = await pgliteFactory.open();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
    const running = await startServer(config, { database });
    try {
      const client = new HttpClient(running.url);
      const token = await client.token('/register/terms?kind=individual');
      await database.close(); // the database goes away under the running app
      const res = await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
      expect(res.status).toBe(500);
      const html = await res.text();
      expect(html).toContain('エラーが発生しました');
      expect(html).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(html).not.toContain('PGlite');
    } finally {
      await running.close();
    }
  });
});
