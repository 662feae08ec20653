/**
 * Notices on each database, with an injected clock: who sees them (schedule, audience, withdrawal),
 * who gets them by mail (important → everybody of the target; normal → opted-in and active only),
 * and the batched sending: resumable after a crash, never twice per person, with concurrent workers.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { StaffMember } from '../../src/app/staff/staff.js';
import type { NoticeMailTemplates } from '../../src/app/notices/ports.js';
import { IMPORTANT_NOTICES_KEPT_MS } from '../../src/app/notices/notices.js';
import { outboxStore } from '../../src/db/shared/outbox.js';
import { auditLog, mailOutbox, noticeDeliveries, notices } from '../../src/db/schema/index.js';
import { japaneseNoticeMailTemplates } from '../../src/mail/templates/ja/notices.js';
import { STAFF_META, backOfficeHarness, insertUser } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';

const NOTICE = {
  title: '年末年始の窓口について',
  body: '12月29日から1月3日まで、窓口はお休みです。\n\nオンラインの手続は、この期間もご利用いただけます。',
  importance: 'normal',
  audience: 'all',
  publishFrom: '',
  publishUntil: '',
};

describe.each(databaseFactories())('notices on $name', (factory) => {
  const database = useFreshDatabase(factory);

  async function setup(options: { batchSize?: number } = {}) {
    const h = backOfficeHarness(database, options);
    const { member } = await h.enrol('operator@city.example.jp', 'operator');
    return { h, member };
  }

  async function create(
    h: ReturnType<typeof backOfficeHarness>,
    member: StaffMember,
    fields: Partial<typeof NOTICE>,
  ): Promise<string> {
    const r = await h.notices.create(member, { ...NOTICE, ...fields }, STAFF_META);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.id;
  }

  /** Five residents: every combination that matters for who gets mail. */
  async function residents(now: Date) {
    return {
      optedIn: await insertUser(database, { email: 'a-optedin@example.jp', notify: true }, now),
      optedOut: await insertUser(database, { email: 'b-optedout@example.jp', notify: false }, now),
      suspended: await insertUser(
        database,
        { email: 'c-suspended@example.jp', notify: true, status: 'suspended' },
        now,
      ),
      bizIn: await insertUser(database, { email: 'd-bizin@example.jp', kind: 'business', notify: true }, now),
      bizOut: await insertUser(
        database,
        { email: 'e-bizout@example.jp', kind: 'business', notify: false },
        now,
      ),
    };
  }

  async function mailedTo(noticeId: string): Promise<string[]> {
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.noticeId, noticeId));
    return rows.map((r) => r.toAddress).sort();
  }

  it('validates the form: 件名 and 本文 required, dates in Japan time, the end after the start', async () => {
    const { h, member } = await setup();
    const bad = await h.notices.create(
      member,
      { title: ' ', body: '', importance: 'x', audience: '', publishFrom: '2026-13-01', publishUntil: '' },
      STAFF_META,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.field)).toEqual([
        'title',
        'body',
        'importance',
        'audience',
        'publishFrom',
      ]);
    const backwards = await h.notices.create(
      member,
      { ...NOTICE, publishFrom: '2026-12-01 09:00', publishUntil: '2026-11-30 09:00' },
      STAFF_META,
    );
    expect(backwards.ok).toBe(false);
    const id = await create(h, member, {
      publishFrom: '２０２６/１２/０１ ９:００',
      publishUntil: '2026-12-31T17:00',
    });
    const n = await h.notices.get(id);
    expect(n?.publishFrom.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(n?.publishUntil?.toISOString()).toBe('2026-12-31T08:00:00.000Z');
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'notice.created'));
    expect(audit).toMatchObject({ staffId: member.id });
  });

  it('keeps マイページ’s list for a kind a few seconds; a change by staff in this process shows at once', async () => {
    const { h, member } = await setup();
    const titles = (list: { title: string }[]) => list.map((n) => n.title);
    await create(h, member, { title: '最初のお知らせ' });
    expect(titles(await h.notices.forKind('individual'))).toEqual(['最初のお知らせ']);
    // Written behind the use cases' back (as another process would): not seen while the list is kept…
    const [first] = await database.db.select().from(notices);
    await database.db
      .insert(notices)
      .values({ ...first, id: undefined, title: '別のプロセスから', publishFrom: h.clock.now() } as never);
    expect(titles(await h.notices.forKind('individual'))).toEqual(['最初のお知らせ']);
    // …and seen once it is older than the home page's list may be.
    h.clock.advance(IMPORTANT_NOTICES_KEPT_MS / 1000);
    expect(titles(await h.notices.forKind('individual'))).toContain('別のプロセスから');
    // A change made through the use cases clears the kept lists at once.
    await create(h, member, { title: '職員が追加' });
    expect(titles(await h.notices.forKind('individual'))).toContain('職員が追加');
    expect(titles(await h.notices.forKind('business'))).toContain('職員が追加');
  });

  it('shows a notice only in its publication window, to its audience, until it is withdrawn', async () => {
    const { h, member } = await setup();
    const now = h.clock.now();
    const important = await create(h, member, { title: '重要：システム停止', importance: 'important' });
    const scheduled = await create(h, member, {
      title: '来週のお知らせ',
      importance: 'important',
      publishFrom: '2026-11-26 10:00', // tomorrow, JST
    });
    const forBusiness = await create(h, member, { title: '事業者の方へ', audience: 'business' });
    const ending = await create(h, member, { title: 'まもなく終了', publishUntil: '2026-11-25 11:00' });
    const titles = (list: { title: string }[]) => list.map((n) => n.title);
    expect(titles(await h.notices.important())).toEqual(['重要：システム停止']);
    expect(titles(await h.notices.forKind('individual')).sort()).toEqual(
      ['まもなく終了', '重要：システム停止'].sort(),
    );
    expect(titles(await h.notices.forKind('business')).sort()).toEqual(
      ['まもなく終了', '事業者の方へ', '重要：システム停止'].sort(),
    );
    // The page: an important one is public; a normal one needs a signed-in user of its audience.
    expect(await h.notices.view(important, null)).toMatchObject({ ok: true });
    expect(await h.notices.view(forBusiness, null)).toEqual({ ok: false, reason: 'sign_in' });
    expect(await h.notices.view(forBusiness, { kind: 'individual' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await h.notices.view(forBusiness, { kind: 'business' })).toMatchObject({ ok: true });
    expect(await h.notices.view(scheduled, null)).toEqual({ ok: false, reason: 'not_found' });

    h.clock.advance(3600); // 11:00 JST: the ending one is over
    expect(titles(await h.notices.forKind('individual'))).not.toContain('まもなく終了');
    expect(await h.notices.view(ending, { kind: 'individual' })).toEqual({ ok: false, reason: 'not_found' });
    h.clock.advance(24 * 3600); // the scheduled one is out, newest first
    expect(titles(await h.notices.important())).toEqual(['来週のお知らせ', '重要：システム停止']);

    expect(await h.notices.withdraw(member, important, STAFF_META)).toBe(true);
    expect(titles(await h.notices.important())).toEqual(['来週のお知らせ']);
    expect(await h.notices.view(important, null)).toEqual({ ok: false, reason: 'not_found' });
    expect(await h.notices.withdraw(member, important, STAFF_META)).toBe(false);
    expect(now).toBeInstanceOf(Date);
  });

  it('mails an important notice to every user of the target, opted-out and suspended included', async () => {
    const { h, member } = await setup();
    await residents(h.clock.now());
    const all = await create(h, member, { importance: 'important' });
    const business = await create(h, member, { importance: 'important', audience: 'business' });
    expect(await h.notices.startMail(member, all, STAFF_META)).toEqual({ ok: true, total: 5 });
    expect(await h.notices.startMail(member, business, STAFF_META)).toEqual({ ok: true, total: 2 });
    await h.notices.sendBatches();
    expect(await mailedTo(all)).toEqual([
      'a-optedin@example.jp',
      'b-optedout@example.jp',
      'c-suspended@example.jp',
      'd-bizin@example.jp',
      'e-bizout@example.jp',
    ]);
    expect(await mailedTo(business)).toEqual(['d-bizin@example.jp', 'e-bizout@example.jp']);
    const [mail] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.noticeId, all)).limit(1);
    expect(mail?.subject).toBe('【オンライン手続かわさき】【重要】年末年始の窓口について');
    expect(mail?.body).toContain('12月29日から1月3日まで');
    expect(mail?.body).toContain('http://localhost:3000/mypage');
    expect(mail?.body).toContain('希望されていない方にもお送りしています');
    expect(mail?.body).not.toMatch(/<[a-z]/i);
  });

  it('mails a normal notice only to users of the target who chose 希望する and are not suspended', async () => {
    const { h, member } = await setup();
    await residents(h.clock.now());
    const all = await create(h, member, {});
    const individual = await create(h, member, { audience: 'individual' });
    expect(await h.notices.startMail(member, all, STAFF_META)).toEqual({ ok: true, total: 2 });
    expect(await h.notices.startMail(member, individual, STAFF_META)).toEqual({ ok: true, total: 1 });
    // Once per notice: a second start is refused.
    expect(await h.notices.startMail(member, all, STAFF_META)).toEqual({ ok: false, reason: 'already' });
    await h.notices.sendBatches();
    expect(await mailedTo(all)).toEqual(['a-optedin@example.jp', 'd-bizin@example.jp']);
    expect(await mailedTo(individual)).toEqual(['a-optedin@example.jp']);
    const [mail] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.noticeId, all)).limit(1);
    expect(mail?.body).toContain('「希望する」とされた方にお送りしています');
    // Not published (scheduled or withdrawn): nothing is sent.
    const later = await create(h, member, { publishFrom: '2027-01-01 00:00' });
    expect(await h.notices.startMail(member, later, STAFF_META)).toEqual({
      ok: false,
      reason: 'not_published',
    });
  });

  it('resumes after a crash between batches and inside one, mailing each person exactly once', async () => {
    const clock = new TestClock();
    const h = backOfficeHarness(database, { clock, batchSize: 2 });
    const { member } = await h.enrol('operator@city.example.jp', 'operator');
    for (let i = 0; i < 7; i++) await insertUser(database, { email: `user${i}@example.jp` }, clock.now());
    const id = await create(h, member, { importance: 'important' });
    expect(await h.notices.startMail(member, id, STAFF_META)).toEqual({ ok: true, total: 7 });
    // One batch, then the process dies.
    expect(await h.notices.sendBatches(1)).toBe(2);
    expect(await mailedTo(id)).toHaveLength(2);

    // A process that crashes in the middle of a batch (the template throws after one mail is built):
    // its transaction rolls back, so neither deliveries nor mails of that batch remain.
    let calls = 0;
    const crashing: NoticeMailTemplates = {
      ...japaneseNoticeMailTemplates,
      notice(v) {
        if (++calls === 2) throw new Error('killed');
        return japaneseNoticeMailTemplates.notice(v);
      },
    };
    const doomed = backOfficeHarness(database, { clock, batchSize: 2, templates: crashing });
    await expect(doomed.notices.sendBatches(1)).rejects.toThrow('killed');
    expect(await mailedTo(id)).toHaveLength(2);
    expect(await h.db.select().from(noticeDeliveries)).toHaveLength(2);

    // Another process picks it up and finishes.
    const resumed = backOfficeHarness(database, { clock, batchSize: 2 });
    expect(await resumed.notices.sendBatches()).toBe(5);
    const to = await mailedTo(id);
    expect(to).toHaveLength(7);
    expect(new Set(to).size).toBe(7);
    expect((await h.db.select().from(notices).where(eq(notices.id, id)))[0]?.mailStatus).toBe('done');
    expect(await resumed.notices.sendBatches()).toBe(0);
    expect(await mailedTo(id)).toHaveLength(7);
  });

  it('two workers racing on the same notice mail each person once; progress counts what the outbox sent', async () => {
    const clock = new TestClock();
    const a = backOfficeHarness(database, { clock, batchSize: 3 });
    const b = backOfficeHarness(database, { clock, batchSize: 3 });
    const { member } = await a.enrol('operator@city.example.jp', 'operator');
    for (let i = 0; i < 20; i++)
      await insertUser(database, { email: `racer${i}@example.jp`, notify: i % 4 !== 0 }, clock.now());
    const id = await create(a, member, {});
    expect(await a.notices.startMail(member, id, STAFF_META)).toEqual({ ok: true, total: 15 });
    // Someone registers while the mail is going out: not part of this sending (the total is fixed).
    clock.advance(1);
    await insertUser(database, { email: 'latecomer@example.jp' }, clock.now());
    const counts = await Promise.all([
      a.notices.sendBatches(1),
      b.notices.sendBatches(1),
      a.notices.sendBatches(2),
      b.notices.sendBatches(2),
      a.notices.sendBatches(),
      b.notices.sendBatches(),
    ]);
    // A worker that finds the notice locked by the other skips it (SKIP LOCKED) and the timer in
    // every process comes back to it: continue as that timer would until nothing is left.
    let sent = counts.reduce((sum, n) => sum + n, 0);
    for (let round = 0; round < 20 && sent < 15; round++) sent += await a.notices.sendBatches();
    expect(sent).toBe(15);
    expect(await b.notices.sendBatches()).toBe(0);
    const to = await mailedTo(id);
    expect(to).toHaveLength(15);
    expect(new Set(to).size).toBe(15);
    expect(to).not.toContain('latecomer@example.jp');

    expect(await a.notices.progress(id)).toEqual({ sent: 0, queued: 15, failed: 0, total: 15 });
    const outbox = outboxStore(database.db);
    const claimed = await outbox.claim(10, clock.now(), 60);
    for (const m of claimed) await outbox.markSent(m.id, clock.now());
    expect(await a.notices.progress(id)).toMatchObject({ sent: 10, total: 15 });
  });
});
