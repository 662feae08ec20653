/**
 * What the procedures' use cases (procedures.ts) need beyond `shared/ports.ts`: the applications,
 * their history and attachments, the versions and the 手続管理 settings, and the mails.
 * `db/procedures` and `mail/templates/{ja,en}/procedures.ts` implement these.
 */
import type { ApplicationState } from '../../domain/procedures/states.js';
import type { Lang } from '../../messages/i18n.js';
import type { ResendInput, ResendOutcome } from '../email-codes/ports.js';
import type { OutgoingMail } from '../shared/ports.js';

export type StoredAnswers = Record<string, unknown>;

export type ApplicationRecord = {
  id: string;
  referenceNumber: string | null;
  procedureId: string;
  /** the version submitted; null while a draft */
  version: string | null;
  userId: string | null;
  guestEmail: string | null;
  /** a guest's: SHA-256 of their secret (the cookie, the receipt mail's link) */
  guestSecretHash: string | null;
  /** a guest's language (their mail is written in it) */
  guestLang: Lang | null;
  state: ApplicationState;
  revision: number;
  answers: StoredAnswers;
  markedFields: string[];
  createdAt: Date;
  lastSavedAt: Date;
  draftExpiresAt: Date | null;
  submittedAt: Date | null;
  closedAt: Date | null;
  keepUntil: Date | null;
};

/** What 申請履歴 and 一時保存中の申請 show of an application (no answers: they may be large). */
export type ApplicationSummary = Pick<
  ApplicationRecord,
  'id' | 'referenceNumber' | 'procedureId' | 'state' | 'createdAt' | 'submittedAt' | 'draftExpiresAt'
>;

export type ApplicationEventRecord = {
  id: number;
  at: Date;
  actor: 'applicant' | 'staff' | 'system';
  staffId: string | null;
  /** a transition's action (states.ts) or 'note' (メモ) */
  action: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  message: string | null;
  visibleToApplicant: boolean;
  revision: number;
  changedFields: string[];
  markedFields: string[];
  previousAnswers: StoredAnswers | null;
};

export type NewEvent = Omit<ApplicationEventRecord, 'id'>;

export type AttachmentMeta = {
  id: string;
  applicationId: string;
  fieldId: string;
  fileName: string;
  mediaType: string;
  size: number;
  revision: number;
  createdAt: Date;
};

export type ProcedureSetting = { accepting: boolean; changedByStaffId: string | null; changedAt: Date };

export type VersionRecord = { version: string; procedureId: string; createdAt: Date };

/** 申請一覧's filters (all optional) and page. */
export type ApplicationFilter = {
  procedureId?: string;
  state?: Exclude<ApplicationState, 'draft'>;
  referenceNumber?: string;
  /** submitted at or after */
  submittedFrom?: Date;
  /** submitted before */
  submittedBefore?: Date;
};

/** A conditional change of an application, with its event and mail, in one transaction. */
export type TransitionWrite = {
  id: string;
  /** the change happens only from this state and revision (a racing change makes it a no-op) */
  fromState: ApplicationState;
  fromRevision: number;
  set: Partial<
    Pick<
      ApplicationRecord,
      'state' | 'revision' | 'answers' | 'markedFields' | 'submittedAt' | 'closedAt' | 'keepUntil'
    >
  >;
  event: NewEvent;
  mail: OutgoingMail | null;
  now: Date;
};

export type SubmitWrite = {
  id: string;
  referenceNumber: string;
  version: string;
  procedureId: string;
  /** the canonical copy of the definition, stored with the first application of its version */
  definition: unknown;
  answers: StoredAnswers;
  /** attachments no longer in the answers (a hidden page's, a replaced file) are deleted */
  keptAttachmentIds: string[];
  event: NewEvent;
  mail: OutgoingMail;
  now: Date;
};

export type SubmitOutcome =
  | { outcome: 'submitted'; referenceNumber: string }
  /** another request submitted it first (a double click): its 受付番号 */
  | { outcome: 'already_submitted'; referenceNumber: string }
  /** the 受付番号 is another application's: try another */
  | { outcome: 'reference_taken' }
  | { outcome: 'not_found' };

export interface ProcedureStore {
  settings(): Promise<Map<string, ProcedureSetting>>;
  setAccepting(procedureId: string, accepting: boolean, staffId: string, now: Date): Promise<void>;
  versions(procedureId: string): Promise<VersionRecord[]>;
  /** The definition copy of a version (as stored), or null. */
  versionDefinition(version: string): Promise<unknown>;

  /** A new draft; 'one_per_person' when the person has a draft or open application of it already. */
  createDraft(input: {
    procedureId: string;
    userId: string | null;
    guestEmail: string | null;
    onePerPerson: boolean;
    answers: StoredAnswers;
    now: Date;
    expiresAt: Date;
  }): Promise<{ ok: true; id: string } | { ok: false; problem: 'one_per_person'; existingId: string | null }>;
  find(id: string): Promise<ApplicationRecord | null>;
  /** Saves a draft's answers and moves its expiry; false when it is no longer a draft. */
  saveDraft(id: string, answers: StoredAnswers, now: Date, expiresAt: Date): Promise<boolean>;
  deleteDraft(id: string): Promise<boolean>;
  /**
   * 申請する: draft → submitted with `UPDATE … WHERE state = 'draft'`, the version copy (first time),
   * the event and the receipt mail, in one transaction. Idempotent (see SubmitOutcome).
   */
  submit(input: SubmitWrite): Promise<SubmitOutcome>;
  /** Any other transition; false when the application was not in `fromState`/`fromRevision`. */
  transition(input: TransitionWrite): Promise<boolean>;
  /** An event that changes no state (メモ). */
  addEvent(applicationId: string, event: NewEvent): Promise<void>;
  events(applicationId: string): Promise<ApplicationEventRecord[]>;

