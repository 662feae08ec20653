/**
 * The account use cases (issue 3) on each database (PGlite, and PostgreSQL when TEST_DATABASE_URL
 * is set), with an injected clock: session timeouts, sign-in hold, per-IP limit, password reset,
 * e-mail change, password change, 利用者情報の変更, 退会, and the mails they send.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { MAX_FAILED_SIGN_INS, SIGN_INS_PER_IP_PER_10_MIN } from '../../src/app/account/sign-in.js';
import {
  accountFlows,
  auditLog,
  emailCodes,
  mailOutbox,
  registrations,
  sessions,
  users,
} from '../../src/db/schema/index.js';
import { deleteOldSessions } from '../../src/db/account/sessions.js';
import { PASSWORDS, accountHarness, type AccountHarness } from '../support/account-harness.js';
import { databaseFactories, useFreshDatabase, type TestDatabase } from '../support/databases.js';
import { BUSINESS_FORM, META } from '../support/registration-harness.js';

const NEW_PASSWORD = 'Sakura#Bloom2027';

/** Every code stored, of every flow (a flow's row holds its codes). */
async function storedCodes(h: AccountHarness): Promise<string[]> {
  return (await h.db.select().from(emailCodes)).flatMap((c) => c.codeHmacs);
}

/** Every text column of every table, searched for a string: proves data is really gone. */
async function tablesContaining(database: TestDatabase, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of [
    'users',
    'registrations',
    'account_flows',
    'email_codes',
    'mail_outbox',
    'sessions',
    'rate_limits',
    'notice_deliveries',
  ]) {
    const r = await database.db.execute(
      sql.raw(`select count(*)::int as n from ${table} t where t::text ilike '%${needle}%'`),
    );
    const n = (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    if (n > 0) found.push(table);
  }
  return found;
}

const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

async function sessionStatus(h: AccountHarness, id: string): Promise<string> {
  return (await h.sessions.resolve(id)).status;
}

