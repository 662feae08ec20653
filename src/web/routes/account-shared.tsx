/**
 * What the account screens share: their cookies, the signed-in person, the way to the sign-in
 * screen, the Japanese messages for the account use cases' error codes, and the 認証コードの入力
 * screen used by both the e-mail change and the password reset.
 */
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../../app/account.js';
import { validationMessage } from '../../messages/validation-ja.js';
import type { Ctx, WebDeps } from '../context.js';
import { cookieNames } from '../context.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../views/components.js';

export function accountCookieNames(secure: boolean) {
  const p = secure ? '__Host-' : '';
  return {
    /** the e-mail change flow's token */
    emailFlow: `${p}emchg`,
    /** the password reset flow's token */
    resetFlow: `${p}pwreset`,
    /** the sealed pending profile edit (between 入力内容を確認する and 変更する) */
    profileEdit: `${p}pedit`,
    /** the sealed 退会 ticket of the confirm step without JavaScript */
    deleteTicket: `${p}deltk`,
  };
}

export function setShortCookie(c: Ctx, deps: WebDeps, name: string, value: string, maxAge: number): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge,
  });
}

export function clearCookie(c: Ctx, deps: WebDeps, name: string): void {
  deleteCookie(c, name, { path: '/', secure: deps.config.secureCookies });
}

/** The new session id after a credential change (the old one is already gone in the database). */
export function setSessionCookie(c: Ctx, deps: WebDeps, sessionId: string): void {
  setCookie(c, cookieNames(deps.config.secureCookies).session, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(c: Ctx, deps: WebDeps): void {
  clearCookie(c, deps, cookieNames(deps.config.secureCookies).session);
}

/** The signed-in person, or null. */
export function actorOf(c: Ctx): Actor | null {
  const s = c.get('session');
  const sessionId = c.get('sessionId');
  if (s.status !== 'signed_in' || !sessionId) return null;
  return { user: s.user, signedInAt: s.signedInAt, sessionId };
}

/** To the sign-in screen, coming back to `path` afterwards; says why when the session timed out. */
export function toSignIn(c: Ctx, path: string): Response {
  const timedOut = c.get('session').status === 'timed_out';
  return c.redirect(`/login?${timedOut ? 'timeout=1&' : ''}next=${encodeURIComponent(path)}`, 303);
}

/** The message for a `?reason=` value, looked up among the messages' own keys only. */
export function reasonMessage(
  messages: Record<string, string>,
  reason: string | undefined,
): string | undefined {
  return reason && Object.prototype.hasOwnProperty.call(messages, reason) ? messages[reason] : undefined;
}

/** The rate-limit message, naming the wait in minutes. */
export function tooManyMessage(seconds: number): string {
  return `送信の回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。（約${Math.max(1, Math.ceil(seconds / 60))}分後）`;
}

const HELD =
  'パスワードの誤りが続いたため、しばらくの間受け付けられません。15分ほど時間をおいてから、もう一度お試しください';

/** The message for an account use case's error code on a field, naming the field by its label. */
export function accountMessage(field: string, code: string): string {
  switch (field) {
    case 'email':
      return validationMessage('email', code);
    case 'newEmail':
      if (code === 'same_as_current')
        return '現在のメールアドレスと同じです。変更後の新しいメールアドレスを入力してください';
      return validationMessage('email', code).replace('メールアドレス', '新しいメールアドレス');
    case 'password':
    case 'currentPassword': {
      const label = field === 'password' ? 'パスワード' : '現在のパスワード';
      if (code === 'wrong') return `${label}が正しくありません`;
      if (code === 'held') return HELD;
      return `${label}を入力してください`;
    }
    case 'newPassword':
      if (code === 'same_as_current') return '現在のパスワードとは異なるパスワードを入力してください';
      if (code === 'common') return validationMessage('password', code);
      return validationMessage('password', code).replace('パスワード', '新しいパスワード');
    case 'newPasswordConfirm':
      return validationMessage('passwordConfirm', code).replace('パスワード', '新しいパスワード');
    case 'code':
      return validationMessage('code', code);
    default:
      return validationMessage(field, code);
  }
}

export function toErrors(errors: { field: string; code: string }[]): Errors {
  return errors.map((e) => ({ field: e.field, message: accountMessage(e.field, e.code) }));
}

/** The wrong-code message with the tries left (the registration's words). */
export function wrongCodeMessage(triesLeft: number | undefined): string | null {
  return triesLeft === undefined
    ? null
    : `認証コードが正しくありません。メールに記載された6桁の認証コードを入力してください（あと${triesLeft}回まで入力できます）`;
}

/** The password rule next to a new password field (the seed's rule, as on registration). */
export const NEW_PASSWORD_HINT = (
  <>
    パスワードは、以下の条件を2つ以上満たす8文字以上の半角文字列を入力してください（128文字まで）。
    <ol class="rule-list">
      <li>英字（大文字）</li>
      <li>英字（小文字）</li>
      <li>数字</li>
      <li>記号</li>
    </ol>
    メールアドレスと同じもの、「kawasaki」などのサービス名を含むもの、よく使われるパスワードは使えません。
  </>
);

/** 認証コードの入力, for the e-mail change and the password reset. */
export function CodeEntry(p: {
  csrfToken: string;
  mailDomain: string;
  ttlMinutes: number;
  email: string;
  action: string;
  resendAction: string;
  errors?: Errors;
  info?: string;
  intro: string;
  startOver: { href: string; label: string };
}) {
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.info ? <Notice kind="success">{p.info}</Notice> : null}
      <p>
        <strong class="address">{p.email}</strong> 宛に、認証コードを記載したメールを送信しました。
        {p.intro}
      </p>
      <Notice kind="warning">
        認証コードは、メールの送信から{p.ttlMinutes}
        分間有効です。時間を過ぎた場合は、お手数ですが最初からお手続きください。
      </Notice>
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="code"
          label="認証コード"
          width="short"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={20}
          error={p.errors?.[0]?.message}
          hint="半角数字6桁（例：123456）"
        />
        <button type="submit" class="button">
          認証コードを確認する
        </button>
      </form>
      <h2 class="subtitle">メールが届かない場合</h2>
      <ul class="list">
        <li>
          迷惑メールフォルダに届いていないか確認してください。「@{p.mailDomain}
          」からのメールを受信できるよう設定してください。
        </li>
        <li>メールアドレスが正しいか確認してください。</li>
      </ul>
      <form method="post" action={p.resendAction} class="inline-form">
        <CsrfField token={p.csrfToken} />
        <button type="submit" class="button button--secondary">
          認証コードを再送する
        </button>
      </form>
      <p class="field__hint">再送は1分に1回、5回までです。以前に届いた認証コードも引き続き使えます。</p>
      <p>
        <a href={p.startOver.href}>{p.startOver.label}</a>
      </p>
    </>
  );
}
