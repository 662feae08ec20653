/** The back office: staff accounts and their sessions. */
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

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
