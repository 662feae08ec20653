/**
 * The database schema (Drizzle). Every table that a request may need lives here, so that any number of
 * app processes can share one PostgreSQL: flows, sessions, rate-limit counters and queued mail.
 * Migrations are generated from this file with `npm run db:generate` and checked in under drizzle/.
 */
import {
  bigint,
  bigserial,
  primaryKey,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A registered person or business. `email_key` (lower-cased) is the user ID and is unique. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['individual', 'business'] }).notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    passwordHash: text('password_hash').notNull(),
    notify: boolean('notify').notNull(),
    /** the language the person used: mail is written in it */
    lang: text('lang', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    // individual: 姓名 and kana; business: 法人名/事業者名 and kana, 代表者名, 担当部署, 担当者名
    familyName: text('family_name'),
    givenName: text('given_name'),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    orgName: text('org_name'),
    orgNameKana: text('org_name_kana'),
    representativeName: text('representative_name'),
    department: text('department'),
    contactName: text('contact_name'),
    postalCode: text('postal_code').notNull(),
    prefecture: text('prefecture').notNull(),
    cityAddress: text('city_address').notNull(),
    building: text('building'),
    /** 電話番号 (individual) or 連絡先電話番号 (business), digits only */
    phone: text('phone').notNull(),
    /** 生年月日 (individual) or 担当者生年月日 (business) */
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender', { enum: ['male', 'female', 'unanswered'] }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    lastSignInAt: ts('last_sign_in_at'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: ts('locked_until'),
  },
  (t) => [
    uniqueIndex('users_email_key_unique').on(t.emailKey),
    index('users_created_at_idx').on(t.createdAt),
  ],
);

