/** 職員ログイン, 確認コードの入力, 職員アカウントの設定 (enrolment) and ログアウト. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from '../../shared/cookies.js';
import { STAFF_LOCK_SECONDS } from '../../../app/staff/staff.js';
import type { Errors } from '../../views/shared/components.js';
import {
  EnrolGoneView,
  EnrolView,
  FirstAdminSetupView,
  SetupGoneView,
  StaffCodeView,
  StaffLockedView,
  StaffSignInView,
} from '../../views/staff/auth.js';
import {
  adminPage,
  readAdminForm,
  staffCookie,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
} from './shared.js';

/** Only a back-office path may be the destination after sign-in. */
export function safeAdminNext(next: string | undefined): string {
  return next &&
    /^\/admin(\/[\x21-\x7e]*)?$/.test(next) &&
    !next.startsWith('/admin/login') &&
    !next.includes('//')
    ? next
    : '/admin';
}

const LOCKED_MESSAGE = `続けて5回間違えたため、このアカウントは${STAFF_LOCK_SECONDS / 60}分間ログインできません。時間をおいてから、もう一度お試しください。`;

export function adminAuthRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const bo = deps.backOffice;
  const cookie = staffCookie(deps.config.secureCookies);

  const loginPage = (
    c: AdminCtx,
    opts: { email?: string; next?: string; errors?: Errors; status?: number; info?: string } = {},
  ) =>
    adminPage(
      c,
      { title: '職員ログイン', errors: opts.errors, status: opts.status },
      <StaffSignInView
        csrfToken={c.get('csrfToken')()}
        next={safeAdminNext(opts.next)}
        email={opts.email}
        errors={opts.errors}
        info={opts.info}
      />,
    );

  r.get('/login', (c) => {
    const state = c.get('staffState');
    if (state.status === 'signed_in') return c.redirect(safeAdminNext(c.req.query('next')), 303);
    if (state.status === 'password_ok') return c.redirect('/admin/login/code', 303);
    const info = c.req.query('timeout') ? '一定時間操作がなかったため、ログアウトしました。' : undefined;
    return loginPage(c, { next: c.req.query('next'), info });
  });

  r.post('/login', async (c) => {
    const form = await readAdminForm(c);
    if (!form) return loginPage(c, { status: 400 });
    const email = form.email ?? '';
    const errors: Errors = [];
    if (!email.trim()) errors.push({ field: 'email', message: 'メールアドレスを入力してください' });
    if (!form.password) errors.push({ field: 'password', message: 'パスワードを入力してください' });
    if (errors.length) return loginPage(c, { email, next: form.next, errors, status: 400 });
    const result = await bo.staff.signIn(email, form.password ?? '', c.get('meta'), c.get('staffSid'));
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? LOCKED_MESSAGE
          : result.reason === 'rate_limited'
            ? 'ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。'
            : 'メールアドレスまたはパスワードが正しくありません。';
      return loginPage(c, {
        email,
        next: form.next,
        errors: [{ field: 'email', message }],
        status: result.reason === 'rate_limited' ? 429 : 400,
      });
    }
    setCookie(c, cookie.name, result.sessionId, cookie.options);
    c.get('renewCsrf')();
    const next = safeAdminNext(form.next);
    return c.redirect(
      next === '/admin' ? '/admin/login/code' : `/admin/login/code?next=${encodeURIComponent(next)}`,
      303,
    );
  });

  const codePage = (c: AdminCtx, opts: { next?: string; errors?: Errors; status?: number } = {}) =>
    adminPage(
      c,
      { title: '確認コードの入力', errors: opts.errors, status: opts.status },
      <StaffCodeView csrfToken={c.get('csrfToken')()} next={safeAdminNext(opts.next)} errors={opts.errors} />,
    );

  r.get('/login/code', (c) => {
    const state = c.get('staffState');
    if (state.status === 'signed_in') return c.redirect(safeAdminNext(c.req.query('next')), 303);
    if (state.status !== 'password_ok') return c.redirect('/admin/login', 303);
    return codePage(c, { next: c.req.query('next') });
  });

  r.post('/login/code', async (c) => {
    const form = await readAdminForm(c);
    if (!form) return codePage(c, { status: 400 });
    if (!(form.code ?? '').trim())
      return codePage(c, {
        next: form.next,
        status: 400,
        errors: [{ field: 'code', message: '確認コードを入力してください' }],
      });
    const result = await bo.staff.verifyCode(c.get('staffSid'), form.code ?? '', c.get('meta'));
    if (result.ok) {
      setCookie(c, cookie.name, result.sessionId, cookie.options);
      c.get('renewCsrf')();
      return c.redirect(safeAdminNext(form.next), 303);
    }
    if (result.reason === 'no_session') return c.redirect('/admin/login?timeout=1', 303);
    if (result.reason === 'locked') {
      deleteCookie(c, cookie.name, { path: '/admin', secure: deps.config.secureCookies });
      return adminPage(
        c,
        { title: '職員ログイン', status: 403, h1: true },
        <StaffLockedView message={LOCKED_MESSAGE} />,
      );
    }
    return codePage(c, {
      next: form.next,
      status: 400,
      errors: [
        {
          field: 'code',
          message:
            result.reason === 'format'
              ? '確認コードは6桁の数字で入力してください'
              : '確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください',
        },
      ],
    });
  });

  r.post('/logout', async (c) => {
    await bo.staff.signOut(c.get('staffSid'), c.get('meta'));
    deleteCookie(c, cookie.name, { path: '/admin', secure: deps.config.secureCookies });
    c.get('renewCsrf')();
    return c.redirect('/admin/login', 303);
  });

  const enrolGone = (c: AdminCtx, problem: 'invalid' | 'expired') =>
    adminPage(
      c,
      { title: '職員アカウントの設定', status: problem === 'expired' ? 410 : 404 },
      <EnrolGoneView problem={problem} />,
    );

  const enrolPage = async (c: AdminCtx, token: string, errors?: Errors) => {
    const opened = await bo.staff.openEnrolment(token);
    if (!opened.ok) return enrolGone(c, opened.problem);
    return adminPage(
      c,
      { title: '職員アカウントの設定', errors, status: errors ? 400 : 200 },
      <EnrolView
        token={token}
        email={opened.email}
        otpauthUri={opened.otpauthUri}
        secretBase32={opened.secretBase32}
        csrfToken={c.get('csrfToken')()}
        errors={errors}
      />,
    );
  };

  r.get('/enrol/:token', (c) => enrolPage(c, c.req.param('token')));

  r.post('/enrol/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readAdminForm(c);
    if (!form) return enrolPage(c, token, [{ field: 'password', message: '送信内容を読み取れませんでした' }]);
    const result = await bo.staff.completeEnrolment(
      token,
      { password: form.password ?? '', passwordConfirm: form.passwordConfirm ?? '', code: form.code ?? '' },
      c.get('meta'),
    );
    if (result.ok) {
      setCookie(c, cookie.name, result.sessionId, cookie.options);
      c.get('renewCsrf')();
      return c.redirect('/admin', 303);
    }
    if ('problem' in result) return enrolGone(c, result.problem);
    return enrolPage(c, token, result.errors);
  });

  // 最初の管理者の登録: the URL the app printed at start when it had no staff account.
  const setupGone = (c: AdminCtx) =>
    adminPage(c, { title: '最初の管理者の登録', status: 404 }, <SetupGoneView />);
  const setupPage = (
    c: AdminCtx,
    token: string,
    opts: { values?: { email?: string; name?: string }; errors?: Errors } = {},
  ) =>
    adminPage(
      c,
      { title: '最初の管理者の登録', errors: opts.errors, status: opts.errors ? 400 : 200 },
      <FirstAdminSetupView
        token={token}
        csrfToken={c.get('csrfToken')()}
        values={opts.values}
        errors={opts.errors}
      />,
    );

  r.get('/setup/:token', async (c) => {
    const token = c.req.param('token');
    return (await bo.staff.firstAdminSetupOpen(token)) ? setupPage(c, token) : setupGone(c);
  });

  r.post('/setup/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readAdminForm(c);
    if (!form) return setupGone(c);
    const values = { email: form.email ?? '', name: form.name ?? '' };
    const result = await bo.staff.createFirstAdmin(token, values, c.get('meta'));
    if (result.ok) return c.redirect(new URL(result.enrolUrl).pathname, 303);
    if ('problem' in result) return setupGone(c);
    return setupPage(c, token, { values, errors: result.errors });
  });

  return r;
}
