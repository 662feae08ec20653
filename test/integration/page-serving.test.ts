/**
 * How pages are served fast: the pages that are the same for every visitor are rendered once with
 * each visitor's own form token put in, text is compressed as the browser allows, and the static
 * files are compressed once and revalidated with an ETag.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET that shows the bytes as sent: no decompression, no cookie jar. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Raw) =>
  (r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body
  ).toString();

const csrfCookie = (r: Raw) => {
  const line = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('csrf='));
  return line?.split(';')[0] ?? '';
};
const formToken = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1];

describe('shared pages', () => {
  it('give each new visitor a page with their own form token and otherwise the same text', async () => {
    const a = await rawGet('/register/terms?kind=individual');
    const b = await rawGet('/register/terms?kind=individual');
    const ta = formToken(decoded(a));
    const tb = formToken(decoded(b));
    expect(ta).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tb).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ta).not.toBe(tb);
    expect(csrfCookie(a)).not.toBe(csrfCookie(b));
    expect(decoded(a).replace(ta ?? '', 'T')).toBe(decoded(b).replace(tb ?? '', 'T'));
  });

  it('carry a token that the form accepts: the flow starts from the shared page', async () => {
    const page = await rawGet('/register/terms?kind=business', { 'accept-encoding': 'gzip, br' });
    expect(page.headers['content-encoding']).toBe('gzip');
    const token = formToken(decoded(page)) ?? '';
    const res = await fetch(`${app.url}/register/terms`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie(page) },
      body: new URLSearchParams({ _csrf: token, kind: 'business', agree: 'yes' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/register/email');
  });

  it('keep the token of a returning visitor and send the same page compressed or not', async () => {
    const first = await rawGet('/login');
    const cookie = csrfCookie(first);
    const plain = await rawGet('/login', { cookie });
    const gzip = await rawGet('/login', { cookie, 'accept-encoding': 'gzip' });
    const br = await rawGet('/login', { cookie, 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('gzip'); // the token template is gzip
    expect(decoded(gzip)).toBe(plain.body.toString());
    expect(decoded(br)).toBe(plain.body.toString());
    expect(formToken(plain.body.toString())).toBe(formToken(decoded(first)));
    expect(plain.headers.vary).toBe('Accept-Encoding');
  });

  it('without a form are compressed once with brotli, in each language', async () => {
    for (const lang of ['ja', 'en']) {
      const plain = await rawGet('/faq', { cookie: `lang=${lang}` });
      const br = await rawGet('/faq', { cookie: `lang=${lang}`, 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(decoded(br)).toBe(plain.body.toString());
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
      expect(plain.body.toString()).toContain(`<html lang="${lang}">`);
    }
  });

  it('set the form cookie only where there is a form: a page without one costs no token', async () => {
    for (const path of ['/', '/register', '/faq', '/terms'])
      expect(csrfCookie(await rawGet(path)), path).toBe('');
    for (const path of ['/register/terms?kind=individual', '/login'])
      expect(csrfCookie(await rawGet(path)), path).toMatch(/^csrf=[A-Za-z0-9_-]{32}$/);
  });

  it('link the language switch to the page itself, whatever else is in the address', async () => {
    const page = decoded(await rawGet('/register/terms?kind=individual&utm_source=mail'));
    expect(page).toContain('href="/lang/en?back=%2Fregister%2Fterms%3Fkind%3Dindividual"');
  });
});

describe('pages rendered for each request', () => {
  it('are compressed with brotli when the browser takes it, and stay whole', async () => {
    const plain = await rawGet('/register?reason=expired');
    const br = await rawGet('/register?reason=expired', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(br).replace(/value="[^"]+"/g, '')).toBe(
      plain.body.toString().replace(/value="[^"]+"/g, ''),
    );
  });

  it('are not compressed when small', async () => {
    const res = await rawGet('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('static files', () => {
  it('are compressed, cached for a day and revalidated with their ETag', async () => {
    const plain = await rawGet('/assets/app.css');
    const br = await rawGet('/assets/app.css', { 'accept-encoding': 'br' });
    const gzip = await rawGet('/assets/app.css', { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(br)).toBe(plain.body.toString());
    expect(decoded(gzip)).toBe(plain.body.toString());
    expect(plain.headers['cache-control']).toBe('public, max-age=86400');
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    const again = await rawGet('/assets/app.css', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await rawGet('/assets/app.css', { 'if-none-match': '"other"' })).status).toBe(200);
  });
});

describe('the type of each answer, as a browser receives it over HTTP', () => {
  it('is HTML for every kind of page and CSS or JavaScript for the static files, compressed or not', async () => {
    const expected: [string, string][] = [
      ['/', 'text/html; charset=UTF-8'], // a shared page without a form
      ['/login', 'text/html; charset=UTF-8'], // a shared page with a form token and its cookie
      ['/no-such-page', 'text/html; charset=UTF-8'], // an error page
      ['/procedures', 'text/html; charset=UTF-8'], // a page rendered for the request
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ];
    for (const encoding of ['br, gzip', 'gzip', '']) {
      for (const [path, type] of expected) {
        const r = await rawGet(path, encoding ? { 'accept-encoding': encoding } : {});
        expect(r.headers['content-type'], `${path} (${encoding || 'identity'})`).toBe(type);
        expect(r.headers.vary, `${path} (${encoding || 'identity'})`).toBe('Accept-Encoding');
      }
    }
    const html = decoded(await rawGet('/', { 'accept-encoding': 'br' }));
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
  });
});
