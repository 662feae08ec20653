/** The 6-digit codes mailed to confirm an address, for every flow that mails one. */
import { bigserial, check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from './columns.js';
import { accountFlows } from './account.js';
import { registrations } from './registration.js';
import { guestFlows } from './procedures.js';

/**
 * The codes of one flow and the counts their rules need, in one row: every code sent (earlier codes
 * stay valid), each only as an HMAC; the sends and the tries. The row belongs to its flow by the
 * flow's own column (one per table of flows) and goes with it (ON DELETE CASCADE): with its sweep,
 * its completion, 退会. A used row is done: its flow has moved on.
 */
export const emailCodes = pgTable(
  'email_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    purpose: text('purpose', {
      enum: ['registration', 'email_change', 'password_reset', 'guest_application'],
    }).notNull(),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    accountFlowId: uuid('account_flow_id').references(() => accountFlows.id, { onDelete: 'cascade' }),
    guestFlowId: uuid('guest_flow_id').references(() => guestFlows.id, { onDelete: 'cascade' }),
    codeHmacs: text('code_hmacs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    codesSent: integer('codes_sent').notNull().default(1),
    lastSentAt: ts('last_sent_at').notNull(),
    tries: integer('tries').notNull().default(0),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    check(
      'email_codes_one_owner',
      sql`num_nonnulls(${t.registrationId}, ${t.accountFlowId}, ${t.guestFlowId}) = 1`,
    ),
    // a flow's codes are read and counted at every step: one row per flow, found by its owner
    uniqueIndex('email_codes_registration_unique')
      .on(t.registrationId)
      .where(sql`${t.registrationId} is not null`),
    uniqueIndex('email_codes_account_flow_unique')
      .on(t.accountFlowId)
      .where(sql`${t.accountFlowId} is not null`),
    uniqueIndex('email_codes_guest_flow_unique')
      .on(t.guestFlowId)
      .where(sql`${t.guestFlowId} is not null`),
  ],
);
