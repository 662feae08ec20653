/** Residents: the users, their sessions, and the e-mail change and password reset flows. */
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

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

/**
 * A signed-in user's e-mail change, or a password reset (which may be for an address that is no
 * user's: then `user_id` is null and no code is sent, but the screens behave the same). Its codes
 * are in email_codes (email-codes.ts), with the registration's.
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
