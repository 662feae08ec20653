/**
 * Online procedures (issue 13): the versions of the definitions that applications were made with,
 * whether each procedure takes new applications, the applications (drafts included), their
 * append-only history and their attachments. See docs/procedures.md.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './account.js';

/** The bytes of a file (bytea): a Buffer from pg, a Uint8Array from PGlite; read as a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  fromDriver: (value) => new Uint8Array(value),
});

export const APPLICATION_STATE_VALUES = [
  'draft',
  'submitted',
  'in_progress',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;

/**
 * A definition as applications were made with it: its version (SHA-256 of its canonical JSON,
 * src/app/procedures/version.ts) and a copy, stored on the first submission of that version, so that
 * an old application always displays with the form it was made on.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    version: text('version').primaryKey(),
    procedureId: text('procedure_id').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  // 手続管理: a procedure's versions, newest first
  (t) => [index('procedure_versions_procedure_idx').on(t.procedureId, t.createdAt)],
);

/** 手続管理: a procedure stopped (受付を停止する) or accepting again; no row: accepting. */
export const procedureSettings = pgTable('procedure_settings', {
  procedureId: text('procedure_id').primaryKey(),
  accepting: boolean('accepting').notNull(),
  /** the staff member who last changed it (no reference: staff rows may go, the record stays) */
  changedByStaffId: uuid('changed_by_staff_id'),
  changedAt: ts('changed_at').notNull(),
});

/**
 * An application, from its draft on. A user's (user_id) or a guest's (guest_email, confirmed by an
 * e-mailed code). Drafts go with their account (a trigger on users, see the migration) and 30 days
 * after their last save; closed applications are kept until `keep_until` (保存年限), even when the
 * applicant has left (user_id then null).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 受付番号: given on the first submission */
    referenceNumber: text('reference_number'),
    procedureId: text('procedure_id').notNull(),
    /** the version submitted (null while a draft: a draft follows the current definition) */
    version: text('version').references(() => procedureVersions.version),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    guestEmail: text('guest_email'),
    /** a guest's: SHA-256 of the secret their browser holds and their receipt mail's link carries */
    guestSecretHash: text('guest_secret_hash'),
    /** a guest's language: their mail is written in it */
    guestLang: text('guest_lang', { enum: ['ja', 'en'] }),
    /** the procedure takes one open application per person: the unique index below holds it */
    onePerPerson: boolean('one_per_person').notNull().default(false),
    state: text('state', { enum: APPLICATION_STATE_VALUES }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** 差し戻し: the fields the applicant may change */
    markedFields: text('marked_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull(),
    lastSavedAt: ts('last_saved_at').notNull(),
    /** while a draft: 30 days after the last save */
    draftExpiresAt: ts('draft_expires_at'),
    submittedAt: ts('submitted_at'),
    closedAt: ts('closed_at'),
    /** once closed: closed_at + the procedure's 保存年限 */
    keepUntil: ts('keep_until'),
  },
  (t) => [
    check('applications_one_applicant', sql`${t.userId} is null or ${t.guestEmail} is null`),
    check(
      'applications_guest_secret',
      sql`(${t.guestEmail} is null) = (${t.guestSecretHash} is null) and (${t.guestEmail} is null) = (${t.guestLang} is null)`,
    ),
    check('applications_draft_expiry', sql`(${t.state} = 'draft') = (${t.draftExpiresAt} is not null)`),
    uniqueIndex('applications_reference_unique')
      .on(t.referenceNumber)
      .where(sql`${t.referenceNumber} is not null`),
    // one draft or open application per person, for procedures that say so
    uniqueIndex('applications_one_per_person_unique')
      .on(t.userId, t.procedureId)
      .where(sql`${t.onePerPerson} and ${t.state} in ('draft', 'submitted', 'in_progress', 'returned')`),
    // 申請履歴, 退会's check, the drafts deleted with the account
    index('applications_user_idx').on(t.userId, t.createdAt),
    // 申請一覧 (newest first) with its filters, the CSV export
    index('applications_submitted_idx')
      .on(t.submittedAt, t.id)
      .where(sql`${t.submittedAt} is not null`),
    index('applications_procedure_idx').on(t.procedureId, t.submittedAt),
    index('applications_state_idx').on(t.state, t.submittedAt),
    index('applications_version_idx').on(t.version),
    // the sweep
    index('applications_draft_expiry_idx')
      .on(t.draftExpiresAt)
      .where(sql`${t.draftExpiresAt} is not null`),
    index('applications_keep_until_idx')
      .on(t.keepUntil)
      .where(sql`${t.keepUntil} is not null`),
  ],
);

/**
 * The history of an application, append-only (a trigger forbids UPDATE, and DELETE except with the
 * application itself): who, when, from → to, the message, whether the applicant sees it.
 */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    actor: text('actor', { enum: ['applicant', 'staff', 'system'] }).notNull(),
    /** the staff member (no reference: the history outlives staff rows) */
    staffId: uuid('staff_id'),
    /** submit, start, complete, reject, return, resubmit, withdraw, note */
    action: text('action').notNull(),
    fromState: text('from_state', { enum: APPLICATION_STATE_VALUES }),
    toState: text('to_state', { enum: APPLICATION_STATE_VALUES }).notNull(),
    message: text('message'),
    visibleToApplicant: boolean('visible_to_applicant').notNull(),
    revision: integer('revision').notNull(),
    /** 再申請: the fields whose answers changed */
    changedFields: text('changed_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 差し戻す: the fields to correct */
    markedFields: text('marked_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 再申請: the previous answers of the changed fields (staff compare revisions) */
    previousAnswers: jsonb('previous_answers').$type<Record<string, unknown>>(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

/** Attached files (PDF, JPEG, PNG), stored with their application and deleted with it. */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fieldId: text('field_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    revision: integer('revision').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('application_attachments_application_idx').on(t.applicationId, t.fieldId)],
);

/**
 * ログインせずに申請する: a guest's address being confirmed by code (decision 014). The browser
 * holds a random token in a cookie; only its SHA-256 is stored. The right code makes the guest's
 * draft (`application_id`); the flow stays until its expiry so that a repeated request finds it, then
 * the sweep deletes it with its codes (email_codes, ON DELETE CASCADE).
 */
export const guestFlows = pgTable(
  'guest_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    procedureId: text('procedure_id').notNull(),
    lang: text('lang', { enum: ['ja', 'en'] }).notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    /** the guest's draft, once the code was right */
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('guest_flows_token_hash_unique').on(t.tokenHash),
    // the sweep takes expired flows in batches from here
    index('guest_flows_expires_idx').on(t.expiresAt),
    // a draft deleted (its expiry, 削除する) takes its flow with it
    index('guest_flows_application_idx')
      .on(t.applicationId)
      .where(sql`${t.applicationId} is not null`),
  ],
);
