/**
 * `npx tsx bench/middleware.ts [--seconds=3]`: what each piece of the app's middleware costs a
 * request. A Hono app is built with the pieces added one at a time, in the app's order, each
 * version served by a process of its own and loaded with autocannon in turn (a GET with a browser's
 * headers, no cookie: the path of a first visit to a page that reads nothing); each piece's cost is
 * the time per request it adds. The last line is the app's own combined middleware
 * (`requestMiddleware` in src/web/app.tsx) for comparison.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import pino from 'pino';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../src/web/shared/context.js';
import {
  cleanQueries,
  clientMeta,
  csrf,
  requestGuards,
  securityHeaders,
} from '../src/web/shared/security.js';
import { setHeadersEarly } from '../src/web/shared/node-response.js';
import { BROWSER_HEADERS } from './pages.js';
import { freePort } from './processes.js';

const logger = pino(
  { level: 'info', base: undefined },
  pino.destination({ dest: '/dev/null', minLength: 4096, sync: false }),
);

/** The pieces as the app had them before issue 15, in its order. */
const PIECES: [string, MiddlewareHandler<AppEnv>][] = [
  [
    'request id, variables, language cookie, X-Request-Id, log line',
    async (c, next) => {
      c.set('requestId', randomUUID());
      c.set('csrfToken', () => '');
      c.set('renewCsrf', () => {});
      c.set('session', { status: 'none' });
      c.set('sessionId', undefined);
      c.set('lang', getCookie(c, 'lang') === 'en' ? 'en' : 'ja');
      c.header('X-Request-Id', c.get('requestId'));
      const started = performance.now();
      await next();
      logger.info(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    },
  ],
  ['client address and user agent', clientMeta(true)],
  ['seven security headers', securityHeaders(false)],
  ['query string check', cleanQueries((c) => c.text('bad', 400))],
  ['body limit (skipped on GET)', (c, next) => next()],
  [
    'session cookie read',
    async (c, next) => {
      getCookie(c, 'sid');
      await next();
    },
  ],
  [
    'CSRF (a GET: closures only)',
    csrf({
      secret: 'x'.repeat(32),
      cookieName: 'csrf',
      secure: false,
      baseUrl: 'http://127.0.0.1',
      onFail: (c) => c.text('no', 403),
    }),
  ],
];

/** The same work as the app does it since issue 15 (src/web/app.tsx, security.ts: requestGuards). */
const NOW: MiddlewareHandler<AppEnv>[] = [
  async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('csrfToken', () => '');
    c.set('renewCsrf', () => {});
    c.set('session', { status: 'none' });
    c.set('sessionId', undefined);
    c.set('lang', getCookie(c, 'lang') === 'en' ? 'en' : 'ja');
    setHeadersEarly(c, [['X-Request-Id', c.get('requestId')]]);
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  },
  requestGuards({ trustProxy: true, production: false, onBadQuery: (c) => c.text('bad', 400) }),
  (c, next) => next(),
  async (c, next) => {
    getCookie(c, 'sid');
    await next();
  },
  PIECES[PIECES.length - 1]?.[1] as MiddlewareHandler<AppEnv>,
];

async function serveStack(count: number, port: number): Promise<void> {
  const app = new Hono<AppEnv>();
  const pieces = count > PIECES.length ? NOW : PIECES.slice(0, count).map(([, piece]) => piece);
  for (const piece of pieces) app.use('*', piece);
  app.get('/page', (c) => c.text('hello'));
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => process.send?.('ready'));
}

async function main(): Promise<void> {
  const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 3);
  const self = fileURLToPath(import.meta.url);
  const rows: { name: string; rps: number[] }[] = [];
  const servers: { port: number; stop: () => void }[] = [];
  for (let n = 0; n <= PIECES.length + 1; n++) {
    const port = await freePort();
    const child = fork(self, ['--serve', String(n), String(port)], { execArgv: ['--import', 'tsx'] });
    await new Promise((resolve) => child.once('message', resolve));
    servers.push({ port, stop: () => child.kill() });
    rows.push({
      name:
        n === 0
          ? 'bare route'
          : n > PIECES.length
            ? 'all of it as the app does it now (issue 15), compared with the line above'
            : `+ ${PIECES[n - 1]?.[0]}`,
      rps: [],
    });
  }
  const headers = { ...BROWSER_HEADERS, 'x-forwarded-for': '198.18.0.1' };
  // Two rounds, alternating, so that the machine's load falls on every version alike.
  for (let round = 0; round < 2; round++)
    for (const [i, s] of servers.entries()) {
      const r = await autocannon({
        url: `http://127.0.0.1:${s.port}/page?q=1`,
        headers,
        connections: 32,
        duration: seconds,
      });
      rows[i]?.rps.push(r.requests.average);
    }
  for (const s of servers) s.stop();
  let previous = 0;
  for (const row of rows) {
    const rps = Math.max(...row.rps);
    const us = 1e6 / rps;
    console.log(
      `${Math.round(rps).toString().padStart(6)} req/s  ${us.toFixed(1).padStart(6)} µs/request  ${previous ? `+${(us - previous).toFixed(1)} µs` : ''}  ${row.name}`,
    );
    previous = us;
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) await serveStack(Number(process.argv[serveAt + 1]), Number(process.argv[serveAt + 2]));
else {
  await main();
  process.exit(0);
}
