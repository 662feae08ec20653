/** Request-level protections: security headers, CSRF (synchronizer token + origin check), client meta. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from './cookies.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, Ctx } from './context.js';
import { setHeadersEarly } from './node-response.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/** The headers every response carries. */
export function securityHeaderList(production: boolean): [string, string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    [
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    ],
    ['Cache-Control', 'no-store'],
  ];
  if (production) headers.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains']);
  return headers;
}

/**
 * The headers every response carries. They are set before the handler runs, so that they go into
 * the response as it is made (changing a finished response's headers costs a copy of it); a handler
 * may still override one, as the static files do with Cache-Control.
 */
export function securityHeaders(production: boolean): MiddlewareHandler<AppEnv> {
  const headers = securityHeaderList(production);
  return async (c, next) => {
    setHeadersEarly(c, headers);
    await next();
  };
}

/** The client's address: behind our load balancer, the last X-Forwarded-For entry (the one it added). */
function clientAddress(c: Ctx, trustProxy: boolean): string | null {
  let ip: string | null = null;
  // Earlier entries come from the client and could be anything.
  if (trustProxy) ip = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? null;
    } catch {
      ip = null; // app.request() in tests has no socket
    }
  }
  return ip;
}

/** The client's address and user agent, for the audit records of what the request does. */
function setClientMeta(c: Ctx, trustProxy: boolean): void {
  c.set('meta', {
    ip: clientAddress(c, trustProxy),
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  });
}

export function clientMeta(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    setClientMeta(c, trustProxy);
    await next();
  };
}

/**
 * What every request gets before the routes, in one middleware rather than three (each costs a
 * closure, a promise and a step of Hono's dispatch): the client's meta (clientMeta), the security
 * headers (securityHeaders) and the query-string check (cleanQueries).
 */
export function requestGuards(opts: {
  trustProxy: boolean;
  production: boolean;
  onBadQuery: (c: Ctx) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
  const headers = securityHeaderList(opts.production);
  return async (c, next) => {
    setClientMeta(c, opts.trustProxy);
    setHeadersEarly(c, headers);
    if (!queryIsClean(c)) return opts.onBadQuery(c);
    await next();
  };
}

/**
 * Random bytes for new cookies, taken from a pool that is refilled 4 KiB at a time from the system's
 * secure generator (as Node does for randomUUID): one call for many first visits, each byte used once.
 */
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
export function pooledRandomToken(size: number): string {
  if (randomOffset + size > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  const token = randomPool.subarray(randomOffset, randomOffset + size).toString('base64url');
  randomOffset += size;
  return token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A per-browser random cookie; forms carry its HMAC. A POST must carry the right token and must not
 * come from another site (Sec-Fetch-Site / Origin). Failures are answered by `onFail` (a 403 page).
 * The cookie is replaced (`renewCsrf`) whenever the session changes, so that a token from before a
 * sign-in or sign-out is refused after it (OWASP: renew the token with the session).
 */
export function csrf(opts: {
  secret: string;
  cookieName: string;
  secure: boolean;
  baseUrl: string;
  onFail: (c: Ctx) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
  const allowedOrigin = new URL(opts.baseUrl).origin;
  return async (c, next) => {
    // The cookie and the token are made when a page first asks for the token (a form): a page
    // without a form costs no random bytes, no HMAC and no Set-Cookie.
    let token: string | undefined;
    const newCookie = (): string => {
      const cookie = pooledRandomToken(24);
      setCookie(c, opts.cookieName, cookie, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secure,
        path: '/',
      });
      return cookie;
    };
    const issue = (): string => {
      if (token !== undefined) return token;
      let cookie = getCookie(c, opts.cookieName);
      if (!cookie || !/^[A-Za-z0-9_-]{20,100}$/.test(cookie)) cookie = newCookie();
      token = csrfToken(opts.secret, cookie);
      return token;
    };
    c.set('csrfToken', issue);
    // After the check below: the token this request carried was the old session's.
    c.set('renewCsrf', () => {
      token = csrfToken(opts.secret, newCookie());
    });
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') return opts.onFail(c);
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && origin !== allowedOrigin && origin !== new URL(c.req.url).origin)
      return opts.onFail(c);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
      return opts.onFail(c);
    let sent: unknown;
    try {
      sent = (await c.req.parseBody())['_csrf'];
    } catch {
      return opts.onFail(c);
    }
    if (typeof sent !== 'string' || !sameToken(sent, issue())) return opts.onFail(c);
    return next();
  };
}

/**
 * Whether a raw query string decodes to clean text: valid UTF-8 (no `%FF`, no lone surrogate) and
 * no NUL or U+FFFD, the same rule as forms (render.ts: readForm).
 */
export function cleanQueryString(query: string): boolean {
  for (const part of query.split('&')) {
    let text: string;
    try {
      text = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
    if (text.includes('\u0000') || text.includes('\uFFFD')) return false;
  }
  return true;
}

/** Whether the request's query string, if it has one, is clean text (cleanQueryString). */
function queryIsClean(c: Ctx): boolean {
  const url = c.req.url;
  const at = url.indexOf('?');
  return at < 0 || cleanQueryString(url.slice(at + 1));
}

/** Refuses (with `onBad`, a 400 page) a request whose query string is not clean text. */
export function cleanQueries(onBad: (c: Ctx) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!queryIsClean(c)) return onBad(c);
    await next();
  };
}
