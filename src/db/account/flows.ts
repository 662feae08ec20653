/**
 * AccountFlowStore on PostgreSQL: e-mail changes and password resets, their codes and their mails.
 * The patterns are the registration's (src/db/registration/registrations.ts): one conditional UPDATE decides
 * every limit, and a mail is queued in the transaction of the change that causes it.
 */
import { and, eq, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { AccountFlowRecord, AccountFlowStore, EmailChangeOutcome } from '../../app/account/ports.js';
import type { OutgoingMail } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import { accountFlowCodes, accountFlows, mailOutbox, users } from '../schema/index.js';
import { replaceSessions } from './users.js';

class EmailTaken extends Error {}

function flowMail(mail: OutgoingMail, now: Date, flowId: string) {
  return { ...outboxRow(mail, now), accountFlowId: flowId };
}

export function accountFlowStore(db: Db): AccountFlowStore {
  return {
    async create(flow) {
      await db.transaction(async (tx) => {
        if (flow.purpose === 'email_change' && flow.userId)
          await tx
            .delete(accountFlows)
            .where(and(eq(accountFlows.userId, flow.userId), eq(accountFlows.purpose, 'email_change')));
        await tx.insert(accountFlows).values({
          id: flow.id,
          purpose: flow.purpose,
          tokenHash: flow.tokenHash,
          userId: flow.userId,
          email: flow.email,
          emailKey: flow.emailKey,
          state: 'code_sent',
          failedAttempts: 0,
          codesSent: 1,
          lastCodeSentAt: flow.now,
          createdAt: flow.now,
          expiresAt: flow.expiresAt,
        });
        if (flow.codeHmac)
          await tx
            .insert(accountFlowCodes)
            .values({ flowId: flow.id, codeHmac: flow.codeHmac, createdAt: flow.now });
        if (flow.mail) await tx.insert(mailOutbox).values(flowMail(flow.mail, flow.now, flow.id));
      });
    },

    async findByTokenHash(tokenHash) {
      const [row] = await db.select().from(accountFlows).where(eq(accountFlows.tokenHash, tokenHash));
      return (row as AccountFlowRecord | undefined) ?? null;
    },

    async resendCode(id, input) {
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(accountFlows)
          .set({
            codesSent: sql`${accountFlows.codesSent} + 1`,
            lastCodeSentAt: input.now,
            expiresAt: input.expiresAt,
          })
          .where(
            and(
              eq(accountFlows.id, id),
              eq(accountFlows.state, 'code_sent'),
              lt(accountFlows.codesSent, input.maxCodes),
              lte(accountFlows.lastCodeSentAt, input.notAfter),
            ),
          )
          .returning({ id: accountFlows.id });
        if (updated.length === 0) {
          const [row] = await tx
            .select({ n: accountFlows.codesSent })
            .from(accountFlows)
            .where(eq(accountFlows.id, id));
          return row && row.n >= input.maxCodes ? 'too_many' : 'too_soon';
        }
        if (input.codeHmac)
          await tx
            .insert(accountFlowCodes)
            .values({ flowId: id, codeHmac: input.codeHmac, createdAt: input.now });
        if (input.mail) await tx.insert(mailOutbox).values(flowMail(input.mail, input.now, id));
        return 'sent';
      });
    },

    async countAttempt(id, max) {
      const [row] = await db
        .update(accountFlows)
        .set({ failedAttempts: sql`${accountFlows.failedAttempts} + 1` })
        .where(and(eq(accountFlows.id, id), lt(accountFlows.failedAttempts, max)))
        .returning({ n: accountFlows.failedAttempts });
      return row ? row.n : null;
    },

    async listUnusedCodes(id) {
      return db
        .select({ id: accountFlowCodes.id, codeHmac: accountFlowCodes.codeHmac })
        .from(accountFlowCodes)
        .where(and(eq(accountFlowCodes.flowId, id), isNull(accountFlowCodes.usedAt)));
    },

    async consumeCode(id, codeId, now) {
      return db.transaction(async (tx) => {
        const used = await tx
          .update(accountFlowCodes)
          .set({ usedAt: now })
          .where(
            and(
              eq(accountFlowCodes.id, codeId),
              eq(accountFlowCodes.flowId, id),
              isNull(accountFlowCodes.usedAt),
            ),
          )
          .returning({ id: accountFlowCodes.id });
        if (used.length === 0) return false;
        const moved = await tx
          .update(accountFlows)
          .set({ state: 'verified' })
          .where(and(eq(accountFlows.id, id), eq(accountFlows.state, 'code_sent')))
          .returning({ id: accountFlows.id });
        return moved.length === 1;
      });
    },

    async completeEmailChange(id, codeId, { session, mails, now }): Promise<EmailChangeOutcome> {
      try {
        return await db.transaction(async (tx) => {
          // Lock the flow: a double submit waits here and then sees it completed.
          const [flow] = await tx.select().from(accountFlows).where(eq(accountFlows.id, id)).for('update');
          if (!flow || flow.purpose !== 'email_change' || !flow.userId) return 'missing';
          if (flow.state === 'completed') return 'already_completed';
          const used = await tx
            .update(accountFlowCodes)
            .set({ usedAt: now })
            .where(
              and(
                eq(accountFlowCodes.id, codeId),
                eq(accountFlowCodes.flowId, id),
                isNull(accountFlowCodes.usedAt),
              ),
            )
            .returning({ id: accountFlowCodes.id });
          if (used.length === 0) return 'code_used';
          try {
            await tx
              .update(users)
              .set({ email: flow.email, emailKey: flow.emailKey, updatedAt: now })
              .where(eq(users.id, flow.userId));
          } catch (error) {
            if (isUniqueViolation(error)) throw new EmailTaken();
            throw error;
          }
          await tx.update(accountFlows).set({ state: 'completed' }).where(eq(accountFlows.id, id));
          // The codes and the code mails have done their work.
          await tx.delete(accountFlowCodes).where(eq(accountFlowCodes.flowId, id));
          await tx.delete(mailOutbox).where(eq(mailOutbox.accountFlowId, id));
          // Any other e-mail change of the user is void now.
          await tx
            .delete(accountFlows)
            .where(
              and(
                eq(accountFlows.userId, flow.userId),
                eq(accountFlows.purpose, 'email_change'),
                ne(accountFlows.id, id),
              ),
            );
          await replaceSessions(tx, flow.userId, session, now);
          for (const mail of mails) await tx.insert(mailOutbox).values(outboxRow(mail, now));
          return 'changed';
        });
      } catch (error) {
        if (!(error instanceof EmailTaken) && !isUniqueViolation(error)) throw error;
        // Another user took the address first (a registration or another change): this flow ends.
        await db.delete(accountFlows).where(eq(accountFlows.id, id));
        return 'email_taken';
      }
    },

    async completePasswordReset(id, { passwordHash, session, mail, now }) {
      return db.transaction(async (tx) => {
        const [flow] = await tx.select().from(accountFlows).where(eq(accountFlows.id, id)).for('update');
        if (!flow || flow.purpose !== 'password_reset' || !flow.userId || flow.state !== 'verified')
          return false;
        const updated = await tx
          .update(users)
          .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now })
          .where(eq(users.id, flow.userId))
          .returning({ id: users.id });
        if (updated.length === 0) return false;
        await tx.update(accountFlows).set({ state: 'completed' }).where(eq(accountFlows.id, id));
        await tx.delete(accountFlowCodes).where(eq(accountFlowCodes.flowId, id));
        await tx.delete(mailOutbox).where(eq(mailOutbox.accountFlowId, id));
        // Other resets of the same user are void now that the password is set.
        await tx
          .delete(accountFlows)
          .where(
            and(
              eq(accountFlows.userId, flow.userId),
              eq(accountFlows.purpose, 'password_reset'),
              ne(accountFlows.id, id),
            ),
          );
        await replaceSessions(tx, flow.userId, session, now);
        await tx.insert(mailOutbox).values(outboxRow({ ...mail, userId: flow.userId }, now));
        return true;
      });
    },

    async delete(id) {
      await db.delete(accountFlows).where(eq(accountFlows.id, id));
    },

    async deleteExpired(now) {
      // In batches through account_flows_expires_idx; codes and code mails go by cascade.
      return deleteInBatches(db, accountFlows, accountFlows.id, lte(accountFlows.expiresAt, now), [
        accountFlows.expiresAt,
      ]);
    },
  };
}
