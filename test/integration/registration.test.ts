/**
 * The registration use cases on each database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
 * set), with an injected clock: expiry, sweep, tries, resend, races, double submit.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, emailCodes, mailOutbox, registrations, users } from '../../src/db/schema/index.js';
import { databaseFactories, useFreshDatabase, type TestDatabase } from '../support/databases.js';
import { BUSINESS_FORM, INDIVIDUAL_FORM, META, harness } from '../support/registration-harness.js';

/** Every text column of every table, searched for a string: proves data is really gone. */
async function tablesContaining(database: TestDatabase, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of ['users', 'registrations', 'email_codes', 'mail_outbox', 'sessions', 'rate_limits']) {
    const r = await database.db.execute(
      sql.raw(`select count(*)::int as n from ${table} t where t::text ilike '%${needle}%'`),
    );
    const n = (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    if (n > 0) found.push(table);
  }
  return found;
}

describe.each(databaseFactories())('registration on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('registers an individual end to end: one user, its completion mail, no personal data left in the flow', async () => {
    const h = harness(database);
    const token = await h.throughProfile('Taro.Kawasaki@example.jp');
    const done = await h.registration.confirm(token, META);
    expect(done).toMatchObject({ ok: true, firstTime: true });
    const [user] = await h.db.select().from(users);
    expect(user).toMatchObject({
      kind: 'individual',
      email: 'Taro.Kawasaki@example.jp',
      emailKey: 'taro.kawasaki@example.jp',
      familyName: '川崎',
      givenNameKana: 'タロウ',
      postalCode: '2108577',
      phone: '0442002111',
      birthDate: '1985-04-01',
      gender: 'unanswered',
      notify: true,
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const mails = await h.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'registration_complete'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('【オンライン手続かわさき】本登録完了のお知らせ');
    expect(mails[0]?.body).toContain('川崎 太郎 様');
    expect(mails[0]?.body).not.toContain(INDIVIDUAL_FORM.password);
    const [flow] = await h.db.select().from(registrations);
    expect(flow).toMatchObject({
      state: 'completed',
      email: null,
      emailKey: null,
      profileValues: null,
      passwordHash: null,
    });
    expect((await h.db.select().from(emailCodes)).flatMap((c) => c.codeHmacs)).toHaveLength(0);
  });

  it('registers a business with its own fields', async () => {
    const h = harness(database);
    const token = await h.throughProfile('info@kawasaki-shoji.co.jp', 'business');
    expect((await h.registration.confirm(token, META)).ok).toBe(true);
    const [user] = await h.db.select().from(users);
    expect(user).toMatchObject({
      kind: 'business',
      orgName: BUSINESS_FORM.orgName,
      representativeName: '川崎 一郎',
      department: '総務部',
      contactName: '幸 花子',
      birthDate: '1990-12-31',
      familyName: null,
      gender: null,
      notify: false,
    });
  });

  it('accepts a full-width address and treats letter case as one user ID', async () => {
    const h = harness(database);
    const token = await h.throughProfile('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
    expect((await h.registration.confirm(token, META)).ok).toBe(true);
    expect((await h.db.select().from(users))[0]?.email).toBe('taro@example.jp');
    // The same address in capitals is the same user ID: no code is sent, a notice goes instead.
    const { token: t2 } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(t2, 'TARO@EXAMPLE.JP', META);
    expect(sent.ok).toBe(true);
    const mails = await h.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'TARO@EXAMPLE.JP'));
    expect(mails.map((m) => m.template)).toEqual(['registration_attempt_existing']);
  });

  it('refuses an invalid address with the rule that was broken, sending nothing', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const result = await h.registration.submitEmail(token, 'taro..yamada@example.jp', META);
    expect(result).toMatchObject({ ok: false, fieldError: { field: 'email', code: 'consecutive_dots' } });
    expect(await h.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('an address that is already a user: same answer, a notice to the owner, no code that could work', async () => {
    const h = harness(database);
    expect((await h.registration.confirm(await h.throughProfile('owner@example.jp'), META)).ok).toBe(true);
    const { token } = await h.registration.begin('business');
    const sent = await h.registration.submitEmail(token, 'owner@example.jp', META);
    expect(sent).toEqual({ ok: true, token: expect.any(String) });
    const notice = (
      await h.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'registration_attempt_existing'))
    )[0];
    expect(notice?.toAddress).toBe('owner@example.jp');
    expect(notice?.body).toContain('すでに利用者IDとして登録されています');
    expect(notice?.body).not.toMatch(/\d{6}/);
    // Every code fails, and the flow ends after 5 tries as for anyone.
    for (let i = 0; i < 4; i++)
      expect(await h.registration.verifyCode(sent.ok ? sent.token : '', '123456', META)).toMatchObject({
        ok: false,
        triesLeft: 4 - i,
      });
    expect(await h.registration.verifyCode(sent.ok ? sent.token : '', '654321', META)).toEqual({
      ok: false,
      problem: 'exhausted',
    });
    expect(await h.db.select().from(users)).toHaveLength(1);
  });

  it('the code stops working after the time limit, and the sweep deletes everything typed for it', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'late@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const code = await h.lastCode('late@example.jp');
    h.clock.advance(1799);
    expect(await h.registration.sweepExpired()).toBe(0);
    expect(await tablesContaining(database, 'late@example.jp')).toEqual(['registrations', 'mail_outbox']);
    h.clock.advance(1);
    expect(await h.registration.sweepExpired()).toBe(1);
    expect(await tablesContaining(database, 'late@example.jp')).toEqual([]);
    expect((await h.db.select().from(emailCodes)).flatMap((c) => c.codeHmacs)).toHaveLength(0);
    expect(await h.registration.verifyCode(sent.token, code, META)).toEqual({
      ok: false,
      problem: 'missing',
    });
    // The audit log keeps only a masked address.
    const audit = await h.db.select().from(auditLog);
    expect(JSON.stringify(audit)).toContain('la***@example.jp');
    expect(JSON.stringify(audit)).not.toContain('late@example.jp');
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('a profile sent after the time limit is refused with "expired" and the flow is deleted', async () => {
    const h = harness(database, { ttlSeconds: 600 });
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'slow@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    expect((await h.registration.verifyCode(sent.token, await h.lastCode('slow@example.jp'), META)).ok).toBe(
      true,
    );
    h.clock.advance(601);
    expect(await h.registration.submitProfile(sent.token, INDIVIDUAL_FORM)).toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(await h.db.select().from(registrations)).toHaveLength(0);
  });

  it('five wrong codes in all end the registration; malformed input is not counted', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'tries@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const right = await h.lastCode('tries@example.jp');
    const wrong = right === '000000' ? '111111' : '000000';
    expect(await h.registration.verifyCode(sent.token, '12ab', META)).toMatchObject({
      ok: false,
      fieldError: { code: 'format' },
    });
    expect(await h.registration.verifyCode(sent.token, '', META)).toMatchObject({
      ok: false,
      fieldError: { code: 'required' },
    });
    for (let left = 4; left >= 1; left--)
      expect(await h.registration.verifyCode(sent.token, wrong, META)).toMatchObject({
        ok: false,
        triesLeft: left,
      });
    expect(await h.registration.verifyCode(sent.token, wrong, META)).toEqual({
      ok: false,
      problem: 'exhausted',
    });
    expect(await h.db.select().from(registrations)).toHaveLength(0);
    expect(await h.registration.verifyCode(sent.token, right, META)).toEqual({
      ok: false,
      problem: 'missing',
    });
  });

  it('the right code on the fifth try still works; paste with spaces, hyphens and full-width digits is accepted', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'fifth@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const right = await h.lastCode('fifth@example.jp');
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) await h.registration.verifyCode(sent.token, wrong, META);
    const typed = ` ${right.slice(0, 3)}－${right.slice(3)} `.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(await h.registration.verifyCode(sent.token, typed, META)).toEqual({ ok: true });
  });

  it('parallel wrong tries cannot get past five', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'parallel@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const right = await h.lastCode('parallel@example.jp');
    const wrongs = Array.from({ length: 12 }, (_, i) =>
      String((Number(right) + i + 1) % 1_000_000).padStart(6, '0'),
    );
    const results = await Promise.all(wrongs.map((w) => h.registration.verifyCode(sent.token, w, META)));
    expect(results.filter((r) => 'triesLeft' in r)).toHaveLength(4);
    expect(results.some((r) => r.ok)).toBe(false);
    expect(await h.db.select().from(registrations)).toHaveLength(0);
  });

  it('resend: not within a minute, at most 5 times, earlier codes stay valid, the 30 minutes restart', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'resend@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const first = await h.lastCode('resend@example.jp');
    h.clock.advance(59);
    expect(await h.registration.resendCode(sent.token, META)).toMatchObject({
      ok: false,
      refused: 'too_soon',
    });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60);
      expect(await h.registration.resendCode(sent.token, META)).toEqual({ ok: true });
    }
    h.clock.advance(60);
    expect(await h.registration.resendCode(sent.token, META)).toMatchObject({
      ok: false,
      refused: 'too_many',
    });
    const codeMails = await h.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'registration_code'));
    expect(codeMails).toHaveLength(6);
    // 28 minutes after the last resend is over 35 minutes after the first code: still within the limit.
    h.clock.advance(28 * 60);
    expect(await h.registration.verifyCode(sent.token, first, META)).toEqual({ ok: true });
  });

  it('two racing resends send one code', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'race-resend@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    h.clock.advance(61);
    const results = await Promise.all([
      h.registration.resendCode(sent.token, META),
      h.registration.resendCode(sent.token, META),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await h.db.select().from(emailCodes)).flatMap((c) => c.codeHmacs)).toHaveLength(2);
  });

  it('a code cannot be used twice, even by two requests at once', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'once@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const code = await h.lastCode('once@example.jp');
    const results = await Promise.all([
      h.registration.verifyCode(sent.token, code, META),
      h.registration.verifyCode(sent.token, code, META),
    ]);
    expect(results.every((r) => r.ok)).toBe(true); // the second sees the flow verified already
    const used = await h.db.select().from(emailCodes);
    expect(used.filter((c) => c.usedAt !== null)).toHaveLength(1);
    // and the step is recorded once, by the request that used the code
    const trail = await h.db.select().from(auditLog).where(eq(auditLog.action, 'registration.code_verified'));
    expect(trail).toHaveLength(1);
  });

  it('Back to screen 3 and the same address again: the same flow, no new mail, the first code still works', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'again@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const code = await h.lastCode('again@example.jp');
    const again = await h.registration.submitEmail(sent.token, 'AGAIN@example.jp', META);
    expect(again).toEqual({ ok: true, token: sent.token });
    expect(await h.db.select().from(mailOutbox)).toHaveLength(1);
    expect(await h.registration.verifyCode(sent.token, code, META)).toEqual({ ok: true });
  });

  it('Back to screen 3 with another address replaces the registration; the old code is gone', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'old@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const other = await h.registration.submitEmail(sent.token, 'new@example.jp', META);
    if (!other.ok) throw new Error('not sent');
    expect(other.token).not.toBe(sent.token);
    expect(await tablesContaining(database, 'old@example.jp')).toEqual([]);
    expect((await h.registration.load(other.token, ['code_sent'])).ok).toBe(true);
  });

  it('別のメールアドレスで登録する deletes the pending registration at once', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('business');
    const sent = await h.registration.submitEmail(token, 'first@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const other = await h.registration.useDifferentAddress(sent.token);
    expect(other.ok).toBe(true);
    expect(await tablesContaining(database, 'first@example.jp')).toEqual([]);
    const [flow] = await h.db.select().from(registrations);
    expect(flow).toMatchObject({ kind: 'business', state: 'started' });
  });

  it('two browsers racing on one address never create two users', async () => {
    const h = harness(database);
    const a = await h.throughProfile('race@example.jp');
    const b = await h.throughProfile('race@example.jp');
    const results = await Promise.all([h.registration.confirm(a, META), h.registration.confirm(b, META)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: 'email_taken' }]);
    const [user] = await h.db.select().from(users);
    expect(await h.db.select().from(users)).toHaveLength(1);
    // Only the registration that created the user is recorded (the other's record rolled back).
    const completed = await h.db.select().from(auditLog).where(eq(auditLog.action, 'registration.completed'));
    expect(completed.map((r) => r.userId)).toEqual([user?.id]);
  });

  it('a double submit of the confirm screen registers once and answers both with the same user', async () => {
    const h = harness(database);
    const token = await h.throughProfile('double@example.jp');
    const [x, y] = await Promise.all([
      h.registration.confirm(token, META),
      h.registration.confirm(token, META),
    ]);
    expect(x.ok && y.ok && x.userId === y.userId).toBe(true);
    expect([x, y].filter((r) => r.ok && r.firstTime)).toHaveLength(1);
    expect(await h.db.select().from(users)).toHaveLength(1);
    expect(
      await h.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'registration_complete')),
    ).toHaveLength(1);
    const completed = await h.db.select().from(auditLog).where(eq(auditLog.action, 'registration.completed'));
    expect(completed.map((r) => r.userId)).toEqual([x.ok ? x.userId : null]);
  });

  it('入力に戻る keeps every value and the password; an empty password then stays the same', async () => {
    const h = harness(database);
    const token = await h.throughProfile('back@example.jp');
    expect(await h.registration.backToProfile(token)).toEqual({ ok: true });
    const loaded = await h.registration.load(token, ['verified']);
    if (!loaded.ok) throw new Error('flow lost');
    expect(loaded.flow.profileValues).toMatchObject({
      familyName: '川崎',
      cityAddress: '川崎市川崎区宮本町1番地',
      phone: '044-200-2111',
    });
    const changed = {
      ...INDIVIDUAL_FORM,
      cityAddress: '川崎市中原区小杉町3丁目',
      password: '',
      passwordConfirm: '',
    };
    expect(await h.registration.submitProfile(token, changed)).toEqual({ ok: true });
    expect((await h.registration.confirm(token, META)).ok).toBe(true);
    const signedIn = await h.signIn.signIn('back@example.jp', INDIVIDUAL_FORM.password, META);
    expect(signedIn.ok).toBe(true);
    expect((await h.db.select().from(users))[0]?.cityAddress).toBe('川崎市中原区小杉町3丁目');
  });

  it('profile errors come back per field with the typed values normalised, nothing saved', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual');
    const sent = await h.registration.submitEmail(token, 'errors@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    await h.registration.verifyCode(sent.token, await h.lastCode('errors@example.jp'), META);
    const result = await h.registration.submitProfile(sent.token, {
      ...INDIVIDUAL_FORM,
      familyNameKana: 'かわさき',
      phone: '０４４－２００－２１１１',
      birthYear: '2099',
      password: 'errors@example.jp',
      passwordConfirm: 'x',
    });
    if (result.ok || !('errors' in result)) throw new Error('expected errors');
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining(['password:same_as_email', 'passwordConfirm:confirm_mismatch']),
    );
    expect(result.errors.some((e) => e.field.startsWith('birth'))).toBe(true);
    expect(result.values).toMatchObject({
      familyNameKana: 'カワサキ',
      phone: '044-200-2111',
      birthYear: '2099',
    });
    const loaded = await h.registration.load(sent.token, ['verified']);
    expect(loaded.ok).toBe(true);
  });

  it('code mails per IP are limited across addresses', async () => {
    const h = harness(database, { perIp: 3 });
    for (let i = 0; i < 3; i++) {
      const { token } = await h.registration.begin('individual');
      expect((await h.registration.submitEmail(token, `ip${i}@example.jp`, META)).ok).toBe(true);
    }
    const { token } = await h.registration.begin('individual');
    expect(await h.registration.submitEmail(token, 'ip4@example.jp', META)).toMatchObject({
      ok: false,
      rateLimited: expect.any(Number),
    });
    h.clock.advance(601);
    expect((await h.registration.submitEmail(token, 'ip4@example.jp', META)).ok).toBe(true);
  });

  it('the audit log refuses changes', async () => {
    const h = harness(database);
    await h.throughProfile('audit@example.jp');
    await expect(h.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(h.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
  });
});

