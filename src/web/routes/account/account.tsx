/** Signing in and out, and マイページ. */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parseEmail } from '../../../domain/email.js';
import type { UserKind } from '../../../domain/profile.js';
import { k, type Lang } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { safeLocalPath } from '../../shared/paths.js';
import { T } from '../../shared/i18n.js';
import { readForm, renderPage, sharedPages } from '../../shared/render.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../../views/shared/components.js';
import { ConfirmView } from '../../views/shared/profile-form.js';
import { MyPageNoticeList } from '../../views/notices/public-notices.js';

/**
 * 利用者区分 on マイページ. The catalogue's 個人/事業者 are worded for a sentence ("as an
 * individual"), so the names as a value are here.
 */
const KIND_LABEL: Record<Lang, Record<UserKind, string>> = {
  ja: { individual: '個人', business: '事業者' },
  en: { individual: 'Individual', business: 'Business' },
};

/** 登録日: in the Japanese era for Japanese, day month year for English; Japan's date either way. */
const REGISTERED_ON: Record<Lang, Intl.DateTimeFormat> = {
  // Made once: a formatter costs far more to make than to use (it was a tenth of マイページ's time).
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
};
function registeredOn(lang: Lang, at: Date): string {
  return REGISTERED_ON[lang].format(at);
}

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
    opts: { email?: string; next?: string; errors?: Errors; status?: number; info?: string } = {},
  ) => (
    <>
      <ErrorSummary errors={opts.errors} />
      {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
      <form method="post" action="/login" novalidate>
        <CsrfField token={c.get('csrfToken')()} />
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
          <T>ログイン</T>
        </button>
      </form>
      <ul class="list">
        <li>
          <a href="/password-reset">
            <T>パスワードを忘れた方</T>
          </a>
        </li>
        <li>
          <a href="/register">
            <T>新規登録</T>
          </a>
        </li>
      </ul>
    </>
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
    const lang: Lang = c.get('lang') === 'en' ? 'en' : 'ja';
    return page(
      c,
      { title: 'マイページ' },
      <>
        <p class="greeting">
          <T params={{ name: u.displayName }}>{'{name} 様、ようこそ。'}</T>
        </p>
        <dl class="readonly">
          <dt>
            <T>利用者ID</T>
          </dt>
          <dd class="address">{u.email}</dd>
          <dt>
            <T>利用者区分</T>
          </dt>
          <dd>{KIND_LABEL[lang][u.kind]}</dd>
          <dt>
            <T>登録日</T>
          </dt>
          <dd>{registeredOn(lang, u.createdAt)}</dd>
        </dl>
        <section aria-labelledby="notices">
          <h2 id="notices" class="subtitle">
            <T>お知らせ</T>
          </h2>
          <MyPageNoticeList notices={deps.backOffice?.notices} kind={u.kind} />
        </section>
        <section aria-labelledby="profile">
          <h2 id="profile" class="subtitle">
            <T>利用者情報</T>
          </h2>
          <ConfirmView kind={u.kind} email={u.email} values={u.profileValues} showPassword={false} />
        </section>
        <nav aria-labelledby="account-actions">
          <h2 id="account-actions" class="subtitle">
            <T>登録内容の変更・退会</T>
          </h2>
          <ul class="list">
            <li>
              <a href="/account/profile">
                <T>利用者情報の変更</T>
              </a>
            </li>
            <li>
              <a href="/account/email">
                <T>メールアドレスの変更</T>
              </a>
            </li>
            <li>
              <a href="/account/password">
                <T>パスワードの変更</T>
              </a>
            </li>
            <li>
              <a href="/account/delete">
                <T>退会</T>
              </a>
            </li>
          </ul>
        </nav>
      </>,
    );
  });

  return r;
}
