/**
 * What the account screens share: their cookies, the signed-in person, the way to the sign-in
 * screen, the messages (in the page's language) for the account use cases' error codes, and the
 * 認証コードの入力 screen used by both the e-mail change and the password reset.
 */
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../../app/account/deps.js';
import { k, translator, type Lang } from '../../../messages/i18n.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { validationMessageFor } from '../../shared/messages.js';
import { CodeForm, CodeHelp } from '../../views/shared/code-entry.js';
import { ErrorSummary, Notice, type Errors } from '../../views/shared/components.js';

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
    default:
      return validationMessageFor(lang, field, code);
  }
}

export function toErrors(lang: Lang, errors: { field: string; code: string }[]): Errors {
  return errors.map((e) => ({ field: e.field, message: accountMessage(lang, e.field, e.code) }));
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

/**
 * A translated sentence with an element inside: the text's one `{placeholder}` becomes `children`
 * (so the element can stand where each language puts it).
 */
export function WithElement({ text, children }: { text: string; children: Child }) {
  const [before = '', after = ''] = useT()(text).split(/\{\w+\}/);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}

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
  /** a catalogue key: what to do on this screen */
  intro: string;
  startOver: { href: string; label: string };
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.info ? <Notice kind="success">{p.info}</Notice> : null}
      <p>
        <WithElement text={k('{email} 宛に、認証コードを記載したメールを送信しました。')}>
          <strong class="address">{p.email}</strong>
        </WithElement>
        {lang === 'en' ? ' ' : ''}
        {t(p.intro)}
      </p>
      <Notice kind="warning">
        <T params={{ minutes: p.ttlMinutes }}>
          {
            '認証コードは、メールの送信から{minutes}分間有効です。時間を過ぎた場合は、お手数ですが最初からお手続きください。'
          }
        </T>
      </Notice>
      <CodeForm action={p.action} csrfToken={p.csrfToken} error={p.errors?.[0]?.message} />
      <CodeHelp mailDomain={p.mailDomain} resendAction={p.resendAction} csrfToken={p.csrfToken} />
      <p>
        <a href={p.startOver.href}>{t(p.startOver.label)}</a>
      </p>
    </>
  );
}