describe.each(databaseFactories())('registration limits and audit on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('code mails to one address are limited whatever the IP, and the counter never holds the address', async () => {
    const h = harness(database);
    let sent = 0;
    for (let i = 0; i < 25; i++) {
      const { token } = await h.registration.begin('individual');
      const r = await h.registration.submitEmail(token, 'victim@example.jp', {
        ip: `198.51.100.${i}`,
        userAgent: 'x',
      });
      if (r.ok) sent++;
      else expect(r).toMatchObject({ rateLimited: expect.any(Number) });
    }
    expect(sent).toBe(18);
    expect(await tablesContaining(database, 'victim')).toEqual(['registrations', 'mail_outbox']);
  });

  it('one IP address may start only so many registrations in 10 minutes', async () => {
    const h = harness(database, { startsPerIp: 3 });
    for (let i = 0; i < 3; i++) expect((await h.registration.start('individual', META, 'ja')).ok).toBe(true);
    expect(await h.registration.start('business', META, 'ja')).toMatchObject({
      ok: false,
      rateLimited: expect.any(Number),
    });
    expect((await h.registration.start('business', { ip: '192.0.2.99', userAgent: 'x' }, 'ja')).ok).toBe(
      true,
    );
    h.clock.advance(601);
    expect((await h.registration.start('business', META, 'en')).ok).toBe(true);
    expect(await h.db.select().from(registrations)).toHaveLength(5);
  });

  it('records registration started, code sent, code failed and registered with IP and user agent, never the code', async () => {
    const h = harness(database);
    const { token } = await h.registration.begin('individual', META);
    const sent = await h.registration.submitEmail(token, 'trail@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    const code = await h.lastCode('trail@example.jp');
    await h.registration.verifyCode(sent.token, code === '000000' ? '111111' : '000000', META);
    await h.registration.verifyCode(sent.token, code, META);
    await h.registration.submitProfile(sent.token, INDIVIDUAL_FORM);
    await h.registration.confirm(sent.token, META);
    const rows = await h.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      'registration.started',
      'registration.code_sent',
      'registration.code_failed',
      'registration.code_verified',
      'registration.completed',
    ]);
    expect(rows.every((r) => r.ip === META.ip && r.userAgent === META.userAgent)).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(code);
    expect(text).not.toContain(INDIVIDUAL_FORM.password);
    expect(text).not.toContain('trail@example.jp');
  });
});
