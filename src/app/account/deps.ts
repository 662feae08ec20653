/**
 * What the account use cases are given (main.ts wires it) and who they act for. account.ts and
 * the code flows (codes.ts) both take these, so neither needs to import the other for them.
 */
import type { Lang } from '../../messages/i18n.js';
import type { EmailCodeStore } from '../email-codes/ports.js';
import type {
  AuditLog,
  Clock,
  MailQueued,
  PasswordHasher,
  RateLimiter,
  UserRecord,
} from '../shared/ports.js';
import type { AccountFlowStore, AccountMailTemplates, AccountUserStore } from './ports.js';

export type AccountDeps = {
  users: AccountUserStore;
  flows: AccountFlowStore;
  /** the flows' e-mailed codes (shared with registration) */
  codes: EmailCodeStore;
  hasher: PasswordHasher;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  /** the mails in each language; a user's mail is written in the user's language (`users.lang`) */
  templates: Record<Lang, AccountMailTemplates>;
  clock: Clock;
  secret: string;
  /** the code rules' time limit (REGISTRATION_TTL_SECONDS) */
  ttlSeconds: number;
  codeMailsPerIpPer10Min: number;
  mailDomain: string;
  baseUrl: string;
  /** told once a step's mail is queued (main.ts: this process's mail worker sends it at once) */
  mailQueued?: MailQueued;
  /** 退会 is refused while the user has an application 送信済, 処理中 or 差し戻し (procedures) */
  applications?: { hasOpenApplication(userId: string): Promise<boolean> };
};

/** The signed-in person: who, since when, and the session id their browser holds. */
export type Actor = { user: UserRecord; signedInAt: Date; sessionId: string };

export type PasswordCheckResult = 'ok' | 'required' | 'wrong' | 'held';
