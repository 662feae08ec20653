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

export interface UserStore {
  findByEmailKey(emailKey: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  /** The users of these ids that exist, in one query (a list page names each row's person). */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  /** Whether sign-in is on hold for this user after repeated failures. */
  lockedUntil(id: string): Promise<Date | null>;
  /**
   * Records a sign-in with `audit`, in one statement. `clearHold` (an unknown browser): also ends
   * the failure count and the hold for unknown browsers — unless that hold is on at `now`: then
   * nothing is written and the answer is false.
   */
  recordSignIn(id: string, now: Date, clearHold: boolean, audit: AuditEntry): Promise<boolean>;
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
  /** The session with its user, in one round trip (every signed-in page asks for both). */
  findWithUser(idHash: string): Promise<(SessionRecord & { user: UserRecord }) | null>;
  touch(idHash: string, now: Date): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string, exceptIdHash?: string): Promise<void>;
}

export type RateHit = { key: string; limit: number; windowSeconds: number };

export interface RateLimiter {
  /** Counts one hit on `key` in a fixed window; says whether it is within `limit`. */
  hit(
    key: string,
    limit: number,
    windowSeconds: number,
    now: Date,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /**
   * As `hit` on each of `hits` (different keys) in turn until one is refused, in one round trip: a
   * key after the refused one is not counted. The seconds to wait after the refused hit, or null.
   */
  hitEach(hits: readonly RateHit[], now: Date): Promise<number | null>;
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
