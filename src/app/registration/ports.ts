/**
 * What the registration use cases (registration.ts) need beyond `shared/ports.ts`: the flows in
 * progress and the registration mails. `db/registration` and `mail/templates/{ja,en}/registration.ts`
 * implement these. The flow's codes and their counts are the e-mailed code's (app/email-codes).
 */
import type { UserKind } from '../../domain/profile.js';
import type { Lang } from '../../messages/i18n.js';
import type { ResendInput, ResendOutcome } from '../email-codes/ports.js';
import type { AuditEntry, NewUser, OutgoingMail } from '../shared/ports.js';

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
  profileValues: Record<string, string> | null;
  passwordHash: string | null;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date;
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
  /** recorded with the step */
  audit: AuditEntry;
};

export type CompleteResult =
  | { outcome: 'created'; userId: string }
  | { outcome: 'already_completed'; userId: string }
  | { outcome: 'email_taken' }
  | { outcome: 'not_ready' };

export interface RegistrationStore {
  /** A new flow, `audit` recorded with it. */
  create(input: {
    tokenHash: string;
    kind: UserKind;
    lang: Lang;
    now: Date;
    expiresAt: Date;
    audit: AuditEntry;
  }): Promise<RegistrationRecord>;
  findByTokenHash(tokenHash: string): Promise<RegistrationRecord | null>;
  /** Sets the address, stores the first code, queues its mail and records `audit`, atomically. */
  startCodeStep(id: string, input: CodeStepInput): Promise<void>;
  /** Adds a code and queues its mail unless the resend limits say no, atomically. */
  resendCode(id: string, input: ResendInput): Promise<ResendOutcome>;
  /**
   * Uses the flow's codes and marks it verified, recording `audit` with it; false (and nothing
   * recorded) when another request used them first.
   */
  consumeCode(id: string, now: Date, audit: AuditEntry): Promise<boolean>;
  saveProfile(id: string, values: Record<string, string>, passwordHash: string | null): Promise<void>;
  reopenProfile(id: string): Promise<void>;
  /**
   * Creates the user, empties the registration of personal data, queues the mail and records
   * `audit` with the new user's id, atomically.
   */
  complete(
    id: string,
    user: NewUser,
    mail: OutgoingMail,
    now: Date,
    audit: Omit<AuditEntry, 'userId'>,
  ): Promise<CompleteResult>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
  countOpen(now: Date): Promise<number>;
}

export interface MailTemplates {
  registrationCode(v: { code: string; ttlSeconds: number; mailDomain: string }): {
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
