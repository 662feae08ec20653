/**
 * The city's side of the online procedures over HTTP on the real app (each database, an injected
 * clock, no browser): 申請一覧 (filters, bad filters, 前へ / 次へ), 申請の詳細 (contact, answers,
 * files, history, メモ, what a 再申請 changed), each action allowed and refused, the reasons and
 * marked fields required with what was typed kept, the CSV (BOM, formula injection), 手続管理
 * (受付を停止する → no new application → 受付を再開する), and a staff session for every page.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications, auditLog } from '../../src/db/schema/index.js';
import { RESIDENT_PASSWORD, backOfficeHarness } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client, type Page, mainText } from '../support/form-client.js';
import { proceduresHarness } from '../support/procedures-harness.js';

const DAY = 86400;

/** The 受付番号 links of 申請一覧, in order. */
const listed = (html: string) =>
  [...html.matchAll(/href="\/admin\/applications\/[0-9a-f-]{36}" class="code-text">([^<]+)</g)].map(
    (m) => m[1],
  );

/** A POST with repeated names (checkboxes), as a browser sends it. */
async function postPairs(base: string, c: Client, path: string, pairs: [string, string][]): Promise<Page> {
  const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams([['_csrf', c.csrf], ...pairs]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe.each(databaseFactories())("the back office's applications on $name", (factory) => {
  // 2026-12-04 01:00 UTC is 10:00 in Japan; later tests run on later days.
  const clock = new TestClock(new Date('2026-12-04T01:00:00Z'));
  const { app, database } = useScreensApp(factory, { clock });

  /** The procedures' use cases, and a signed-in staff member's browser on the real app. */
  async function setUp() {
    const h = proceduresHarness(database, { clock });
    return { h, ...(await staffBrowser()) };
  }

  /** A staff member signed in now (the session ends after 15 idle minutes of the clock). */
  async function staffBrowser() {
    const bo = backOfficeHarness(database, { clock });
    const { member, sessionId } = await bo.enrol(`staff.${randomUUID().slice(0, 8)}@city.example.jp`);
    const staff = new Client(app.url);
    staff.jar.set('staff_sid', sessionId);
    return { member, staff, actor: { staffId: member.id } };
  }

  /** The clock's day in Japan as 20261204, and a time as the CSV writes it. */
  const jst = (d: Date) => new Date(d.getTime() + 9 * 3600 * 1000).toISOString();
  const csvDay = () => jst(clock.now()).slice(0, 10).replace(/-/g, '');
  const csvTime = (d: Date) => jst(d).slice(0, 16).replace('T', ' ');
  const listTime = (d: Date) => jst(d).slice(0, 16).replace('T', ' ').replace(/-/g, '/');
  /** A YYYY-MM-DD day in Japan. */
  const jstDay = (d: Date) => jst(d).slice(0, 10);

  it('every page and action needs a staff session: a visitor or a resident gets 職員ログイン and nothing changes', async () => {
    const { h, staff } = await setUp();
    const me = await h.resident();
    const { id } = await h.submitted(me, 'road-park-damage-report');
    const file = (await h.procedures.staffDetail(id))?.attachments[0];
    if (!file) throw new Error('no attachment');
    const pages = [
      '/admin/applications',
      `/admin/applications/${id}`,
      `/admin/applications/${id}/files/${file.id}`,
      '/admin/procedures',
      '/admin/procedures/road-park-damage-report/applications.csv',
    ];
    const resident = new Client(app.url);
    await resident.signIn(me.email, RESIDENT_PASSWORD);
    for (const c of [new Client(app.url), resident])
      for (const path of pages) {
        const r = await c.get(path);
        expect(r.status, path).toBe(303);
        expect(r.location, path).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
      }
    // the resident's own form token: the POST is refused for want of a staff session
    await resident.get('/mypage');
    for (const path of [
      `/admin/applications/${id}/start`,
      '/admin/procedures/road-park-damage-report/stop',
    ]) {
      const r = await resident.post(path);
      expect(r.status, path).toBe(303);
      expect(r.location, path).toBe('/admin/login');
    }
    const [row] = await h.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.state).toBe('submitted');
    expect((await h.procedures.procedure('road-park-damage-report'))?.accepting).toBe(true);
    // and staff see them all
    for (const path of pages) expect((await staff.get(path)).status, path).toBe(200);
  });

  it('申請一覧: filters by 手続, 状態, 受付番号 as typed and 申請日 in Japan days; bad values are a message; 前へ / 次へ', async () => {
    const h = proceduresHarness(database, { clock });
    const me = await h.resident();
    const tax = await h.submitted(me, 'city-tax-certificate');
    const taxDay = jstDay(clock.now());
    clock.advance(DAY);
    const letter = await h.submitted(me, 'letter-to-mayor');
    const letterAt = clock.now();
    const letterDay = jstDay(letterAt);
    const { staff, actor } = await staffBrowser();
    await h.procedures.start(actor, letter.id);

    const all = await staff.get('/admin/applications');
    expect(all.status).toBe(200);
    expect(all.html).toContain('<h1 class="title">申請一覧</h1>');
    expect(all.html).toContain('href="/admin/applications" class="admin-nav__link" aria-current="page"');
    expect(listed(all.html)).toEqual([letter.referenceNumber, tax.referenceNumber]);
    const text = mainText(all.html);
    expect(text).toContain('川崎 太郎'); // the applicant by name, as 利用者検索 shows them
    expect(text).toContain(listTime(letterAt)); // Japan time
    expect(text).toContain('市税証明書');
    expect(text).toContain('処理中');
    expect(all.html).not.toContain('rel="next"');

    const q = (s: string) => staff.get(`/admin/applications?${s}`);
    expect(listed((await q('procedure=letter-to-mayor')).html)).toEqual([letter.referenceNumber]);
    expect(listed((await q('state=submitted')).html)).toEqual([tax.referenceNumber]);
    const typed = `${tax.referenceNumber.slice(0, 4).toLowerCase()}-${tax.referenceNumber.slice(4)}`;
    expect(listed((await q(`ref=${encodeURIComponent(typed)}`)).html)).toEqual([tax.referenceNumber]);
    expect(listed((await q(`from=${letterDay}`)).html)).toEqual([letter.referenceNumber]);
    expect(listed((await q(`to=${taxDay}`)).html)).toEqual([tax.referenceNumber]);
    expect(listed((await q(`from=${taxDay}&to=${taxDay}`)).html)).toEqual([tax.referenceNumber]);
    const none = await q('state=completed');
    expect(none.status).toBe(200);
    expect(mainText(none.html)).toContain('該当する申請はありません。');
    // a procedure chosen: its CSV is offered
    expect((await q('procedure=letter-to-mayor')).html).toContain(
      'href="/admin/procedures/letter-to-mayor/applications.csv"',
    );
    expect(all.html).not.toContain('applications.csv');

    // bad values: the message next to the field and in the summary, what was typed kept, no list
    for (const [query, field, message] of [
      ['procedure=nope', 'procedure', '手続を一覧から選んでください。'],
      ['state=draft', 'state', '状態を一覧から選んでください。'],
      [
        'ref=%3Cscript%3E',
        'ref',
        '受付番号は、申請の完了画面やメールにある8文字の英数字で入力してください。',
      ],
      ['from=2026-02-30', 'from', '申請日（から）は、2026-12-01 のように正しい日付で入力してください。'],
      ['to=yesterday', 'to', '申請日（まで）は、2026-12-31 のように正しい日付で入力してください。'],
      [
        'from=2026-12-05&to=2026-12-01',
        'to',
        '申請日（まで）は、申請日（から）と同じ日かそれより後の日付にしてください。',
      ],
    ] as const) {
      const r = await q(query);
      expect(r.status, query).toBe(200);
      expect(r.html, query).toContain(`<a href="#${field}">${message}</a>`);
      expect(r.html, query).toContain(`id="${field}-error"`);
      expect(r.html, query).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
      expect(listed(r.html), query).toEqual([]);
    }
    expect((await q('ref=%3Cscript%3E')).html).toContain('value="&lt;script&gt;"');
    // a date input cannot hold what is no date: it is kept in a text input beside its error
    expect((await q('from=2026-02-30')).html).toMatch(/id="from"[^>]*type="text"[^>]*value="2026-02-30"/);
    expect((await q('from=2026-02-03')).html).toMatch(/id="from"[^>]*type="date"[^>]*value="2026-02-03"/);
    expect((await q('page=abc')).status).toBe(200);

    // 前へ / 次へ: 50 a page, read one beyond (51 more applications, newest first)
    const [row] = await h.db.select().from(applications).where(eq(applications.id, tax.id));
    if (!row) throw new Error('no row');
    const { id: _id, ...copy } = row;
    void _id;
    await h.db.insert(applications).values(
      Array.from({ length: 51 }, (_, i) => ({
        ...copy,
        onePerPerson: false,
        referenceNumber: `ZZ${100000 + i}`,
        submittedAt: new Date(clock.now().getTime() + (i + 1) * 1000),
      })),
    );
    const first = await staff.get('/admin/applications?state=submitted');
    expect(listed(first.html)).toHaveLength(50);
    expect(listed(first.html)[0]).toBe('ZZ100050');
    expect(first.html).toContain('href="/admin/applications?state=submitted&amp;page=2" rel="next">次へ');
    expect(first.html).not.toContain('rel="prev"');
    const second = await staff.get('/admin/applications?state=submitted&page=2');
    expect(listed(second.html)).toEqual(['ZZ100000', tax.referenceNumber]);
    expect(second.html).toContain('href="/admin/applications?state=submitted&amp;page=1" rel="prev">前へ');
    expect(second.html).not.toContain('rel="next"');
  });

  it('申請の詳細: the contact, the answers by page, the files as downloads (audited), the full history; unknown ids are 404', async () => {
    const { h, staff } = await setUp();
    const me = await h.resident();
    const { id, referenceNumber } = await h.submitted(me, 'road-park-damage-report');
    const page = await staff.get(`/admin/applications/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1 class="title">申請の詳細</h1>');
    const text = mainText(page.html);
    for (const s of [referenceNumber, '道路・公園の損傷の通報', '送信済', '川崎 太郎', me.email, '電話番号'])
      expect(text).toContain(s);
    // only the actions the state allows: 送信済 → 処理を開始する
    expect(page.html).toContain('処理を開始する');
    expect(page.html).not.toContain('>処理を完了する<');
    expect(page.html).not.toContain('>差し戻す<');
    expect(page.html).toContain('メモを追加する');
    expect(text).toMatch(/申請者 申請 一時保存 → 送信済 — 表示/);

    const detail = await h.procedures.staffDetail(id);
    const file = detail?.attachments[0];
    if (!file) throw new Error('no attachment');
    expect(page.html).toContain(`href="/admin/applications/${id}/files/${file.id}"`);
    const res = await fetch(`${app.url}/admin/applications/${id}/files/${file.id}`, {
      headers: { cookie: `staff_sid=${staff.jar.get('staff_sid') ?? ''}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(file.mediaType);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]+"; filename\*=UTF-8''/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.arrayBuffer()).byteLength).toBe(file.size);
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'application.attachment_downloaded'));
    expect(audits).toHaveLength(1);

    // a file of another application, unknown ids, a draft: no page
    const other = await h.submitted(await h.resident(), 'road-park-damage-report');
    const otherFile = (await h.procedures.staffDetail(other.id))?.attachments[0];
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    if (!draft.ok || !otherFile) throw new Error('setup');
    for (const path of [
      `/admin/applications/${id}/files/${otherFile.id}`,
      `/admin/applications/${id}/files/not-a-uuid`,
      `/admin/applications/${randomUUID()}`,
      '/admin/applications/not-a-uuid',
      `/admin/applications/${draft.applicationId}`,
      `/admin/procedures/nope/applications.csv`,
    ])
      expect((await staff.get(path)).status, path).toBe(404);
  });

  it('処理を開始する → 差し戻す (reason and marked fields required, typed text kept) → 再申請 shows before → after → 処理を完了する; refused actions say so', async () => {
    const { h, staff, member } = await setUp();
    const me = await h.resident();
    const { id } = await h.submitted(me, 'city-tax-certificate');
    const path = `/admin/applications/${id}`;
    await staff.get(path);
    expect(await staff.post(`${path}/start`)).toMatchObject({ status: 303, location: `${path}?done=start` });
    const started = await staff.get(`${path}?done=start`);
    expect(started.html).toContain('処理を開始しました。');
    expect(mainText(started.html)).toContain('送信済 → 処理中');
    expect(mainText(started.html)).toContain(`職員 ${member.email}`);
    // a second 処理を開始する (another tab): the state has moved on
    expect(await staff.post(`${path}/start`)).toMatchObject({ status: 303, location: `${path}?refused=1` });
    expect((await staff.get(`${path}?refused=1`)).html).toContain(
      'この申請の状態が変わったため、操作できませんでした。',
    );

    // 差し戻す without a reason nor a field: both errors, by the field and in the summary
    const empty = await postPairs(app.url, staff, `${path}/return`, [['returnReason', '  ']]);
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<a href="#returnReason">差し戻しの理由を入力してください。</a>');
    expect(empty.html).toMatch(
      /<a href="#returnFields-[\w-]+">修正を求める項目を1つ以上選んでください。<\/a>/,
    );
    expect(empty.html).toContain('id="returnFields-error"');
    const target = empty.html.match(/<a href="#(returnFields-[\w-]+)">/)?.[1];
    expect(empty.html).toContain(`id="${target ?? 'none'}"`);
    // a field but no reason: the field stays ticked
    const noReason = await postPairs(app.url, staff, `${path}/return`, [['fields', 'purpose']]);
    expect(noReason.status).toBe(400);
    expect(noReason.html).toMatch(/id="returnFields-purpose"[^>]*checked/);
    // a reason but no field: the reason stays typed
    const noField = await postPairs(app.url, staff, `${path}/return`, [
      ['returnReason', '用途を具体的に<b>'],
    ]);
    expect(noField.status).toBe(400);
    expect(noField.html).toContain('用途を具体的に&lt;b&gt;</textarea>');
    expect((await h.db.select().from(applications).where(eq(applications.id, id)))[0]?.state).toBe(
      'in_progress',
    );

    const returned = await postPairs(app.url, staff, `${path}/return`, [
      ['returnReason', '用途を具体的に書いてください。'],
      ['fields', 'purpose'],
    ]);
    expect(returned).toMatchObject({ status: 303, location: `${path}?done=return` });
    expect((await h.mailsTo(me.email)).at(-1)?.template).toBe('application_returned');
    const before = (await h.db.select().from(applications).where(eq(applications.id, id)))[0]?.answers
      .purpose;
    expect(await h.procedures.resubmit(me, id, { purpose: '銀行の融資申込みのため' })).toMatchObject({
      ok: true,
    });

    const resent = mainText((await staff.get(path)).html);
    expect(resent).toContain('再申請で変更された項目');
    expect(resent).toContain(`第2版`);
    expect(resent).toContain(`使用目的 ${String(before)} 銀行の融資申込みのため`);
    expect(resent).toContain('差し戻し → 送信済');
    expect(resent).toContain('用途を具体的に書いてください。');

    await staff.post(`${path}/start`);
    expect(await staff.post(`${path}/complete`, { completeMessage: '' })).toMatchObject({
      status: 303,
      location: `${path}?done=complete`,
    });
    const done = await staff.get(`${path}?done=complete`);
    expect(mainText(done.html)).toContain('処理中 → 処理完了');
    expect(mainText(done.html)).toContain('この状態の申請に対してできる操作はありません。');
    // nothing more can happen to it
    for (const action of ['start', 'complete'])
      expect((await staff.post(`${path}/${action}`)).location).toBe(`${path}?refused=1`);
    expect((await staff.post(`${path}/reject`, { rejectReason: '理由' })).location).toBe(`${path}?refused=1`);
    expect(
      (
        await postPairs(app.url, staff, `${path}/return`, [
          ['returnReason', '理由'],
          ['fields', 'purpose'],
        ])
      ).location,
    ).toBe(`${path}?refused=1`);
    // a missing CSRF token is refused
    expect((await staff.post(`${path}/notes`, { note: 'x' }, false)).status).toBe(403);
  });

  it("却下する needs a reason; メモ is internal: listed as never shown, not mailed, not in the applicant's history", async () => {
    const { h, staff, actor } = await setUp();
    const me = await h.resident();
    const { id } = await h.submitted(me, 'letter-to-mayor');
    await h.procedures.start(actor, id);
    const path = `/admin/applications/${id}`;
    await staff.get(path);
    const mailsBefore = (await h.mailsTo(me.email)).length;

    const emptyNote = await staff.post(`${path}/notes`, { note: ' ' });
    expect(emptyNote.status).toBe(400);
    expect(emptyNote.html).toContain('<a href="#note">メモを入力してください。</a>');
    expect(await staff.post(`${path}/notes`, { note: '電話で確認済み（内部）' })).toMatchObject({
      status: 303,
      location: `${path}?done=notes`,
    });
    const noted = mainText((await staff.get(`${path}?done=notes`)).html);
    expect(noted).toContain('メモ（職員のみ・申請者には表示されません）');
    expect(noted).toMatch(/メモ 処理中 電話で確認済み（内部） 非表示（内部）/);
    expect((await h.mailsTo(me.email)).length).toBe(mailsBefore);
    expect((await h.procedures.detail(me, id, 'ja'))?.events.map((e) => e.message)).not.toContain(
      '電話で確認済み（内部）',
    );

    const noReason = await staff.post(`${path}/reject`, { rejectReason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('<a href="#rejectReason">却下の理由を入力してください。</a>');
    expect(noReason.html).toMatch(/id="rejectReason"[^>]*aria-invalid="true"/);
    expect(await staff.post(`${path}/reject`, { rejectReason: '対象外のご意見のため' })).toMatchObject({
      status: 303,
      location: `${path}?done=reject`,
    });
    expect(mainText((await staff.get(path)).html)).toContain('処理中 → 申請却下');
    expect((await h.mailsTo(me.email)).at(-1)?.template).toBe('application_rejected');
  });

  it('hostile filters and action texts are escaped and never a 5xx', async () => {
    const { h, staff, actor } = await setUp();
    const { id } = await h.submitted(await h.resident(), 'city-tax-certificate');
    await h.procedures.start(actor, id);
    const hostile = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'a'.repeat(5000),
      '\u0000',
      '%FF',
    ];
    for (const v of hostile)
      for (const name of ['procedure', 'state', 'ref', 'from', 'to', 'page']) {
        const r = await staff.get(`/admin/applications?${name}=${encodeURIComponent(v)}`);
        expect(r.status, `${name}=${v.slice(0, 20)}`).toBeLessThan(500);
        expect(r.html).not.toContain('<script>alert(1)');
        expect(r.html).not.toContain('<img src=x');
      }
    const path = `/admin/applications/${id}`;
    await staff.get(path);
    // a field id the application does not have: asked again, not a 5xx
    const forged = await postPairs(app.url, staff, `${path}/return`, [
      ['returnReason', '理由'],
      ['fields', '"><img src=x onerror=alert(1)>'],
    ]);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('修正を求める項目を1つ以上選んでください。');
    expect(await staff.post(`${path}/notes`, { note: '<script>alert(1)</script>' })).toMatchObject({
      status: 303,
    });
    const page = await staff.get(path);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert(1)');
  });

  it('the CSV of a procedure: UTF-8 with a BOM, an attachment named by procedure and date, formulas defused', async () => {
    const { h, staff, member } = await setUp();
    const me = await h.resident();
    const { id, referenceNumber } = await h.submitted(me, 'city-tax-certificate');
    const [row] = await h.db.select().from(applications).where(eq(applications.id, id));
    await h.db
      .update(applications)
      .set({ answers: { ...row?.answers, purpose: '=HYPERLINK("http://evil.example","x")' } })
      .where(eq(applications.id, id));
    const res = await fetch(`${app.url}/admin/procedures/city-tax-certificate/applications.csv`, {
      headers: { cookie: `staff_sid=${staff.jar.get('staff_sid') ?? ''}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="city-tax-certificate-applications-${csvDay()}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^受付番号,状態,申請日時,版,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${referenceNumber},送信済,${csvTime(row?.submittedAt ?? new Date(0))},1,`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).not.toMatch(/(^|,)"?=/);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, 'application.csv_exported'));
    expect(audits.map((a) => a.staffId)).toEqual([member.id]);
  });

  it('手続管理: every procedure with 分類, 担当課, versions; 受付を停止する stops new applications until 受付を再開する', async () => {
    const { h, staff } = await setUp();
    const me = await h.resident();
    await h.submitted(me, 'letter-to-mayor');
    const version = (await h.procedures.procedure('letter-to-mayor'))?.version ?? '';
    const page = await staff.get('/admin/procedures');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1 class="title">手続管理</h1>');
    const text = mainText(page.html);
    for (const s of ['市長への手紙', '市政への意見', '粗大ごみ収集の申込み', version.slice(0, 8), '受付中'])
      expect(text).toContain(s);
    expect(page.html).toContain('href="/admin/procedures/letter-to-mayor/applications.csv"');
    expect(page.html).toContain('data-confirm="「市長への手紙」の受付を停止します。');

    // Without JavaScript the form carries its question (in <noscript>): asked on a page first.
    expect(page.html).toMatch(/<noscript><input type="hidden" name="nojs" value="1"\/?>/);
    const asked = await staff.post('/admin/procedures/letter-to-mayor/stop', {
      nojs: '1',
      question: '「市長への手紙」の受付を停止します。新しい申請を受け付けなくなります。よろしいですか？',
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('<h1 class="title">操作の確認</h1>');
    expect(mainText(asked.html)).toContain('「市長への手紙」の受付を停止します。');
    expect(asked.html).toContain('action="/admin/procedures/letter-to-mayor/stop"');
    expect(asked.html).toContain('name="confirmed" value="1"');
    expect((await h.procedures.procedure('letter-to-mayor'))?.accepting).toBe(true);
    expect(
      await staff.post('/admin/procedures/letter-to-mayor/stop', { nojs: '1', confirmed: '1' }),
    ).toMatchObject({
      status: 303,
      location: '/admin/procedures?done=stopped&id=letter-to-mayor#procedure-letter-to-mayor',
    });
    const stopped = await staff.get('/admin/procedures?done=stopped&id=letter-to-mayor');
    expect(stopped.html).toContain('「市長への手紙」の受付を停止しました。');
    expect(stopped.html).toContain('受付を再開する');
    expect(mainText(stopped.html)).toContain('停止中');
    expect(await h.procedures.startDraft(me, 'letter-to-mayor')).toEqual({
      ok: false,
      problem: 'not_accepting',
    });

    expect((await staff.post('/admin/procedures/letter-to-mayor/resume')).status).toBe(303);
    expect((await h.procedures.startDraft(me, 'letter-to-mayor')).ok).toBe(true);
    expect((await staff.post('/admin/procedures/nope/stop')).status).toBe(404);
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toContain('procedure.stopped');
    expect(actions).toContain('procedure.resumed');
  });
});
