/**
 * GuestFlowStore on PostgreSQL: ログインせずに申請する's flows (guest_flows), their codes
 * (db/email-codes, owner `guest_application`) and the guest's draft made when the code is used.
 */
import { eq, lte } from 'drizzle-orm';
import type { GuestFlowRecord, GuestFlowStore } from '../../app/procedures/ports.js';
import type { CodeOwner } from '../../app/email-codes/ports.js';
import type { Db } from '../shared/client.js';
import { issueCode, resendCode, useCode } from '../email-codes/email-codes.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import { applications, guestFlows, mailOutbox } from '../schema/index.js';

const ownerOf = (flowId: string): CodeOwner => ({ purpose: 'guest_application', flowId });

export function guestFlowStore(db: Db): GuestFlowStore {
  return {
    async start(input) {
      await db.transaction(async (tx) => {
        await tx.insert(guestFlows).values({
          id: input.id,
          tokenHash: input.tokenHash,
          procedureId: input.procedureId,
          lang: input.lang,
          email: input.email,
          emailKey: input.emailKey,
          createdAt: input.now,
          expiresAt: input.expiresAt,
        });
        await issueCode(tx, ownerOf(input.id), input.codeHmac, input.now);
        await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now));
      });
    },

    async findByTokenHash(tokenHash) {
      const [row] = await db.select().from(guestFlows).where(eq(guestFlows.tokenHash, tokenHash));
      return (row as GuestFlowRecord | undefined) ?? null;
    },

    async resendCode(id, input) {
      return resendCode(db, ownerOf(id), input, async (tx) => {
        if (input.mail) await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now));
      });
    },

    async verify(id, draft) {
      return db.transaction(async (tx) => {
        if (!(await useCode(tx, ownerOf(id), draft.now))) {
          const [flow] = await tx
            .select({ applicationId: guestFlows.applicationId })
            .from(guestFlows)
            .where(eq(guestFlows.id, id));
          return { outcome: 'already_verified' as const, applicationId: flow?.applicationId ?? null };
        }
        const [app] = await tx
          .insert(applications)
          .values({
            procedureId: draft.procedureId,
            userId: null,
            guestEmail: draft.guestEmail,
            guestLang: draft.guestLang,
            guestSecretHash: draft.guestSecretHash,
            onePerPerson: false,
            state: 'draft',
            answers: draft.answers,
            createdAt: draft.now,
            lastSavedAt: draft.now,
            draftExpiresAt: draft.expiresAt,
          })
          .returning({ id: applications.id });
        const applicationId = (app as { id: string }).id;
        await tx.update(guestFlows).set({ applicationId }).where(eq(guestFlows.id, id));
        return { outcome: 'created' as const, applicationId };
      });
    },

    async delete(id) {
      await db.delete(guestFlows).where(eq(guestFlows.id, id));
    },

    async deleteExpired(now) {
      // through guest_flows_expires_idx; their codes go by cascade (the guest's draft stays: its own expiry)
      return deleteInBatches(db, guestFlows, guestFlows.id, lte(guestFlows.expiresAt, now), [
        guestFlows.expiresAt,
      ]);
    },
  };
}
