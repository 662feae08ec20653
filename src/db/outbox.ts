/** The mail outbox on PostgreSQL: queued rows are leased to one worker at a time. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OutgoingMail } from '../app/ports.js';
import type { Db } from './client.js';
import { mailOutbox } from './schema.js';

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

export type OutboxMail = { id: number; to: string; subject: string; body: string; attempts: number };

export const MAX_MAIL_ATTEMPTS = 10;

export function outboxStore(db: Db) {
  return {
    async enqueue(mail: OutgoingMail, now: Date): Promise<void> {
      await db.insert(mailOutbox).values(outboxRow(mail, now));
    },

    /**
     * Takes up to `limit` due mails for this worker: queued ones whose time has come, and ones whose
     * lease ran out. SKIP LOCKED lets every process run a worker without sending a mail twice.
     */
    async claim(limit: number, now: Date, leaseSeconds: number): Promise<OutboxMail[]> {
      const at = sql`${now.toISOString()}::timestamptz`;
      const lease = sql`${new Date(now.getTime() + leaseSeconds * 1000).toISOString()}::timestamptz`;
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          sql`(${mailOutbox.status} = 'queued' and ${mailOutbox.nextAttemptAt} <= ${at})
           or (${mailOutbox.status} = 'sending' and ${mailOutbox.lockedUntil} < ${at})`,
        )
        .orderBy(mailOutbox.id)
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(mailOutbox)
        .set({ status: 'sending', lockedUntil: lease, attempts: sql`${mailOutbox.attempts} + 1` })
        .where(inArray(mailOutbox.id, due))
        .returning();
      return rows.map((r) => ({
        id: r.id,
        to: r.toAddress,
        subject: r.subject,
        body: r.body,
        attempts: r.attempts,
      }));
    },

    async markSent(id: number, now: Date): Promise<void> {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null })
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

    /** The newest mails, for the development mailbox page. */
    async latest(limit: number) {
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
        .orderBy(desc(mailOutbox.id))
        .limit(limit);
    },
  };
}

export type OutboxStore = ReturnType<typeof outboxStore>;
