/** The mail outbox on PostgreSQL: queued rows are leased to one worker at a time. */
import { and, asc, desc, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
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
     * Takes up to `limit` due mails for this worker: first mail whose lease ran out (its worker died),
     * then queued mail in the order it fell due. SKIP LOCKED lets every process run a worker without
     * sending a mail twice. Each kind is a range of its own partial index (mail_outbox_sending_idx,
     * mail_outbox_queued_idx) read no further than the batch, so a claim costs the same whether the
     * table holds a hundred mails or millions of sent ones, and whatever the backlog.
     */
    async claim(limit: number, now: Date, leaseSeconds: number): Promise<OutboxMail[]> {
      const lease = new Date(now.getTime() + leaseSeconds * 1000);
      // Each UPDATE takes and leases its rows in one statement: no other worker sees them between.
      const take = async (n: number, due: SQL, order: SQL[]) => {
        const rows = db
          .select({ id: mailOutbox.id })
          .from(mailOutbox)
          .where(due)
          .orderBy(...order)
          .limit(n)
          .for('update', { skipLocked: true });
        const taken = await db
          .update(mailOutbox)
          .set({ status: 'sending', lockedUntil: lease, attempts: sql`${mailOutbox.attempts} + 1` })
          // looked up by their ids (see deleteInBatches in sweep.ts)
          .where(sql`${mailOutbox.id} = any(array(${rows}))`)
          .returning();
        // RETURNING comes in no particular order: send in the order the mails fell due.
        return taken.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
      };
      // The status is written out (not a parameter) so that the planner matches the partial index.
      const expired = await take(
        limit,
        and(sql`${mailOutbox.status} = 'sending'`, lt(mailOutbox.lockedUntil, now)) as SQL,
        [asc(mailOutbox.lockedUntil)],
      );
      const queued =
        expired.length < limit
          ? await take(
              limit - expired.length,
              and(sql`${mailOutbox.status} = 'queued'`, lte(mailOutbox.nextAttemptAt, now)) as SQL,
              [asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id)],
            )
          : [];
      return [...expired, ...queued].map((r) => ({
        id: r.id,
        to: r.toAddress,
        subject: r.subject,
        body: r.body,
        attempts: r.attempts,
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
