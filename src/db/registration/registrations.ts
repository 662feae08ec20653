/** RegistrationStore on PostgreSQL: the pending flows, their codes and their mails. */
import { randomUUID } from 'node:crypto';
import { and, eq, lte, or, sql, gt } from 'drizzle-orm';
import type { CompleteResult, RegistrationRecord, RegistrationStore } from '../../app/registration/ports.js';
import type { AuditEntry, NewUser, OutgoingMail } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import { mailOutbox, registrations, users } from '../schema/index.js';
import { forgetCodesQuery, issueCodeQuery, resendCode, useCodeQuery } from '../email-codes/email-codes.js';
import { auditWith } from '../shared/audit.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const ownerOf = (flowId: string) => ({ purpose: 'registration' as const, flowId });

export function registrationStore(db: Db): RegistrationStore {
  // Every screen of the flow finds its flow by the token's hash: prepared once, by name.
  const byTokenHash = db
    .select()
    .from(registrations)
    .where(eq(registrations.tokenHash, sql.placeholder('tokenHash')))
    .prepare('registration_by_token_hash');
  return {
    async create({ tokenHash, kind, lang, now, expiresAt, audit }) {
      const [row] = await db
        .with(auditWith(db, audit, now))
        .insert(registrations)
        .values({ tokenHash, kind, lang, state: 'started', createdAt: now, expiresAt })
        .returning();
      return row as RegistrationRecord;
    },

    async findByTokenHash(tokenHash) {
      const [row] = await byTokenHash.execute({ tokenHash });
      return (row as RegistrationRecord | undefined) ?? null;
    },

    async startCodeStep(id, input) {
      // One statement: the address, the first code, its mail and the audit record.
      const code = db.$with('code').as(issueCodeQuery(db, ownerOf(id), input.codeHmac, input.now));
      const mail = db.$with('mail').as(db.insert(mailOutbox).values(outboxRow(input.mail, input.now, id)));
      await db
        .with(code, mail, auditWith(db, input.audit, input.now))
        .update(registrations)
        .set({
          state: 'code_sent',
          email: input.email,
          emailKey: input.emailKey,
          addressTaken: input.addressTaken,
          expiresAt: input.expiresAt,
        })
        .where(eq(registrations.id, id));
    },

    async resendCode(id, input) {
      return resendCode(db, ownerOf(id), input, async (tx) => {
        await tx.update(registrations).set({ expiresAt: input.expiresAt }).where(eq(registrations.id, id));
        if (input.mail) await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now, id));
      });
    },

    async consumeCode(id, now, audit) {
      // One statement: the flow moves on only when this request used its codes, and the step is
      // recorded only when the flow moved on.
      const used = db.$with('used').as(useCodeQuery(db, ownerOf(id), now));
      const moved = db.$with('moved').as(
        db
          .update(registrations)
          .set({ state: 'verified' })
          .where(
            and(
              eq(registrations.id, id),
              eq(registrations.state, 'code_sent'),
              sql`exists (select 1 from ${used})`,
            ),
          )
          .returning({ id: registrations.id }),
      );
      const rows = await db
        .with(used, moved, auditWith(db, audit, now, moved))
        .select({ id: moved.id })
        .from(moved);
      return rows.length === 1;
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

    async complete(id, user, mail, now, audit): Promise<CompleteResult> {
      try {
        return await db.transaction(async (tx) => completeIn(tx, id, user, mail, now, audit));
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
  audit: AuditEntry,
): Promise<CompleteResult> {
  // Lock the flow: a double submit waits here and then sees it completed.
  const [flow] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  if (!flow) return { outcome: 'not_ready' };
  if (flow.state === 'completed' && flow.userId) return { outcome: 'already_completed', userId: flow.userId };
  if (flow.state !== 'profile_entered') return { outcome: 'not_ready' };
  // Then one statement: the user (its id made here, so that every part can name it), the
  // completion mail and the audit record; the codes and code mails go, and the flow keeps only
  // what a double submit needs (no personal data). An address taken meanwhile fails it all.
  const userId = randomUUID();
  const p = user.profile;
  const created = tx.$with('created').as(
    tx.insert(users).values({
      id: userId,
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
    }),
  );
  const codes = tx.$with('codes').as(forgetCodesQuery(tx, ownerOf(id)));
  const sent = tx
    .$with('sent')
    .as(tx.delete(mailOutbox).where(and(eq(mailOutbox.registrationId, id), eq(mailOutbox.status, 'sent'))));
  const completion = tx
    .$with('completion')
    .as(tx.insert(mailOutbox).values(outboxRow({ ...mail, userId }, now)));
  await tx
    .with(created, codes, sent, completion, auditWith(tx, { ...audit, userId }, now))
    .update(registrations)
    .set({ state: 'completed', userId, email: null, emailKey: null, profileValues: null, passwordHash: null })
    .where(eq(registrations.id, id));
  return { outcome: 'created', userId };
}
