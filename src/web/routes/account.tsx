/** Signing in and out, and マイページ. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { parseEmail } from '../../domain/email.js';
import type { AppEnv, Ctx, WebDeps } from '../context.js';
import { cookieNames } from '../context.js';
import { readForm, renderPage } from '../render.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../views/components.js';
import { ConfirmView } from '../views/profile-form.js';
import { MyPageNoticeList } from '../views/admin/public-notices.js';

const KIND_LABEL = { individual: '個人', business: '事業者' } as const;

/** Only a local path may be a destination after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) && !next.startsWith('/login') ? next : '/mypage';
}

export function accountRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  const loginPage = (
    c: Ctx,
    opts: { email?: string; next?: string; errors?: Errors; status?: number; info?: string } = {},
  ) =>
    page(
      c,
      { title: 'ログイン', errors: opts.errors, status: opts.status },
      <>
        <ErrorSummary errors={opts.errors} />
        {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
        <form method="post" action="/login" novalidate>
          <CsrfField token={c.get('csrfToken')} />
          <input type="hidden" name="next" value={safeNext(opts.next)} />
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            autocomplete="email"
            inputmode="email"
            value={opts.email}
            error={opts.errors?.find((e) => e.field === 'email')?.message}
          />
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="current-password"
            error={opts.errors?.find((e) => e.field === 'password')?.message}
          />
          <button type="submit" class="button">
            ログイン
          </button>
        </form>
        <ul class="list">
          <li>
            <a href="/password-reset">パスワードを忘れた方</a>
          </li>
          <li>
            <a href="/register">新規登録</a>
          </li>
        </ul>
      </>,
    );

  r.get('/login', (c) => {
    if (c.get('session').status === 'signed_in') return c.redirect(safeNext(c.req.query('next')), 303);
    const info = c.req.query('timeout') ? '一定時間操作がなかったため、ログアウトしました。' : undefined;
    return loginPage(c, { next: c.req.query('next'), info });
  });

  r.post('/login', async (c) => {
    const form = await readForm(c);
    if (!form) return loginPage(c, { status: 400 });
    const email = form.email ?? '';
    const errors: Errors = [];
    if (!email.trim()) errors.push({ field: 'email', message: 'メールアドレスを入力してください' });
    if (!form.password) errors.push({ field: 'password', message: 'パスワードを入力してください' });
    if (errors.length) return loginPage(c, { email, next: form.next, errors, status: 400 });
    const result = await deps.signIn.signIn(email, form.password ?? '', c.get('meta'));
    if (!result.ok) {
      const message =
        result.reason === 'suspended'
          ? 'このアカウントは利用停止中です。川崎市 オンライン手続かわさき担当（電話 044-200-2111）までお問い合わせください。'
          : result.reason === 'rate_limited'
            ? 'ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。'
            : 'メールアドレスまたはパスワードが正しくありません。';
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
    return c.redirect(safeNext(form.next), 303);
  });

  r.post('/logout', async (c) => {
    await deps.sessions.end(c.get('sessionId'), c.get('meta'));
    deleteCookie(c, names.session, { path: '/', secure: deps.config.secureCookies });
    return c.redirect('/', 303);
  });

  r.get('/mypage', (c) => {
    const s = c.get('session');
    if (s.status !== 'signed_in')
      return c.redirect(
        s.status === 'timed_out' ? '/login?timeout=1&next=/mypage' : '/login?next=/mypage',
        303,
      );
    const u = s.user;
    const registered = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      dateStyle: 'long',
      timeZone: 'Asia/Tokyo',
    }).format(u.createdAt);
    return page(
      c,
      { title: 'マイページ' },
      <>
        <p class="greeting">{u.displayName} 様、ようこそ。</p>
        <dl class="readonly">
          <dt>利用者ID</dt>
          <dd class="address">{u.email}</dd>
          <dt>利用者区分</dt>
          <dd>{KIND_LABEL[u.kind]}</dd>
          <dt>登録日</dt>
          <dd>{registered}</dd>
        </dl>
        <section aria-labelledby="notices">
          <h2 id="notices" class="subtitle">
            お知らせ
          </h2>
          <MyPageNoticeList notices={deps.backOffice?.notices} kind={u.kind} />
        </section>
        <section aria-labelledby="profile">
          <h2 id="profile" class="subtitle">
            利用者情報
          </h2>
          <ConfirmView kind={u.kind} email={u.email} values={u.profileValues} showPassword={false} />
        </section>
        <nav aria-labelledby="account-actions">
          <h2 id="account-actions" class="subtitle">
            登録内容の変更・退会
          </h2>
          <ul class="list">
            <li>
              <a href="/account/profile">利用者情報の変更</a>
            </li>
            <li>
              <a href="/account/email">メールアドレスの変更</a>
            </li>
            <li>
              <a href="/account/password">パスワードの変更</a>
            </li>
            <li>
              <a href="/account/delete">退会</a>
            </li>
          </ul>
        </nav>
      </>,
    );
  });

  return r;
}
