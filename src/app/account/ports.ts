/**
 * What the account use cases (issue 3) need beyond `ports.ts`: the e-mail change and password reset
 * flows, the user changes that must happen in one transaction with the sessions they end, and the
 * account mails. `db/` and `mail/` implement these.
 */
import type { Lang } from '../../messages/i18n.js';
import type { ResendInput, ResendOutcome } from '../email-codes/ports.js';
import type { OutgoingMail, UserStore } from '../shared/ports.js';

/**
 * The failure counters of device cookies (sign-in.ts): `fail` counts one; the `max`-th within
 * `lockSeconds` holds the cookie for `lockSeconds` from then. True when this failure put the hold on.
 */
export interface DeviceLockouts {
  heldUntil(key: string, max: number, lockSeconds: number, now: Date): Promise<Date | null>;
  fail(key: string, max: number, lockSeconds: number, now: Date): Promise<boolean>;
}

export type AccountFlowPurpose = 'email_change' | 'password_reset';
export type AccountFlowState = 'code_sent' | 'verified' | 'completed';

export type AccountFlowRecord = {
  id: string;
  purpose: AccountFlowPurpose;
  /** the user changing the address; for a reset, null when the address typed is no user's */
  userId: string | null;
  /** the new address (email change) or the address typed (reset) */
  email: string;
  emailKey: string;
  state: AccountFlowState;
  createdAt: Date;
  expiresAt: Date;
};

/** A session started inside the transaction of a credential change (the old ones end there). */
export type NewSession = { idHash: string; createdAt: Date; signedInAt: Date };

export type NewAccountFlow = {
  /** chosen by the use case, because the code's HMAC is bound to it */
  id: string;
  purpose: AccountFlowPurpose;
  tokenHash: string;
  userId: string | null;
  email: string;
  emailKey: string;
  /** null when no code is sent (an address in use, or a reset for an address that is no user's) */
  codeHmac: string | null;
  /** null when nothing is mailed */
  mail: OutgoingMail | null;
  now: Date;
  expiresAt: Date;
};

export type EmailChangeOutcome = 'changed' | 'already_completed' | 'code_used' | 'email_taken' | 'missing';

export interface AccountFlowStore {
  /**
   * Creates the flow with its first code and mail, atomically. For an e-mail change, the user's
   * earlier e-mail change flows are deleted in the same transaction (one at a time per user).
   */
  create(flow: NewAccountFlow): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<AccountFlowRecord | null>;
  /** Adds a code and queues its mail unless the resend limits say no, atomically. */
  resendCode(flow: { id: string; purpose: AccountFlowPurpose }, input: ResendInput): Promise<ResendOutcome>;
  /** Reset: uses the flow's codes and marks it verified; false when another request used them first. */
  consumeCode(id: string, now: Date): Promise<boolean>;
  /**
   * E-mail change, in one transaction: uses the code, sets the user's address (the unique index
   * decides a race: 'email_taken', and the flow is deleted), ends every session of the user, starts
   * `session`, forgets the codes and code mails, queues `mails`.
   */
  completeEmailChange(
    id: string,
    input: { session: NewSession; mails: OutgoingMail[]; now: Date },
  ): Promise<EmailChangeOutcome>;
  /**
   * Reset, in one transaction: sets the password, clears the sign-in hold, ends every session of
   * the user, starts `session`, queues `mail`, marks the flow completed. False unless verified.
   */
  completePasswordReset(
    id: string,
    input: { passwordHash: string; session: NewSession; mail: OutgoingMail; now: Date },
  ): Promise<boolean>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

/** The profile as stored: what `parseProfile` gives, without the kind. */
export type ProfileUpdate = { notify: boolean; profile: Record<string, string | null> };

export interface AccountUserStore extends UserStore {
  /** Writes the profile fields of the user's kind; false when there is no such user. */
  updateProfile(id: string, update: ProfileUpdate, now: Date): Promise<boolean>;
  /**
   * Sets a new password, clears the sign-in hold, ends every session of the user and starts
   * `session`, queues `mail`; atomically. False when there is no such user.
   */
  changePassword(
    id: string,
    passwordHash: string,
    session: NewSession,
    mail: OutgoingMail,
    now: Date,
  ): Promise<boolean>;
}

type Mail = { subject: string; body: string };

/**
 * The account mails (Japanese in `mail/templates-account-ja.ts`, English in
 * `mail/templates-account-en.ts`). None ever holds a password.
 */
export interface AccountMailTemplates {
  emailChangeCode(v: { code: string; ttlSeconds: number; mailDomain: string }): Mail;
  /** to an address someone tried to make their own while it is another user's ID */
  emailChangeAttemptOnExistingAccount(v: { signInUrl: string; resetUrl: string }): Mail;
  /** to the old address once the change is done: what to do if it was not them */
  emailChangedOld(v: { name: string; newEmailMasked: string; at: Date; resetUrl: string }): Mail;
  emailChangedNew(v: { name: string; myPageUrl: string }): Mail;
  passwordResetCode(v: { code: string; ttlSeconds: number; mailDomain: string }): Mail;
  passwordChanged(v: { name: string; at: Date; how: 'change' | 'reset'; resetUrl: string }): Mail;
  signInLocked(v: { name: string; at: Date; minutes: number; resetUrl: string }): Mail;
  /** the final mail: no name in it, since the row stays in the outbox after the user is gone */
  accountDeleted(v: { at: Date; registerUrl: string }): Mail;
}

/** The mails in a user's language (`users.lang`); Japanese when it is not known. */
export function mailsIn(
  templates: Record<Lang, AccountMailTemplates>,
  lang: Lang | undefined,
): AccountMailTemplates {
  return (lang && templates[lang]) || templates.ja;
}