describe.each(databaseFactories())('account on $name', (factory) => {
  const database = useFreshDatabase(factory);

  // ---------------------------------------------------------------------------------------------
  // sessions and sign-in

  it('a session ends after 30 idle minutes, and after 12 hours however active it is', async () => {
    const h = accountHarness(database);
    await h.createUser('idle@example.jp');
    const a = await h.signInAs('idle@example.jp', PASSWORDS.individual);
    h.clock.advance(1799);
    expect(await sessionStatus(h, a.sessionId)).toBe('signed_in');
    h.clock.advance(1799); // counted from the last request, not from the sign-in
    expect(await sessionStatus(h, a.sessionId)).toBe('signed_in');
    h.clock.advance(1801);
    expect(await sessionStatus(h, a.sessionId)).toBe('timed_out');
    expect(await sessionStatus(h, a.sessionId)).toBe('none'); // deleted server-side

    const b = await h.signInAs('idle@example.jp', PASSWORDS.individual);
    for (let t = 1500; t < 12 * 3600; t += 1500) {
      h.clock.advance(1500);
      expect(await sessionStatus(h, b.sessionId)).toBe('signed_in');
    }
    h.clock.advance(1500);
    expect(await sessionStatus(h, b.sessionId)).toBe('timed_out');
  });

  it('the sweep deletes sessions left behind once they time out, idle or too old, and keeps live ones', async () => {
    const h = accountHarness(database);
    await h.createUser('left@example.jp');
    const idle = await h.signInAs('left@example.jp', PASSWORDS.individual);
    const busy = await h.signInAs('left@example.jp', PASSWORDS.individual);
    const count = async () =>
      (
        await database.db
          .select({ id: sessions.idHash })
          .from(sessions)
          .where(eq(sessions.userId, idle.user.id))
      ).length;
    const sweep = () =>
      deleteOldSessions(
        database.db,
        new Date(h.clock.now().getTime() - 1800 * 1000),
        new Date(h.clock.now().getTime() - 12 * 3600 * 1000),
      );
    expect(await count()).toBe(2);
    for (let t = 0; t < 12 * 3600 - 1500; t += 1500) {
      h.clock.advance(1500);
      expect(await sessionStatus(h, busy.sessionId)).toBe('signed_in');
      await sweep();
    }
    // The idle one went after 30 minutes; the busy one lives to its 12 hours.
    expect(await count()).toBe(1);
    expect(await sessionStatus(h, idle.sessionId)).toBe('none');
    h.clock.advance(1600);
    expect(await sweep()).toBe(1);
    expect(await count()).toBe(0);
  });

  it('5 failed sign-ins in a row hold the account for 15 minutes with the same answer; one mail says so', async () => {
    const h = accountHarness(database);
    await h.createUser('hold@example.jp');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect(await h.signIn.signIn('hold@example.jp', `Wrong#${i}pass`, META)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    // The right password is refused with the same answer while the hold lasts.
    expect(await h.signIn.signIn('hold@example.jp', PASSWORDS.individual, META)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const trail = async () =>
      (
        await h.db
          .select()
          .from(auditLog)
          .where(sql`${auditLog.action} like 'session.%'`)
          .orderBy(auditLog.id)
      ).map((r) => [r.action, r.detail?.held ?? false]);
    expect((await trail()).slice(-2)).toEqual([
      ['session.sign_in_failed', false],
      ['session.sign_in_failed', true],
    ]);
    const locked = (await h.mails()).filter((m) => m.template === 'sign_in_locked');
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ toAddress: 'hold@example.jp' });
    expect(locked[0]?.subject).toContain('オンライン手続かわさき');
    expect(locked[0]?.body).toContain('15分間ログインを停止しました');
    expect(locked[0]?.body).toContain('http://localhost:3000/password-reset');
    expect(locked[0]?.body).not.toContain(PASSWORDS.individual);
    expect(locked[0]?.body).not.toContain('Wrong#');
    h.clock.advance(15 * 60 - 1);
    expect((await h.signIn.signIn('hold@example.jp', PASSWORDS.individual, META)).ok).toBe(false);
    h.clock.advance(1);
    expect((await h.signIn.signIn('hold@example.jp', PASSWORDS.individual, META)).ok).toBe(true);
    expect((await trail()).slice(-2)).toEqual([
      ['session.sign_in_failed', true],
      ['session.signed_in', false],
    ]);
    // Released: the count starts again from zero (4 failures do not hold it).
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++)
      await h.signIn.signIn('hold@example.jp', `Wrong#${i}pass`, META);
    expect((await h.signIn.signIn('hold@example.jp', PASSWORDS.individual, META)).ok).toBe(true);
    expect((await h.mails()).filter((m) => m.template === 'sign_in_locked')).toHaveLength(1);
  });

  it('an unknown address and a wrong password get one and the same answer', async () => {
    const h = accountHarness(database);
    await h.createUser('known@example.jp');
    const unknown = await h.signIn.signIn('unknown@example.jp', PASSWORDS.individual, META);
    const wrong = await h.signIn.signIn('known@example.jp', 'Wrong#pass1', META);
    expect(unknown).toEqual(wrong);
  });

  it('sign-ins from one IP address are limited to 50 in 10 minutes', async () => {
    const h = accountHarness(database);
    const meta = { ...META, ip: '198.51.100.7' };
    for (let i = 0; i < SIGN_INS_PER_IP_PER_10_MIN; i++)
      expect((await h.signIn.signIn(`sprayed${i}@example.jp`, 'Spray#2026', meta)).ok).toBe(false);
    expect(await h.signIn.signIn('sprayed@example.jp', 'Spray#2026', meta)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    // Another address (IP) is not affected; the window ends after 10 minutes.
    expect(await h.signIn.signIn('sprayed@example.jp', 'Spray#2026', META)).toMatchObject({
      reason: 'invalid',
    });
    h.clock.advance(600);
    expect(await h.signIn.signIn('sprayed@example.jp', 'Spray#2026', meta)).toMatchObject({
      reason: 'invalid',
    });
  });

  it('a staff-suspended account: the right password is told so, a wrong one gets the generic answer, a reset sends nothing', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('stopped@example.jp');
    await h.db.update(users).set({ status: 'suspended' }).where(eq(users.id, id));
    expect(await h.signIn.signIn('stopped@example.jp', PASSWORDS.individual, META)).toEqual({
      ok: false,
      reason: 'suspended',
    });
    expect(await h.signIn.signIn('stopped@example.jp', 'Wrong#pass1', META)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const before = (await h.mails()).length;
    expect((await h.account.startReset('stopped@example.jp', META)).ok).toBe(true);
    expect(await h.mails()).toHaveLength(before);
  });

  // ---------------------------------------------------------------------------------------------
  // password reset

  it('a reset for an address that is no user: the same answer, no code, no mail, and no code works', async () => {
    const h = accountHarness(database);
    await h.createUser('someone@example.jp');
    const mailsBefore = (await h.mails()).length;
    const known = await h.account.startReset('someone@example.jp', META);
    const unknown = await h.account.startReset('nobody@example.jp', META);
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(unknown).toEqual({ ok: true, token: expect.any(String) });
    const [flow] = await h.db
      .select()
      .from(accountFlows)
      .where(eq(accountFlows.emailKey, 'nobody@example.jp'));
    expect(flow).toMatchObject({ purpose: 'password_reset', userId: null, state: 'code_sent' });
    const mails = await h.mails();
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)?.toAddress).toBe('someone@example.jp');
    expect(
      (
        await h.db
          .select()
          .from(emailCodes)
          .where(eq(emailCodes.accountFlowId, flow?.id ?? ''))
      ).flatMap((c) => c.codeHmacs),
    ).toHaveLength(0);
    const token = unknown.ok ? unknown.token : '';
    expect(await h.account.verifyReset(token, '123456', META)).toMatchObject({ ok: false, triesLeft: 4 });
    h.clock.advance(61);
    expect(await h.account.resendReset(token, META)).toEqual({ ok: true });
    expect(await h.mails()).toHaveLength(mailsBefore + 1);
  });

  it('a reset works while sign-in is held, clears the hold, ends every session and signs this browser in', async () => {
    const h = accountHarness(database);
    await h.createUser('Reset.Me@example.jp');
    const phone = await h.signInAs('reset.me@example.jp', PASSWORDS.individual);
    const laptop = await h.signInAs('reset.me@example.jp', PASSWORDS.individual);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await h.signIn.signIn('reset.me@example.jp', `Wrong#${i}pass`, META);
    expect((await h.signIn.signIn('reset.me@example.jp', PASSWORDS.individual, META)).ok).toBe(false);

    const started = await h.account.startReset('ＲＥＳＥＴ．ＭＥ＠example.jp', META);
    if (!started.ok) throw new Error('not started');
    // The code goes to the address as registered.
    const code = await h.lastCode('Reset.Me@example.jp');
    expect(await h.account.completeReset(started.token, {}, META)).toEqual({
      ok: false,
      problem: 'wrong_step',
    });
    expect(await h.account.verifyReset(started.token, code, META)).toEqual({ ok: true });
    const weak = await h.account.completeReset(
      started.token,
      { newPassword: 'short', newPasswordConfirm: 'other' },
      META,
    );
    expect(weak).toEqual({
      ok: false,
      errors: [
        { field: 'newPassword', code: 'too_short' },
        { field: 'newPasswordConfirm', code: 'confirm_mismatch' },
      ],
    });
    const done = await h.account.completeReset(
      started.token,
      { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      META,
    );
    if (!done.ok || !done.sessionId) throw new Error('not reset');
    expect(await sessionStatus(h, phone.sessionId)).toBe('none');
    expect(await sessionStatus(h, laptop.sessionId)).toBe('none');
    expect(await sessionStatus(h, done.sessionId)).toBe('signed_in');
    // The hold is gone with the old password.
    expect((await h.signIn.signIn('reset.me@example.jp', NEW_PASSWORD, META)).ok).toBe(true);
    expect((await h.signIn.signIn('reset.me@example.jp', PASSWORDS.individual, META)).ok).toBe(false);
    const notice = (await h.mails()).find((m) => m.template === 'password_changed');
    expect(notice?.toAddress).toBe('Reset.Me@example.jp');
    expect(notice?.body).toContain('再設定しました');
    expect(notice?.body).toContain('心当たりがない場合');
    // The flow is done: its codes and code mails are gone; a second submit changes nothing.
    expect(await storedCodes(h)).toHaveLength(0);
    expect((await h.mails()).filter((m) => m.template === 'password_reset_code')).toHaveLength(0);
    expect(await h.account.completeReset(started.token, {}, META)).toEqual({ ok: true, sessionId: null });
  });

  it('a reset code stops working 30 minutes after the latest code; a resend restarts the 30 minutes', async () => {
    const h = accountHarness(database);
    await h.createUser('late@example.jp');
    const first = await h.account.startReset('late@example.jp', META);
    if (!first.ok) throw new Error('not started');
    const code = await h.lastCode('late@example.jp');
    h.clock.advance(1800);
    expect(await h.account.verifyReset(first.token, code, META)).toEqual({ ok: false, problem: 'expired' });
    expect(await h.db.select().from(accountFlows)).toHaveLength(0);

    const second = await h.account.startReset('late@example.jp', META);
    if (!second.ok) throw new Error('not started');
    const early = await h.lastCode('late@example.jp');
    h.clock.advance(600);
    expect(await h.account.resendReset(second.token, META)).toEqual({ ok: true });
    h.clock.advance(1799); // 39m59s after the first code, 29m59s after the latest
    expect(await h.account.verifyReset(second.token, early, META)).toEqual({ ok: true });
  });

  it('five wrong codes end a reset; malformed input is not counted; the right code on the fifth try works', async () => {
    const h = accountHarness(database);
    await h.createUser('tries@example.jp');
    const a = await h.account.startReset('tries@example.jp', META);
    if (!a.ok) throw new Error('not started');
    const right = await h.lastCode('tries@example.jp');
    expect(await h.account.verifyReset(a.token, '12ab', META)).toMatchObject({
      fieldError: { code: 'format' },
    });
    expect(await h.account.verifyReset(a.token, ' ', META)).toMatchObject({
      fieldError: { code: 'required' },
    });
    for (let left = 4; left >= 1; left--)
      expect(await h.account.verifyReset(a.token, wrongCodeFor(right), META)).toMatchObject({
        triesLeft: left,
      });
    expect(await h.account.verifyReset(a.token, wrongCodeFor(right), META)).toEqual({
      ok: false,
      problem: 'exhausted',
    });
    expect(await h.account.verifyReset(a.token, right, META)).toEqual({ ok: false, problem: 'missing' });

    h.clock.advance(3600);
    const b = await h.account.startReset('tries@example.jp', META);
    if (!b.ok) throw new Error('not started');
    const code = await h.lastCode('tries@example.jp');
    for (let i = 0; i < 4; i++) await h.account.verifyReset(b.token, wrongCodeFor(code), META);
    const pasted = ` ${code.slice(0, 3)}－${code.slice(3)} `.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(await h.account.verifyReset(b.token, pasted, META)).toEqual({ ok: true });
  });

  it('parallel wrong codes cannot get past five', async () => {
    const h = accountHarness(database);
    await h.createUser('parallel@example.jp');
    const a = await h.account.startReset('parallel@example.jp', META);
    if (!a.ok) throw new Error('not started');
    const right = await h.lastCode('parallel@example.jp');
    const wrongs = Array.from({ length: 12 }, (_, i) =>
      String((Number(right) + i + 1) % 1_000_000).padStart(6, '0'),
    );
    const results = await Promise.all(wrongs.map((w) => h.account.verifyReset(a.token, w, META)));
    expect(results.filter((r) => 'triesLeft' in r)).toHaveLength(4);
    expect(results.some((r) => r.ok)).toBe(false);
    expect(await h.db.select().from(accountFlows)).toHaveLength(0);
  });

  it('resend: not within a minute, at most 5 times, every code mailed, earlier codes stay valid', async () => {
    const h = accountHarness(database);
    await h.createUser('resend@example.jp');
    const a = await h.account.startReset('resend@example.jp', META);
    if (!a.ok) throw new Error('not started');
    const first = await h.lastCode('resend@example.jp');
    h.clock.advance(59);
    expect(await h.account.resendReset(a.token, META)).toMatchObject({ ok: false, refused: 'too_soon' });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60);
      expect(await h.account.resendReset(a.token, META)).toEqual({ ok: true });
    }
    h.clock.advance(60);
    expect(await h.account.resendReset(a.token, META)).toMatchObject({ ok: false, refused: 'too_many' });
    expect((await h.mails()).filter((m) => m.template === 'password_reset_code')).toHaveLength(6);
    expect(await storedCodes(h)).toHaveLength(6);
    expect(await h.account.verifyReset(a.token, first, META)).toEqual({ ok: true });
  });

  it('resets for one address are limited, known or not, and so are code mails per IP', async () => {
    const h = accountHarness(database, { perIp: 7 });
    for (let i = 0; i < 5; i++)
      expect((await h.account.startReset('limited@example.jp', META)).ok).toBe(true);
    expect(await h.account.startReset('limited@example.jp', META)).toMatchObject({
      ok: false,
      rateLimited: expect.any(Number),
      value: 'limited@example.jp',
    });
    expect((await h.account.startReset('other1@example.jp', META)).ok).toBe(true);
    expect((await h.account.startReset('other2@example.jp', META)).ok).toBe(true);
    expect(await h.account.startReset('other3@example.jp', META)).toMatchObject({ ok: false });
  });

  // ---------------------------------------------------------------------------------------------
  // e-mail change

  it('an e-mail change: the code goes to the new address; at the right code the address changes, every session ends, the old address is told', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('old.address@example.jp');
    const a = await h.signInAs('old.address@example.jp', PASSWORDS.individual);
    const other = await h.signInAs('old.address@example.jp', PASSWORDS.individual);
    const before = (await h.mails()).length;
    const started = await h.account.startEmailChange(
      a,
      { newEmail: ' ｎｅｗ．ａｄｄｒｅｓｓ＠example.jp ' },
      META,
    );
    if (!started.ok) throw new Error(`not started ${JSON.stringify(started)}`);
    const sent = (await h.mails()).slice(before);
    expect(sent.map((m) => [m.template, m.toAddress])).toEqual([
      ['email_change_code', 'new.address@example.jp'],
    ]);
    expect(sent[0]?.subject).toContain('オンライン手続かわさき');
    const code = await h.lastCode('new.address@example.jp');
    // Until the code, the old address stays the user ID.
    expect((await h.users.findById(id))?.email).toBe('old.address@example.jp');
    expect(await h.account.verifyEmailChange(a, started.token, wrongCodeFor(code), META)).toMatchObject({
      triesLeft: 4,
    });
    // Someone else's session cannot use the flow.
    const stranger = await (async () => {
      await h.createUser('stranger@example.jp');
      return h.signInAs('stranger@example.jp', PASSWORDS.individual);
    })();
    expect(await h.account.verifyEmailChange(stranger, started.token, code, META)).toEqual({
      ok: false,
      problem: 'missing',
    });
    const done = await h.account.verifyEmailChange(a, started.token, code, META);
    if (!done.ok || !done.sessionId) throw new Error(`not changed ${JSON.stringify(done)}`);
    expect(await h.users.findById(id)).toMatchObject({
      email: 'new.address@example.jp',
      emailKey: 'new.address@example.jp',
    });
    // A new session id; the old one and the other device are signed out; the sign-in time is kept.
    expect(await sessionStatus(h, a.sessionId)).toBe('none');
    expect(await sessionStatus(h, other.sessionId)).toBe('none');
    expect((await h.actorFor(done.sessionId)).signedInAt).toEqual(a.signedInAt);
    const mails = await h.mails();
    const oldNotice = mails.find((m) => m.template === 'email_changed_old');
    expect(oldNotice?.toAddress).toBe('old.address@example.jp');
    expect(oldNotice?.body).toContain('ne***@example.jp');
    expect(oldNotice?.body).not.toContain('new.address@example.jp');
    expect(oldNotice?.body).toContain('心当たりがない場合');
    expect(oldNotice?.body).toContain('http://localhost:3000/password-reset');
    expect(mails.find((m) => m.template === 'email_changed_new')?.toAddress).toBe('new.address@example.jp');
    // The code mails are gone with the codes; a reload of the code step answers "done".
    expect(mails.filter((m) => m.template === 'email_change_code')).toHaveLength(0);
    expect(await storedCodes(h)).toHaveLength(0);
    const again = await h.actorFor(done.sessionId);
    expect(await h.account.verifyEmailChange(again, started.token, code, META)).toEqual({
      ok: true,
      sessionId: null,
    });
    expect((await h.signIn.signIn('new.address@example.jp', PASSWORDS.individual, META)).ok).toBe(true);
    expect((await h.signIn.signIn('old.address@example.jp', PASSWORDS.individual, META)).ok).toBe(false);
  });

  it('an e-mail change to an address in use: the same answer, no code, its owner told, and no code works', async () => {
    const h = accountHarness(database);
    await h.createUser('owner@example.jp', 'business');
    const moverId = await h.createUser('mover@example.jp');
    const a = await h.signInAs('mover@example.jp', PASSWORDS.individual);
    const started = await h.account.startEmailChange(a, { newEmail: 'OWNER@example.jp' }, META);
    expect(started).toEqual({ ok: true, token: expect.any(String) });
    const token = started.ok ? started.token : '';
    const notice = (await h.mails()).filter((m) => m.template === 'email_change_attempt_existing');
    expect(notice.map((m) => m.toAddress)).toEqual(['owner@example.jp']);
    expect(notice[0]?.body).toContain('すでに利用者IDとして登録されています');
    expect(notice[0]?.body).not.toMatch(/\d{6}/);
    expect(notice[0]?.body).not.toContain('mover');
    expect(await storedCodes(h)).toHaveLength(0);
    h.clock.advance(61);
    const mailsBefore = (await h.mails()).length;
    expect(await h.account.resendEmailChange(a, token, META)).toEqual({ ok: true });
    expect(await h.mails()).toHaveLength(mailsBefore);
    for (let left = 4; left >= 1; left--)
      expect(await h.account.verifyEmailChange(a, token, '123456', META)).toMatchObject({ triesLeft: left });
    expect(await h.account.verifyEmailChange(a, token, '654321', META)).toEqual({
      ok: false,
      problem: 'exhausted',
    });
    expect((await h.users.findById(moverId))?.email).toBe('mover@example.jp');
  });

  it('an address that is already the user’s own is refused as such; a broken one names the rule', async () => {
    const h = accountHarness(database);
    await h.createUser('mine@example.jp');
    const a = await h.signInAs('mine@example.jp', PASSWORDS.individual);
    expect(await h.account.startEmailChange(a, { newEmail: 'MINE@example.jp' }, META)).toMatchObject({
      ok: false,
      errors: [{ field: 'newEmail', code: 'same_as_current' }],
    });
    expect(await h.account.startEmailChange(a, { newEmail: 'a..b@example.jp' }, META)).toMatchObject({
      ok: false,
      errors: [{ field: 'newEmail', code: 'consecutive_dots' }],
      value: 'a..b@example.jp',
    });
    expect(await h.db.select().from(accountFlows)).toHaveLength(0);
  });

  it('two users racing for one new address: the unique index lets one win', async () => {
    const h = accountHarness(database);
    await h.createUser('first@example.jp');
    await h.createUser('second@example.jp');
    const a = await h.signInAs('first@example.jp', PASSWORDS.individual);
    const b = await h.signInAs('second@example.jp', PASSWORDS.individual);
    const sa = await h.account.startEmailChange(a, { newEmail: 'wanted@example.jp' }, META);
    const sb = await h.account.startEmailChange(b, { newEmail: 'wanted@example.jp' }, META);
    if (!sa.ok || !sb.ok) throw new Error('not started');
    const codeMails = (await h.mails()).filter((m) => m.template === 'email_change_code');
    const codeOf = (i: number) => codeMails[i]?.body.match(/認証コード：(\d{6})/)?.[1] ?? '';
    const results = await Promise.all([
      h.account.verifyEmailChange(a, sa.token, codeOf(0), META),
      h.account.verifyEmailChange(b, sb.token, codeOf(1), META),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: 'email_taken' }]);
    expect(await h.db.select().from(users).where(eq(users.emailKey, 'wanted@example.jp'))).toHaveLength(1);
    expect(await h.db.select().from(accountFlows).where(eq(accountFlows.state, 'code_sent'))).toHaveLength(0);
  });

  it('a registration that completes first takes the address; the change is refused at the code', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('changer@example.jp');
    const a = await h.signInAs('changer@example.jp', PASSWORDS.individual);
    const started = await h.account.startEmailChange(a, { newEmail: 'contested@example.jp' }, META);
    if (!started.ok) throw new Error('not started');
    const code = await h.lastCode('contested@example.jp');
    await h.createUser('contested@example.jp', 'business');
    expect(await h.account.verifyEmailChange(a, started.token, code, META)).toEqual({
      ok: false,
      problem: 'email_taken',
    });
    expect((await h.users.findById(id))?.email).toBe('changer@example.jp');
    expect(await sessionStatus(h, a.sessionId)).toBe('signed_in');
  });

  it('a sign-in older than 15 minutes asks for the password before an e-mail change; a wrong one counts as a failure', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('reauth@example.jp');
    let a = await h.signInAs('reauth@example.jp', PASSWORDS.individual);
    h.clock.advance(15 * 60);
    a = await h.actorFor(a.sessionId);
    expect(h.account.needsReauth(a.signedInAt)).toBe(false);
    expect((await h.account.startEmailChange(a, { newEmail: 'fresh@example.jp' }, META)).ok).toBe(true);
    h.clock.advance(1);
    a = await h.actorFor(a.sessionId);
    expect(h.account.needsReauth(a.signedInAt)).toBe(true);
    expect(await h.account.startEmailChange(a, { newEmail: 'stale@example.jp' }, META)).toEqual({
      ok: false,
      errors: [{ field: 'password', code: 'required' }],
      value: 'stale@example.jp',
      reauth: true,
    });
    expect(
      await h.account.startEmailChange(a, { newEmail: 'stale@example.jp', password: 'Wrong#pass1' }, META),
    ).toMatchObject({ ok: false, errors: [{ field: 'password', code: 'wrong' }] });
    const [row] = await h.db.select().from(users).where(eq(users.id, id));
    expect(row?.failedSignIns).toBe(1);
    expect(
      (
        await h.account.startEmailChange(
          a,
          { newEmail: 'stale@example.jp', password: PASSWORDS.individual },
          META,
        )
      ).ok,
    ).toBe(true);
    // One e-mail change at a time: the newer replaced the older.
    expect(await h.db.select().from(accountFlows)).toHaveLength(1);
  });

  // ---------------------------------------------------------------------------------------------
  // password change

  it('a password change checks the current password and the rule, ends the other sessions, renews this one and mails a notice', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('change@example.jp', 'business');
    const a = await h.signInAs('change@example.jp', PASSWORDS.business);
    const other = await h.signInAs('change@example.jp', PASSWORDS.business);
    const good = { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD };
    expect(await h.account.changePassword(a, { ...good, currentPassword: 'Wrong#pass1' }, META)).toEqual({
      ok: false,
      errors: [{ field: 'currentPassword', code: 'wrong' }],
    });
    expect(await h.account.changePassword(a, { ...good }, META)).toEqual({
      ok: false,
      errors: [{ field: 'currentPassword', code: 'required' }],
    });
    expect(
      await h.account.changePassword(
        a,
        { currentPassword: PASSWORDS.business, newPassword: 'Kawasaki#2027', newPasswordConfirm: 'x' },
        META,
      ),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'newPassword', code: 'contains_service_name' },
        { field: 'newPasswordConfirm', code: 'confirm_mismatch' },
      ],
    });
    expect(
      await h.account.changePassword(
        a,
        {
          currentPassword: PASSWORDS.business,
          newPassword: PASSWORDS.business,
          newPasswordConfirm: PASSWORDS.business,
        },
        META,
      ),
    ).toEqual({ ok: false, errors: [{ field: 'newPassword', code: 'same_as_current' }] });
    const done = await h.account.changePassword(a, { ...good, currentPassword: PASSWORDS.business }, META);
    if (!done.ok) throw new Error('not changed');
    expect(done.sessionId).not.toBe(a.sessionId);
    expect(await sessionStatus(h, a.sessionId)).toBe('none');
    expect(await sessionStatus(h, other.sessionId)).toBe('none');
    expect(await sessionStatus(h, done.sessionId)).toBe('signed_in');
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(1);
    const notice = (await h.mails()).filter((m) => m.template === 'password_changed');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.toAddress).toBe('change@example.jp');
    expect(notice[0]?.body).toContain('パスワードを変更しました');
    expect((await h.signIn.signIn('change@example.jp', NEW_PASSWORD, META)).ok).toBe(true);
    expect((await h.signIn.signIn('change@example.jp', PASSWORDS.business, META)).ok).toBe(false);
  });

  it('wrong current passwords count like failed sign-ins and hold the account after 5', async () => {
    const h = accountHarness(database);
    await h.createUser('guess@example.jp');
    const a = await h.signInAs('guess@example.jp', PASSWORDS.individual);
    const form = { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD };
    for (let i = 0; i < 5; i++)
      await h.account.changePassword(a, { ...form, currentPassword: `Wrong#${i}pass` }, META);
    expect(
      await h.account.changePassword(a, { ...form, currentPassword: PASSWORDS.individual }, META),
    ).toEqual({
      ok: false,
      errors: [{ field: 'currentPassword', code: 'held' }],
    });
    expect((await h.mails()).filter((m) => m.template === 'sign_in_locked')).toHaveLength(1);
  });

  // ---------------------------------------------------------------------------------------------
  // 利用者情報の変更

  it('利用者情報の変更: the registration’s validation, nothing saved before 変更する, the pending edit bound to the session', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('profile@example.jp');
    const a = await h.signInAs('profile@example.jp', PASSWORDS.individual);
    const user = (await h.users.findById(id))!;
    expect(user.profileValues).toMatchObject({ familyName: '川崎', phone: '0442002111', notify: 'yes' });
    const bad = h.account.reviewProfile(a, {
      ...user.profileValues,
      familyNameKana: 'かわさき',
      cityAddress: '',
      birthYear: '2099',
    });
    if (bad.ok) throw new Error('expected errors');
    expect(bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'cityAddress:required',
      'birthYear:date_future',
    ]);
    expect(bad.values.familyNameKana).toBe('カワサキ');
    const good = h.account.reviewProfile(a, {
      ...user.profileValues,
      cityAddress: '川崎市中原区小杉町3丁目',
      phone: '０９０－１２３４－５６７８',
      notify: 'no',
      password: 'ignored',
    });
    if (!good.ok) throw new Error(`expected ok ${JSON.stringify(good)}`);
    expect(good.values).toMatchObject({
      phone: '09012345678',
      notify: 'no',
      cityAddress: '川崎市中原区小杉町3丁目',
    });
    expect(good.values).not.toHaveProperty('password');
    expect((await h.users.findById(id))?.profileValues.cityAddress).toBe('川崎市川崎区宮本町1番地');
    // Bound to this session: another session, an altered value or an old one is refused.
    const other = await h.signInAs('profile@example.jp', PASSWORDS.individual);
    expect(h.account.pendingProfile(a, good.pending)).toEqual(good.values);
    expect(h.account.pendingProfile(other, good.pending)).toBeNull();
    const altered = good.pending.slice(0, -4) + (good.pending.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await h.account.applyProfile(a, altered, META)).toEqual({ ok: false, problem: 'missing' });
    expect(await h.account.applyProfile(a, good.pending, META)).toEqual({ ok: true });
    expect(await h.users.findById(id)).toMatchObject({
      notify: false,
      profileValues: { cityAddress: '川崎市中原区小杉町3丁目', phone: '09012345678', familyName: '川崎' },
    });
    const stale = h.account.reviewProfile(a, { ...user.profileValues });
    if (!stale.ok) throw new Error('expected ok');
    h.clock.advance(30 * 60 + 1);
    expect(await h.account.applyProfile(a, stale.pending, META)).toEqual({ ok: false, problem: 'missing' });
  });

  it('利用者情報の変更 for a business writes its own fields and keeps the kind', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('biz@example.jp', 'business');
    const a = await h.signInAs('biz@example.jp', PASSWORDS.business);
    const form = { ...BUSINESS_FORM, orgName: '株式会社かわさき物産', building: '', department: '' };
    const bad = h.account.reviewProfile(a, form);
    expect(bad.ok ? [] : bad.errors).toEqual([{ field: 'department', code: 'required' }]);
    const good = h.account.reviewProfile(a, { ...form, department: '経理部' });
    if (!good.ok) throw new Error('expected ok');
    expect(await h.account.applyProfile(a, good.pending, META)).toEqual({ ok: true });
    const [row] = await h.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      kind: 'business',
      orgName: '株式会社かわさき物産',
      building: null,
      department: '経理部',
      familyName: null,
      gender: null,
    });
    // The header name follows.
    expect((await h.actorFor(a.sessionId)).user.displayName).toBe('株式会社かわさき物産');
  });

  // ---------------------------------------------------------------------------------------------
  // 退会

  it('退会 deletes the user row and their personal data, ends every session, sends a final mail; the address can register again', async () => {
    const h = accountHarness(database);
    const id = await h.createUser('leaving@example.jp', 'business');
    await h.createUser('staying@example.jp');
    const a = await h.signInAs('leaving@example.jp', PASSWORDS.business);
    const other = await h.signInAs('leaving@example.jp', PASSWORDS.business);
    // Pending flows and mails of the person, to see them go too.
    expect((await h.account.startEmailChange(a, { newEmail: 'leaving.next@example.jp' }, META)).ok).toBe(
      true,
    );
    expect((await h.account.startReset('leaving@example.jp', META)).ok).toBe(true);
    expect(await h.account.deleteAccount(a, { password: 'Wrong#pass1' }, META)).toEqual({
      ok: false,
      errors: [{ field: 'password', code: 'wrong' }],
    });
    expect(await h.account.deleteAccount(a, {}, META)).toEqual({
      ok: false,
      errors: [{ field: 'password', code: 'required' }],
    });
    expect(await h.account.deleteAccount(a, { password: PASSWORDS.business }, META)).toEqual({ ok: true });
    expect(await h.db.select().from(users).where(eq(users.id, id))).toHaveLength(0);
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect(await sessionStatus(h, other.sessionId)).toBe('none');
    expect(await h.db.select().from(accountFlows)).toHaveLength(0);
    expect(await h.db.select().from(registrations).where(eq(registrations.userId, id))).toHaveLength(0);
    // Nothing typed by the person is left, except the address on the final mail that is on its way.
    for (const needle of [
      BUSINESS_FORM.orgName,
      '川崎フロンティアビル',
      '幸 花子',
      'leaving.next@example.jp',
    ])
      expect(await tablesContaining(database, needle)).toEqual([]);
    expect(await tablesContaining(database, 'leaving@example.jp')).toEqual(['mail_outbox']);
    const last = await h.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, 'leaving@example.jp')));
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ template: 'account_deleted', userId: null });
    expect(last[0]?.subject).toBe('【オンライン手続かわさき】退会手続完了のお知らせ');
    expect(last[0]?.body).toContain('退会手続が完了しました');
    // The other user is untouched; the address registers again as a new user.
    expect(await h.users.findByEmailKey('staying@example.jp')).not.toBeNull();
    const again = await h.createUser('leaving@example.jp');
    expect(again).not.toBe(id);
    expect((await h.signIn.signIn('leaving@example.jp', PASSWORDS.individual, META)).ok).toBe(true);
  });

  it('退会 without JavaScript: the ticket of the password check is short-lived and bound to the session', async () => {
    const h = accountHarness(database);
    await h.createUser('ticket@example.jp');
    const a = await h.signInAs('ticket@example.jp', PASSWORDS.individual);
    const other = await h.signInAs('ticket@example.jp', PASSWORDS.individual);
    expect(await h.account.checkDeletion(a, 'Wrong#pass1')).toEqual({
      ok: false,
      errors: [{ field: 'password', code: 'wrong' }],
    });
    const checked = await h.account.checkDeletion(a, PASSWORDS.individual);
    if (!checked.ok) throw new Error('not checked');
    expect(h.account.deletionTicketValid(a, checked.ticket)).toBe(true);
    expect(h.account.deletionTicketValid(other, checked.ticket)).toBe(false);
    h.clock.advance(301);
    expect(h.account.deletionTicketValid(a, checked.ticket)).toBe(false);
    expect(await h.account.deleteAccount(a, { ticket: checked.ticket }, META)).toMatchObject({ ok: false });
    const fresh = await h.account.checkDeletion(a, PASSWORDS.individual);
    if (!fresh.ok) throw new Error('not checked');
    expect(await h.account.deleteAccount(a, { ticket: fresh.ticket }, META)).toEqual({ ok: true });
    expect(await h.db.select().from(users)).toHaveLength(0);
  });

  // ---------------------------------------------------------------------------------------------
  // mails and sweep

  it('every account mail is Japanese, names the service and never contains a password', async () => {
    const h = accountHarness(database);
    // Mails are collected after each step, since later steps (退会) delete the earlier ones.
    const seen = new Map<number, { template: string; subject: string; body: string }>();
    const collect = async () => {
      for (const m of await h.mails()) seen.set(m.id, m);
    };
    await h.createUser('mails@example.jp');
    const typed = [PASSWORDS.individual, NEW_PASSWORD, 'Wrong#0pass', 'Third#Pass2028'];
    for (let i = 0; i < 5; i++) await h.signIn.signIn('mails@example.jp', 'Wrong#0pass', META);
    h.clock.advance(15 * 60);
    let a = await h.signInAs('mails@example.jp', PASSWORDS.individual);
    const change = await h.account.changePassword(
      a,
      { currentPassword: PASSWORDS.individual, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      META,
    );
    if (!change.ok) throw new Error(`no change ${JSON.stringify(change)}`);
    a = await h.actorFor(change.sessionId);
    const started = await h.account.startEmailChange(a, { newEmail: 'mails2@example.jp' }, META);
    if (!started.ok) throw new Error('not started');
    await collect();
    const done = await h.account.verifyEmailChange(
      a,
      started.token,
      await h.lastCode('mails2@example.jp'),
      META,
    );
    if (!done.ok || !done.sessionId) throw new Error('not changed');
    const reset = await h.account.startReset('mails2@example.jp', META);
    if (!reset.ok) throw new Error('no reset');
    await collect();
    await h.account.verifyReset(reset.token, await h.lastCode('mails2@example.jp'), META);
    const third = typed[3] ?? '';
    const resetDone = await h.account.completeReset(
      reset.token,
      { newPassword: third, newPasswordConfirm: third },
      META,
    );
    if (!resetDone.ok || !resetDone.sessionId) throw new Error('not reset');
    await collect();
    a = await h.actorFor(resetDone.sessionId);
    expect((await h.account.deleteAccount(a, { password: third }, META)).ok).toBe(true);
    await collect();
    const mails = [...seen.values()];
    expect(new Set(mails.map((m) => m.template))).toEqual(
      new Set([
        'registration_code',
        'registration_complete',
        'sign_in_locked',
        'password_changed',
        'email_change_code',
        'email_changed_old',
        'email_changed_new',
        'password_reset_code',
        'account_deleted',
      ]),
    );
    for (const m of mails) {
      expect(m.subject).toMatch(/^【オンライン手続かわさき】/);
      expect(m.body).toContain('オンライン手続かわさき');
      expect(m.body).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      for (const p of typed) expect(m.body).not.toContain(p);
    }
  });

  it('the sweep deletes expired account flows with their codes and code mails', async () => {
    const h = accountHarness(database);
    await h.createUser('sweep@example.jp');
    const a = await h.signInAs('sweep@example.jp', PASSWORDS.individual);
    expect((await h.account.startEmailChange(a, { newEmail: 'sweep.new@example.jp' }, META)).ok).toBe(true);
    expect((await h.account.startReset('sweep@example.jp', META)).ok).toBe(true);
    h.clock.advance(1799);
    expect(await h.account.sweepExpired()).toBe(0);
    h.clock.advance(1);
    expect(await h.account.sweepExpired()).toBe(2);
    expect(await storedCodes(h)).toHaveLength(0);
    expect(await tablesContaining(database, 'sweep.new@example.jp')).toEqual([]);
    expect((await h.mails()).filter((m) => m.accountFlowId !== null)).toHaveLength(0);
  });
});
