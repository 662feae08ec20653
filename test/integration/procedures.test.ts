/**
 * Online procedures (issue 13) through the use cases on each database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): idempotent 申請する, every transition with its event and mail,
 * 差し戻し → 再申請, attachments and their limits, the sweep, 退会's check, 申請一覧 and the CSV,
 * 手続管理, and every starter definition walked through every branch to a stored application.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadProcedures } from '../../procedures/index.js';
import { RESIDENT_PASSWORD, insertUser } from '../support/back-office-harness.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';
import { MB, fileOf, proceduresHarness } from '../support/procedures-harness.js';
import { REFERENCE_ALPHABET } from '../../src/domain/procedures/reference-number.js';

const META = { ip: '192.0.2.1', userAgent: 'vitest' };
const DAY = 86400;

describe.each(databaseFactories())('procedures on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('two racing submits make one application, one receipt mail and the same 受付番号', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const started = await h.procedures.startDraft(me, 'city-tax-certificate');
    if (!started.ok) throw new Error('not started');
    const walk = h.walks('city-tax-certificate')[0];
    if (!walk) throw new Error('no walk');
    await h.fill(me, started.applicationId, walk);
    const [a, b] = await Promise.all([
      h.procedures.submit(me, started.applicationId),
      h.procedures.submit(me, started.applicationId),
    ]);
    if (!a.ok || !b.ok) throw new Error(`refused ${JSON.stringify([a, b])}`);
    expect(a.referenceNumber).toBe(b.referenceNumber);
    expect([a.firstTime, b.firstTime].sort()).toEqual([false, true]);
    expect(a.referenceNumber).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{8}$`));
    const rows = await h.applicationRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'submitted', referenceNumber: a.referenceNumber, revision: 1 });
    expect(rows[0]?.version).toMatch(/^[0-9a-f]{64}$/);
    const receipts = (await h.mailsTo(me.email)).filter((m) => m.template === 'application_received');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.subject).toContain('申請を受け付けました');
    expect(receipts[0]?.body).toContain(a.referenceNumber);
    expect(receipts[0]?.body).toContain('川崎'); // the copy of the answers
    expect((await h.events(started.applicationId)).map((e) => e.action)).toEqual(['submit']);
    // and once more, later: the same number, nothing new
    expect(await h.procedures.submit(me, started.applicationId)).toEqual({
      ok: true,
      referenceNumber: a.referenceNumber,
      firstTime: false,
    });
  });

  it('a 受付番号 already taken is drawn again', async () => {
    // the generator gives the same bytes twice, then others
    let calls = 0;
    const h = proceduresHarness(database, {
      procedureRandomBytes: (n) => new Uint8Array(n).fill(calls++ < 2 ? 7 : 9),
    });
    const first = await h.submitted(await h.resident(), 'city-tax-certificate');
    const second = await h.submitted(await h.resident(), 'city-tax-certificate');
    expect(second.referenceNumber).not.toBe(first.referenceNumber);
  });

  it('every transition through the use cases records its event and mails the applicant when visible', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const staff = h.staff();
    const { id } = await h.submitted(me, 'bulky-waste-collection');
    // staff may not complete before starting; a resident may not act as staff
    expect(await h.procedures.complete(staff, id, 'done')).toEqual({ ok: false, problem: 'wrong_state' });
    expect(await h.procedures.start(staff, id)).toEqual({ ok: true, state: 'in_progress' });
    expect(await h.procedures.start(staff, id)).toEqual({ ok: false, problem: 'wrong_state' });
    expect(await h.procedures.withdraw(me, id)).toEqual({ ok: false, problem: 'wrong_state' });
    expect(await h.procedures.addNote(staff, id, '電話で確認済み')).toEqual({ ok: true });
    expect(await h.procedures.addNote(staff, id, '  ')).toEqual({ ok: false, problem: 'reason_required' });
    expect(await h.procedures.complete(staff, id, '12月3日に収集します。')).toEqual({
      ok: true,
      state: 'completed',
    });
    const events = await h.events(id);
    expect(events.map((e) => [e.action, e.fromState, e.toState, e.visibleToApplicant])).toEqual([
      ['submit', 'draft', 'submitted', true],
      ['start', 'submitted', 'in_progress', true],
      ['note', 'in_progress', 'in_progress', false],
      ['complete', 'in_progress', 'completed', true],
    ]);
    expect(events[1]?.staffId).toBe(staff.staffId);
    const mails = (await h.mailsTo(me.email)).map((m) => m.template);
    expect(mails).toEqual(['application_received', 'application_in_progress', 'application_completed']);
    const done = (await h.mailsTo(me.email)).at(-1);
    expect(done?.body).toContain('12月3日に収集します。');
    expect(done?.body).not.toContain('電話で確認済み');
    // the applicant's detail leaves the note out; staff see it
    const mine = await h.procedures.detail(me, id, 'ja');
    expect(mine?.events.map((e) => e.action)).toEqual(['submit', 'start', 'complete']);
    expect((await h.procedures.staffDetail(id))?.events.map((e) => e.action)).toContain('note');
    const [row] = await h.applicationRows();
    expect(row?.closedAt).toEqual(h.clock.now());
    expect(row?.keepUntil?.getUTCFullYear()).toBe(h.clock.now().getUTCFullYear() + 1);

    // 却下する needs a reason
    const other = await h.submitted(me, 'bulky-waste-collection');
    await h.procedures.start(staff, other.id);
    expect(await h.procedures.reject(staff, other.id, ' ')).toEqual({
      ok: false,
      problem: 'reason_required',
    });
    expect(await h.procedures.reject(staff, other.id, '対象外の品目です。')).toEqual({
      ok: true,
      state: 'rejected',
    });
    expect((await h.mailsTo(me.email)).at(-1)?.template).toBe('application_rejected');

    // 取下げる where allowed (送信済), refused where the procedure does not allow it
    const third = await h.submitted(me, 'bulky-waste-collection');
    expect(await h.procedures.withdraw(me, third.id)).toEqual({ ok: true, state: 'withdrawn' });
    expect((await h.mailsTo(me.email)).at(-1)?.template).toBe('application_withdrawn');
    const letter = await h.submitted(me, 'letter-to-mayor');
    expect(await h.procedures.withdraw(me, letter.id)).toEqual({
      ok: false,
      problem: 'withdrawal_not_allowed',
    });
    // someone else's application is not found
    expect(await h.procedures.withdraw(await h.resident(), letter.id)).toEqual({
      ok: false,
      problem: 'not_found',
    });
  });

  it('差し戻し lets the applicant change only the marked fields; 再申請 is revision 2 and staff see what changed', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const staff = h.staff();
    const { id, referenceNumber } = await h.submitted(me, 'city-tax-certificate');
    await h.procedures.start(staff, id);
    expect(await h.procedures.returnForCorrection(staff, id, '用途を具体的に', [])).toEqual({
      ok: false,
      problem: 'fields_required',
    });
    expect(await h.procedures.returnForCorrection(staff, id, '', ['purpose'])).toEqual({
      ok: false,
      problem: 'reason_required',
    });
    expect(await h.procedures.returnForCorrection(staff, id, '用途を具体的に', ['nope'])).toEqual({
      ok: false,
      problem: 'unknown_field',
    });
    expect(await h.procedures.returnForCorrection(staff, id, '用途を具体的に', ['purpose'])).toEqual({
      ok: true,
      state: 'returned',
    });
    const returnedMail = (await h.mailsTo(me.email)).at(-1);
    expect(returnedMail?.template).toBe('application_returned');
    expect(returnedMail?.body).toContain('用途を具体的に');
    const before = (await h.applicationRows())[0]?.answers as Record<string, unknown>;

    // purpose is marked; copies is not: only purpose changes
    const r = await h.procedures.resubmit(me, id, { purpose: '銀行の融資申込みのため', copies: '9' });
    expect(r).toEqual({ ok: true, state: 'submitted', changedFields: ['purpose'] });
    const [row] = await h.applicationRows();
    expect(row).toMatchObject({ state: 'submitted', revision: 2, referenceNumber, markedFields: [] });
    expect(row?.answers.purpose).toBe('銀行の融資申込みのため');
    expect(row?.answers.copies).toBe(before.copies);
    const detail = await h.procedures.staffDetail(id);
    expect(detail?.changes).toEqual([
      { revision: 2, fields: ['purpose'], previous: { purpose: before.purpose } },
    ]);
    const last = (await h.mailsTo(me.email)).at(-1);
    expect(last?.template).toBe('application_received');
    expect(last?.body).toContain('修正された申請');
    // an invalid correction is refused and changes nothing
    await h.procedures.start(staff, id);
    await h.procedures.returnForCorrection(staff, id, '再度', ['purpose']);
    const bad = await h.procedures.resubmit(me, id, { purpose: '' });
    expect(bad).toMatchObject({ ok: false, problem: 'invalid' });
    expect((await h.applicationRows())[0]?.state).toBe('returned');
  });

  it('attachments: checked by content, 10 MB each and 20 MB per application; served to the applicant and staff only', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const damage = await h.procedures.startDraft(me, 'road-park-damage-report');
    if (!damage.ok) throw new Error('not started');
    const png = await h.procedures.addAttachment(me, damage.applicationId, 'photos', {
      name: 'hole.png',
      content: fileOf('png'),
    });
    expect(png).toMatchObject({ ok: true, file: { name: 'hole.png', mediaType: 'image/png', size: 1024 } });
    expect(
      await h.procedures.addAttachment(me, damage.applicationId, 'photos', {
        name: 'renamed.png',
        content: fileOf('text'),
      }),
    ).toEqual({ ok: false, problem: 'file_kind' });
    expect(
      await h.procedures.addAttachment(me, damage.applicationId, 'photos', {
        name: 'big.jpg',
        content: fileOf('jpeg', 10 * MB + 1),
      }),
    ).toEqual({ ok: false, problem: 'file_too_large', maxMb: 10 });
    // a PDF where only photos are accepted
    expect(
      await h.procedures.addAttachment(me, damage.applicationId, 'photos', {
        name: 'x.pdf',
        content: fileOf('pdf'),
      }),
    ).toEqual({ ok: false, problem: 'file_kind' });

    const permit = await h.procedures.startDraft(me, 'outdoor-advertisement-permit');
    if (!permit.ok) throw new Error('not started');
    for (const name of ['a.pdf', 'b.pdf'])
      expect(
        (
          await h.procedures.addAttachment(me, permit.applicationId, 'drawings', {
            name,
            content: fileOf('pdf', 10 * MB),
          })
        ).ok,
      ).toBe(true);
    expect(
      await h.procedures.addAttachment(me, permit.applicationId, 'consent', {
        name: 'c.pdf',
        content: fileOf('pdf', 1024),
      }),
    ).toEqual({ ok: false, problem: 'files_too_large', maxMb: 20 });

    if (!png.ok) throw new Error('no file');
    const mine = await h.procedures.download(me, png.file.id);
    expect(mine?.content.slice(0, 8)).toEqual(fileOf('png').slice(0, 8));
    expect(await h.procedures.download(await h.resident(), png.file.id)).toBeNull();
    expect((await h.procedures.download(h.staff(), png.file.id))?.fileName).toBe('hole.png');
    // deleted with its application
    expect(await h.procedures.deleteDraft(me, damage.applicationId)).toBe(true);
    expect(await h.procedures.download(me, png.file.id)).toBeNull();
  });

  it('a file answer naming no stored file of the application does not count', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const d = await h.procedures.startDraft(me, 'outdoor-advertisement-permit');
    if (!d.ok) throw new Error('not started');
    const forged = [
      { id: '00000000-0000-4000-8000-000000000000', name: 'x.pdf', mediaType: 'application/pdf', size: 1 },
    ];
    const saved = await h.procedures.savePage(me, d.applicationId, 'documents', {
      drawings: forged,
      consent: forged,
    });
    expect(saved).toMatchObject({ ok: true, answers: { drawings: [], consent: [] } });
  });

  it('the sweep deletes drafts 30 days after their last save and closed applications after their 保存年限', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const staff = h.staff();
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    if (!draft.ok) throw new Error('not started');
    const closed = await h.submitted(me, 'bulky-waste-collection'); // 保存年限 1 year
    const open = await h.submitted(me, 'city-tax-certificate');
    await h.procedures.withdraw(me, closed.id);
    h.clock.advance(29 * DAY);
    await h.procedures.savePage(me, draft.applicationId, 'letter', { subject: '公園について' });
    h.clock.advance(29 * DAY);
    await h.sweep();
    expect((await h.applicationRows()).map((r) => r.id).sort()).toEqual(
      [draft.applicationId, closed.id, open.id].sort(),
    );
    h.clock.advance(DAY + 1);
    await h.sweep();
    expect((await h.applicationRows()).map((r) => r.id).sort()).toEqual([closed.id, open.id].sort());
    h.clock.advance(366 * DAY);
    await h.sweep();
    expect((await h.applicationRows()).map((r) => r.id)).toEqual([open.id]);
    expect(await h.procedures.start(staff, open.id)).toMatchObject({ ok: true });
  });

  it('退会 is refused while an application is open; afterwards drafts go with the account and closed ones stay', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const user = await h.stores.users.findById(me.userId);
    if (!user) throw new Error('no user');
    const actor = { user, signedInAt: h.clock.now(), sessionId: 'test-session' };
    const { id } = await h.submitted(me, 'bulky-waste-collection');
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    expect(await h.procedures.hasOpenApplication(me.userId)).toBe(true);
    expect(await h.account.deleteAccount(actor, { password: RESIDENT_PASSWORD }, META)).toEqual({
      ok: false,
      errors: [{ field: 'account', code: 'open_applications' }],
    });
    expect(await h.account.checkDeletion(actor, RESIDENT_PASSWORD)).toMatchObject({ ok: false });
    await h.procedures.withdraw(me, id);
    expect(await h.procedures.hasOpenApplication(me.userId)).toBe(false);
    expect(await h.account.deleteAccount(actor, { password: RESIDENT_PASSWORD }, META)).toEqual({ ok: true });
    const rows = await h.applicationRows();
    expect(rows.map((r) => [r.id, r.userId])).toEqual([[id, null]]);
    expect(draft.ok && rows.some((r) => r.id === draft.applicationId)).toBe(false);
  });

  it('one application per person where the definition says so; a stopped procedure takes no new draft but sends those begun', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const staff = h.staff();
    const first = await h.procedures.startDraft(me, 'citizen-course-application');
    if (!first.ok) throw new Error('not started');
    expect(await h.procedures.startDraft(me, 'citizen-course-application')).toEqual({
      ok: false,
      problem: 'one_per_person',
      existingId: first.applicationId,
    });
    expect((await h.procedures.startDraft(me, 'letter-to-mayor')).ok).toBe(true);
    expect((await h.procedures.startDraft(me, 'letter-to-mayor')).ok).toBe(true);

    const other = await h.resident();
    const begun = await h.procedures.startDraft(other, 'city-tax-certificate');
    if (!begun.ok) throw new Error('not started');
    expect(await h.procedures.setAccepting(staff, 'city-tax-certificate', false)).toBe(true);
    expect((await h.procedures.procedure('city-tax-certificate'))?.open).toBe(false);
    expect(await h.procedures.startDraft(me, 'city-tax-certificate')).toEqual({
      ok: false,
      problem: 'not_accepting',
    });
    const walk = h.walks('city-tax-certificate')[0];
    if (!walk) throw new Error('no walk');
    await h.fill(other, begun.applicationId, walk);
    expect((await h.procedures.submit(other, begun.applicationId)).ok).toBe(true);
    await h.procedures.setAccepting(staff, 'city-tax-certificate', true);
    const admin = await h.procedures.procedures();
    const tax = admin.find((p) => p.definition.id === 'city-tax-certificate');
    expect(tax).toMatchObject({ accepting: true, setting: { changedByStaffId: staff.staffId } });
    expect(tax?.versions.map((v) => v.version)).toEqual([tax?.version]);
  });

  it('申請履歴 lists applications and drafts with their expiry; 申請一覧 filters and pages; the CSV has a BOM and a row per application', async () => {
    const h = proceduresHarness(database);
    const me = await h.resident();
    const staff = h.staff();
    const a = await h.submitted(me, 'city-tax-certificate');
    h.clock.advance(DAY);
    const b = await h.submitted(me, 'letter-to-mayor');
    const draft = await h.procedures.startDraft(me, 'bulky-waste-collection');
    if (!draft.ok) throw new Error('not started');
    await h.procedures.start(staff, b.id);

    const history = await h.procedures.history(me);
    expect(history.applications.map((x) => x.application.referenceNumber)).toEqual([
      b.referenceNumber,
      a.referenceNumber,
    ]);
    expect(history.drafts.map((d) => d.expiresAt)).toEqual([
      new Date(h.clock.now().getTime() + 30 * DAY * 1000),
    ]);

    const all = await h.procedures.list({});
    expect(all).toMatchObject({ page: 1, hasNext: false });
    expect(all.rows).toHaveLength(2);
    expect(
      (await h.procedures.list({ procedureId: 'letter-to-mayor' })).rows.map((r) => r.application.id),
    ).toEqual([b.id]);
    expect((await h.procedures.list({ state: 'submitted' })).rows.map((r) => r.application.id)).toEqual([
      a.id,
    ]);
    const typed = a.referenceNumber.slice(0, 4).toLowerCase() + '-' + a.referenceNumber.slice(4);
    expect((await h.procedures.list({ referenceNumber: typed })).rows.map((r) => r.application.id)).toEqual([
      a.id,
    ]);
    expect((await h.procedures.list({ referenceNumber: 'not a number' })).rows).toEqual([]);
    expect(
      (await h.procedures.list({ submittedFrom: new Date(h.clock.now().getTime() - 3600 * 1000) })).rows.map(
        (r) => r.application.id,
      ),
    ).toEqual([b.id]);

    const csv = await h.procedures.exportCsv(staff, 'city-tax-certificate');
    if (csv === null) throw new Error('no csv');
    expect(csv.startsWith('\uFEFF受付番号,状態,申請日時,版,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith(`${a.referenceNumber},送信済,`)).toBe(true);
  });

  it('申請一覧 names each row by its own applicant: a resident by name, a business by its name', async () => {
    const h = proceduresHarness(database);
    const taro = await h.resident();
    const shoji = {
      userId: await insertUser(
        database,
        { kind: 'business', email: 'soumu@shoji.example.jp' },
        h.clock.now(),
      ),
    };
    for (const who of [taro, shoji, taro]) {
      await h.submitted(who, 'letter-to-mayor');
      h.clock.advance(60);
    }
    const { rows } = await h.procedures.list({});
    expect(rows.map((r) => [r.application.userId, r.applicant])).toEqual(
      [
        [taro.userId, { kind: 'user', label: '川崎 太郎' }],
        [shoji.userId, { kind: 'user', label: '株式会社かわさき商事' }],
        [taro.userId, { kind: 'user', label: '川崎 太郎' }],
      ].reverse(),
    );
  });

  it("an application's history is append-only", async () => {
    const h = proceduresHarness(database);
    const { id } = await h.submitted(await h.resident(), 'city-tax-certificate');
    await expect(h.db.execute(sql`update application_events set message = 'x'`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from application_events`)).rejects.toThrow();
    expect(await h.events(id)).toHaveLength(1);
  });

  describe.each(loadProcedures().map((d) => ({ id: d.id })))('the form of $id', ({ id }) => {
    it('every branch, walked with generated answers through the use cases, ends in a stored, submitted application', async () => {
      const h = proceduresHarness(database);
      const walks = h.walks(id);
      expect(walks.length).toBeGreaterThan(0);
      for (const walk of walks) {
        const me = await h.resident();
        const started = await h.procedures.startDraft(me, id);
        if (!started.ok) throw new Error(`not started: ${started.problem}`);
        expect(await h.fill(me, started.applicationId, walk)).toEqual(walk.pages);
        const sent = await h.procedures.submit(me, started.applicationId);
        expect(sent).toMatchObject({ ok: true, firstTime: true });
        const detail = await h.procedures.detail(me, started.applicationId, 'ja');
        expect(detail?.application.state).toBe('submitted');
        expect(detail?.sections.map((s) => s.page)).toEqual(walk.pages);
      }
    });
  });
});
