/**
 * The HTTP application: middleware in order (request id, client meta, security headers, body limit,
 * session, CSRF), the feature routes, and one place for errors. Tested with `app.request()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from './shared/cookies.js';
import type { AppEnv, Ctx, WebDeps } from './shared/context.js';
import { cookieNames } from './shared/context.js';
import { k, parseLang } from '../messages/i18n.js';
import { safeLocalPath } from './shared/paths.js';
import { T } from './shared/i18n.js';
import { renderPage, sendText } from './shared/render.js';
import { compressOnce, type Variants } from './shared/compression.js';
import { accountRoutes } from './routes/account/account.js';
import { accountSettingsRoutes } from './routes/account/settings.js';
import { adminRoutes } from './routes/staff/index.js';
import { publicNoticeRoutes } from './routes/notices/public.js';
import { pageRoutes } from './routes/content/pages.js';
import { postalRoutes } from './routes/postal-codes/postal.js';
import { MAX_UPLOAD_BODY_BYTES, mayCarryFile, procedureRoutes } from './routes/procedures/index.js';
import { registrationRoutes } from './routes/registration/registration.js';
import { csrf, requestGuards } from './shared/security.js';
import { setHeadersEarly } from './shared/node-response.js';
import { isUuid } from '../domain/ids.js';

const root = (path: string) => new URL(`../../${path}`, import.meta.url);
/** Each asset is the concatenation of its files: the design tokens come first, our CSS after. */
const ASSETS: Record<string, { type: string; files: URL[] }> = {
  '/assets/app.css': {
    type: 'text/css; charset=utf-8',
    files: [root('node_modules/@digital-go-jp/design-tokens/dist/tokens.css'), root('public/app.css')],
  },
  '/assets/app.js': { type: 'text/javascript; charset=utf-8', files: [root('public/app.js')] },
  '/assets/admin.css': { type: 'text/css; charset=utf-8', files: [root('public/admin.css')] },
};

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: WebDeps) {
  const app = new Hono<AppEnv>();
  // The paths as logged, for the pages asked for again and again (a bounded memo of logPath).
  const loggedPaths = new Map<string, string>();
  const loggedPath = (path: string): string => {
    let logged = loggedPaths.get(path);
    if (logged === undefined) {
      if (path.length > 200) return logPath(path);
      if (loggedPaths.size >= 1000) loggedPaths.clear();
      logged = logPath(path);
      loggedPaths.set(path, logged);
    }
    return logged;
  };
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;

  const errorPage = (c: Ctx, status: 400 | 403 | 404 | 413 | 429 | 500, title: string, message: string) =>
    renderPage(
      c,
      dev,
      { title, status },
      <>
        <p>
          <T>{message}</T>
        </p>
        <p>
          <a href="/">
            <T>トップページへ戻る</T>
          </a>
        </p>
      </>,
    );

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('csrfToken', () => '');
    c.set('renewCsrf', () => {});
    c.set('session', { status: 'none' });
    c.set('sessionId', undefined);
    c.set('lang', parseLang(getCookie(c, names.lang)) ?? 'ja');
    setHeadersEarly(c, [['X-Request-Id', c.get('requestId')]]);
    const started = performance.now();
    await next();
    // No query string, body, cookie or address in the log: only what cannot identify a person.
    const path = loggedPath(c.req.path);
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
  // Client meta, security headers and the query-string check in one step (security.ts). Every
  // query string is checked in one place: what no browser sends from a link or a form is a 400
  // here, not a failed query later (PostgreSQL takes no NUL in text).
  app.use(
    '*',
    requestGuards({
      trustProxy: deps.config.trustProxy,
      production: deps.config.env === 'production',
      onBadQuery: (c) =>
        errorPage(
          c,
          400,
          k('ページを表示できませんでした'),
          k('アドレスに使えない文字が含まれています。アドレスをご確認ください。'),
        ),
    }),
  );

  // Static files: read and compressed once, cached by the browser for a day and then checked
  // again with their ETag (a 304 costs a few bytes).
  const assetCache = new Map<string, { variants: Variants; etag: string }>();
  app.get('/assets/*', (c) => {
    const asset = ASSETS[c.req.path];
    if (!asset)
      return errorPage(c, 404, k('ページが見つかりません'), k('お探しのページは見つかりませんでした。'));
    let cached = assetCache.get(c.req.path);
    if (cached === undefined) {
      const body = Buffer.from(asset.files.map((f) => readFileSync(f, 'utf8')).join('\n'));
      cached = {
        variants: compressOnce(body),
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      };
      if (deps.config.env !== 'development') assetCache.set(c.req.path, cached);
    }
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('ETag', cached.etag);
    if (c.req.header('if-none-match') === cached.etag) {
      c.header('Vary', 'Accept-Encoding');
      return c.body(null, 304);
    }
    return sendText(c, cached.variants.identity, asset.type, 200, cached.variants);
  });
  // The language switch: remembered in a cookie for a year, then back to the page it came from.
  app.get('/lang/:lang', (c) => {
    const lang = parseLang(c.req.param('lang'));
    if (lang)
      setCookie(c, names.lang, lang, {
        path: '/',
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        httpOnly: true,
        maxAge: 365 * 86400,
      });
    return c.redirect(safeLocalPath(c.req.query('back'), '/'), 303);
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await deps.ready()) ? c.json({ status: 'ready' }) : c.json({ status: 'not ready' }, 503),
  );

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is not read: the connection cannot be reused.
      c.header('Connection', 'close');
      return errorPage(
        c as Ctx,
        413,
        k('送信できませんでした'),
        k('送信された内容が大きすぎます。入力内容を確認して、もう一度お試しください。'),
      );
    },
  });
  // A form page's POST that may carry a file (multipart, on the procedures' upload paths) gets a
  // little more than one attachment's limit; every other POST keeps MAX_BODY_BYTES.
  const limitUpload = bodyLimit({
    maxSize: MAX_UPLOAD_BODY_BYTES,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorPage(
        c as Ctx,
        413,
        k('ファイルが大きすぎます'),
        k(
          '送信されたファイルが大きすぎます。添付できるファイルは1つ10MBまでです。前の画面に戻って、小さなファイルを選んでください。入力内容は一時保存されている分まで残っています。',
        ),
      );
    },
  });
  // A GET or HEAD has no body to limit; looking for one would cost every page view a full copy of
  // the request.
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : mayCarryFile(c.req.path) && (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
        ? limitUpload(c, next)
        : limitBody(c, next),
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
          k('操作を受け付けられませんでした'),
          k(
            'セキュリティ確認のため、この操作を受け付けられませんでした。お手数ですが、前の画面に戻って、ページを再読み込みしてから、もう一度お試しください。',
          ),
        ),
    }),
  );

  app.route('/', pageRoutes(deps));
  app.route('/', postalRoutes());
  app.route('/', registrationRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', accountSettingsRoutes(deps));
  app.route('/', procedureRoutes(deps));
  if (deps.backOffice) {
    app.route('/', publicNoticeRoutes(deps, deps.backOffice.notices));
    app.route('/admin', adminRoutes({ ...deps, backOffice: deps.backOffice }));
  }

  // A page's address with a slash at the end (/faq/) leads to the page (/faq), with its query.
  const withoutSlash = (method: string, path: string): string | null => {
    if (method !== 'GET' && method !== 'HEAD') return null;
    const trimmed = path.slice(0, -1);
    if (!path.endsWith('/') || !trimmed.startsWith('/') || trimmed.startsWith('//')) return null;
    const [handlers] = app.router.match('GET', trimmed);
    return handlers.some(([[, route]]) => route.method === 'GET') ? trimmed : null;
  };
  app.notFound((c) => {
    const page = withoutSlash(c.req.method, c.req.path);
    if (page) return c.redirect(page + new URL(c.req.url).search, 301);
    return errorPage(
      c as Ctx,
      404,
      k('ページが見つかりません'),
      k('お探しのページは見つかりませんでした。アドレスをご確認ください。'),
    );
  });
  app.onError((err, c) => {
    deps.logger.error({ requestId: c.get('requestId'), err: errorForLog(err) }, 'request failed');
    return errorPage(
      c as Ctx,
      500,
      k('エラーが発生しました'),
      k(
        '申し訳ありません。システムでエラーが発生しました。しばらく時間をおいてから、もう一度お試しください。',
      ),
    );
  });
  return app;
}

/**
 * The path as logged: segments that could be a secret (enrolment or reset tokens) or personal
 * (postal codes) are replaced, so that reading the logs gives nobody a way in.
 */
export function logPath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      isUuid(segment)
        ? segment
        : /^[A-Za-z0-9_-]{16,}$/.test(segment)
          ? ':token'
          : /^\d{3}-?\d{4}$/.test(segment)
            ? ':code'
            : segment,
    )
    .join('/');
}

/**
 * What an error may put in the log: its kind, the database's error code, and where it happened —
 * not its message, which for a failed query carries the query's parameters (personal data).
 */
export function errorForLog(err: Error): { name: string; code?: string; stack?: string } {
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  const frames = err.stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return {
    name: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
