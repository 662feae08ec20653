/** StaffStore and StaffSessionStore on PostgreSQL. Session ids and enrolment tokens only as SHA-256. */
import { and, asc, count, eq, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { StaffRecord, StaffSessionStore, StaffStore } from '../../app/staff/ports.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { auditLog, staff, staffSessions } from '../schema/index.js';
import { deleteInBatches } from '../shared/sweep.js';
import { isUuid } from '../../domain/ids.js';

type StaffRow = typeof staff.$inferSelect;

function toRecord(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    email: r.email,
    emailKey: r.emailKey,
    name: r.name,
    role: r.role,
    status: r.status,
    passwordHash: r.passwordHash,
    totpSecretEnc: r.totpSecretEnc,
    totpLastStep: r.totpLastStep,
    enrolExpiresAt: r.enrolExpiresAt,
    failedAttempts: r.failedAttempts,
    lockedUntil: r.lockedUntil,
    createdAt: r.createdAt,
    lastSignInAt: r.lastSignInAt,
  };
}

export function staffStore(db: Db): StaffStore {
  return {
    async count() {
      const [row] = await db.select({ n: count() }).from(staff);
      return row?.n ?? 0;
    },
    async list() {
      return (await db.select().from(staff).orderBy(asc(staff.createdAt), asc(staff.emailKey))).map(toRecord);
    },
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(staff).where(eq(staff.id, id));
      return row ? toRecord(row) : null;
    },
    async findByEmailKey(emailKey) {
      const [row] = await db.select().from(staff).where(eq(staff.emailKey, emailKey));
      return row ? toRecord(row) : null;
    },
    async findByEnrolTokenHash(tokenHash) {
      const [row] = await db.select().from(staff).where(eq(staff.enrolTokenHash, tokenHash));
      return row ? toRecord(row) : null;
    },
    async create(input) {
      try {
        const [row] = await db
          .insert(staff)
          .values({
            email: input.email,
            emailKey: input.emailKey,
            name: input.name,
            role: input.role,
            status: 'pending',
            enrolTokenHash: input.enrolTokenHash,
            enrolExpiresAt: input.enrolExpiresAt,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning({ id: staff.id });
        return { ok: true, id: (row as { id: string }).id };
      } catch (e) {
        if (isUniqueViolation(e)) return { ok: false, reason: 'taken' };
        throw e;
      }
    },
    async setPendingSecret(id, totpSecretEnc, replacing, now) {
      const rows = await db
        .update(staff)
        .set({ totpSecretEnc, updatedAt: now })
        .where(
          and(
            eq(staff.id, id),
            eq(staff.status, 'pending'),
            replacing === null ? isNull(staff.totpSecretEnc) : eq(staff.totpSecretEnc, replacing),
          ),
        )
        .returning({ id: staff.id });
      return rows.length === 1;
    },
    async completeEnrolment(id, input) {
      const rows = await db
        .update(staff)
        .set({
          passwordHash: input.passwordHash,
          totpLastStep: input.totpStep,
          status: 'active',
          enrolTokenHash: null,
          enrolExpiresAt: null,
          failedAttempts: 0,
          lockedUntil: null,
          lastSignInAt: input.now,
          updatedAt: input.now,
        })
        .where(and(eq(staff.id, id), eq(staff.status, 'pending')))
        .returning({ id: staff.id });
      return rows.length === 1;
    },
    async reissueEnrolment(id, input) {
      if (!isUuid(id)) return false;
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(staff)
          .set({
            status: 'pending',
            passwordHash: null,
            totpSecretEnc: null,
            totpLastStep: null,
            enrolTokenHash: input.enrolTokenHash,
            enrolExpiresAt: input.enrolExpiresAt,
            failedAttempts: 0,
            lockedUntil: null,
            updatedAt: input.now,
          })
          .where(and(eq(staff.id, id), ne(staff.status, 'disabled')))
          .returning({ id: staff.id });
        if (rows.length !== 1) return false;
        await tx.delete(staffSessions).where(eq(staffSessions.staffId, id));
        const a = input.audit;
        await tx.insert(auditLog).values({
          at: input.now,
          action: a.action,
          userId: a.userId ?? null,
          staffId: a.staffId ?? null,
          ip: a.ip ?? null,
          userAgent: a.userAgent ? a.userAgent.slice(0, 300) : null,
          detail: a.detail ?? null,
        });
        return true;
      });
    },
    async recordFailure(id, now, max, lockSeconds) {
      const lockUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
      const [row] = await db
        .update(staff)
        .set({
          failedAttempts: sql`case when ${staff.failedAttempts} + 1 >= ${max} then 0 else ${staff.failedAttempts} + 1 end`,
          lockedUntil: sql`case when ${staff.failedAttempts} + 1 >= ${max} then ${lockUntil}::timestamptz else ${staff.lockedUntil} end`,
        })
        .where(eq(staff.id, id))
        .returning({ lockedUntil: staff.lockedUntil });
      return { locked: !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime() };
    },
    async useTotpStep(id, step) {
      const rows = await db
        .update(staff)
        .set({ totpLastStep: step })
        .where(and(eq(staff.id, id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, step))))
        .returning({ id: staff.id });
      return rows.length === 1;
    },
    async recordSignIn(id, now) {
      await db
        .update(staff)
        .set({ lastSignInAt: now, failedAttempts: 0, lockedUntil: null })
        .where(eq(staff.id, id));
    },
    async setRole(id, role, now) {
      await db.update(staff).set({ role, updatedAt: now }).where(eq(staff.id, id));
    },
    async disable(id, now) {
      await db
        .update(staff)
        .set({ status: 'disabled', enrolTokenHash: null, enrolExpiresAt: null, updatedAt: now })
        .where(eq(staff.id, id));
    },
    async countActiveAdmins() {
      const [row] = await db
        .select({ n: count() })
        .from(staff)
        .where(and(eq(staff.role, 'admin'), eq(staff.status, 'active')));
      return row?.n ?? 0;
    },
  };
}

export function staffSessionStore(db: Db): StaffSessionStore {
  return {
    async create(idHash, staffId, stage, now) {
      await db.insert(staffSessions).values({ idHash, staffId, stage, createdAt: now, lastSeenAt: now });
    },
    async find(idHash) {
      const [row] = await db.select().from(staffSessions).where(eq(staffSessions.idHash, idHash));
      return row
        ? { staffId: row.staffId, stage: row.stage, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt }
        : null;
    },
    async touch(idHash, now) {
      await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.idHash, idHash));
    },
    async delete(idHash) {
      await db.delete(staffSessions).where(eq(staffSessions.idHash, idHash));
    },
    async deleteForStaff(staffId) {
      await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
    },
  };
}

/**
 * Deletes staff sessions past the absolute limit or long idle (called by the sweep), in batches
 * through staff_sessions_last_seen_idx and staff_sessions_created_idx.
 */
export async function deleteOldStaffSessions(db: Db, idleBefore: Date, createdBefore: Date): Promise<void> {
  await deleteInBatches(
    db,
    staffSessions,
    staffSessions.idHash,
    or(lt(staffSessions.lastSeenAt, idleBefore), lt(staffSessions.createdAt, createdBefore)) as SQL,
  );
}
