/** Signing in and out, and マイページ. */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from '../../shared/cookies.js';
import { parseEmail } from '../../../domain/email.js';
import { k } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { safeLocalPath } from '../../shared/paths.js';
import { readForm, renderPage, sharedPages } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { MyPageView } from '../../views/account/my-page.js';
import { SignInView } from '../../views/account/sign-in.js';

/** How long a browser is remembered as one its owner signed in from (renewed at every sign-in). */
const DEVICE_COOKIE_SECONDS = 365 * 86400;

/** Where to go after signing in: a path on this site other than ログイン itself, or マイページ. */
export function safeNext(next: string | undefined): string {
  const path = safeLocalPath(next, '/mypage');
  return path.startsWith('/login') ? '/mypage' : path;
}

export function accountRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  const shared = sharedPages(dev);
  const loginPage = (
    c: Ctx,
    opts: { email?: string; next?: string; errors?: Errors; status?: number; info?: string } = {},
  ) => page(c, { title: 'ログイン', errors: opts.errors, status: opts.status }, loginForm(c, opts));
  const loginForm = (
    c: Ctx,
    opts: { email?: string; next?: string; errors?: Errors; info?: string } = {},
  ) => (
    <SignInView
      csrfToken={c.get('csrfToken')()}
      next={safeNext(opts.next)}
      email={opts.email}
      errors={opts.errors}
      info={opts.info}
    />
  );

  r.get('/login', (c) => {
    if (c.get('session').status === 'signed_in') return c.redirect(safeNext(c.req.query('next')), 303);
    const info = c.req.query('timeout') ? k('一定時間操作がなかったため、ログアウトしました。') : undefined;
    // The plain ログイン screen (no return address, no notice) is the same for everybody.
    if (!info && c.req.query('next') === undefined)
      return shared(c, '/login', { title: 'ログイン' }, () => loginForm(c));
    return loginPage(c, { next: c.req.query('next'), info });
  });

  r.post('/login', async (c) => {
    const form = await readForm(c);
    if (!form) return loginPage(c, { status: 400 });
    const email = form.email ?? '';
    const errors: Errors = [];
    if (!email.trim()) errors.push({ field: 'email', message: k('メールアドレスを入力してください') });
    if (!form.password) errors.push({ field: 'password', message: k('パスワードを入力してください') });
    if (errors.length) return loginPage(c, { email, next: form.next, errors, status: 400 });
    const result = await deps.signIn.signIn(
      email,
      form.password ?? '',
      c.get('meta'),
      getCookie(c, names.device),
    );
    if (!result.ok) {
      const message =
        result.reason === 'suspended'
          ? k(
              'このアカウントは利用停止中です。川崎市 オンライン手続かわさき担当（電話 044-200-2111）までお問い合わせください。',
            )
          : result.reason === 'rate_limited'
            ? k('ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。')
            : k('メールアドレスまたはパスワードが正しくありません。');
      const parsed = parseEmail(email);
      return loginPage(c, {
        email: parsed.ok ? parsed.email : email,
        next: form.next,
        errors: [{ field: 'email', message }],
        status: result.reason === 'rate_limited' ? 429 : 400,
      });
    }
    const sid = await deps.sessions.start(result.userId, c.get('sessionId'));
    setCookie(c, names.session, sid, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
    });
    c.get('renewCsrf')();
    if (result.deviceCookie)
      setCookie(c, names.device, result.deviceCookie, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: DEVICE_COOKIE_SECONDS,
      });
    return c.redirect(safeNext(form.next), 303);
  });

  r.post('/logout', async (c) => {
    await deps.sessions.end(c.get('sessionId'), c.get('meta'));
    deleteCookie(c, names.session, { path: '/', secure: deps.config.secureCookies });
    c.get('renewCsrf')();
    // The home page says 「ログアウトしました」 once (it reads and clears this cookie).
    setCookie(c, names.notice, 'signed_out', {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: 300,
    });
    return c.redirect('/', 303);
  });

  r.get('/mypage', async (c) => {
    const s = c.get('session');
    if (s.status !== 'signed_in')
      return c.redirect(
        s.status === 'timed_out' ? '/login?timeout=1&next=/mypage' : '/login?next=/mypage',
        303,
      );
    const [notices, history] = await Promise.all([
      deps.backOffice ? deps.backOffice.notices.forKind(s.user.kind) : [],
      deps.procedures.history({ userId: s.user.id }),
    ]);
    return page(
      c,
      { title: 'マイページ' },
      <MyPageView user={s.user} notices={notices} history={history} csrfToken={c.get('csrfToken')()} />,
    );
  });

  return r;
}
