/**
 * The HTTP surface of the running app: CSRF, security headers, friendly Japanese error pages, no
 * 5xx for anything a browser or a stranger sends, escaping, health checks, expiry with a clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { TestClock } from '../support/clock.js';
import { HttpClient } from '../support/http-client.js';

let app: TestApp;
const clock = new TestClock(new Date());

beforeAll(async () => {
  app = await startTestApp({ clock }); // no SMTP: the development mailbox
});
afterAll(async () => {
  await app?.close();
});

/** A client at screen 3 (メールアドレスの登録) with a fresh flow. */
async function atEmailScreen(): Promise<{ client: HttpClient; token: string }> {
  const client = new HttpClient(app.url);
  const token = await client.token('/register/terms?kind=individual');
  const started = await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
  expect(started.status).toBe(303);
  expect(started.headers.get('location')).toBe('/register/email');
  return { client, token };
}

describe('HTTP', () => {
  it('sends the security headers on every page', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('strict-transport-security')).toBeNull(); // only in production
  });

  it('a post from another site is refused with 403 and changes nothing', async () => {
    const { client, token } = await atEmailScreen();
    const cross = await client.post(
      '/register/email',
      { _csrf: token, email: 'x@example.jp' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.status).toBe(403);
    expect(await cross.text()).toContain('操作を受け付けられませんでした');
    const foreignOrigin = await client.post(
      '/register/email',
      { _csrf: token, email: 'x@example.jp' },
      { origin: 'https://evil.example' },
    );
    expect(foreignOrigin.status).toBe(403);
    const noToken = await client.post('/register/email', { email: 'x@example.jp' });
    expect(noToken.status).toBe(403);
    const wrongToken = await client.post('/register/email', { _csrf: `${token}x`, email: 'x@example.jp' });
    expect(wrongToken.status).toBe(403);
    const mails = await (await fetch(`${app.url}/dev/mailbox`)).text();
    expect(mails).not.toContain('x@example.jp');
    // The same post with the token from the same site goes through.
    const ok = await client.post(
      '/register/email',
      { _csrf: token, email: 'x@example.jp' },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(ok.status).toBe(303);
  });

  it('unknown pages get a Japanese 404 page', async () => {
    const res = await fetch(`${app.url}/no/such/page`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<h1 class="title">ページが見つかりません</h1>');
    expect(html).toContain('<html lang="ja">');
  });

  it('a page address with a slash at the end redirects to the page, keeping the query', async () => {
    const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });
    for (const [path, to] of [
      ['/faq/', '/faq'],
      ['/terms/?from=mail', '/terms?from=mail'],
      ['/register/terms/?kind=individual', '/register/terms?kind=individual'],
      ['/admin/login/', '/admin/login'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe(to);
    }
    const head = await fetch(`${app.url}/faq/`, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(301);
    // Not a page without the slash either, or not another site: the 404 page, no redirect.
    for (const path of ['/no/such/page/', '//evil.example/', '/faq//']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('location'), path).toBeNull();
    }
    expect((await get('/')).status).toBe(200);
    expect((await get('/faq')).status).toBe(200);
  });

  it.each([
    ['a wrong content type', 'application/json', '{"email":"a@example.jp"}'],
    ['broken UTF-8', 'application/x-www-form-urlencoded', 'email=%E3%81&_csrf=%FF%FE'],
    ['NUL bytes', 'application/x-www-form-urlencoded', 'email=a%00b%40example.jp'],
    ['a broken multipart body', 'multipart/form-data; boundary=zzz', '--zzz\r\ngarbage'],
    // last: the server answers 413 without reading the rest and closes that connection
    ['megabytes of text', 'application/x-www-form-urlencoded', `email=${'a'.repeat(3 * 1024 * 1024)}`],
  ])('%s gets a 4xx, never a 5xx', async (_name, type, body) => {
    const { client } = await atEmailScreen();
    const res = await fetch(`${app.url}/register/email`, {
      method: 'POST',
      body,
      headers: { 'content-type': type, cookie: client.cookieHeader() },
      redirect: 'manual',
    });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(500);
  });

  it('NUL bytes with a valid token are refused as a bad request', async () => {
    const { client, token } = await atEmailScreen();
    const res = await client.post(
      '/register/email',
      `_csrf=${encodeURIComponent(token)}&email=a%00b%40example.jp`,
    );
    expect([303, 400]).toContain(res.status);
    expect(res.status).toBeLessThan(500);
  });

  it('what a person types is escaped, never run', async () => {
    const { client, token } = await atEmailScreen();
    const hostile = '"><script>alert(1)</script>@example.jp';
    const res = await client.post('/register/email', { _csrf: token, email: hostile });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('healthz and readyz answer', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('without SMTP the code mail shows on the development mailbox page', async () => {
    const { client, token } = await atEmailScreen();
    expect((await client.post('/register/email', { _csrf: token, email: 'mailbox@example.jp' })).status).toBe(
      303,
    );
    await app.mailWorker.runOnce();
    const page = await (await fetch(`${app.url}/dev/mailbox`)).text();
    expect(page).toContain('mailbox@example.jp');
    expect(page).toMatch(/認証コード：\d{6}/);
    expect(await (await fetch(`${app.url}/`)).text()).toContain('href="/dev/mailbox"');
  });

  it('after the 30 minutes the code screen sends the person back to the start with the reason', async () => {
    const { client, token } = await atEmailScreen();
    expect((await client.post('/register/email', { _csrf: token, email: 'expire@example.jp' })).status).toBe(
      303,
    );
    clock.advance(1801);
    const res = await client.post('/register/code', { _csrf: token, code: '123456' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/register?reason=expired');
    const page = await (await client.get('/register?reason=expired')).text();
    expect(page).toContain('30分が経過したため、入力された情報は削除されました');
    expect(await app.sweep()).toBeGreaterThanOrEqual(0);
    const mailbox = await (await fetch(`${app.url}/dev/mailbox`)).text();
    expect(mailbox).not.toContain('expire@example.jp');
  });

  it('a screen of the flow without a flow leads back to the start', async () => {
    const res = await fetch(`${app.url}/register/profile`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/register?reason=missing');
  });
});
