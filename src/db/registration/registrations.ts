/** RegistrationStore on PostgreSQL: the pending flows, their codes and their mails. */
import { and, eq, isNull, lt, lte, or, sql, gt } from 'drizzle-orm';
import type {
  CompleteResult,
  NewUser,
  OutgoingMail,
  RegistrationRecord,
  RegistrationStore,
} from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import { mailOutbox, registrationCodes, registrations, users } from '../schema/index.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function registrationStore(db: Db): RegistrationStore {
  return {
    async create({ tokenHash, kind, lang, now, expiresAt }) {
      const [row] = await db
        .insert(registrations)
        .values({ tokenHash, kind, lang, state: 'started', createdAt: now, expiresAt })
        .returning();
      return row as RegistrationRecord;
    },

    async findByTokenHash(tokenHash) {
      const [row] = await db.select().from(registrations).where(eq(registrations.tokenHash, tokenHash));
      return (row as RegistrationRecord | undefined) ?? null;
    },

    async startCodeStep(id, input) {
      await db.transaction(async (tx) => {
        await tx
          .update(registrations)
          .set({
            state: 'code_sent',
            email: input.email,
            emailKey: input.emailKey,
            addressTaken: input.addressTaken,
            codesSent: 1,
            failedAttempts: 0,
            lastCodeSentAt: input.now,
            expiresAt: input.expiresAt,
          })
          .where(eq(registrations.id, id));
        if (input.codeHmac)
          await tx
            .insert(registrationCodes)
            .values({ registrationId: id, codeHmac: input.codeHmac, createdAt: input.now });
        await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now, id));
      });
    },

    async resendCode(id, input) {
      return db.transaction(async (tx) => {
        // One conditional UPDATE decides, so two racing resends cannot both pass the limits.
        const updated = await tx
          .update(registrations)
          .set({
            codesSent: sql`${registrations.codesSent} + 1`,
            lastCodeSentAt: input.now,
            expiresAt: input.expiresAt,
          })
          .where(
            and(
              eq(registrations.id, id),
              eq(registrations.state, 'code_sent'),
              lt(registrations.codesSent, input.maxCodes),
              or(isNull(registrations.lastCodeSentAt), lte(registrations.lastCodeSentAt, input.notAfter)),
            ),
          )
          .returning({ id: registrations.id });
        if (updated.length === 0) {
          const [row] = await tx
            .select({ n: registrations.codesSent })
            .from(registrations)
            .where(eq(registrations.id, id));
          return row && row.n >= input.maxCodes ? 'too_many' : 'too_soon';
        }
        if (input.codeHmac)
          await tx
            .insert(registrationCodes)
            .values({ registrationId: id, codeHmac: input.codeHmac, createdAt: input.now });
        if (input.mail) await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now, id));
        return 'sent';
      });
    },

    async countAttempt(id, max) {
      const [row] = await db
        .update(registrations)
        .set({ failedAttempts: sql`${registrations.failedAttempts} + 1` })
        .where(and(eq(registrations.id, id), lt(registrations.failedAttempts, max)))
        .returning({ n: registrations.failedAttempts });
      return row ? row.n : null;
    },

    async listUnusedCodes(id) {
      return db
        .select({ id: registrationCodes.id, codeHmac: registrationCodes.codeHmac })
        .from(registrationCodes)
        .where(and(eq(registrationCodes.registrationId, id), isNull(registrationCodes.usedAt)));
    },

    async consumeCode(id, codeId, now) {
      return db.transaction(async (tx) => {
        const used = await tx
          .update(registrationCodes)
          .set({ usedAt: now })
          .where(and(eq(registrationCodes.id, codeId), isNull(registrationCodes.usedAt)))
          .returning({ id: registrationCodes.id });
        if (used.length === 0) return false;
        const moved = await tx
          .update(registrations)
          .set({ state: 'verified' })
          .where(and(eq(registrations.id, id), eq(registrations.state, 'code_sent')))
          .returning({ id: registrations.id });
        return moved.length === 1;
      });
    },

    async saveProfile(id, values, passwordHash) {
      await db
        .update(registrations)
        .set({ state: 'profile_entered', profileValues: values, ...(passwordHash ? { passwordHash } : {}) })
        .where(
          and(
            eq(registrations.id, id),
            or(eq(registrations.state, 'verified'), eq(registrations.state, 'profile_entered')),
          ),
        );
    },

    async reopenProfile(id) {
      await db
        .update(registrations)
        .set({ state: 'verified' })
        .where(and(eq(registrations.id, id), eq(registrations.state, 'profile_entered')));
    },

    async complete(id, user, mail, now): Promise<CompleteResult> {
      try {
        return await db.transaction(async (tx) => completeIn(tx, id, user, mail, now));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another browser registered the same address first: this flow ends here.
        await db.delete(registrations).where(eq(registrations.id, id));
        return { outcome: 'email_taken' };
      }
    },

    async delete(id) {
      await db.delete(registrations).where(eq(registrations.id, id));
    },

    async deleteExpired(now) {
      // In batches through registrations_expires_idx; codes and code mails go by cascade.
      return deleteInBatches(db, registrations, registrations.id, lte(registrations.expiresAt, now), [
        registrations.expiresAt,
      ]);
    },

    async countOpen(now) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(registrations)
        .where(and(gt(registrations.expiresAt, now), sql`${registrations.state} <> 'completed'`));
      return row?.n ?? 0;
    },
  };
}

async function completeIn(
  tx: Tx,
  id: string,
  user: NewUser,
  mail: OutgoingMail,
  now: Date,
): Promise<CompleteResult> {
  // Lock the flow: a double submit waits here and then sees it completed.
  const [flow] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  if (!flow) return { outcome: 'not_ready' };
  if (flow.state === 'completed' && flow.userId) return { outcome: 'already_completed', userId: flow.userId };
  if (flow.state !== 'profile_entered') return { outcome: 'not_ready' };
  const p = user.profile;
  const [created] = await tx
    .insert(users)
    .values({
      kind: user.kind,
      lang: user.lang,
      email: user.email,
      emailKey: user.emailKey,
      passwordHash: user.passwordHash,
      notify: user.notify,
      familyName: p.familyName ?? null,
      givenName: p.givenName ?? null,
      familyNameKana: p.familyNameKana ?? null,
      givenNameKana: p.givenNameKana ?? null,
      orgName: p.orgName ?? null,
      orgNameKana: p.orgNameKana ?? null,
      representativeName: p.representativeName ?? null,
      department: p.department ?? null,
      contactName: p.contactName ?? null,
      postalCode: p.postalCode ?? '',
      prefecture: p.prefecture ?? '',
      cityAddress: p.cityAddress ?? '',
      building: p.building || null,
      phone: p.phone ?? '',
      birthDate: p.birthDate ?? '',
      gender: (p.gender as 'male' | 'female' | 'unanswered' | undefined) ?? null,
      createdAt: now,
      updatedAt: now,
      lastSignInAt: now,
    })
    .returning({ id: users.id });
  const userId = (created as { id: string }).id;
  // Keep only what a double submit needs (no personal data); the codes and code mails go now.
  await tx
    .update(registrations)
    .set({ state: 'completed', userId, email: null, emailKey: null, profileValues: null, passwordHash: null })
    .where(eq(registrations.id, id));
  await tx.delete(registrationCodes).where(eq(registrationCodes.registrationId, id));
  await tx.delete(mailOutbox).where(and(eq(mailOutbox.registrationId, id), eq(mailOutbox.status, 'sent')));
  await tx.insert(mailOutbox).values(outboxRow({ ...mail, userId }, now));
  return { outcome: 'created', userId };
}
