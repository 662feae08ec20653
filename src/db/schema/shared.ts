/** What every capability uses: the mail outbox, rate-limit counters and the append-only audit log. */
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from './columns.js';
import { accountFlows, users } from './account.js';
import { registrations } from './registration.js';

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
