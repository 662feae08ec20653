/** UserStore on PostgreSQL, with the account changes that must be atomic with the sessions they end. */
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AccountUserStore, NewSession } from '../../app/account/ports.js';
import type { UserRecord } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { isUuid } from '../../domain/ids.js';
import { auditWith } from '../shared/audit.js';
import { outboxRow } from '../shared/outbox.js';
import { mailOutbox, registrations, sessions, users } from '../schema/index.js';

type UserRow = typeof users.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The profile as form values, the same shape the registration form uses. */
function profileValues(u: UserRow): Record<string, string> {
  const [y = '', m = '', d = ''] = u.birthDate.split('-');
  const common = {
    postalCode: u.postalCode,
    prefecture: u.prefecture,
    cityAddress: u.cityAddress,
    building: u.building ?? '',
    phone: u.phone,
    birthYear: y,
    birthMonth: String(Number(m)),
    birthDay: String(Number(d)),
    notify: u.notify ? 'yes' : 'no',
  };
  return u.kind === 'individual'
    ? {
        familyName: u.familyName ?? '',
        givenName: u.givenName ?? '',
        familyNameKana: u.familyNameKana ?? '',
        givenNameKana: u.givenNameKana ?? '',
        gender: u.gender ?? '',
        ...common,
      }
    : {
        orgName: u.orgName ?? '',
        orgNameKana: u.orgNameKana ?? '',
        representativeName: u.representativeName ?? '',
        department: u.department ?? '',
        contactName: u.contactName ?? '',
        ...common,
      };
}

export function toUserRecord(u: UserRow): UserRecord {
  return {
    id: u.id,
    kind: u.kind,
    lang: u.lang,
    email: u.email,
    emailKey: u.emailKey,
    passwordHash: u.passwordHash,
    notify: u.notify,
    status: u.status,
    displayName:
      u.kind === 'individual' ? `${u.familyName ?? ''} ${u.givenName ?? ''}`.trim() : (u.orgName ?? ''),
    profileValues: profileValues(u),
    createdAt: u.createdAt,
    lastSignInAt: u.lastSignInAt,
  };
}

/** Ends every session of the user and starts the given one (a credential change). */
export async function replaceSessions(tx: Tx, userId: string, session: NewSession, now: Date): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.insert(sessions).values({
    idHash: session.idHash,
    userId,
    createdAt: session.createdAt,
    lastSeenAt: now,
    signedInAt: session.signedInAt,
  });
}

export function userStore(db: Db): AccountUserStore {
  // Sign-in and the account screens look a user up by address or id: prepared once, by name.
  const byEmailKey = db
    .select()
    .from(users)
    .where(eq(users.emailKey, sql.placeholder('emailKey')))
    .prepare('user_by_email_key');
  const byId = db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('user_by_id');
  return {
    async findByEmailKey(emailKey) {
      const [row] = await byEmailKey.execute({ emailKey });
      return row ? toUserRecord(row) : null;
    },
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await byId.execute({ id });
      return row ? toUserRecord(row) : null;
    },
    async findByIds(ids) {
      const wanted = [...new Set(ids.filter(isUuid))];
      if (wanted.length === 0) return [];
      const rows = await db.select().from(users).where(inArray(users.id, wanted));
      return rows.map(toUserRecord);
    },
    async lockedUntil(id) {
      const [row] = await db.select({ t: users.lockedUntil }).from(users).where(eq(users.id, id));
      return row?.t ?? null;
    },
    async recordSignIn(id, now, clearHold, audit) {
      const notHeld = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
      const signedIn = db.$with('signed_in').as(
        db
          .update(users)
          .set(clearHold ? { lastSignInAt: now, failedSignIns: 0, lockedUntil: null } : { lastSignInAt: now })
          .where(clearHold ? and(eq(users.id, id), notHeld) : eq(users.id, id))
          .returning({ id: users.id }),
      );
      const rows = await db
        .with(signedIn, auditWith(db, audit, now, signedIn))
        .select({ id: signedIn.id })
        .from(signedIn);
      return rows.length === 1;
    },
    async recordFailedSignIn(id, now, max, lockSeconds) {
      await countFailure(db, id, now, max, lockSeconds);
    },
    async recordFailedSignInAndNotify(id, now, max, lockSeconds, lockMail) {
      return db.transaction(async (tx) => {
        const locked = await countFailure(tx, id, now, max, lockSeconds);
        if (locked) await tx.insert(mailOutbox).values(outboxRow({ ...lockMail, userId: id }, now));
        return locked;
      });
    },

    async updateProfile(id, { notify, profile: p }, now) {
      if (!isUuid(id)) return false;
      const [row] = await db.select({ kind: users.kind }).from(users).where(eq(users.id, id));
      if (!row) return false;
      const common = {
        notify,
        postalCode: p.postalCode ?? '',
        prefecture: p.prefecture ?? '',
        cityAddress: p.cityAddress ?? '',
        building: p.building || null,
        phone: p.phone ?? '',
        birthDate: p.birthDate ?? '',
        updatedAt: now,
      };
      // Only the fields of the user's kind are written: the kind itself never changes here.
      const kindFields =
        row.kind === 'individual'
          ? {
              familyName: p.familyName ?? '',
              givenName: p.givenName ?? '',
              familyNameKana: p.familyNameKana ?? '',
              givenNameKana: p.givenNameKana ?? '',
              gender: (p.gender as 'male' | 'female' | 'unanswered' | undefined) ?? 'unanswered',
            }
          : {
              orgName: p.orgName ?? '',
              orgNameKana: p.orgNameKana ?? '',
              representativeName: p.representativeName ?? '',
              department: p.department ?? '',
              contactName: p.contactName ?? '',
            };
      const updated = await db
        .update(users)
        .set({ ...common, ...kindFields })
        .where(and(eq(users.id, id), eq(users.kind, row.kind)))
        .returning({ id: users.id });
      return updated.length === 1;
    },

    async changePassword(id, passwordHash, session, mail, now) {
      if (!isUuid(id)) return false;
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(users)
          .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now })
          .where(eq(users.id, id))
          .returning({ id: users.id });
        if (updated.length === 0) return false;
        await replaceSessions(tx, id, session, now);
        await tx.insert(mailOutbox).values(outboxRow({ ...mail, userId: id }, now));
        return true;
      });
    },

    async deleteAccount(userId, mail, now) {
      if (!isUuid(userId)) return false;
      return db.transaction(async (tx) => {
        const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        if (!row) return false;
        // Mails about the person (sent or waiting) hold their address and name: they go too.
        await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId));
        // The completed registration keeps only the user id; nothing of it is needed any more.
        await tx.delete(registrations).where(eq(registrations.userId, userId));
        // Sessions, account flows (with their codes and mails) and notice deliveries cascade.
        await tx.delete(users).where(eq(users.id, userId));
        // The final mail: queued with no user, since the user is gone.
        await tx.insert(mailOutbox).values(outboxRow({ ...mail, userId: undefined }, now));
        return true;
      });
    },
  };
}

/** One conditional UPDATE counts the failure; true when this failure put the hold on. */
async function countFailure(
  db: Db | Tx,
  id: string,
  now: Date,
  max: number,
  lockSeconds: number,
): Promise<boolean> {
  const lockUntil = new Date(now.getTime() + lockSeconds * 1000);
  const [row] = await db
    .update(users)
    .set({
      failedSignIns: sql`case when ${users.failedSignIns} + 1 >= ${max} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ failed: users.failedSignIns, lockedUntil: users.lockedUntil });
  return row !== undefined && row.failed === 0 && row.lockedUntil?.getTime() === lockUntil.getTime();
}
