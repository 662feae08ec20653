/** 利用者の新規登録: the flows in progress (their e-mailed codes are in email-codes.ts). */
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from './columns.js';

/**
 * A registration in progress (the self-service flow of the seed's screens 2–7). The browser holds
 * a random token in a cookie; only its SHA-256 is stored. Expired rows are deleted by the sweep,
 * taking their codes (email_codes) and code mails with them (ON DELETE CASCADE).
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
