/**
 * What the use cases need from the outside world. `db/` and `mail/` implement these; tests may pass
 * their own. Use cases never see SQL, HTTP or the environment.
 */
import type { UserKind } from '../../domain/profile.js';
import type { Lang } from '../../messages/i18n.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export type RegistrationState = 'started' | 'code_sent' | 'verified' | 'profile_entered' | 'completed';

export type RegistrationRecord = {
  id: string;
  kind: UserKind;
  /** the language the person uses: mail is written in it */
  lang: Lang;
  state: RegistrationState;
  email: string | null;
  emailKey: string | null;
  addressTaken: boolean;
  failedAttempts: number;
  codesSent: number;
  lastCodeSentAt: Date | null;
  profileValues: Record<string, string> | null;
  passwordHash: string | null;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date;
};

export type OutgoingMail = {
  template: string;
  to: string;
  subject: string;
  body: string;
  userId?: string;
};

/**
 * Told after a store call has queued mail and its transaction has committed, so that this
 * process's mail worker sends it now instead of at its next poll. Mail queued by other processes
 * is still found by their polling; the signal only shortens the wait.
 */
export type MailQueued = () => void;

export type NewUser = {
  kind: UserKind;
  lang: Lang;
  email: string;
  emailKey: string;
  passwordHash: string;
  notify: boolean;
  profile: Record<string, string | null>;
};

export type UserRecord = {
  id: string;
  kind: UserKind;
  lang: Lang;
  email: string;
  emailKey: string;
  passwordHash: string;
  notify: boolean;
  status: 'active' | 'suspended';
  displayName: string;
  profileValues: Record<string, string>;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export type CodeStepInput = {
  email: string;
  emailKey: string;
  addressTaken: boolean;
  /** null when no code is sent (the address belongs to a user) */
  codeHmac: string | null;
  mail: OutgoingMail;
  now: Date;
  expiresAt: Date;
};

export type ResendInput = {
  codeHmac: string | null;
  /** null when nothing is mailed (the address belongs to a user: its one notice is enough) */
  mail: OutgoingMail | null;
  now: Date;
  expiresAt: Date;
  /** a resend is refused when the previous code was sent after this instant */
  notAfter: Date;
  /** at most this many codes in all (the first included) */
  maxCodes: number;
};

export type CompleteResult =
  | { outcome: 'created'; userId: string }
  | { outcome: 'already_completed'; userId: string }
  | { outcome: 'email_taken' }
  | { outcome: 'not_ready' };

export interface RegistrationStore {
  create(input: {
    tokenHash: string;
    kind: UserKind;
    lang: Lang;
    now: Date;
    expiresAt: Date;
  }): Promise<RegistrationRecord>;
  findByTokenHash(tokenHash: string): Promise<RegistrationRecord | null>;
  /** Sets the address, stores the first code and queues its mail, in one transaction. */
  startCodeStep(id: string, input: CodeStepInput): Promise<void>;
  /** Adds a code and queues its mail unless the resend limits say no, atomically. */
  resendCode(id: string, input: ResendInput): Promise<'sent' | 'too_soon' | 'too_many'>;
  /** Counts one try before comparing; returns the new count, or null once `max` tries were used. */
  countAttempt(id: string, max: number): Promise<number | null>;
  listUnusedCodes(id: string): Promise<{ id: number; codeHmac: string }[]>;
  /** Marks the code used and the registration verified; false when another request used it first. */
  consumeCode(id: string, codeId: number, now: Date): Promise<boolean>;
  saveProfile(id: string, values: Record<string, string>, passwordHash: string | null): Promise<void>;
  reopenProfile(id: string): Promise<void>;
  /** Creates the user, empties the registration of personal data and queues the mail, atomically. */
  complete(id: string, user: NewUser, mail: OutgoingMail, now: Date): Promise<CompleteResult>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
  countOpen(now: Date): Promise<number>;
}

export interface UserStore {
  findByEmailKey(emailKey: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  /** Whether sign-in is on hold for this user after repeated failures. */
  lockedUntil(id: string): Promise<Date | null>;
  /** `clearHold`: also ends the failure count and hold for unknown browsers (default true) */
  recordSignIn(id: string, now: Date, clearHold?: boolean): Promise<void>;
  /** Counts a failure; the `max`-th in a row holds sign-in for `lockSeconds`. */
  recordFailedSignIn(id: string, now: Date, max: number, lockSeconds: number): Promise<void>;
  /**
   * As `recordFailedSignIn`, and when this failure puts the hold on, queues `lockMail` in the same
   * transaction; true then.
   */
  recordFailedSignInAndNotify(
    id: string,
    now: Date,
    max: number,
    lockSeconds: number,
    lockMail: OutgoingMail,
  ): Promise<boolean>;
  /**
   * 退会 (and the back office): deletes the user row and what holds their personal data (sessions,
   * account flows, notice deliveries and the mails about them), and queues `mail` (kept with no
   * user) in the same transaction. False when there is no such user.
   */
  deleteAccount(userId: string, mail: OutgoingMail, now: Date): Promise<boolean>;
}

export type SessionRecord = {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  signedInAt: Date;
};

export interface SessionStore {
  create(idHash: string, userId: string, now: Date): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, now: Date): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string, exceptIdHash?: string): Promise<void>;
}

export interface RateLimiter {
  /** Counts one hit on `key` in a fixed window; says whether it is within `limit`. */
  hit(
    key: string,
    limit: number,
    windowSeconds: number,
    now: Date,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export type AuditEntry = {
  action: string;
  userId?: string | null;
  /** the staff member who did it (back office actions) */
  staffId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Record<string, string | number | boolean>;
};

export interface AuditLog {
  record(entry: AuditEntry, now: Date): Promise<void>;
}

export interface MailTemplates {
  registrationCode(v: { code: string; ttlMinutes: number; mailDomain: string }): {
    subject: string;
    body: string;
  };
  registrationAttemptOnExistingAccount(v: { signInUrl: string; resetUrl: string }): {
    subject: string;
    body: string;
  };
  registrationComplete(v: { name: string; kind: UserKind; myPageUrl: string }): {
    subject: string;
    body: string;
  };
}
