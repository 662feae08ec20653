/** UserStore on PostgreSQL. */
import { eq, sql } from 'drizzle-orm';
import type { UserRecord, UserStore } from '../app/ports.js';
import type { Db } from './client.js';
import { users } from './schema.js';

type UserRow = typeof users.$inferSelect;

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

export function userStore(db: Db): UserStore {
  return {
    async findByEmailKey(emailKey) {
      const [row] = await db.select().from(users).where(eq(users.emailKey, emailKey));
      return row ? toUserRecord(row) : null;
    },
    async findById(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUserRecord(row) : null;
    },
    async lockedUntil(id) {
      const [row] = await db.select({ t: users.lockedUntil }).from(users).where(eq(users.id, id));
      return row?.t ?? null;
    },
    async recordSignIn(id, now) {
      await db
        .update(users)
        .set({ lastSignInAt: now, failedSignIns: 0, lockedUntil: null })
        .where(eq(users.id, id));
    },
    async recordFailedSignIn(id, now, max, lockSeconds) {
      const lockUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
      await db
        .update(users)
        .set({
          failedSignIns: sql`case when ${users.failedSignIns} + 1 >= ${max} then 0 else ${users.failedSignIns} + 1 end`,
          lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${max} then ${lockUntil}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, id));
    },
  };
}
