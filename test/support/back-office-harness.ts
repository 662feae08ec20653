/**
 * The back office's real use cases (the app's own wiring) on a test database, with a clock the test
 * moves, and fixtures.
 */
import { eq } from 'drizzle-orm';
import { argon2Hasher } from '../../src/app/shared/argon2-hasher.js';
import type { NoticeMailTemplates } from '../../src/app/notices/ports.js';
import type { StaffMember } from '../../src/app/staff/staff.js';
import { base32Decode, totpCode, totpStep } from '../../src/app/staff/totp.js';
import { users } from '../../src/db/schema/index.js';
import type { TestClock } from './clock.js';
import type { TestDatabase } from './databases.js';
import { testWiring } from './wiring.js';

export const STAFF_META = { ip: '192.0.2.20', userAgent: 'vitest' };
export const STAFF_PASSWORD = 'correct horse battery staple';
export const SESSION_SECRET = 'back-office-test-secret-0123456789abcdef';

/** A valid argon2id hash of RESIDENT_PASSWORD, computed once per test file. */
export const RESIDENT_PASSWORD = 'Hanami#Tree2026';
let residentHash: Promise<string> | null = null;
export function residentPasswordHash(): Promise<string> {
  residentHash ??= argon2Hasher.hash(RESIDENT_PASSWORD);
  return residentHash;
}

export type UserFixture = {
  kind?: 'individual' | 'business';
  email: string;
  notify?: boolean;
  status?: 'active' | 'suspended';
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  orgName?: string;
  orgNameKana?: string;
  phone?: string;
  createdAt?: Date;
};

/** Inserts a user as registration would leave it; returns its id. */
export async function insertUser(database: TestDatabase, u: UserFixture, now: Date): Promise<string> {
  const kind = u.kind ?? 'individual';
  const [row] = await database.db
    .insert(users)
    .values({
      kind,
      email: u.email,
      emailKey: u.email.toLowerCase(),
      passwordHash: await residentPasswordHash(),
      notify: u.notify ?? true,
      status: u.status ?? 'active',
      familyName: kind === 'individual' ? (u.familyName ?? '川崎') : null,
      givenName: kind === 'individual' ? (u.givenName ?? '太郎') : null,
      familyNameKana: kind === 'individual' ? (u.familyNameKana ?? 'カワサキ') : null,
      givenNameKana: kind === 'individual' ? (u.givenNameKana ?? 'タロウ') : null,
      orgName: kind === 'business' ? (u.orgName ?? '株式会社かわさき商事') : null,
      orgNameKana: kind === 'business' ? (u.orgNameKana ?? 'カブシキガイシャカワサキショウジ') : null,
      representativeName: kind === 'business' ? '川崎 一郎' : null,
      department: kind === 'business' ? '総務部' : null,
      contactName: kind === 'business' ? '幸 花子' : null,
      postalCode: '2108577',
      prefecture: '神奈川県',
      cityAddress: '川崎市川崎区宮本町1番地',
      phone: u.phone ?? '0442002111',
      birthDate: '1985-04-01',
      gender: kind === 'individual' ? 'unanswered' : null,
      createdAt: u.createdAt ?? now,
      updatedAt: u.createdAt ?? now,
    })
    .returning({ id: users.id });
  return (row as { id: string }).id;
}

export async function userStatus(database: TestDatabase, id: string) {
  const [row] = await database.db.select({ status: users.status }).from(users).where(eq(users.id, id));
  return row?.status ?? null;
}

export function backOfficeHarness(
  database: TestDatabase,
  options: { clock?: TestClock; batchSize?: number; templates?: NoticeMailTemplates } = {},
) {
  const { db, clock, backOffice, stores, signIn, sessions } = testWiring(database, {
    clock: options.clock,
    settings: { sessionSecret: SESSION_SECRET },
    noticeTemplates: options.templates,
    noticeBatchSize: options.batchSize,
  });
  const { staff, notices, users: staffUsers, dashboard } = backOffice;
  const { audit, auditReader: reader } = stores;

  /** The code an authenticator shows now, or for the next step when this step was used already. */
  const lastSteps = new Map<string, number>();
  function codeFor(secret: string): string {
    const key = base32Decode(secret);
    let step = totpStep(clock.now());
    const last = lastSteps.get(secret);
    if (last !== undefined && step <= last) step = last + 1;
    lastSteps.set(secret, step);
    return totpCode(key, { step });
  }

  /** Creates and enrols a staff member; returns who they are, their secret and a signed-in session. */
  async function enrol(
    email: string,
    role: 'admin' | 'operator' = 'admin',
  ): Promise<{ member: StaffMember; secret: string; sessionId: string }> {
    const created = await staff.create({ email, role });
    if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created)}`);
    const token = created.enrolUrl.split('/').at(-1) as string;
    const opened = await staff.openEnrolment(token);
    if (!opened.ok) throw new Error('enrolment not open');
    const done = await staff.completeEnrolment(
      token,
      { password: STAFF_PASSWORD, passwordConfirm: STAFF_PASSWORD, code: codeFor(opened.secretBase32) },
      STAFF_META,
    );
    if (!done.ok) throw new Error(`enrolment failed: ${JSON.stringify(done)}`);
    const current = await staff.resolve(done.sessionId);
    if (current.status !== 'signed_in') throw new Error('not signed in after enrolment');
    return { member: current.staff, secret: opened.secretBase32, sessionId: done.sessionId };
  }

  return {
    db,
    clock,
    staff,
    notices,
    staffUsers,
    dashboard,
    audit,
    reader,
    codeFor,
    enrol,
    /** the residents' sign-in and sessions of the same wiring, to see what staff actions do to them */
    residentSignIn: signIn,
    residentSessions: sessions,
  };
}
