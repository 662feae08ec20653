/**
 * What the back office's use cases (staff, residents' accounts, audit, dashboard) need from the
 * database and the mail templates. `db/staff/*.ts` implement these; `mail/templates/ja/staff.ts` the
 * templates. The notices' own ports are in `app/notices/ports.ts`.
 */
import type { UserKind } from '../../domain/profile.js';
import type { AuditEntry, OutgoingMail, UserRecord } from '../shared/ports.js';

export type StaffRole = 'admin' | 'operator';
export type StaffStatus = 'pending' | 'active' | 'disabled';

export type StaffRecord = {
  id: string;
  email: string;
  emailKey: string;
  name: string | null;
  role: StaffRole;
  status: StaffStatus;
  passwordHash: string | null;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  enrolExpiresAt: Date | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export interface StaffStore {
  count(): Promise<number>;
  list(): Promise<StaffRecord[]>;
  findById(id: string): Promise<StaffRecord | null>;
  findByEmailKey(emailKey: string): Promise<StaffRecord | null>;
  findByEnrolTokenHash(tokenHash: string): Promise<StaffRecord | null>;
  /** A pending staff member with an enrolment token; 'taken' when the address is already staff. */
  create(input: {
    email: string;
    emailKey: string;
    name: string | null;
    role: StaffRole;
    enrolTokenHash: string;
    enrolExpiresAt: Date;
    now: Date;
  }): Promise<{ ok: true; id: string } | { ok: false; reason: 'taken' }>;
  /**
   * Keeps the secret shown on the enrolment page, so a reload shows the same one; only if the stored
   * value is still `replacing` (null on the first visit), so two tabs opened at once keep one secret.
   */
  setPendingSecret(id: string, totpSecretEnc: string, replacing: string | null, now: Date): Promise<boolean>;
  /** Finishes enrolment once: password, the step used, active; the token is gone. False if raced. */
  completeEnrolment(
    id: string,
    input: { passwordHash: string; totpStep: number; now: Date },
  ): Promise<boolean>;
  /**
   * 再設定用のURLを発行する, in one transaction: the password hash, the TOTP secret and last step go, the
   * account becomes `pending` with a new enrolment token, its sessions end and `audit` is written.
   * False (nothing changed) when the account does not exist or is disabled.
   */
  reissueEnrolment(
    id: string,
    input: { enrolTokenHash: string; enrolExpiresAt: Date; now: Date; audit: AuditEntry },
  ): Promise<boolean>;
  /** Counts a failed password or code; the `max`-th in a row locks until now + lockSeconds. */
  recordFailure(id: string, now: Date, max: number, lockSeconds: number): Promise<{ locked: boolean }>;
  /** Stores the step just accepted, only if it is later than the last one (atomic): false if not. */
  useTotpStep(id: string, step: number): Promise<boolean>;
  recordSignIn(id: string, now: Date): Promise<void>;
  setRole(id: string, role: StaffRole, now: Date): Promise<void>;
  disable(id: string, now: Date): Promise<void>;
  countActiveAdmins(): Promise<number>;
}

export type StaffSessionStage = 'password_ok' | 'signed_in';

export type StaffSessionRecord = {
  staffId: string;
  stage: StaffSessionStage;
  createdAt: Date;
  lastSeenAt: Date;
};

export interface StaffSessionStore {
  create(idHash: string, staffId: string, stage: StaffSessionStage, now: Date): Promise<void>;
  find(idHash: string): Promise<StaffSessionRecord | null>;
  touch(idHash: string, now: Date): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForStaff(staffId: string): Promise<void>;
}

/** The mail staff send a resident about their account. */
export interface StaffUserMailTemplates {
  accountDeletedByCity(v: { name: string }): { subject: string; body: string };
}

export type UserSearchHit = {
  id: string;
  kind: UserKind;
  email: string;
  displayName: string;
  phone: string;
  status: 'active' | 'suspended';
  createdAt: Date;
};

export type AuditRecord = {
  id: number;
  at: Date;
  action: string;
  userId: string | null;
  staffId: string | null;
  staffEmail: string | null;
  /** the user's address now; null when there is no user or the user was deleted (退会, アカウントを削除) */
  userEmail: string | null;
  /** the address of the staff member the entry is about (`detail.target`), while the account exists */
  targetStaffEmail: string | null;
  ip: string | null;
  detail: Record<string, string | number | boolean> | null;
};

export interface StaffUserStore {
  search(query: string, limit: number, offset: number): Promise<{ rows: UserSearchHit[]; total: number }>;
  findById(id: string): Promise<UserRecord | null>;
  /** Sets the status; suspending also ends the user's sessions at once (same transaction). */
  setStatus(id: string, status: 'active' | 'suspended', now: Date): Promise<boolean>;
  /** The same deletion as 退会: the user row goes (sessions, flows and deliveries cascade), the mail is queued. */
  deleteUser(id: string, mail: OutgoingMail, now: Date): Promise<boolean>;
}

export type AuditFilter = { actor?: { staffId: string } | 'users' | 'system'; action?: string };

export interface AuditReader {
  list(filter: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRecord[]; total: number }>;
  forUser(userId: string, limit: number): Promise<AuditRecord[]>;
  actions(): Promise<string[]>;
}

export type DailyCount = { day: string; individual: number; business: number };

export type DashboardStats = {
  usersByKind: { individual: number; business: number };
  optedIn: number;
  suspended: number;
  mails: { queued: number; sent: number; failed: number };
  pending: { open: number; oldestStartedAt: Date | null; expiredNotSwept: number };
};

export interface DashboardStore {
  /** Users created per day (Japan's calendar) in [from, to) — counts only, no personal data. */
  registrationsPerDay(fromDay: string, toDay: string): Promise<DailyCount[]>;
  /** `registrationTtlSeconds` turns a flow's expiry back into when its time limit started. */
  stats(now: Date, registrationTtlSeconds: number): Promise<DashboardStats>;
}
