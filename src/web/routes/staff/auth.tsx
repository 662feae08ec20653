/** 職員ログイン, 確認コードの入力, 職員アカウントの設定 (enrolment) and ログアウト. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { STAFF_LOCK_SECONDS } from '../../../app/staff/staff.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../../views/shared/components.js';
import { QrCode } from '../../views/staff/graphics.js';
import {
  adminPage,
  errorOf,
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
      <>
        <ErrorSummary errors={opts.errors} />
        {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
        <p>川崎市の職員の方専用の画面です。</p>
        <form method="post" action="/admin/login" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <input type="hidden" name="next" value={safeAdminNext(opts.next)} />
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            autocomplete="username"
            inputmode="email"
            value={opts.email}
            error={errorOf(opts.errors, 'email')}
          />
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="current-password"
            error={errorOf(opts.errors, 'password')}
          />
          <button type="submit" class="button">
            ログイン
          </button>
        </form>
      </>,
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
      <>
        <ErrorSummary errors={opts.errors} />
        <p>
          認証アプリ（Google Authenticator、Microsoft Authenticator
          など）に表示されている6桁の確認コードを入力してください。
        </p>
        <form method="post" action="/admin/login/code" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <input type="hidden" name="next" value={safeAdminNext(opts.next)} />
          <TextField
            name="code"
            label="確認コード"
            inputmode="numeric"
            autocomplete="one-time-code"
            width="short"
            maxlength={8}
            hint="半角数字6桁"
            error={errorOf(opts.errors, 'code')}
          />
          <button type="submit" class="button">
            確認する
          </button>
        </form>
        <p>
          <a href="/admin/login">ログインの最初に戻る</a>
        </p>
      </>,
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
        <>
          <Notice kind="warning">{LOCKED_MESSAGE}</Notice>
          <p>
            <a href="/admin/login">職員ログインへ</a>
          </p>
        </>,
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
      <>
        <Notice kind="warning">
          {problem === 'expired'
            ? 'この設定用のURLは有効期限（24時間）が切れています。'
            : 'この設定用のURLは無効です。すでに設定が済んでいるか、URLが正しくありません。'}
        </Notice>
        <p>
          管理者の職員に、設定用のURLの発行を依頼してください。設定が済んでいる方は、職員ログインからログインしてください。
        </p>
        <p>
          <a href="/admin/login">職員ログインへ</a>
        </p>
      </>,
    );

  const enrolPage = async (c: AdminCtx, token: string, errors?: Errors) => {
    const opened = await bo.staff.openEnrolment(token);
    if (!opened.ok) return enrolGone(c, opened.problem);
    return adminPage(
      c,
      { title: '職員アカウントの設定', errors, status: errors ? 400 : 200 },
      <>
        <ErrorSummary errors={errors} />
        <p>
          <span class="address">{opened.email}</span>{' '}
          の職員アカウントを設定します。パスワードを決め、スマートフォンの認証アプリに登録してください。ログインのたびに、パスワードと認証アプリの確認コードが必要です。
        </p>
        <h2 class="subtitle">1. 認証アプリに登録する</h2>
        <p>
          認証アプリでこのQRコードを読み取ってください。読み取れない場合は、秘密鍵を認証アプリに入力してください。
        </p>
        <div class="enrol-qr">
          <QrCode text={opened.otpauthUri} label="認証アプリに登録するためのQRコード" />
          <div class="field">
            <div class="field__head">
              <label for="totp-secret" class="field__label">
                秘密鍵
              </label>
            </div>
            <div id="totp-secret-hint" class="field__hint">
              種類は「時間ベース」、桁数は6桁です。
            </div>
            <input
              id="totp-secret"
              type="text"
              readonly
              value={opened.secretBase32}
              class="input input--long code-text"
              aria-describedby="totp-secret-hint"
              spellcheck={false}
            />
          </div>
        </div>
        <h2 class="subtitle">2. パスワードと確認コードを入力する</h2>
        <form method="post" action={`/admin/enrol/${token}`} novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <input type="text" name="username" value={opened.email} autocomplete="username" hidden />
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="new-password"
            hint="12文字以上。メールアドレスと同じもの、よく使われているものは使えません。"
            error={errorOf(errors, 'password')}
          />
          <TextField
            name="passwordConfirm"
            label="パスワード（確認用）"
            type="password"
            autocomplete="new-password"
            error={errorOf(errors, 'passwordConfirm')}
          />
          <TextField
            name="code"
            label="確認コード"
            inputmode="numeric"
            autocomplete="one-time-code"
            width="short"
            maxlength={8}
            hint="登録した認証アプリに表示されている6桁の数字"
            error={errorOf(errors, 'code')}
          />
          <button type="submit" class="button">
            設定する
          </button>
        </form>
      </>,
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

  return r;
}
