/** The mail outbox on PostgreSQL: queued rows are leased to one worker at a time. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OutgoingMail } from '../../app/shared/ports.js';
import type { Db } from './client.js';
import { mailOutbox } from '../schema/index.js';

export function outboxRow(mail: OutgoingMail, now: Date, registrationId: string | null = null) {
  return {
    registrationId,
    userId: mail.userId ?? null,
    template: mail.template,
    toAddress: mail.to,
    subject: mail.subject,
    body: mail.body,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * The mails that carry a one-time code (registration, e-mail change, password reset). Once a relay
 * has taken one, its body is replaced by ERASED_CODE_MAIL_BODY: the row keeps what the audit needs
 * (template, address, subject, times), not the code (docs/decisions/code-mails-erased.md).
 */
export const CODE_MAIL_TEMPLATES = [
  'registration_code',
  'email_change_code',
  'password_reset_code',
  'guest_application_code',
];
export const ERASED_CODE_MAIL_BODY = '（認証コードを含む本文は、送信後に消去しました）';

export type OutboxMail = { id: number; to: string; subject: string; body: string; attempts: number };

export const MAX_MAIL_ATTEMPTS = 10;

export function outboxStore(db: Db) {
  return {
    async enqueue(mail: OutgoingMail, now: Date): Promise<void> {
      await db.insert(mailOutbox).values(outboxRow(mail, now));
    },

    /**
     * Takes up to `limit` due mails for this worker, in one statement: first mail whose lease ran out
     * (its worker died), then queued mail in the order it fell due. SKIP LOCKED lets every process run
     * a worker without sending a mail twice. Each kind is a range of its own partial index
     * (mail_outbox_sending_idx, mail_outbox_queued_idx) read no further than the batch, so a claim
     * costs the same whether the table holds a hundred mails or millions of sent ones, and whatever
     * the backlog. The statuses are written out (not parameters) so that the planner matches the
     * partial indexes; the rows are updated by their ids (see deleteInBatches in sweep.ts).
     */
    async claim(limit: number, now: Date, leaseSeconds: number): Promise<OutboxMail[]> {
      const at = sql`${now.toISOString()}::timestamptz`;
      const lease = sql`${new Date(now.getTime() + leaseSeconds * 1000).toISOString()}::timestamptz`;
      const result = await db.execute(sql`
        with expired as (
          select id from mail_outbox
          where status = 'sending' and locked_until < ${at}
          order by locked_until
          limit ${limit}::int
          for update skip locked
        ), queued as (
          select id from mail_outbox
          where status = 'queued' and next_attempt_at <= ${at}
          order by next_attempt_at, id
          limit ${limit}::int - (select count(*) from expired)
          for update skip locked
        ), taken as (
          update mail_outbox
          set status = 'sending', locked_until = ${lease}, attempts = attempts + 1
          where id = any(array(select id from expired union all select id from queued))
          returning id, to_address, subject, body, attempts, next_attempt_at
        )
        -- RETURNING comes in no particular order: the expired first, each kind as it fell due.
        select id, to_address, subject, body, attempts from taken
        order by id in (select id from expired) desc, next_attempt_at, id`);
      const rows = (
        result as unknown as {
          rows: {
            id: number | string;
            to_address: string;
            subject: string;
            body: string;
            attempts: number;
          }[];
        }
      ).rows;
      return rows.map((r) => ({
        // bigserial: node-postgres gives it as a string
        id: Number(r.id),
        to: r.to_address,
        subject: r.subject,
        body: r.body,
        attempts: Number(r.attempts),
      }));
    },

    /** `eraseCode`: a code mail's body goes (a relay delivered it; see CODE_MAIL_TEMPLATES). */
    async markSent(id: number, now: Date, eraseCode = false): Promise<void> {
      await db
        .update(mailOutbox)
        .set({
          status: 'sent',
          sentAt: now,
          lockedUntil: null,
          lastError: null,
          ...(eraseCode
            ? {
                body: sql`case when ${inArray(mailOutbox.template, CODE_MAIL_TEMPLATES)} then ${ERASED_CODE_MAIL_BODY} else ${mailOutbox.body} end`,
              }
            : {}),
        })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
    },

    /** Puts the mail back with a growing wait, or gives up after MAX_MAIL_ATTEMPTS. */
    async markFailed(id: number, attempts: number, error: string, now: Date): Promise<void> {
      const waitSeconds = Math.min(3600, 2 ** Math.min(attempts, 12));
      await db
        .update(mailOutbox)
        .set({
          status: attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000),
        })
        .where(eq(mailOutbox.id, id));
    },

    /** The newest mails, for the development mailbox page; only those to `to` (any case) when given. */
    async latest(limit: number, to?: string) {
      return db
        .select({
          id: mailOutbox.id,
          to: mailOutbox.toAddress,
          subject: mailOutbox.subject,
          body: mailOutbox.body,
          status: mailOutbox.status,
          createdAt: mailOutbox.createdAt,
        })
        .from(mailOutbox)
        .where(to ? sql`lower(${mailOutbox.toAddress}) = ${to.toLowerCase()}` : undefined)
        .orderBy(desc(mailOutbox.id))
        .limit(limit);
    },
  };
}

export type OutboxStore = ReturnType<typeof outboxStore>;
