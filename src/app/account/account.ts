/**
 * The account side of issue 3 as use cases: 利用者情報の変更, パスワードの変更, 退会, the
 * re-authentication they share, and (from account-codes.ts) メールアドレスの変更 and the password
 * reset. Like registration.ts: stores, mailer templates and clock come in as arguments; no HTTP, no SQL.
 *
 * Rules kept here:
 * - Changing the address, the password and 退会 ask for the password when the sign-in is older
 *   than REAUTH_SECONDS (パスワードの変更 and 退会 always ask: the password is their field).
 * - A wrong password there counts like a failed sign-in (5 in a row hold the account 15 minutes).
 * - A credential change ends every other session and gives this browser a new session id.
 * - Security mails go out whatever the お知らせ・通知メール choice is.
 */
import { maskEmail } from '../../domain/email.js';
import { checkPassword } from '../../domain/password.js';
import { parseProfile, profileToFormValues, type FieldError, type Profile } from '../../domain/profile.js';
import type { Lang } from '../../messages/i18n.js';
import { accountCodeUseCases } from './codes.js';
import type { AccountDeps, Actor, PasswordCheckResult } from './deps.js';
import { mailsIn, type AccountMailTemplates, type ProfileUpdate } from './ports.js';
import { seal, unseal } from './seal.js';
import type { Clock, OutgoingMail, UserRecord } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { japanToday } from '../shared/japan-date.js';
import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_SECONDS } from './sign-in.js';
import { hashToken, newToken } from '../shared/tokens.js';

/** A sign-in older than this asks for the password again before a sensitive change. */
export const REAUTH_SECONDS = 15 * 60;
/** How long a pending profile edit (the confirm screen) and a 退会 ticket stay good. */
export const PENDING_EDIT_SECONDS = 30 * 60;
export const DELETE_TICKET_SECONDS = 5 * 60;
/** 退会 refused: the user has an application 送信済, 処理中 or 差し戻し (the city is dealing with it). */
export const OPEN_APPLICATIONS: FieldError = { field: 'account', code: 'open_applications' };

export type { AccountDeps, Actor } from './deps.js';

/** The notice mailed when failed sign-ins put the account on hold (wired into sign-in.ts). */
export function signInLockNotice(
  templates: Record<Lang, AccountMailTemplates>,
  baseUrl: string,
  clock: Clock,
): (user: UserRecord) => OutgoingMail {
  return (user) => ({
    template: 'sign_in_locked',
    to: user.email,
    userId: user.id,
    ...mailsIn(templates, user.lang).signInLocked({
      name: user.displayName,
      at: clock.now(),
      minutes: Math.round(SIGN_IN_LOCK_SECONDS / 60),
      resetUrl: `${baseUrl}/password-reset`,
    }),
  });
}

type PendingEdit = { u: string; s: string; e: number; v: Record<string, string> };
type DeleteTicket = { u: string; s: string; e: number };

/** A session is named in a sealed value by a part of its hash: the value dies with the session. */
const sessionTag = (sessionId: string) => hashToken(sessionId).slice(0, 32);

function toUpdate(p: Profile): ProfileUpdate {
  const { kind: _kind, notify, ...profile } = p as Profile & { notify: boolean };
  return { notify, profile: profile as unknown as Record<string, string | null> };
}

