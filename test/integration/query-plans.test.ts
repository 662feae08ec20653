/**
 * Every statement of the resident flows finds its rows through an index, on each database (PGlite,
 * and PostgreSQL when TEST_DATABASE_URL is set). The real use cases and the real app (its sweep, its
 * mail worker, a few pages) run with a logger on the database that records each statement with its
 * parameters; each one is then EXPLAINed with the same parameters and sequential scans turned off,
 * and any scan of a whole table of ours fails the test, naming the statement and its plan. With
 * sequential scans off the planner takes an index whenever one can serve, so on these small tables
 * a Seq Scan in the plan means that no index can — which at a million users is a slow page, or a
 * sweep or a mail worker that reads everything every few seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { MAX_FAILED_SIGN_INS } from '../../src/app/account/sign-in.js';
import { users } from '../../src/db/schema/index.js';
import { outboxStore } from '../../src/db/shared/outbox.js';
import { PASSWORDS, accountHarness, type AccountHarness } from '../support/account-harness.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import {
  StatementLog,
  foreignKeyStatements,
  planProblems,
  referencingStatement,
  type Statement,
} from '../support/query-plans.js';
import { BUSINESS_FORM, INDIVIDUAL_FORM, META } from '../support/registration-harness.js';
import { fileOf, proceduresHarness } from '../support/procedures-harness.js';

const NEW_PASSWORD = 'Sakura#Bloom2027';
const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe.each(databaseFactories())('query plans on $name', (factory) => {
  const log = new StatementLog();
  let database: TestDatabase | undefined;
  let app: TestApp | undefined;
  let h: AccountHarness;

  beforeAll(async () => {
    database = await factory.open({ logger: log });
    h = accountHarness(database);
    // The timers of the app stay quiet: the test runs the sweep and the mail worker itself.
    app = await startTestApp({
      database,
      clock: h.clock,
      env: { MAIL_POLL_MS: '60000', SWEEP_INTERVAL_SECONDS: '3600' },
    });
  });
  afterAll(async () => {
    if (app) await app.close();
    else await database?.close();
  });

  const db = () => {
    if (!database) throw new Error('the database is not open');
    return database.db;
  };
  /** The newest code mailed to an address: the test's own look-up, not recorded. */
  const codeFor = (to: string) => log.paused(() => h.lastCode(to));

  /** Screens 2–5 through the use cases, as the pages call them; returns the flow token at screen 6. */
  async function throughProfile(email: string, kind: 'individual' | 'business'): Promise<string> {
    const started = await h.registration.start(kind, META, 'ja');
    if (!started.ok) throw new Error('not started');
    const sent = await h.registration.submitEmail(started.token, email, META);
    if (!sent.ok) throw new Error(`not sent: ${JSON.stringify(sent)}`);
    const code = await codeFor(email);
    expect(await h.registration.verifyCode(sent.token, code, META)).toEqual({ ok: true });
    expect(
      await h.registration.submitProfile(sent.token, kind === 'individual' ? INDIVIDUAL_FORM : BUSINESS_FORM),
    ).toEqual({ ok: true });
    return sent.token;
  }

  /** Runs the mail worker until nothing is due. */
  async function sendAllMail(): Promise<void> {
    if (!app) throw new Error('the app is not running');
    while ((await app.mailWorker.runOnce()) > 0);
  }

  it('the resident flows, the sweep and the mail worker use an index for every statement', async () => {
    if (!app) throw new Error('the app is not running');
    log.start();

    // Registration, screen by screen: start (counted per IP), address, a resend, a wrong and a right
    // code, the profile, 入力に戻る, confirm, and a double submit of confirm.
    const started = await h.registration.start('individual', META, 'ja');
    if (!started.ok) throw new Error('not started');
    expect((await h.registration.load(started.token, ['started'])).ok).toBe(true);
    const sent = await h.registration.submitEmail(started.token, 'plan.taro@example.jp', META);
    if (!sent.ok) throw new Error('not sent');
    h.clock.advance(61);
    expect(await h.registration.resendCode(sent.token, META)).toEqual({ ok: true });
    expect(await h.registration.resendCode(sent.token, META)).toMatchObject({ refused: 'too_soon' });
    const code = await codeFor('plan.taro@example.jp');
    expect(await h.registration.verifyCode(sent.token, wrongCodeFor(code), META)).toMatchObject({
      triesLeft: 4,
    });
    expect(await h.registration.verifyCode(sent.token, code, META)).toEqual({ ok: true });
    expect(await h.registration.submitProfile(sent.token, INDIVIDUAL_FORM)).toEqual({ ok: true });
    expect(await h.registration.backToProfile(sent.token)).toEqual({ ok: true });
    expect(await h.registration.submitProfile(sent.token, INDIVIDUAL_FORM)).toEqual({ ok: true });
    const registered = await h.registration.confirm(sent.token, META);
    if (!registered.ok) throw new Error('not registered');
    expect(await h.registration.confirm(sent.token, META)).toMatchObject({ ok: true, firstTime: false });

    // The same address again: a notice to its owner; then 別のメールアドレスで登録する.
    const again = await h.registration.start('business', META, 'ja');
    if (!again.ok) throw new Error('not started');
    const taken = await h.registration.submitEmail(again.token, 'PLAN.TARO@example.jp', META);
    if (!taken.ok) throw new Error('not answered');
    expect((await h.registration.useDifferentAddress(taken.token)).ok).toBe(true);

    // Two browsers on one address: the second confirm finds the address taken.
    const first = await throughProfile('plan.race@example.jp', 'business');
    const second = await throughProfile('plan.race@example.jp', 'business');
    expect((await h.registration.confirm(first, META)).ok).toBe(true);
    expect(await h.registration.confirm(second, META)).toEqual({ ok: false, problem: 'email_taken' });

    // Sign-in: unknown address, a wrong password, the right one; a hold after five failures.
    expect((await h.signIn.signIn('nobody@example.jp', PASSWORDS.individual, META)).ok).toBe(false);
    expect((await h.signIn.signIn('plan.taro@example.jp', 'Wrong#pass1', META)).ok).toBe(false);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await h.signIn.signIn('plan.race@example.jp', `Wrong#${i}pass`, META);
    expect((await h.signIn.signIn('plan.race@example.jp', PASSWORDS.business, META)).ok).toBe(false);
    const signedIn = await h.signIn.signIn('plan.taro@example.jp', PASSWORDS.individual, META);
    if (!signedIn.ok) throw new Error('not signed in');

    // Sessions: start, resolve, the once-a-minute touch, sign-out, and an idle timeout.
    const sessionId = await h.sessions.start(signedIn.userId);
    const actor = await h.actorFor(sessionId);
    h.clock.advance(61);
    expect((await h.sessions.resolve(sessionId)).status).toBe('signed_in');
    const spare = await h.sessions.start(signedIn.userId);
    await h.sessions.end(spare, META);
    expect((await h.sessions.resolve(spare)).status).toBe('none');
    const idle = await h.sessions.start(signedIn.userId);
    h.clock.advance(1801);
    expect((await h.sessions.resolve(idle)).status).toBe('timed_out');
    const me = await h.signInAs('plan.taro@example.jp', PASSWORDS.individual);

    // 利用者情報の変更 and パスワードの変更.
    const review = h.account.reviewProfile(me, {
      ...me.user.profileValues,
      cityAddress: '川崎市中原区小杉町3丁目',
    });
    if (!review.ok) throw new Error('profile refused');
    expect(await h.account.applyProfile(me, review.pending, META)).toEqual({ ok: true });
    const changed = await h.account.changePassword(
      me,
      { currentPassword: PASSWORDS.individual, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      META,
    );
    if (!changed.ok) throw new Error('password not changed');
    const renewed = await h.actorFor(changed.sessionId);
    expect(actor.user.id).toBe(renewed.user.id);

    // メールアドレスの変更: a wrong code, then the right one.
    const change = await h.account.startEmailChange(renewed, { newEmail: 'plan.new@example.jp' }, META);
    if (!change.ok) throw new Error(`change not started ${JSON.stringify(change)}`);
    h.clock.advance(61);
    expect((await h.account.resendEmailChange(renewed, change.token, META)).ok).toBe(true);
    const changeCode = await codeFor('plan.new@example.jp');
    expect(
      await h.account.verifyEmailChange(renewed, change.token, wrongCodeFor(changeCode), META),
    ).toMatchObject({ triesLeft: 4 });
    const moved = await h.account.verifyEmailChange(renewed, change.token, changeCode, META);
    if (!moved.ok || !moved.sessionId) throw new Error('address not changed');

    // パスワードの再設定, for a user and for an address that is no user's.
    expect((await h.account.startReset('nobody@example.jp', META)).ok).toBe(true);
    const reset = await h.account.startReset('plan.race@example.jp', META);
    if (!reset.ok) throw new Error('reset not started');
    expect(await h.account.verifyReset(reset.token, await codeFor('plan.race@example.jp'), META)).toEqual({
      ok: true,
    });
    const resetDone = await h.account.completeReset(
      reset.token,
      { newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      META,
    );
    if (!resetDone.ok || !resetDone.sessionId) throw new Error('not reset');

    // 退会 of a user with a pending e-mail change and a pending reset.
    const leaving = await h.actorFor(resetDone.sessionId);
    expect((await h.account.startEmailChange(leaving, { newEmail: 'plan.next@example.jp' }, META)).ok).toBe(
      true,
    );
    expect((await h.account.startReset('plan.race@example.jp', META)).ok).toBe(true);
    const ticket = await h.account.checkDeletion(leaving, NEW_PASSWORD);
    if (!ticket.ok) throw new Error('deletion refused');
    expect(await h.account.deleteAccount(leaving, { ticket: ticket.ticket }, META)).toEqual({ ok: true });

    // The mail worker: claims and sends; a failed mail is put back and taken again when due; a mail
    // whose worker died is taken again when its lease runs out.
    await sendAllMail();
    const outbox = outboxStore(db());
    await outbox.enqueue(
      { template: 'test', to: 'plan.mail@example.jp', subject: 's', body: 'b' },
      h.clock.now(),
    );
    const [failing] = await outbox.claim(1, h.clock.now(), 120);
    if (!failing) throw new Error('nothing claimed');
    await outbox.markFailed(failing.id, failing.attempts, 'relay down', h.clock.now());
    h.clock.advance(3);
    expect(await outbox.claim(1, h.clock.now(), 120)).toHaveLength(1); // and its worker dies
    h.clock.advance(121);
    await sendAllMail();

    // The notice mail step that every process runs at each poll (no notice is being sent).
    expect(await app.sendNoticeBatches()).toBe(0);

    // Pages that read the database on every request.
    for (const path of ['/', '/readyz', '/dev/mailbox'])
      expect((await fetch(app.url + path)).status).toBe(200);

    // 利用者情報 in the back office: the user, and their audit trail with the actor's and the user's
    // addresses joined.
    const [someone] = await log.paused(() =>
      db().select({ id: users.id }).from(users).orderBy(users.id).limit(1),
    );
    if (!someone) throw new Error('no user');
    const viewer = {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'plan@city.example.jp',
      name: null,
      role: 'operator' as const,
    };
    expect(await app.backOffice.users.view(viewer, someone.id, META)).toMatchObject({
      trail: expect.arrayContaining([
        expect.objectContaining({ userEmail: expect.stringMatching(/\*\*\*@/) }),
      ]),
    });

    // The sweep, with something of each kind to delete: flows, counters, sessions.
    const pending = await h.registration.start('individual', META, 'ja');
    if (!pending.ok) throw new Error('not started');
    expect((await h.registration.submitEmail(pending.token, 'plan.late@example.jp', META)).ok).toBe(true);
    expect((await h.account.startReset('nobody.late@example.jp', META)).ok).toBe(true);
    h.clock.advance(2 * 86400);
    expect(await app.sweep()).toBeGreaterThan(0);
    expect(await app.sweep()).toBe(0);

    log.stop();
    const statements = log.statements;
    // The flows really ran through the statements this test is about.
    const ran = (pattern: RegExp) => statements.some((s) => pattern.test(s.sql));
    expect(ran(/for update skip locked/i)).toBe(true); // the mail claim
    expect(ran(/^update "mail_outbox" set .*"sent_at" = \$\d+ where/i)).toBe(true); // markSent
    expect(ran(/^delete from "registrations"/i)).toBe(true); // the sweep
    expect(ran(/^delete from "rate_limits"/i)).toBe(true);
    expect(ran(/^delete from "staff_sessions"/i)).toBe(true);
    expect(ran(/^insert into "rate_limits".* on conflict/i)).toBe(true); // counting
    expect(await planProblems(db(), statements)).toEqual([]);
  });

  it("the procedures' use cases use an index for every statement", async () => {
    if (!database) throw new Error('the database is not open');
    const p = proceduresHarness(database);
    const staff = p.staff();
    const [me, other] = await log.paused(() => Promise.all([p.resident(), p.resident()]));
    const from = log.statements.length;
    log.start();
    // a resident: the catalogue, a draft page by page with a file, 申請する twice, 申請履歴
    expect((await p.procedures.catalogue({ keyword: 'そだい' })).length).toBeGreaterThan(0);
    const sent = await p.submitted(me, 'resident-certificate-by-mail');
    expect((await p.submitted(me, 'citizen-course-application')).referenceNumber).toHaveLength(8);
    expect(await p.procedures.startDraft(me, 'citizen-course-application')).toMatchObject({ ok: false });
    expect((await p.procedures.submit(me, sent.id)).ok).toBe(true);
    expect((await p.procedures.history(me)).applications.length).toBe(2);
    expect(await p.procedures.detail(me, sent.id, 'ja')).not.toBeNull();
    const draft = await p.procedures.startDraft(other, 'road-park-damage-report');
    if (!draft.ok) throw new Error('not started');
    const photo = await p.procedures.addAttachment(other, draft.applicationId, 'photos', {
      name: 'a.png',
      content: fileOf('png'),
    });
    if (!photo.ok) throw new Error('not attached');
    expect(await p.procedures.download(other, photo.file.id)).not.toBeNull();
    expect(await p.procedures.removeAttachment(other, draft.applicationId, photo.file.id)).toBe(true);
    // staff: 申請一覧 with each filter, the detail, each action, the CSV, 手続管理
    for (const filter of [
      {},
      { procedureId: 'resident-certificate-by-mail' },
      { state: 'submitted' as const },
      { referenceNumber: sent.referenceNumber },
      { submittedFrom: new Date(0), submittedBefore: p.clock.now() },
    ])
      expect((await p.procedures.list(filter)).page).toBe(1);
    expect(await p.procedures.staffDetail(sent.id)).not.toBeNull();
    await p.procedures.start(staff, sent.id);
    await p.procedures.addNote(staff, sent.id, 'メモ');
    await p.procedures.returnForCorrection(staff, sent.id, '修正を', ['purpose']);
    expect((await p.procedures.resubmit(me, sent.id, { purpose: 'other' })).ok).toBe(true);
    await p.procedures.start(staff, sent.id);
    await p.procedures.complete(staff, sent.id, '完了');
    expect(await p.procedures.exportCsv(staff, 'resident-certificate-by-mail')).toContain('受付番号');
    await p.procedures.setAccepting(staff, 'letter-to-mayor', false);
    expect((await p.procedures.procedures()).length).toBe(8);
    expect(await p.procedures.hasOpenApplication(me.userId)).toBe(true);
    // the sweep, with a draft and a closed application to delete
    p.clock.advance(31 * 366 * 86400);
    expect(await p.procedures.sweepExpired()).toBeGreaterThanOrEqual(2);
    log.stop();
    const statements = log.statements.slice(from);
    expect(statements.some((s) => /^delete from "applications"/i.test(s.sql))).toBe(true);
    expect(await planProblems(db(), statements)).toEqual([]);
    // the mails queued here are not the later tests' business
    await log.paused(() => db().execute(sql`update mail_outbox set status = 'sent' where status = 'queued'`));
  });

  it('every foreign key can find the rows that refer to a deleted row through an index', async () => {
    const statements = await foreignKeyStatements(db());
    expect(statements.length).toBeGreaterThanOrEqual(10);
    expect(await planProblems(db(), statements)).toEqual([]);
  });

  it('the check itself fails on a statement that no index serves', async () => {
    const unindexed: Statement = {
      sql: 'select "id" from "mail_outbox" where "to_address" = $1',
      params: ['someone@example.jp'],
    };
    const [seq] = await planProblems(db(), [unindexed]);
    expect(seq).toContain('Seq Scan on mail_outbox');
    expect(seq).toContain(unindexed.sql);
    expect(seq).toContain('someone@example.jp');
    // Walking the primary key in order and filtering every row is no better than a Seq Scan.
    const [walk] = await planProblems(db(), [
      { sql: `${unindexed.sql} order by "id" limit 1`, params: ['someone@example.jp'] },
    ]);
    expect(walk).toMatch(/Index (Only )?Scan( Backward)? on mail_outbox walks all of mail_outbox_pkey/);
    // An index whose first column is not in the condition is read from end to end.
    const [second] = await planProblems(db(), [
      { sql: 'select "id" from "account_flows" where "purpose" = $1', params: ['email_change'] },
    ]);
    expect(second).toContain('reads all of account_flows_user_idx: its condition');
    expect(second).toContain('leaves out its first column user_id');
    // A foreign key on a column without an index would be named too.
    expect(
      await planProblems(db(), [referencingStatement('mail_outbox', 'to_address', 'text', 'c')]),
    ).toHaveLength(1);
    // And an indexed look-up passes.
    expect(
      await planProblems(db(), [
        { sql: 'select "id" from "users" where "email_key" = $1', params: ['a@b.jp'] },
      ]),
    ).toEqual([]);
  });

  it('with many sent mails and many open registrations, the claim, a confirm and the sweep read only their rows', async () => {
    // Tables as production has them after a while (sent mail kept, flows in progress, a backlog for
    // the sweep), with statistics, and the planner left alone: a claim must not walk the sent mail,
    // a confirm must not read other flows' mail, a sweep batch must not read the open flows.
    if (!app) throw new Error('the app is not running');
    const at = h.clock.now().toISOString();
    await log.paused(async () => {
      await db().execute(sql`
        insert into registrations (token_hash, kind, state, email, email_key, created_at, expires_at)
        select 'bulk' || g, 'individual', 'code_sent', 'bulk' || g || '@example.jp', 'bulk' || g || '@example.jp',
               ${at}::timestamptz, ${at}::timestamptz + (case when g <= 2500 then -1 else 30 end) * interval '1 minute'
        from generate_series(1, 30000) g`);
      await db().execute(sql`
        insert into email_codes (purpose, registration_id, code_hmacs, last_sent_at, created_at)
        select 'registration', id, array['hmac'], created_at, created_at from registrations where token_hash like 'bulk%'`);
      await db().execute(sql`
        insert into mail_outbox (registration_id, template, to_address, subject, body, status, attempts, next_attempt_at, created_at, sent_at)
        select id, 'registration_code', email, 's', 'b', 'sent', 1, created_at, created_at, created_at
        from registrations where token_hash like 'bulk%'`);
      await db().execute(sql`
        insert into mail_outbox (template, to_address, subject, body, status, attempts, next_attempt_at, created_at, sent_at)
        select 'notice', 'notice' || g || '@example.jp', 's', 'b', 'sent', 1, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from generate_series(1, 30000) g`);
      for (const table of ['registrations', 'email_codes', 'mail_outbox'])
        await db().execute(sql.raw(`analyze ${table}`));
    });
    const outbox = outboxStore(db());
    await log.paused(() =>
      outbox.enqueue({ template: 'test', to: 'due@example.jp', subject: 's', body: 'b' }, h.clock.now()),
    );
    const from = log.statements.length;
    log.start();
    expect(await outbox.claim(20, h.clock.now(), 120)).toHaveLength(1);
    const token = await throughProfile('plan.scale@example.jp', 'individual');
    expect((await h.registration.confirm(token, META)).ok).toBe(true);
    // 2,500 expired flows: three batches, each with its codes and code mails (cascade).
    expect(await app.sweep()).toBe(2500);
    log.stop();
    const left = await log.paused(() =>
      db().execute(sql`
        select (select count(*)::int from registrations where expires_at <= ${at}::timestamptz) as flows,
               (select count(*)::int from email_codes) as codes,
               (select count(*)::int from mail_outbox where to_address like 'bulk%') as mails`),
    );
    expect((left as unknown as { rows: unknown[] }).rows[0]).toEqual({
      flows: 0,
      codes: 27500,
      mails: 27500,
    });
    const tables = new Set(['registrations', 'email_codes', 'mail_outbox']);
    expect(await planProblems(db(), log.statements.slice(from), { seqscan: true, tables })).toEqual([]);
  });
});
