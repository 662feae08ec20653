/**
 * The HTTP application: middleware in order (request id, client meta, security headers, body limit,
 * session, CSRF), the feature routes, and one place for errors. Tested with `app.request()`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { AppEnv, Ctx, WebDeps } from './context.js';
import { cookieNames } from './context.js';
import { renderPage } from './render.js';
import { accountRoutes } from './routes/account.js';
import { pageRoutes } from './routes/pages.js';
import { postalRoutes } from './routes/postal.js';
import { registrationRoutes } from './routes/registration.js';
import { clientMeta, csrf, securityHeaders } from './security.js';

const root = (path: string) => new URL(`../../${path}`, import.meta.url);
/** Each asset is the concatenation of its files: the design tokens come first, our CSS after. */
const ASSETS: Record<string, { type: string; files: URL[] }> = {
  '/assets/app.css': {
    type: 'text/css; charset=utf-8',
    files: [root('node_modules/@digital-go-jp/design-tokens/dist/tokens.css'), root('public/app.css')],
  },
  '/assets/app.js': { type: 'text/javascript; charset=utf-8', files: [root('public/app.js')] },
};

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: WebDeps) {
  const app = new Hono<AppEnv>();
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;

  const errorPage = (c: Ctx, status: 400 | 403 | 404 | 413 | 429 | 500, title: string, message: string) =>
    renderPage(
      c,
      dev,
      { title, status },
      <>
        <p>{message}</p>
        <p>
          <a href="/">トップページへ戻る</a>
        </p>
      </>,
    );

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('csrfToken', '');
    c.set('session', { status: 'none' });
    c.set('sessionId', undefined);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', c.get('requestId'));
    // No query string, body, cookie or address in the log: only what cannot identify a person.
    const path = c.req.path.startsWith('/api/postal-codes/') ? '/api/postal-codes/:code' : c.req.path;
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', clientMeta(deps.config.trustProxy));
  app.use('*', securityHeaders(deps.config.env === 'production'));

  // Static files: read once, cached by the browser for a day.
  const assetCache = new Map<string, string>();
  app.get('/assets/*', (c) => {
    const asset = ASSETS[c.req.path];
    if (!asset) return errorPage(c, 404, 'ページが見つかりません', 'お探しのページは見つかりませんでした。');
    let text = assetCache.get(c.req.path);
    if (text === undefined) {
      text = asset.files.map((f) => readFileSync(f, 'utf8')).join('\n');
      if (deps.config.env !== 'development') assetCache.set(c.req.path, text);
    }
    return c.body(text, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await deps.ready()) ? c.json({ status: 'ready' }) : c.json({ status: 'not ready' }, 503),
  );

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is not read: the connection cannot be reused.
        c.header('Connection', 'close');
        return errorPage(
          c as Ctx,
          413,
          '送信できませんでした',
          '送信された内容が大きすぎます。入力内容を確認して、もう一度お試しください。',
        );
      },
    }),
  );

  app.use('*', async (c, next) => {
    const sid = getCookie(c, names.session);
    if (sid) {
      const current = await deps.sessions.resolve(sid);
      c.set('session', current);
      if (current.status === 'signed_in') c.set('sessionId', sid);
      else deleteCookie(c, names.session, { path: '/', secure: deps.config.secureCookies });
    }
    await next();
  });

  app.use(
    '*',
    csrf({
      secret: deps.config.sessionSecret,
      cookieName: names.csrf,
      secure: deps.config.secureCookies,
      baseUrl: deps.config.baseUrl,
      onFail: (c) =>
        errorPage(
          c,
          403,
          '操作を受け付けられませんでした',
          'セキュリティ確認のため、この操作を受け付けられませんでした。お手数ですが、前の画面に戻って、ページを再読み込みしてから、もう一度お試しください。',
        ),
    }),
  );

  app.route('/', pageRoutes(deps));
  app.route('/', postalRoutes());
  app.route('/', registrationRoutes(deps));
  app.route('/', accountRoutes(deps));

  app.notFound((c) =>
    errorPage(
      c as Ctx,
      404,
      'ページが見つかりません',
      'お探しのページは見つかりませんでした。アドレスをご確認ください。',
    ),
  );
  app.onError((err, c) => {
    deps.logger.error(
      { requestId: c.get('requestId'), err: { name: err.name, message: err.message, stack: err.stack } },
      'request failed',
    );
    return errorPage(
      c as Ctx,
      500,
      'エラーが発生しました',
      '申し訳ありません。システムでエラーが発生しました。しばらく時間をおいてから、もう一度お試しください。',
    );
  });
  return app;
}