export function accountUseCases(deps: AccountDeps) {
  const { users, clock } = deps;
  const resetUrl = `${deps.baseUrl}/password-reset`;
  const lockNotice = signInLockNotice(deps.templates, deps.baseUrl, clock);
  const mailQueued = deps.mailQueued ?? (() => undefined);

  function needsReauth(signedInAt: Date): boolean {
    return clock.now().getTime() - signedInAt.getTime() > REAUTH_SECONDS * 1000;
  }

  async function checkOwnPassword(actor: Actor, password: string | undefined): Promise<PasswordCheckResult> {
    if (!password) return 'required';
    const now = clock.now();
    const held = await users.lockedUntil(actor.user.id);
    if (held && held.getTime() > now.getTime()) return 'held';
    if (await deps.hasher.verify(actor.user.passwordHash, password.slice(0, 256))) return 'ok';
    const locked = await users.recordFailedSignInAndNotify(
      actor.user.id,
      now,
      MAX_FAILED_SIGN_INS,
      SIGN_IN_LOCK_SECONDS,
      lockNotice(actor.user),
    );
    if (locked) mailQueued();
    await deps.audit.record({ action: 'account.reauth_failed', userId: actor.user.id }, now);
    return 'wrong';
  }

  function openPending(actor: Actor, sealed: string | undefined): Record<string, string> | null {
    const p = unseal(deps.secret, 'profile-edit', sealed) as PendingEdit | null;
    if (!p || typeof p !== 'object' || p.u !== actor.user.id || p.s !== sessionTag(actor.sessionId))
      return null;
    if (typeof p.e !== 'number' || p.e <= clock.now().getTime() || typeof p.v !== 'object') return null;
    return p.v;
  }

  const hasOpenApplication = async (actor: Actor): Promise<boolean> =>
    (await deps.applications?.hasOpenApplication(actor.user.id)) ?? false;

  function ticketValid(actor: Actor, ticket: string | undefined): boolean {
    const t = unseal(deps.secret, 'account-delete', ticket) as DeleteTicket | null;
    return (
      !!t &&
      typeof t === 'object' &&
      t.u === actor.user.id &&
      t.s === sessionTag(actor.sessionId) &&
      typeof t.e === 'number' &&
      t.e > clock.now().getTime()
    );
  }

  const codes = accountCodeUseCases(deps, { checkOwnPassword, needsReauth });

  return {
    ...codes,
    needsReauth,

    /**
     * 利用者情報の変更 → 変更内容の確認: the same validation as registration. On success the
     * normalised values come back sealed (for the browser to hold until 変更する) and plain.
     */
    reviewProfile(
      actor: Actor,
      raw: Record<string, string | undefined>,
    ):
      | { ok: true; pending: string; values: Record<string, string> }
      | { ok: false; errors: FieldError[]; values: Record<string, string> } {
      const parsed = parseProfile(actor.user.kind, raw, japanToday(clock.now()));
      if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values };
      const values = profileToFormValues(parsed.profile);
      const pending: PendingEdit = {
        u: actor.user.id,
        s: sessionTag(actor.sessionId),
        e: clock.now().getTime() + PENDING_EDIT_SECONDS * 1000,
        v: values,
      };
      return { ok: true, pending: seal(deps.secret, 'profile-edit', pending), values };
    },

    /** The values of a pending edit for the confirm screen and 入力に戻る; null when none is good. */
    pendingProfile: (actor: Actor, sealed: string | undefined) => openPending(actor, sealed),

    /** 変更する: the pending values are validated again (they came back from the browser) and saved. */
    async applyProfile(
      actor: Actor,
      sealed: string | undefined,
      meta: RequestMeta,
    ): Promise<{ ok: true } | { ok: false; problem: 'missing' } | { ok: false; errors: FieldError[] }> {
      const values = openPending(actor, sealed);
      if (!values) return { ok: false, problem: 'missing' };
      const now = clock.now();
      const parsed = parseProfile(actor.user.kind, values, japanToday(now));
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      if (!(await users.updateProfile(actor.user.id, toUpdate(parsed.profile), now)))
        return { ok: false, problem: 'missing' };
      await deps.audit.record(
        { action: 'account.profile_changed', userId: actor.user.id, ip: meta.ip, userAgent: meta.userAgent },
        now,
      );
      return { ok: true };
    },

    /**
     * パスワードの変更: the current password, then the new one by the registration's rule. Every
     * session of the user ends and this browser gets a new one (its id is returned for the cookie).
     */
    async changePassword(
      actor: Actor,
      raw: { currentPassword?: string; newPassword?: string; newPasswordConfirm?: string },
      meta: RequestMeta,
    ): Promise<{ ok: true; sessionId: string } | { ok: false; errors: FieldError[] }> {
      const user = actor.user;
      const next = raw.newPassword ?? '';
      const errors: FieldError[] = [];
      const check = checkPassword(next, raw.newPasswordConfirm ?? '', user.email);
      if (check.password) errors.push({ field: 'newPassword', code: check.password });
      if (check.confirm) errors.push({ field: 'newPasswordConfirm', code: check.confirm });
      // The current password is tried only when the rest is right, so a typo elsewhere costs no try.
      if (!raw.currentPassword) errors.unshift({ field: 'currentPassword', code: 'required' });
      else if (errors.length === 0) {
        const current = await checkOwnPassword(actor, raw.currentPassword);
        if (current !== 'ok') errors.push({ field: 'currentPassword', code: current });
        else if (await deps.hasher.verify(user.passwordHash, next.slice(0, 256)))
          errors.push({ field: 'newPassword', code: 'same_as_current' });
      }
      if (errors.length > 0) return { ok: false, errors };
      const now = clock.now();
      const passwordHash = await deps.hasher.hash(next);
      const sessionId = newToken();
      const mail = mailsIn(deps.templates, user.lang).passwordChanged({
        name: user.displayName,
        at: now,
        how: 'change',
        resetUrl,
      });
      const changed = await users.changePassword(
        user.id,
        passwordHash,
        { idHash: hashToken(sessionId), createdAt: now, signedInAt: now },
        { template: 'password_changed', to: user.email, userId: user.id, ...mail },
        now,
      );
      if (!changed) return { ok: false, errors: [{ field: 'currentPassword', code: 'wrong' }] };
      mailQueued();
      await deps.audit.record(
        { action: 'account.password_changed', userId: user.id, ip: meta.ip, userAgent: meta.userAgent },
        now,
      );
      return { ok: true, sessionId };
    },

    /**
     * 退会, first step without JavaScript: the password is checked and a short-lived ticket comes
     * back for the plain confirm step (「退会します。よろしいですか？」).
     */
    async checkDeletion(
      actor: Actor,
      password: string | undefined,
    ): Promise<{ ok: true; ticket: string } | { ok: false; errors: FieldError[] }> {
      if (await hasOpenApplication(actor)) return { ok: false, errors: [OPEN_APPLICATIONS] };
      const check = await checkOwnPassword(actor, password);
      if (check !== 'ok') return { ok: false, errors: [{ field: 'password', code: check }] };
      const ticket: DeleteTicket = {
        u: actor.user.id,
        s: sessionTag(actor.sessionId),
        e: clock.now().getTime() + DELETE_TICKET_SECONDS * 1000,
      };
      return { ok: true, ticket: seal(deps.secret, 'account-delete', ticket) };
    },

    /** Whether a ticket from checkDeletion is still good for this person. */
    deletionTicketValid: ticketValid,

    /**
     * 退会: with the password (the dialog's OK) or a ticket (the confirm step). The user's row and
     * every session go; the final mail is queued in the same transaction.
     */
    async deleteAccount(
      actor: Actor,
      proof: { password?: string; ticket?: string },
      meta: RequestMeta,
    ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
      const user = actor.user;
      if (await hasOpenApplication(actor)) return { ok: false, errors: [OPEN_APPLICATIONS] };
      if (!ticketValid(actor, proof.ticket)) {
        const check = await checkOwnPassword(actor, proof.password);
        if (check !== 'ok') return { ok: false, errors: [{ field: 'password', code: check }] };
      }
      const now = clock.now();
      const mail = mailsIn(deps.templates, user.lang).accountDeleted({
        at: now,
        registerUrl: `${deps.baseUrl}/register`,
      });
      if (await users.deleteAccount(user.id, { template: 'account_deleted', to: user.email, ...mail }, now))
        mailQueued();
      await deps.audit.record(
        {
          action: 'account.deleted',
          userId: user.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { email: maskEmail(user.email), kind: user.kind },
        },
        now,
      );
      return { ok: true };
    },
  };
}

export type AccountUseCases = ReturnType<typeof accountUseCases>;