/**
 * A registration in progress (the self-service flow of the seed's screens 2–7). The browser holds
 * a random token in a cookie; only its SHA-256 is stored. Expired rows are deleted by the sweep,
 * taking their codes and code mails with them (ON DELETE CASCADE).
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: ['individual', 'business'] }).notNull(),
    lang: text('lang', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    state: text('state', {
      enum: ['started', 'code_sent', 'verified', 'profile_entered', 'completed'],
    }).notNull(),
    email: text('email'),
    emailKey: text('email_key'),
    /** true when the address already belonged to a user when the code step began (no code was sent) */
    addressTaken: boolean('address_taken').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    codesSent: integer('codes_sent').notNull().default(0),
    lastCodeSentAt: ts('last_code_sent_at'),
    /** normalised form values of screen 5, without the password */
    profileValues: jsonb('profile_values').$type<Record<string, string>>(),
    passwordHash: text('password_hash'),
    userId: uuid('user_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('registrations_token_hash_unique').on(t.tokenHash),
    // the sweep takes expired flows in batches from here
    index('registrations_expires_idx').on(t.expiresAt),
    // 退会 deletes the completed flow of the user (only completed flows have a user)
    index('registrations_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

/** Every code sent for a registration (earlier codes stay valid), stored only as an HMAC. */
export const registrationCodes = pgTable(
  'registration_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    codeHmac: text('code_hmac').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  // the codes of a flow are read at every try, and go with it (the sweep's cascade finds them here)
  (t) => [index('registration_codes_registration_idx').on(t.registrationId)],
);

/**
 * Mail waiting to be sent, written in the same transaction as the change that causes it. A worker in
 * every process takes rows with FOR UPDATE SKIP LOCKED. Without SMTP, sent rows are what the
 * development mailbox page shows.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    accountFlowId: uuid('account_flow_id').references(() => accountFlows.id, { onDelete: 'cascade' }),
    /** a notice mail: at most one per person per notice (see notice_deliveries) */
    noticeId: uuid('notice_id'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** while `sending`: the lease; a row whose lease ran out (its process died) is taken again */
    lockedUntil: ts('locked_until'),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    // The worker's claim: queued mail in the order it falls due, and mail whose lease ran out. Only
    // those rows are in these indexes, so the sent mail (most of the table) is never read.
    index('mail_outbox_queued_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'queued'`),
    index('mail_outbox_sending_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'sending'`),
    // a notice's progress (sent/total) counts its mails
    index('mail_outbox_notice_idx').on(t.noticeId),
    // The mails of a flow or a person, deleted with it (by the flow's completion, 退会, the sweep's
    // cascade); most mails are notices that belong to neither flow.
    index('mail_outbox_registration_idx')
      .on(t.registrationId)
      .where(sql`${t.registrationId} is not null`),
    index('mail_outbox_account_flow_idx')
      .on(t.accountFlowId)
      .where(sql`${t.accountFlowId} is not null`),
    index('mail_outbox_user_idx').on(t.userId),
  ],
);

/** Signed-in sessions; the cookie holds a random id, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    signedInAt: ts('signed_in_at').notNull(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    // the sweep deletes sessions that timed out (idle or too old) and were never used again
    index('sessions_last_seen_idx').on(t.lastSeenAt),
    index('sessions_created_idx').on(t.createdAt),
  ],
);

/** Fixed-window counters shared by every process (key = what is limited, e.g. `code-mail:ip:1.2.3.4`). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
  },
  // the sweep deletes the counters of windows that ended long ago
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

/** Append-only audit trail. Never a password, a code or a session id; addresses masked. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    action: text('action').notNull(),
    userId: uuid('user_id'),
    staffId: uuid('staff_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_user_idx').on(t.userId)],
);

/**
 * A signed-in user's e-mail change, or a password reset (which may be for an address that is no
 * user's: then `user_id` is null and no code is sent, but the screens behave the same). The code
 * rules are the registration's: 30 minutes, 5 tries, resend once a minute up to 5 times.
 */
export const accountFlows = pgTable(
  'account_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose', { enum: ['email_change', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** the new address (email change) or the address typed (reset) */
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    state: text('state', { enum: ['code_sent', 'verified', 'completed'] }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    codesSent: integer('codes_sent').notNull().default(1),
    lastCodeSentAt: ts('last_code_sent_at').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('account_flows_token_hash_unique').on(t.tokenHash),
    index('account_flows_expires_idx').on(t.expiresAt),
    // a user's other changes or resets end when one completes; 退会 takes them all (cascade)
    index('account_flows_user_idx').on(t.userId, t.purpose),
  ],
);

export const accountFlowCodes = pgTable(
  'account_flow_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => accountFlows.id, { onDelete: 'cascade' }),
    codeHmac: text('code_hmac').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  // the codes of a flow are read at every try, and go with it
  (t) => [index('account_flow_codes_flow_idx').on(t.flowId)],
);

/** City staff (the back office under /admin): separate from residents, TOTP required. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    name: text('name'),
    role: text('role', { enum: ['admin', 'operator'] }).notNull(),
    status: text('status', { enum: ['pending', 'active', 'disabled'] })
      .notNull()
      .default('pending'),
    passwordHash: text('password_hash'),
    /** the TOTP secret, encrypted (AES-256-GCM) with a key derived from SESSION_SECRET */
    totpSecretEnc: text('totp_secret_enc'),
    /** the last 30-second step accepted: a code is never accepted twice */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    enrolTokenHash: text('enrol_token_hash'),
    enrolExpiresAt: ts('enrol_expires_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    lastSignInAt: ts('last_sign_in_at'),
  },
  (t) => [
    uniqueIndex('staff_email_key_unique').on(t.emailKey),
    uniqueIndex('staff_enrol_token_unique').on(t.enrolTokenHash),
  ],
);

/** Staff sessions (cookie Path=/admin). `stage` is password_ok until the TOTP code is given. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: ['password_ok', 'signed_in'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [
    // a staff member's sessions end together (disable, reissue, cascade)
    index('staff_sessions_staff_idx').on(t.staffId),
    // the sweep deletes sessions long idle or past the absolute limit
    index('staff_sessions_last_seen_idx').on(t.lastSeenAt),
    index('staff_sessions_created_idx').on(t.createdAt),
  ],
);

/** お知らせ: important ones show on the portal home; all on マイページ for their audience. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    importance: text('importance', { enum: ['important', 'normal'] }).notNull(),
    audience: text('audience', { enum: ['all', 'individual', 'business'] }).notNull(),
    publishFrom: ts('publish_from').notNull(),
    publishUntil: ts('publish_until'),
    withdrawnAt: ts('withdrawn_at'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** mail sending: none → sending → done; total fixed when sending starts */
    mailStatus: text('mail_status', { enum: ['none', 'sending', 'done'] })
      .notNull()
      .default('none'),
    mailTotal: integer('mail_total').notNull().default(0),
  },
  (t) => [
    index('notices_publish_idx').on(t.publishFrom),
    // every process looks for a notice being mailed at each poll
    index('notices_mail_sending_idx')
      .on(t.createdAt)
      .where(sql`${t.mailStatus} = 'sending'`),
  ],
);

/** One row per person a notice was mailed to: the primary key is why nobody gets it twice. */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.userId] }),
    // 退会 takes the person's deliveries (cascade): the primary key leads with the notice
    index('notice_deliveries_user_idx').on(t.userId),
  ],
);
