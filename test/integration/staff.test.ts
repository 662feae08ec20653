/**
 * The back office's staff side on each database, with an injected clock: enrolment, the two-step
 * sign-in with TOTP and its replay refusal, lockout, sessions, roles, the audit trail; and what staff
 * do with residents (search, 利用停止, deletion) and the dashboard's CSV.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { ForbiddenError } from '../../src/app/staff/staff.js';
import { base32Decode, totpCode } from '../../src/app/staff/totp.js';
import {
  auditLog,
  mailOutbox,
  registrations,
  sessions,
  staff,
  staffSessions,
  users,
} from '../../src/db/schema/index.js';
import {
  RESIDENT_PASSWORD,
  STAFF_META,
  STAFF_PASSWORD,
  backOfficeHarness,
  insertUser,
  userStatus,
} from '../support/back-office-harness.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';
import { runStaffCreate } from '../support/staff-create.js';
import { startChildApp } from '../support/child-app.js';
import { HttpClient } from '../support/http-client.js';
import { testEnv } from '../../src/config.js';
import pg from 'pg';

/** The first line of a process's output that matches, waiting up to 20 s for it. */
async function waitForLine(output: () => string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const line = output()
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in: ${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(databaseFactories())('staff back office on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('enrols with a password and a TOTP code: the secret is stored encrypted, the URL works once, for 24 hours', async () => {
    const h = backOfficeHarness(database);
    const created = await h.staff.create({
      email: 'Hanako.Staff@city.example.jp',
      role: 'admin',
      name: '川崎 花子',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.enrolUrl).toMatch(/^http:\/\/localhost:3000\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
    const token = created.enrolUrl.split('/').at(-1) as string;
    const first = await h.staff.openEnrolment(token);
    const again = await h.staff.openEnrolment(token);
    if (!first.ok || !again.ok) throw new Error('not open');
    expect(again.secretBase32).toBe(first.secretBase32); // a reload shows the same secret
    expect(first.otpauthUri).toContain(`secret=${first.secretBase32}`);
    const [row] = await h.db.select().from(staff);
    expect(row?.status).toBe('pending');
    expect(row?.totpSecretEnc).toMatch(/^v1\./);
    expect(row?.totpSecretEnc).not.toContain(first.secretBase32);
    expect(row?.enrolTokenHash).not.toBe(token);

    // The staff password rule.
    const attempt = (password: string, code: string) =>
      h.staff.completeEnrolment(token, { password, passwordConfirm: password, code }, STAFF_META);
    const fieldsOf = async (password: string, code = '000000') => {
      const r = await attempt(password, code);
      return r.ok || !('errors' in r) ? [] : r.errors.map((e) => e.field);
    };
    expect(await fieldsOf('short-pass1')).toContain('password');
    expect(await fieldsOf('hanako.staff@city.example.jp')).toContain('password');
    expect(await fieldsOf('1q2w3e4r5t6y')).toContain('password');
    // A wrong code keeps the form; a good password alone is not enough.
    expect(await fieldsOf(STAFF_PASSWORD)).toEqual(['code']);
    h.clock.advance(30);
    const done = await attempt(STAFF_PASSWORD, h.codeFor(first.secretBase32));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(await h.staff.resolve(done.sessionId)).toMatchObject({
      status: 'signed_in',
      staff: { email: 'Hanako.Staff@city.example.jp', role: 'admin', name: '川崎 花子' },
    });
    expect(await h.staff.openEnrolment(token)).toEqual({ ok: false, problem: 'invalid' });

    // A URL not used within 24 hours is refused.
    const late = await h.staff.create({ email: 'late@city.example.jp', role: 'operator' });
    if (!late.ok) throw new Error('create failed');
    h.clock.advance(24 * 3600 + 1);
    expect(await h.staff.openEnrolment(late.enrolUrl.split('/').at(-1))).toEqual({
      ok: false,
      problem: 'expired',
    });
    // A stored secret that no longer decrypts (SESSION_SECRET changed) is replaced, not a dead end.
    const moved = await h.staff.create({ email: 'moved@city.example.jp', role: 'operator' });
    if (!moved.ok) throw new Error('create failed');
    const movedToken = moved.enrolUrl.split('/').at(-1) as string;
    await h.staff.openEnrolment(movedToken);
    await h.db.update(staff).set({ totpSecretEnc: 'v1.AAAA.AAAA.AAAA' }).where(eq(staff.id, moved.id));
    const reopened = await h.staff.openEnrolment(movedToken);
    if (!reopened.ok) throw new Error('not reopened');
    expect(
      (
        await h.staff.completeEnrolment(
          movedToken,
          {
            password: STAFF_PASSWORD,
            passwordConfirm: STAFF_PASSWORD,
            code: h.codeFor(reopened.secretBase32),
          },
          STAFF_META,
        )
      ).ok,
    ).toBe(true);
    // The same address twice is refused.
    expect(await h.staff.create({ email: 'HANAKO.staff@city.example.jp', role: 'operator' })).toMatchObject({
      ok: false,
      reason: 'taken',
    });
  });

  it('the first administrator: a setup URL while no staff exists, used once, given back after a bad address; none once staff exists', async () => {
    const h = backOfficeHarness(database);
    const url = await h.staff.openFirstAdminSetup();
    expect(url).toMatch(/^http:\/\/localhost:3000\/admin\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = (url as string).split('/').at(-1) as string;
    expect(await h.staff.firstAdminSetupOpen(token)).toBe(true);
    expect(await h.staff.firstAdminSetupOpen(`${token}x`)).toBe(false);
    expect(await h.staff.createFirstAdmin('wrong', { email: 'first@city.example.jp' }, STAFF_META)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    // A bad address: the same URL may be used again.
    expect(await h.staff.createFirstAdmin(token, { email: 'first@' }, STAFF_META)).toMatchObject({
      ok: false,
      errors: [{ field: 'email' }],
    });
    // Two requests at once: one creates the administrator, the other finds the URL used.
    const [a, b] = await Promise.all([
      h.staff.createFirstAdmin(token, { email: 'first@city.example.jp', name: '川崎 一郎' }, STAFF_META),
      h.staff.createFirstAdmin(token, { email: 'other@city.example.jp' }, STAFF_META),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect(b).toEqual({ ok: false, problem: 'invalid' });
    if (!a.ok) throw new Error('not created');
    expect(a.enrolUrl).toMatch(/\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
    const rows = await h.db.select().from(staff);
    expect(rows).toMatchObject([
      { email: 'first@city.example.jp', name: '川崎 一郎', role: 'admin', status: 'pending' },
    ]);
    const [created] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'staff.created'));
    expect(created).toMatchObject({
      staffId: null,
      ip: STAFF_META.ip,
      detail: { role: 'admin', by: 'setup', email: 'fi***@city.example.jp' },
    });
    expect(await h.staff.firstAdminSetupOpen(token)).toBe(false);
    // With a staff account, there is no setup URL any more.
    expect(await h.staff.openFirstAdminSetup()).toBeNull();
  });

  it('signs in in two steps; a code is never accepted twice; the session id changes after the code', async () => {
    const h = backOfficeHarness(database);
    const { secret } = await h.enrol('admin@city.example.jp');
    const signedIn = await h.staff.signIn('ADMIN@city.example.jp', STAFF_PASSWORD, STAFF_META);
    if (!signedIn.ok) throw new Error('sign-in failed');
    expect(await h.staff.resolve(signedIn.sessionId)).toMatchObject({ status: 'password_ok' });
    // The code used at enrolment (same step) is refused: a replay.
    const replay = await h.staff.verifyCode(
      signedIn.sessionId,
      totpCode(base32Decode(secret), h.clock.now()),
      STAFF_META,
    );
    expect(replay).toEqual({ ok: false, reason: 'wrong' });
    h.clock.advance(30);
    const code = h.codeFor(secret);
    const ok = await h.staff.verifyCode(signedIn.sessionId, code, STAFF_META);
    if (!ok.ok) throw new Error('code refused');
    expect(ok.sessionId).not.toBe(signedIn.sessionId);
    expect(await h.staff.resolve(signedIn.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.resolve(ok.sessionId)).toMatchObject({ status: 'signed_in' });
    // The same code in a second sign-in is refused too.
    const second = await h.staff.signIn('admin@city.example.jp', STAFF_PASSWORD, STAFF_META);
    if (!second.ok) throw new Error('sign-in failed');
    expect(await h.staff.verifyCode(second.sessionId, code, STAFF_META)).toEqual({
      ok: false,
      reason: 'wrong',
    });
    // Every step is in the audit log with the staff id.
    const actions = (await h.db.select().from(auditLog).where(isNotNull(auditLog.staffId))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['staff.enrolled', 'staff.password_ok', 'staff.code_failed', 'staff.signed_in']),
    );
  });

  it('locks for 15 minutes after 5 failures in a row (passwords or codes), even for the right password', async () => {
    const h = backOfficeHarness(database);
    const { secret } = await h.enrol('admin@city.example.jp');
    for (let i = 0; i < 5; i++)
      expect(await h.staff.signIn('admin@city.example.jp', `wrong password ${i}`, STAFF_META)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    expect(await h.staff.signIn('admin@city.example.jp', STAFF_PASSWORD, STAFF_META)).toEqual({
      ok: false,
      reason: 'locked',
    });
    h.clock.advance(15 * 60 + 1);
    const after = await h.staff.signIn('admin@city.example.jp', STAFF_PASSWORD, STAFF_META);
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    // Wrong codes count too; the fifth ends the half-open session.
    for (let i = 0; i < 4; i++)
      expect(await h.staff.verifyCode(after.sessionId, '000000', STAFF_META)).toEqual({
        ok: false,
        reason: 'wrong',
      });
    expect(await h.staff.verifyCode(after.sessionId, '000001', STAFF_META)).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(await h.staff.resolve(after.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.signIn('admin@city.example.jp', STAFF_PASSWORD, STAFF_META)).toEqual({
      ok: false,
      reason: 'locked',
    });
    h.clock.advance(15 * 60 + 1);
    const again = await h.staff.signIn('admin@city.example.jp', STAFF_PASSWORD, STAFF_META);
    if (!again.ok) throw new Error('still locked');
    expect((await h.staff.verifyCode(again.sessionId, h.codeFor(secret), STAFF_META)).ok).toBe(true);
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'staff.locked'))).length).toBe(2);
  });

  it('ends a staff session after 15 idle minutes and after 8 hours however active', async () => {
    const h = backOfficeHarness(database);
    const { sessionId } = await h.enrol('admin@city.example.jp');
    h.clock.advance(14 * 60);
    expect((await h.staff.resolve(sessionId)).status).toBe('signed_in');
    h.clock.advance(15 * 60 + 1);
    expect(await h.staff.resolve(sessionId)).toEqual({ status: 'timed_out' });

    const other = await h.enrol('busy@city.example.jp');
    for (let minutes = 0; minutes < 8 * 60 - 10; minutes += 10) {
      h.clock.advance(600);
      expect((await h.staff.resolve(other.sessionId)).status).toBe('signed_in');
    }
    h.clock.advance(11 * 60);
    expect(await h.staff.resolve(other.sessionId)).toEqual({ status: 'timed_out' });
  });

  it('lets only admins manage staff; keeps one admin; a disabled account is signed out and cannot sign in', async () => {
    const h = backOfficeHarness(database);
    const admin = await h.enrol('admin@city.example.jp', 'admin');
    const operator = await h.enrol('operator@city.example.jp', 'operator');
    await expect(h.staff.list(operator.member)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      h.staff.create(
        { email: 'x@city.example.jp', role: 'admin' },
        { staff: operator.member, meta: STAFF_META },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      h.staff.changeRole(operator.member, operator.member.id, 'admin', STAFF_META),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(h.staff.disable(operator.member, admin.member.id, STAFF_META)).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    expect(await h.staff.changeRole(admin.member, admin.member.id, 'operator', STAFF_META)).toEqual({
      ok: false,
      reason: 'last_admin',
    });
    expect(await h.staff.disable(admin.member, admin.member.id, STAFF_META)).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(await h.staff.changeRole(admin.member, operator.member.id, 'admin', STAFF_META)).toEqual({
      ok: true,
    });
    expect(await h.staff.resolve(operator.sessionId)).toMatchObject({ staff: { role: 'admin' } });
    expect(await h.staff.disable(admin.member, operator.member.id, STAFF_META)).toEqual({ ok: true });
    expect(await h.staff.resolve(operator.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.signIn('operator@city.example.jp', STAFF_PASSWORD, STAFF_META)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const audited = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, admin.member.id), eq(auditLog.action, 'staff.disabled')));
    expect(audited[0]?.detail).toEqual({ target: operator.member.id });
    // The audit screens name the member an entry is about by their address.
    const [shown] = (await h.dashboard.audit({ action: 'staff.disabled' }, 1)).rows;
    expect(shown).toMatchObject({
      staffEmail: 'admin@city.example.jp',
      targetStaffEmail: 'operator@city.example.jp',
    });
  });

  it('再設定用のURLを発行する: clears the password, the TOTP secret and the sessions in one go; the old password fails; the new URL enrols; admins only; audited', async () => {
    const h = backOfficeHarness(database);
    const admin = await h.enrol('admin@city.example.jp', 'admin');
    const lost = await h.enrol('lost@city.example.jp', 'operator');
    const halfOpen = await h.staff.signIn('lost@city.example.jp', STAFF_PASSWORD, STAFF_META);
    if (!halfOpen.ok) throw new Error('sign-in failed');
    const asAdmin = { staff: admin.member, meta: STAFF_META };

    // An operator is refused by the use case (the web layer answers 403 before it).
    await expect(
      h.staff.reissueEnrolment({ id: admin.member.id }, { staff: lost.member, meta: STAFF_META }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await h.staff.resolve(admin.sessionId)).toMatchObject({ status: 'signed_in' });
    // Not for oneself, nor for an unknown id.
    expect(await h.staff.reissueEnrolment({ id: admin.member.id }, asAdmin)).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(await h.staff.reissueEnrolment({ id: '00000000-0000-0000-0000-000000000000' }, asAdmin)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'staff.enrolment_reissued'))).toEqual(
      [],
    );

    h.clock.advance(60);
    const reissued = await h.staff.reissueEnrolment({ id: lost.member.id }, asAdmin);
    if (!reissued.ok) throw new Error(`reissue failed: ${JSON.stringify(reissued)}`);
    expect(reissued.email).toBe('lost@city.example.jp');
    expect(reissued.enrolUrl).toMatch(/^http:\/\/localhost:3000\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
    expect(reissued.expiresAt.getTime() - h.clock.now().getTime()).toBe(24 * 3600 * 1000);
    const [row] = await h.db.select().from(staff).where(eq(staff.id, lost.member.id));
    expect(row).toMatchObject({
      status: 'pending',
      role: 'operator',
      passwordHash: null,
      totpSecretEnc: null,
      totpLastStep: null,
      enrolExpiresAt: reissued.expiresAt,
    });
    // Every session of that member has ended, the half-open one too; the admin's has not.
    expect(await h.db.select().from(staffSessions).where(eq(staffSessions.staffId, lost.member.id))).toEqual(
      [],
    );
    expect(await h.staff.resolve(lost.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.resolve(halfOpen.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.resolve(admin.sessionId)).toMatchObject({ status: 'signed_in' });
    // The old password no longer signs in.
    expect(await h.staff.signIn('lost@city.example.jp', STAFF_PASSWORD, STAFF_META)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const [audited] = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.enrolment_reissued'));
    expect(audited).toMatchObject({
      staffId: admin.member.id,
      ip: STAFF_META.ip,
      detail: { target: lost.member.id, by: 'admin' },
    });

    // The new URL enrols exactly like a new account's, with a new secret; then it is used up.
    const token = reissued.enrolUrl.split('/').at(-1) as string;
    const opened = await h.staff.openEnrolment(token);
    if (!opened.ok) throw new Error('enrolment not open');
    expect(opened.secretBase32).not.toBe(lost.secret);
    const newPassword = 'a brand new staff passphrase';
    const done = await h.staff.completeEnrolment(
      token,
      { password: newPassword, passwordConfirm: newPassword, code: h.codeFor(opened.secretBase32) },
      STAFF_META,
    );
    if (!done.ok) throw new Error(`enrolment failed: ${JSON.stringify(done)}`);
    expect(await h.staff.resolve(done.sessionId)).toMatchObject({
      status: 'signed_in',
      staff: { id: lost.member.id, role: 'operator' },
    });
    expect(await h.staff.openEnrolment(token)).toEqual({ ok: false, problem: 'invalid' });
    // The old authenticator's codes are refused; the new one's accepted.
    h.clock.advance(30);
    const again = await h.staff.signIn('lost@city.example.jp', newPassword, STAFF_META);
    if (!again.ok) throw new Error('sign-in with the new password failed');
    expect(await h.staff.verifyCode(again.sessionId, h.codeFor(lost.secret), STAFF_META)).toEqual({
      ok: false,
      reason: 'wrong',
    });
    expect((await h.staff.verifyCode(again.sessionId, h.codeFor(opened.secretBase32), STAFF_META)).ok).toBe(
      true,
    );

    // The command's way (no actor, by address, any case): e.g. the only admin after SESSION_SECRET
    // changed, whose secret no longer decrypts.
    await h.db.update(staff).set({ totpSecretEnc: 'v1.AAAA.AAAA.AAAA' }).where(eq(staff.id, admin.member.id));
    const byCommand = await h.staff.reissueEnrolment({ email: 'ADMIN@City.example.jp' });
    expect(byCommand).toMatchObject({ ok: true, id: admin.member.id });
    const [commandAudit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.enrolment_reissued'), isNull(auditLog.staffId)));
    expect(commandAudit?.detail).toEqual({ target: admin.member.id, by: 'command' });
    expect(await h.staff.resolve(admin.sessionId)).toEqual({ status: 'none' });
    expect(await h.staff.reissueEnrolment({ email: 'nobody@city.example.jp' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    // A disabled account stays disabled.
    const second = await h.enrol('second.admin@city.example.jp', 'admin');
    expect(await h.staff.disable(second.member, lost.member.id, STAFF_META)).toEqual({ ok: true });
    expect(
      await h.staff.reissueEnrolment({ id: lost.member.id }, { staff: second.member, meta: STAFF_META }),
    ).toEqual({ ok: false, reason: 'disabled' });
    expect(await h.staff.reissueEnrolment({ email: 'lost@city.example.jp' })).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('finds users by partial email, name, kana in hiragana or katakana and phone, a page at a time', async () => {
    const h = backOfficeHarness(database);
    const { member } = await h.enrol('admin@city.example.jp');
    const now = h.clock.now();
    const taro = await insertUser(database, { email: 'taro@example.jp', phone: '0442002111' }, now);
    await insertUser(
      database,
      {
        email: 'sakura@example.jp',
        familyName: '幸',
        givenName: 'さくら',
        familyNameKana: 'サイワイ',
        givenNameKana: 'サクラ',
        phone: '0901234567',
      },
      now,
    );
    const biz = await insertUser(
      database,
      { kind: 'business', email: 'soumu@shoji.example.jp', phone: '0449998888' },
      now,
    );
    const find = async (q: string, page = 1) =>
      (await h.staffUsers.search(member, q, page, STAFF_META)).rows.map((r) => r.email).sort();
    expect(await find('TARO@')).toEqual(['taro@example.jp']);
    expect(await find('かわさきたろう')).toEqual(['taro@example.jp']); // hiragana finds katakana フリガナ
    expect(await find('かわさき')).toEqual(['soumu@shoji.example.jp', 'taro@example.jp']);
    expect(await find('サクラ')).toEqual(['sakura@example.jp']); // katakana finds the hiragana name
    expect(await find('川崎 太郎')).toEqual(['taro@example.jp']);
    expect(await find('かわさきしょうじ')).toEqual(['soumu@shoji.example.jp']);
    expect(await find('044-999')).toEqual(['soumu@shoji.example.jp']);
    expect(await find('０９０１２３')).toEqual(['sakura@example.jp']);
    expect(await find('100%')).toEqual([]);
    expect(await find('')).toEqual([]);
    for (let i = 0; i < 23; i++) await insertUser(database, { email: `many${i}@paging.example.jp` }, now);
    const p1 = await h.staffUsers.search(member, 'paging', 1, STAFF_META);
    const p2 = await h.staffUsers.search(member, 'paging', 2, STAFF_META);
    expect([p1.total, p1.pages, p1.rows.length, p2.rows.length]).toEqual([23, 2, 20, 3]);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(23);
    // Viewing is audited with the staff id and the user id; the record has no password to show.
    const viewed = await h.staffUsers.view(member, taro, STAFF_META);
    expect(viewed?.user.email).toBe('taro@example.jp');
    expect(JSON.stringify(viewed?.trail ?? [])).not.toContain('argon2');
    const [a] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'user.viewed'));
    expect(a).toMatchObject({ staffId: member.id, userId: taro });
    expect(biz).toBeTruthy();
  });

  it('利用停止: the user is told so at sign-in and their sessions end at once; 解除 lets them in again; deletion removes them', async () => {
    const h = backOfficeHarness(database);
    const { member } = await h.enrol('operator@city.example.jp', 'operator');
    const userId = await insertUser(database, { email: 'taro@example.jp' }, h.clock.now());
    // The residents' side of the same wiring: what 利用停止 and deletion do to a resident.
    const signIn = h.residentSignIn;
    const residentSessions = h.residentSessions;
    expect(await signIn.signIn('taro@example.jp', RESIDENT_PASSWORD, STAFF_META)).toMatchObject({ ok: true });
    const sid = await residentSessions.start(userId);
    expect((await residentSessions.resolve(sid)).status).toBe('signed_in');

    expect(await h.staffUsers.setSuspended(member, userId, true, STAFF_META)).toBe(true);
    expect(await userStatus(database, userId)).toBe('suspended');
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
    expect(await signIn.signIn('taro@example.jp', RESIDENT_PASSWORD, STAFF_META)).toMatchObject({
      ok: false,
      reason: 'suspended',
    });
    expect(await signIn.signIn('taro@example.jp', 'a-wrong-password', STAFF_META)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await h.staffUsers.setSuspended(member, userId, false, STAFF_META)).toBe(true);
    h.clock.advance(1);
    expect(await signIn.signIn('taro@example.jp', RESIDENT_PASSWORD, STAFF_META)).toMatchObject({ ok: true });

    // The lists name the user by their address, masked, while the user exists …
    const before = (await h.dashboard.overview()).recent.find((r) => r.action === 'user.unsuspended');
    expect(before).toMatchObject({ userId, userEmail: 'ta***@example.jp' });

    expect(await h.staffUsers.delete(member, userId, STAFF_META)).toBe(true);
    expect(await h.db.select().from(users)).toHaveLength(0);
    // … and as gone afterwards (the screens then show 削除済みの利用者, with no link).
    const after = (await h.dashboard.audit({}, 1)).rows.filter((r) => r.userId === userId);
    expect(after.length).toBeGreaterThan(3);
    expect(after.every((r) => r.userEmail === null)).toBe(true);
    expect((await h.dashboard.overview()).recent.find((r) => r.action === 'user.deleted')).toMatchObject({
      userId,
      userEmail: null,
      staffEmail: 'operator@city.example.jp',
    });
    const [mail] = await h.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'account_deleted_by_city'));
    expect(mail).toMatchObject({ toAddress: 'taro@example.jp', userId: null });
    expect(mail?.body).toContain('利用者登録を削除しました');
    const trail = await h.db.select().from(auditLog).where(eq(auditLog.userId, userId));
    expect(trail.filter((t) => t.staffId === member.id).map((t) => t.action)).toEqual(
      expect.arrayContaining(['user.suspended', 'user.unsuspended', 'user.deleted']),
    );
  });

  it('counts registrations per day for the chart and the CSV, with no personal data; reports open registrations', async () => {
    const h = backOfficeHarness(database);
    const { member } = await h.enrol('admin@city.example.jp');
    const now = h.clock.now(); // 2026-11-25 10:00 JST
    const day = 86400 * 1000;
    await insertUser(database, { email: 'today1@example.jp', familyName: '秘密', notify: true }, now);
    await insertUser(
      database,
      { email: 'today2@example.jp', kind: 'business', orgName: '株式会社ひみつ', notify: false },
      now,
    );
    await insertUser(
      database,
      { email: 'yesterday@example.jp', notify: false },
      new Date(now.getTime() - day),
    );
    await insertUser(database, { email: 'old@example.jp' }, new Date(now.getTime() - 40 * day));
    const { days, stats } = await h.dashboard.overview();
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: '2026-11-25', individual: 1, business: 1 });
    expect(days.at(-2)).toEqual({ day: '2026-11-24', individual: 1, business: 0 });
    expect(days.reduce((s, d) => s + d.individual + d.business, 0)).toBe(3);
    expect(stats.usersByKind).toEqual({ individual: 3, business: 1 });
    expect(stats.optedIn).toBe(2);

    const csv = await h.dashboard.csv(30, member, STAFF_META);
    expect(csv.filename).toBe('registrations-2026-11-25.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('日付,個人,事業者,合計');
    expect(lines).toHaveLength(31);
    expect(lines.at(-1)).toBe('2026-11-25,1,1,2');
    for (const secret of ['@', 'today1', '秘密', 'ひみつ', '川崎', '2108577', '044'])
      expect(csv.body).not.toContain(secret);
    expect(lines.slice(1).every((l) => /^\d{4}-\d{2}-\d{2},\d+,\d+,\d+$/.test(l))).toBe(true);

    // Open registrations: how many, and the oldest is within the time limit; expired ones are counted apart.
    await h.db.insert(registrations).values([
      {
        tokenHash: 'a',
        kind: 'individual',
        state: 'code_sent',
        createdAt: now,
        expiresAt: new Date(now.getTime() + 600_000),
      },
      {
        tokenHash: 'b',
        kind: 'business',
        state: 'started',
        createdAt: now,
        expiresAt: new Date(now.getTime() + 1_700_000),
      },
      {
        tokenHash: 'c',
        kind: 'business',
        state: 'started',
        createdAt: now,
        expiresAt: new Date(now.getTime() - 1000),
      },
    ]);
    const pending = (await h.dashboard.overview()).stats.pending;
    expect(pending.open).toBe(2);
    expect(pending.expiredNotSwept).toBe(1);
    expect((now.getTime() - (pending.oldestStartedAt as Date).getTime()) / 60_000).toBe(20);
  });
});

// The command on the embedded database (the case with a lock): a fresh folder, so it runs once.
describe('staff:create', () => {
  // Each run is a process that loads the sources through tsx and opens the embedded database: a few
  // seconds on a quiet machine, up to half a minute with the load average near 20 on 2 cores. So the
  // test runs the command four times only (what needs the command itself: its output, its exit
  // codes, the lock; the refusals' reasons are the use cases', tested above), with time for each.
  it(
    'npm run staff:create: one line with the enrolment URL; twice refused; --reissue gives a new URL; refused while the app holds the embedded database',
    {
      timeout: 4 * 90_000,
    },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'staff-create-'));
      try {
        const settings = {
          NODE_ENV: 'development',
          BASE_URL: 'https://madoguchi.example.jp',
          DATA_DIR: join(dir, 'data'),
        };
        const run = () =>
          runStaffCreate(['--email', 'First.Admin@city.example.jp', '--role', 'admin'], settings);
        const first = run();
        expect(first.status, first.stderr).toBe(0);
        const lines = first.stdout.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/ https:\/\/madoguchi\.example\.jp\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
        expect(first.stdout).not.toMatch(/password|パスワード/i);
        const second = run();
        expect(second.status).toBe(1);
        expect(second.stderr).toContain('already exists');
        // --reissue: a new URL for the existing account.
        const reissued = runStaffCreate(['--email', 'first.admin@city.example.jp', '--reissue'], settings);
        expect(reissued.status, reissued.stderr).toBe(0);
        const reissuedLines = reissued.stdout.trim().split('\n');
        expect(reissuedLines).toHaveLength(1);
        expect(reissuedLines[0]).toMatch(
          / https:\/\/madoguchi\.example\.jp\/admin\/enrol\/[A-Za-z0-9_-]{43}$/,
        );
        expect(reissuedLines[0]?.split(' ').at(-1)).not.toBe(lines[0]?.split(' ').at(-1));
        // The running app marks the folder; the command refuses and says what to do.
        writeFileSync(join(dir, 'data', 'app.pid'), String(process.pid));
        const held = run();
        expect(held.status).toBe(1);
        expect(held.stderr).toContain('in use by the running app');
        expect(held.stderr).toContain('DATABASE_URL');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // The app on an empty embedded database, as a developer starts it: the URL is printed once, to the
  // terminal; it registers the first administrator, who enrols; a second start prints none.
  it(
    'the app on an empty embedded database prints a setup URL for the first administrator; a restart with one prints none',
    {
      timeout: 4 * 90_000,
    },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'first-admin-'));
      const env = { NODE_ENV: 'development', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' };
      try {
        const app = await startChildApp(env);
        let url: URL;
        try {
          const line = await waitForLine(app.output, /single-use URL/);
          expect(line).not.toMatch(/^\{/); // a line of its own, not in the JSON log
          url = new URL(line.split(' ').at(-1) as string);
          expect(url.pathname).toMatch(/^\/admin\/setup\/[A-Za-z0-9_-]{43}$/);
          expect(app.output().split(url.pathname)).toHaveLength(2); // printed once

          const browser = new HttpClient(app.url);
          const page = await browser.get(url.pathname);
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toContain('<h1');
          expect(html).toContain('最初の管理者の登録');
          const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
          const created = await browser.post(url.pathname, {
            _csrf: csrf,
            email: 'first.admin@city.example.jp',
            name: '',
          });
          expect(created.status).toBe(303);
          const enrolPath = created.headers.get('location') ?? '';
          expect(enrolPath).toMatch(/^\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
          expect((await browser.get(url.pathname)).status).toBe(404); // used
          // 職員アカウントの設定, as for an account made by the command.
          const enrol = await (await browser.get(enrolPath)).text();
          const secret = enrol.match(/id="totp-secret"[^>]*value="([A-Z2-7]+)"/)?.[1] ?? '';
          const enrolCsrf = enrol.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
          const done = await browser.post(enrolPath, {
            _csrf: enrolCsrf,
            password: STAFF_PASSWORD,
            passwordConfirm: STAFF_PASSWORD,
            code: totpCode(base32Decode(secret), { step: Math.floor(Date.now() / 30_000) }),
          });
          expect(done.status).toBe(303);
          expect(done.headers.get('location')).toBe('/admin');
          expect(await (await browser.get('/admin')).text()).toContain('ダッシュボード');
          for (const l of app
            .output()
            .split('\n')
            .filter((l) => l.startsWith('{')))
            expect(l).not.toContain('/admin/setup/');
        } finally {
          app.proc.kill('SIGTERM');
          await app.exited;
        }

        const again = await startChildApp(env);
        try {
          await new Promise((r) => setTimeout(r, 1000));
          expect(again.output()).toContain('is running on');
          expect(again.output()).not.toContain('No staff account');
          expect(again.output()).not.toContain('/admin/setup/');
          expect((await fetch(again.url + url.pathname)).status).toBe(404);
        } finally {
          again.proc.kill('SIGTERM');
          await again.exited;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // Against a PostgreSQL server (when the tests have one) it works even while an app holds DATA_DIR.
  const serverUrl = testEnv().testDatabaseUrl;
  if (serverUrl)
    it('npm run staff:create works against DATABASE_URL while the app runs', async () => {
      const name = `madoguchi_staff_create_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const dir = mkdtempSync(join(tmpdir(), 'staff-create-pg-'));
      try {
        writeFileSync(join(dir, 'app.pid'), String(process.pid));
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        const r = runStaffCreate(['--email', 'pg.admin@city.example.jp', '--role', 'operator'], {
          NODE_ENV: 'development',
          DATABASE_URL: url.toString(),
          DATA_DIR: dir,
        });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.trim()).toMatch(/\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
        rmSync(dir, { recursive: true, force: true });
      }
    });
});
