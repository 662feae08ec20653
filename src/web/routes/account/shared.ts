/**
 * What the account screens share: their cookies, the signed-in person, the way to the sign-in
 * screen, and the messages (in the page's language) for the account use cases' error codes.
 */
import { deleteCookie, setCookie } from '../../shared/cookies.js';
import type { Actor } from '../../../app/account/deps.js';
import { k, translator, type Lang } from '../../../messages/i18n.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { validationMessageFor } from '../../shared/messages.js';
import type { Errors } from '../../views/shared/components.js';

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

/**
 * The new session id after a credential change (the old one is already gone in the database), and
 * a new CSRF token with it.
 */
export function setSessionCookie(c: Ctx, deps: WebDeps, sessionId: string): void {
  setCookie(c, cookieNames(deps.config.secureCookies).session, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
  });
  c.get('renewCsrf')();
}

export function clearSessionCookie(c: Ctx, deps: WebDeps): void {
  clearCookie(c, deps, cookieNames(deps.config.secureCookies).session);
  c.get('renewCsrf')();
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
export function tooManyMessage(lang: Lang, seconds: number): string {
  return translator(lang)(
    '送信の回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。（約{minutes}分後）',
    { minutes: Math.max(1, Math.ceil(seconds / 60)) },
  );
}

const HELD = k(
  'パスワードの誤りが続いたため、しばらくの間受け付けられません。15分ほど時間をおいてから、もう一度お試しください',
);

/** An English e-mail message about the new address: "Enter your email address" → "… your new email address". */
function newEmailEn(message: string): string {
  const withDeterminer = message.replace(
    /\b(an|your|the) email address\b/,
    (_m, det: string) => `${det === 'an' ? 'a' : det} new email address`,
  );
  return withDeterminer !== message
    ? withDeterminer
    : message.replace(/^Email address\b/, 'New email address');
}

/** An English password message about the new password: "Password must …" → "New password must …". */
function newPasswordEn(message: string): string {
  return message
    .replace(/^Enter a password\b/, 'Enter a new password')
    .replace(/^Password\b/, 'New password');
}

/** The message for an account use case's error code on a field, naming the field by its label. */
export function accountMessage(lang: Lang, field: string, code: string): string {
  const t = translator(lang);
  const en = lang === 'en';
  switch (field) {
    case 'email':
      return validationMessageFor(lang, 'email', code);
    case 'newEmail': {
      if (code === 'same_as_current')
        return t('現在のメールアドレスと同じです。変更後の新しいメールアドレスを入力してください');
      const message = validationMessageFor(lang, 'email', code);
      return en ? newEmailEn(message) : message.replace('メールアドレス', '新しいメールアドレス');
    }
    case 'password':
      if (code === 'wrong') return t('パスワードが正しくありません');
      if (code === 'held') return t(HELD);
      return t('パスワードを入力してください');
    case 'currentPassword':
      if (code === 'wrong') return t('現在のパスワードが正しくありません');
      if (code === 'held') return t(HELD);
      return t('現在のパスワードを入力してください');
    case 'newPassword': {
      if (code === 'same_as_current') return t('現在のパスワードとは異なるパスワードを入力してください');
      const message = validationMessageFor(lang, 'password', code);
      if (code === 'common') return message;
      return en ? newPasswordEn(message) : message.replace('パスワード', '新しいパスワード');
    }
    case 'newPasswordConfirm': {
      if (en)
        return code === 'confirm_mismatch'
          ? 'New password (confirmation) does not match the new password. Enter the same password again'
          : 'Enter your new password again in New password (confirmation)';
      return validationMessageFor(lang, 'passwordConfirm', code).replace('パスワード', '新しいパスワード');
    }
    case 'code':
      return validationMessageFor(lang, 'code', code);
    case 'account':
      // 退会 while an application is 送信済, 処理中 or 差し戻し (procedures spec: data kept).
      return t(
        '送信済・処理中・差し戻しの申請があるため、退会できません。申請の処理が終わるか、申請を取り下げてから退会してください',
      );
    default:
      return validationMessageFor(lang, field, code);
  }
}

export function toErrors(lang: Lang, errors: { field: string; code: string }[]): Errors {
  return errors.map((e) => ({
    field: e.field,
    // An error of the whole account is shown at the password field, the screen's only input.
    ...(e.field === 'account' ? { inputId: 'password' } : {}),
    message: accountMessage(lang, e.field, e.code),
  }));
}

/** The wrong-code message with the tries left (the registration's words). */
export function wrongCodeMessage(lang: Lang, triesLeft: number | undefined): string | null {
  return triesLeft === undefined
    ? null
    : translator(lang)(
        '認証コードが正しくありません。メールに記載された6桁の認証コードを入力してください（あと{n}回まで入力できます）',
        { n: triesLeft },
      );
}

/** The resend refused as too soon (the registration's words). */
export function tooSoonMessage(lang: Lang, seconds: number): string {
  return translator(lang)(
    '認証コードの再送は1分に1回までです。{seconds}秒ほど待ってから、もう一度お試しください。',
    { seconds },
  );
}
