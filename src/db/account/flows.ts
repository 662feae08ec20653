/**
 * AccountFlowStore on PostgreSQL: e-mail changes and password resets, their codes and their mails.
 * The codes are the e-mailed code's (src/db/email-codes), written in the transactions of the flow's
 * steps; a mail is queued in the transaction of the change that causes it.
 */
import { and, eq, lte, ne } from 'drizzle-orm';
import type {
  AccountFlowPurpose,
  AccountFlowRecord,
  AccountFlowStore,
  EmailChangeOutcome,
} from '../../app/account/ports.js';
import type { OutgoingMail } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import { accountFlows, mailOutbox, users } from '../schema/index.js';
import { forgetCodes, issueCode, resendCode, useCode } from '../email-codes/email-codes.js';
import { replaceSessions } from './users.js';

const ownerOf = (flowId: string, purpose: AccountFlowPurpose) => ({ purpose, flowId });

class EmailTaken extends Error {}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A flow that did its work: it is completed, its codes and code mails go, and the user's other flows
 * of the same purpose are void (a second e-mail change or reset begun meanwhile).
 */
async function completeFlow(tx: Tx, id: string, userId: string, purpose: AccountFlowPurpose): Promise<void> {
  await tx.update(accountFlows).set({ state: 'completed' }).where(eq(accountFlows.id, id));
  await forgetCodes(tx, ownerOf(id, purpose));
  await tx.delete(mailOutbox).where(eq(mailOutbox.accountFlowId, id));
  await tx
    .delete(accountFlows)
    .where(and(eq(accountFlows.userId, userId), eq(accountFlows.purpose, purpose), ne(accountFlows.id, id)));
}

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
          createdAt: flow.now,
          expiresAt: flow.expiresAt,
        });
        await issueCode(tx, ownerOf(flow.id, flow.purpose), flow.codeHmac, flow.now);
        if (flow.mail) await tx.insert(mailOutbox).values(flowMail(flow.mail, flow.now, flow.id));
      });
    },

    async findByTokenHash(tokenHash) {
      const [row] = await db.select().from(accountFlows).where(eq(accountFlows.tokenHash, tokenHash));
      return (row as AccountFlowRecord | undefined) ?? null;
    },

    async resendCode({ id, purpose }, input) {
      return resendCode(db, ownerOf(id, purpose), input, async (tx) => {
        await tx.update(accountFlows).set({ expiresAt: input.expiresAt }).where(eq(accountFlows.id, id));
        if (input.mail) await tx.insert(mailOutbox).values(flowMail(input.mail, input.now, id));
      });
    },

    async consumeCode(id, now) {
      return db.transaction(async (tx) => {
        if (!(await useCode(tx, ownerOf(id, 'password_reset'), now))) return false;
        const moved = await tx
          .update(accountFlows)
          .set({ state: 'verified' })
          .where(and(eq(accountFlows.id, id), eq(accountFlows.state, 'code_sent')))
          .returning({ id: accountFlows.id });
        return moved.length === 1;
      });
    },

    async completeEmailChange(id, { session, mails, now }): Promise<EmailChangeOutcome> {
      try {
        return await db.transaction(async (tx) => {
          // Lock the flow: a double submit waits here and then sees it completed.
          const [flow] = await tx.select().from(accountFlows).where(eq(accountFlows.id, id)).for('update');
          if (!flow || flow.purpose !== 'email_change' || !flow.userId) return 'missing';
          if (flow.state === 'completed') return 'already_completed';
          if (!(await useCode(tx, ownerOf(id, 'email_change'), now))) return 'code_used';
          try {
            await tx
              .update(users)
              .set({ email: flow.email, emailKey: flow.emailKey, updatedAt: now })
              .where(eq(users.id, flow.userId));
          } catch (error) {
            if (isUniqueViolation(error)) throw new EmailTaken();
            throw error;
          }
          await completeFlow(tx, id, flow.userId, 'email_change');
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
        await completeFlow(tx, id, flow.userId, 'password_reset');
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