  /** A user's applications and drafts, newest first. */
  ofUser(userId: string): Promise<ApplicationSummary[]>;
  /** Whether the user has an application 送信済, 処理中 or 差し戻し (退会 is refused then). */
  hasOpenApplication(userId: string): Promise<boolean>;
  /**
   * 申請一覧: a page of submitted applications, newest first, and whether more follow (read as one
   * row beyond the page: no count of the whole table).
   */
  search(
    filter: ApplicationFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: ApplicationRecord[]; hasMore: boolean }>;
  /** Every submitted application of a procedure, oldest first (CSV). */
  allOfProcedure(procedureId: string): Promise<ApplicationRecord[]>;

  /**
   * Stores a file when the application's files stay within `maxTotalBytes` (checked with the
   * application locked, so two uploads at once cannot both pass); 'too_large_total' otherwise.
   */
  addAttachment(input: {
    applicationId: string;
    fieldId: string;
    fileName: string;
    mediaType: string;
    content: Uint8Array;
    revision: number;
    maxTotalBytes: number;
    now: Date;
  }): Promise<{ ok: true; id: string } | { ok: false; problem: 'too_large_total' | 'not_found' }>;
  attachments(applicationId: string): Promise<AttachmentMeta[]>;
  attachment(id: string): Promise<(AttachmentMeta & { content: Uint8Array }) | null>;
  removeAttachment(applicationId: string, id: string): Promise<boolean>;

  /** The sweep: drafts whose expiry has passed, closed applications past their 保存年限. */
  deleteExpiredDrafts(now: Date): Promise<number>;
  deleteExpiredRecords(now: Date): Promise<number>;
}

/** The rows of 申請内容 as the mail shows them. */
export type MailAnswerSection = { title: string; rows: { label: string; value: string }[] };

export interface ProcedureMailTemplates {
  /** 申請を受け付けました: the 受付番号 and a copy of the answers */
  received(v: {
    procedureName: string;
    referenceNumber: string;
    submittedAt: Date;
    sections: MailAnswerSection[];
    detailUrl: string;
    resubmitted: boolean;
  }): { subject: string; body: string };
  /** A change the applicant sees (処理中, 処理完了, 申請却下, 差し戻し, 取下げ), with the city's message. */
  stateChanged(v: {
    procedureName: string;
    referenceNumber: string;
    state: ApplicationState;
    message: string | null;
    /** 差し戻し: the labels of the fields to correct */
    markedLabels: string[];
    detailUrl: string;
  }): { subject: string; body: string };
}

/** ログインせずに申請する: a guest's address being confirmed by code (guest.ts). */
export type GuestFlowRecord = {
  id: string;
  procedureId: string;
  lang: Lang;
  email: string;
  emailKey: string;
  /** the guest's draft, once the code was right */
  applicationId: string | null;
  createdAt: Date;
  expiresAt: Date;
};

/** The guest's draft, made in the transaction that uses the code. */
export type GuestDraftInput = {
  procedureId: string;
  guestEmail: string;
  guestLang: Lang;
  guestSecretHash: string;
  answers: StoredAnswers;
  now: Date;
  expiresAt: Date;
};

export type GuestVerifyOutcome =
  | { outcome: 'created'; applicationId: string }
  /** another request used the code first: the draft it made (null: the flow went meanwhile) */
  | { outcome: 'already_verified'; applicationId: string | null };

export interface GuestFlowStore {
  /** A new flow, its first code and the code mail, in one transaction. */
  start(input: {
    /** made by the use case: the code's HMAC is bound to it */
    id: string;
    tokenHash: string;
    procedureId: string;
    lang: Lang;
    email: string;
    emailKey: string;
    codeHmac: string;
    mail: OutgoingMail;
    now: Date;
    expiresAt: Date;
  }): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<GuestFlowRecord | null>;
  /** Adds a code and queues its mail unless the resend limits say no, atomically. */
  resendCode(id: string, input: ResendInput): Promise<ResendOutcome>;
  /** Uses the flow's codes and makes the guest's draft, once (UPDATE … WHERE used_at IS NULL). */
  verify(id: string, draft: GuestDraftInput): Promise<GuestVerifyOutcome>;
  delete(id: string): Promise<void>;
  /** The sweep: flows past their time, with their codes. */
  deleteExpired(now: Date): Promise<number>;
}

export interface GuestMailTemplates {
  /** 認証コードのお知らせ for ログインせずに申請する */
  guestCode(v: { procedureName: string; code: string; ttlSeconds: number; mailDomain: string }): {
    subject: string;
    body: string;
  };
}
