/**
 * The app's cookies, read and set. Under node:http a Set-Cookie goes onto the node response, as the
 * security headers, Vary and Content-Encoding do (node-response.ts), so that a page that sets a cookie (the
 * form token's, on ログイン and 利用規約の確認) makes no WHATWG `Headers` for it. Every cookie of the
 * app is set here (ESLint refuses hono/cookie's setters elsewhere): a Set-Cookie kept by Hono would
 * replace these when @hono/node-server writes the head, since node:http lets the head's fields win
 * over those set before.
 */
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { nodeResponse } from './node-response.js';

export { getCookie };

export function setCookie(c: Context, name: string, value: string, opt?: CookieOptions): void {
  const cookie = generateCookie(name, value, opt);
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.appendHeader('Set-Cookie', cookie);
  else c.header('Set-Cookie', cookie, { append: true });
}

/** Tells the browser to forget a cookie (as hono/cookie's deleteCookie); returns what it held. */
export function deleteCookie(c: Context, name: string, opt?: CookieOptions): string | undefined {
  const held = opt?.prefix ? getCookie(c, name, opt.prefix) : getCookie(c, name);
  setCookie(c, name, '', { ...opt, maxAge: 0 });
  return held;
}
