/**
 * Finding a procedure and following one's applications, over HTTP on the real app without
 * JavaScript (issue 13, resident side): the home page's search, 手続一覧 by kanji, kana and romaji
 * with its filters, a procedure's page and 申請する (prefilled from 利用者情報, one per person,
 * refused when stopped), マイページ's 申請履歴 and 一時保存中の申請, 削除する, 申請の詳細 with the
 * city's messages, 取下げる where allowed, and attachments downloaded only by their applicant.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_PASSWORD } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client, mainText } from '../support/form-client.js';
import { proceduresHarness, type ProceduresHarness } from '../support/procedures-harness.js';

/** The procedure pages linked from a 手続一覧 page, in order. */
const resultIds = (html: string) =>
  [...html.matchAll(/<h3 class="procedure-list__name"><a href="\/procedures\/([a-z0-9-]+)"/g)].map(
    (m) => m[1],
  );

const ALL = 8;

describe.each(databaseFactories())('finding procedures and following applications on $name', (factory) => {
  let h: ProceduresHarness;
  // 2026-12-04 10:10 UTC is 19:10 in Japan.
  const clock = new TestClock(new Date('2026-12-04T10:10:00Z'));
  const { app, database } = useScreensApp(factory, { clock });
  beforeAll(() => {
    h = proceduresHarness(database, { clock });
  });

  /** A resident signed in in a browser without JavaScript. */
  async function signedIn() {
    const me = await h.resident();
    const c = new Client(app.url);
    await c.signIn(me.email, RESIDENT_PASSWORD);
    return { me, c };
  }

  it('the home page has the keyword search and the categories, the same page for every visitor', async () => {
    const a = await new Client(app.url).get('/');
    expect(a.html).toMatch(/<form method="get" action="\/procedures" role="search"/);
    expect(a.html).toContain('<label for="q" class="field__label">キーワード</label>');
    expect(a.html).toMatch(/<input id="q" name="q" type="search"/);
    expect(a.html).toMatch(/<button type="submit" class="button">検索<\/button>/);
    expect(a.html).toContain('<a href="/procedures?category=waste">ごみ・リサイクル</a>');
    expect(a.html).toContain('<a href="/procedures?category=pets">動物・ペット</a>');
    const b = await new Client(app.url).get('/');
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(strip(b.html)).toBe(strip(a.html));
    const en = new Client(app.url);
    await en.english();
    const home = await en.get('/');
    expect(home.html).toContain('<label for="q" class="field__label">Keyword</label>');
    expect(home.html).toContain('<a href="/procedures?category=waste">Waste and recycling</a>');
  });

  it('手続一覧 finds procedures by kanji, kana and romaji, filters by 分類 and 対象, and counts them', async () => {
    const c = new Client(app.url);
    const all = await c.get('/procedures');
    expect(all.status).toBe(200);
    expect(all.html).toContain('<title>手続一覧 | オンライン手続かわさき</title>');
    expect(mainText(all.html)).toContain(`${ALL}件の手続が見つかりました。`);
    expect(resultIds(all.html)).toHaveLength(ALL);
    for (const q of ['粗大ごみ', 'そだいごみ', 'ソダイゴミ', 'sodaigomi', 'SODAI'])
      expect(resultIds((await c.get(`/procedures?q=${encodeURIComponent(q)}`)).html), q).toEqual([
        'bulky-waste-collection',
      ]);
    for (const q of ['jumin', 'juuminhyou'])
      expect(resultIds((await c.get(`/procedures?q=${q}`)).html), q).toEqual([
        'resident-certificate-by-mail',
      ]);
    // the keyword stays in its field
    expect((await c.get('/procedures?q=%E7%B2%97%E5%A4%A7')).html).toContain('value="粗大"');

    const pets = await c.get('/procedures?category=pets');
    expect(resultIds(pets.html)).toEqual(['dog-registration-change']);
    expect(pets.html).toContain('<option value="pets" selected="">動物・ペット</option>');
    const business = resultIds((await c.get('/procedures?audience=business')).html);
    expect(business).toContain('outdoor-advertisement-permit');
    expect(business).toContain('city-tax-certificate'); // for both
    expect(business).not.toContain('bulky-waste-collection');
    const individual = resultIds((await c.get('/procedures?audience=individual')).html);
    expect(individual).not.toContain('outdoor-advertisement-permit');
    expect(individual).toContain('bulky-waste-collection');
    expect(resultIds((await c.get('/procedures?q=sodai&category=taxes')).html)).toEqual([]);

    // each result: its name, description, 対象 and whether it takes applications now
    const entry = all.html.match(/<li class="procedure-list__item">[\s\S]*?<\/li>/)?.[0] ?? '';
    expect(entry).toContain('<dt>対象</dt>');
    expect(entry).toMatch(/受付中|受付停止中|受付期間外/);

    const none = await c.get('/procedures?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E6%89%8B%E7%B6%9A');
    expect(none.status).toBe(200);
    expect(mainText(none.html)).toContain('0件の手続が見つかりました。');
    expect(mainText(none.html)).toContain('条件に合う手続が見つかりませんでした。');
    expect(none.html).toContain('<a href="/procedures">すべての手続を見る</a>');

    // in English: the English names are searched too, and 対象 is named as a value
    const en = new Client(app.url);
    await en.english();
    const english = await en.get('/procedures?q=bulky&audience=individual');
    expect(resultIds(english.html)).toEqual(['bulky-waste-collection']);
    expect(mainText(english.html)).toContain('Procedures found: 1.');
    expect(english.html).toContain('<dt>For</dt><dd>Individuals</dd>');
    expect(english.html).toMatch(
      /<input type="radio" id="audience-individual" name="audience" value="individual" checked=""\/><label for="audience-individual">Individuals<\/label>/,
    );
  });

  it('bad query values never fail 手続一覧: unknown filters are ignored, a long keyword is cut', async () => {
    const c = new Client(app.url);
    for (const q of [
      'category=nope&audience=both',
      'category[]=pets',
      'audience=%27%3B--',
      `q=${'あ'.repeat(1000)}`,
      'q=%F0%9F%90%95&q=second',
      'q=<script>alert(1)</script>',
    ]) {
      const page = await c.get(`/procedures?${q}`);
      expect(page.status, q).toBe(200);
      expect(page.html).not.toContain('<script>alert(1)</script>');
    }
    expect(resultIds((await c.get('/procedures?category=nope')).html)).toHaveLength(ALL);
  });

  it('a procedure’s page states its facts; signed out, 申請する leads to ログイン and back, guests get their own way', async () => {
    const c = new Client(app.url);
    const page = await c.get('/procedures/citizen-course-application');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1 class="title">市民講座の参加申込み</h1>');
    for (const heading of [
      '概要',
      '対象となる方',
      '必要なもの',
      '手数料',
      '受付期間',
      '担当課',
      '問い合わせ先',
    ])
      expect(page.html, heading).toContain(`<h2 class="subtitle">${heading}</h2>`);
    const def = h.procedures.form('citizen-course-application')?.definition;
    expect(mainText(page.html)).toContain(def?.fee.ja);
    expect(mainText(page.html)).toContain(def?.department.ja);
    expect(page.html).toContain(def?.contact.phone);
    expect(page.html).toContain(
      '<a href="/login?next=%2Fprocedures%2Fcitizen-course-application" class="button button--large">申請する</a>',
    );
    expect(page.html).toContain(
      '<a href="/procedures/citizen-course-application/guest" class="button button--secondary">ログインせずに申請する</a>',
    );
    const noGuest = await c.get('/procedures/bulky-waste-collection');
    expect(noGuest.html).toContain('申請する</a>');
    expect(noGuest.html).not.toContain('ログインせずに申請する');

    // ログイン brings the resident back to the page, where 申請する is now a form
    const me = await h.resident();
    await c.get('/login?next=%2Fprocedures%2Fbulky-waste-collection');
    const signIn = await c.post('/login', {
      email: me.email,
      password: RESIDENT_PASSWORD,
      next: '/procedures/bulky-waste-collection',
    });
    expect(signIn.location).toBe('/procedures/bulky-waste-collection');
    const again = await c.get('/procedures/bulky-waste-collection');
    expect(again.html).toMatch(
      /<form method="post" action="\/procedures\/bulky-waste-collection\/apply"><input type="hidden" name="_csrf" value="[^"]+"\/><button type="submit" class="button button--large">申請する<\/button>/,
    );

    // signed out, the POST goes to ログイン too; an unknown procedure is a 404 page
    const out = new Client(app.url);
    await out.get('/login'); // a form token, as any page with a form gives
    expect((await out.post('/procedures/bulky-waste-collection/apply')).location).toBe(
      '/login?next=%2Fprocedures%2Fbulky-waste-collection',
    );
    const unknown = await out.get('/procedures/no-such-procedure');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('<h1 class="title">ページが見つかりません</h1>');
    expect((await c.post('/procedures/no-such-procedure/apply')).status).toBe(404);

    const en = new Client(app.url);
    await en.english();
    const english = await en.get('/procedures/bulky-waste-collection');
    expect(english.html).toContain(
      `<h1 class="title">${h.procedures.form('bulky-waste-collection')?.definition.name.en}</h1>`,
    );
    expect(english.html).toContain('<h2 class="subtitle">What you need</h2>');
  });

  it('申請する starts a draft prefilled from 利用者情報 and opens its first page', async () => {
    const { me, c } = await signedIn();
    await c.get('/procedures/city-tax-certificate');
    const r = await c.post('/procedures/city-tax-certificate/apply');
    expect(r.status).toBe(303);
    const m = r.location?.match(/^\/applications\/([0-9a-f-]{36})\/pages\/([a-zA-Z0-9]+)$/);
    expect(m, r.location ?? '').not.toBeNull();
    const d = await h.procedures.draft(me, m?.[1] ?? '');
    expect(m?.[2]).toBe(d?.form.firstPage());
    expect(d?.application.answers).toMatchObject({
      name: { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' },
      address: { postalCode: '210-8577', prefecture: '神奈川県', cityAddress: '川崎市川崎区宮本町1番地' },
      birthDate: { year: '1985', month: '4', day: '1' },
      phone: '0442002111',
    });
  });

  it('a stopped procedure or one out of its period says so, offers no 申請する and refuses it', async () => {
    const { me, c } = await signedIn();
    await h.procedures.setAccepting(h.staff(), 'bulky-waste-collection', false);
    const page = await c.get('/procedures/bulky-waste-collection');
    expect(mainText(page.html)).toContain('この手続は、現在、受付を停止しています。');
    expect(page.html).not.toContain('/apply"');
    const refused = await c.post('/procedures/bulky-waste-collection/apply');
    expect(refused.status).toBe(409);
    expect(mainText(refused.html)).toContain('受付を停止しています');
    expect((await h.procedures.history(me)).drafts).toEqual([]);
    expect(resultIds((await c.get('/procedures?q=sodaigomi')).html)).toEqual(['bulky-waste-collection']);
    expect((await c.get('/procedures?q=sodaigomi')).html).toContain('受付停止中');

    // 市民講座 takes applications until 2027-03-31
    clock.advance(120 * 86400);
    try {
      await c.signIn(me.email, RESIDENT_PASSWORD); // the session ended meanwhile
      const late = await c.get('/procedures/citizen-course-application');
      expect(mainText(late.html)).toContain('この手続は、受付期間外のため申請できません。');
      expect(late.html).not.toContain('/apply"');
      expect((await c.post('/procedures/citizen-course-application/apply')).status).toBe(409);
    } finally {
      clock.advance(-120 * 86400);
    }
  });

  it('one application per person: a second 申請する links to the draft, then to the application sent', async () => {
    const { me, c } = await signedIn();
    await c.get('/procedures/citizen-course-application');
    const first = await c.post('/procedures/citizen-course-application/apply');
    const id = first.location?.split('/')[2] ?? '';
    const second = await c.post('/procedures/citizen-course-application/apply');
    expect(second.status).toBe(409);
    expect(mainText(second.html)).toContain('この手続は、1人につき1件だけ申請できます。');
    expect(second.html).toContain(`<a href="/applications/${id}">一時保存中の申請を再開する</a>`);
    await h.fill(me, id, h.walks('citizen-course-application')[0]!);
    await h.procedures.submit(me, id);
    const third = await c.post('/procedures/citizen-course-application/apply');
    expect(third.html).toContain(`<a href="/mypage/applications/${id}">申請の詳細を見る</a>`);
  });

  it('マイページ lists the latest applications and the drafts; 申請履歴 has them all in a labelled table', async () => {
    const { me, c } = await signedIn();
    const sent = await h.submitted(me, 'bulky-waste-collection');
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    if (!draft.ok) throw new Error('no draft');
    const my = await c.get('/mypage');
    expect(my.status).toBe(200);
    expect(my.html).toContain('<h2 id="history" class="subtitle">申請履歴</h2>');
    expect(my.html).toContain(`<a href="/mypage/applications/${sent.id}">${sent.referenceNumber}</a>`);
    expect(my.html).toContain('<a href="/mypage/applications">すべて見る</a>');
    expect(my.html).toContain('<h2 id="drafts" class="subtitle">一時保存中の申請</h2>');
    expect(my.html).toContain(`href="/applications/${draft.applicationId}"`);
    expect(my.html).toContain(`action="/applications/${draft.applicationId}/delete"`);
    // its content stays: 利用者情報 and the account links
    expect(my.html).toContain('<a href="/account/profile">利用者情報の変更</a>');

    const list = await c.get('/mypage/applications');
    expect(list.html).toContain('<title>申請履歴 | オンライン手続かわさき</title>');
    expect(list.html).toContain(
      '<div class="table-scroll" role="region" aria-label="申請履歴" tabindex="0">',
    );
    for (const th of ['受付番号', '手続名', '申請日時', '状態'])
      expect(list.html).toContain(`<th scope="col">${th}</th>`);
    const row = list.html.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0] ?? '';
    expect(row).toContain('粗大ごみ収集の申込み');
    expect(row).toContain('2026年12月4日 19:10'); // Japan time
    expect(row).toContain('送信済');
    // the draft's expiry: 30 days after its last save, in Japan time
    expect(mainText(list.html)).toContain('保存期限： 2027年1月3日 19:10');
    expect(list.html).toContain('再開する');

    const en = new Client(app.url);
    await en.english();
    await en.signIn(me.email, RESIDENT_PASSWORD);
    const english = await en.get('/mypage/applications');
    expect(english.html).toContain('<th scope="col">Reference number</th>');
    expect(english.html).toContain('4 December 2026');

    expect((await new Client(app.url).get('/mypage/applications')).location).toBe(
      '/login?next=%2Fmypage%2Fapplications',
    );
  });

  it('削除する asks first without JavaScript, deletes the draft and says so; nobody else can', async () => {
    const { me, c } = await signedIn();
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    if (!draft.ok) throw new Error('no draft');
    const id = draft.applicationId;
    await c.get('/mypage/applications');
    const other = await signedIn();
    await other.c.get('/mypage');
    expect((await other.c.post(`/applications/${id}/delete`)).status).toBe(404);
    expect((await other.c.post(`/applications/${id}/delete`, { nojs: '1' })).status).toBe(404);

    const ask = await c.post(`/applications/${id}/delete`, { nojs: '1' });
    expect(ask.status).toBe(200);
    expect(mainText(ask.html)).toContain('一時保存中の申請を削除します。よろしいですか？');
    expect((await h.procedures.history(me)).drafts).toHaveLength(1);
    const done = await c.post(`/applications/${id}/delete`);
    expect(done).toMatchObject({ status: 303, location: '/mypage/applications?done=deleted' });
    expect((await h.procedures.history(me)).drafts).toEqual([]);
    const after = await c.get(done.location ?? '');
    expect(mainText(after.html)).toContain('一時保存中の申請を削除しました。');
    expect(mainText(after.html)).toContain('一時保存中の申請はありません。');
    expect((await c.post(`/applications/${id}/delete`)).status).toBe(404);
    expect((await c.post('/applications/not-an-id/delete')).status).toBe(404);
  });

  it('申請の詳細 shows the answers, the history with the city’s messages (not its notes) and, when 差し戻し, what to correct', async () => {
    const { me, c } = await signedIn();
    const staff = h.staff();
    const { id, referenceNumber } = await h.submitted(me, 'city-tax-certificate');
    await h.procedures.start(staff, id);
    await h.procedures.addNote(staff, id, '内部メモ：電話で確認済み');
    const marked = h.procedures.form('city-tax-certificate')?.definition.pages[0]?.fields[0];
    const returned = await h.procedures.returnForCorrection(staff, id, '氏名の漢字をご確認ください。', [
      marked?.id ?? '',
    ]);
    expect(returned.ok).toBe(true);
    const page = await c.get(`/mypage/applications/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>申請の詳細 | オンライン手続かわさき</title>');
    const text = mainText(page.html);
    expect(text).toContain(referenceNumber);
    expect(text).toContain('市税証明書の交付請求');
    expect(text).toContain('差し戻し');
    for (const label of ['送信済', '処理中']) expect(text).toContain(label);
    expect(text).toContain('氏名の漢字をご確認ください。');
    expect(text).not.toContain('内部メモ');
    expect(page.html).toContain('<h2 id="returned" class="subtitle">差し戻しの理由</h2>');
    expect(text).toContain(marked?.label.ja);
    expect(page.html).toContain(
      `<a href="/mypage/applications/${id}/correct" class="button">修正して再申請する</a>`,
    );
    // the answers by section
    const sections = (await h.procedures.detail(me, id, 'ja'))?.sections ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(page.html).toContain(s.title);
    // history in Japan time
    expect(text).toContain('2026年12月4日 19:10');

    // nobody else sees it; a draft or a wrong id is not found either
    const other = await signedIn();
    expect((await other.c.get(`/mypage/applications/${id}`)).status).toBe(404);
    expect((await c.get('/mypage/applications/not-an-id')).status).toBe(404);
    const draft = await h.procedures.startDraft(me, 'letter-to-mayor');
    expect((await c.get(`/mypage/applications/${draft.ok ? draft.applicationId : ''}`)).status).toBe(404);
    expect((await new Client(app.url).get(`/mypage/applications/${id}`)).location).toBe(
      `/login?next=${encodeURIComponent(`/mypage/applications/${id}`)}`,
    );
  });

  it('取下げる where the procedure allows it, after a confirmation; refused where it does not', async () => {
    const { me, c } = await signedIn();
    const { id, referenceNumber } = await h.submitted(me, 'bulky-waste-collection');
    const page = await c.get(`/mypage/applications/${id}`);
    expect(page.html).toContain(`action="/mypage/applications/${id}/withdraw"`);
    expect(page.html).toContain('data-confirm="この申請を取り下げます。よろしいですか？"');
    const ask = await c.post(`/mypage/applications/${id}/withdraw`, { nojs: '1' });
    expect(ask.status).toBe(200);
    expect(mainText(ask.html)).toContain(`受付番号 ${referenceNumber} の申請を取り下げます。`);
    expect((await h.procedures.detail(me, id, 'ja'))?.application.state).toBe('submitted');
    const done = await c.post(`/mypage/applications/${id}/withdraw`);
    expect(done).toMatchObject({ status: 303, location: `/mypage/applications/${id}?done=withdrawn` });
    const after = await c.get(done.location ?? '');
    expect(mainText(after.html)).toContain('申請を取り下げました。');
    expect(mainText(after.html)).toContain('取下げ');
    expect(after.html).not.toContain('/withdraw"');
    expect((await c.post(`/mypage/applications/${id}/withdraw`)).status).toBe(409);

    const letter = await h.submitted(me, 'letter-to-mayor');
    const noWithdraw = await c.get(`/mypage/applications/${letter.id}`);
    expect(noWithdraw.html).not.toContain('取下げる');
    const refused = await c.post(`/mypage/applications/${letter.id}/withdraw`);
    expect(refused.status).toBe(409);
    expect(mainText(refused.html)).toContain('この申請は取り下げできません。');
    expect((await c.post(`/mypage/applications/${letter.id}/withdraw`, { nojs: '1' })).status).toBe(409);
    expect((await h.procedures.detail(me, letter.id, 'ja'))?.application.state).toBe('submitted');

    // someone else's: not found, and nothing changes
    const mine = await h.submitted(me, 'bulky-waste-collection');
    const other = await signedIn();
    await other.c.get('/mypage');
    expect((await other.c.post(`/mypage/applications/${mine.id}/withdraw`)).status).toBe(404);
    expect((await h.procedures.detail(me, mine.id, 'ja'))?.application.state).toBe('submitted');
  });

  it('attachments download only for their applicant, as attachments that are never sniffed nor cached', async () => {
    const { me, c } = await signedIn();
    const { id } = await h.submitted(me, 'road-park-damage-report');
    const files = (await h.procedures.detail(me, id, 'ja'))?.attachments ?? [];
    expect(files.length).toBeGreaterThan(0);
    const file = files[0]!;
    const page = await c.get(`/mypage/applications/${id}`);
    const href = `/mypage/applications/${id}/files/${file.id}`;
    expect(page.html).toContain(`href="${href}"`);

    const res = await fetch(app.url + href, {
      headers: { cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(file.mediaType);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]*"; filename\*=UTF-8''/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect((await res.arrayBuffer()).byteLength).toBe(file.size);

    const other = await signedIn();
    expect((await other.c.get(href)).status).toBe(404);
    // the file under another application's address is not found either
    const second = await h.submitted(me, 'bulky-waste-collection');
    expect((await c.get(`/mypage/applications/${second.id}/files/${file.id}`)).status).toBe(404);
    expect((await c.get(`/mypage/applications/${id}/files/not-an-id`)).status).toBe(404);
    expect((await new Client(app.url).get(href)).location).toBe(
      `/login?next=${encodeURIComponent(`/mypage/applications/${id}`)}`,
    );
  });
});
