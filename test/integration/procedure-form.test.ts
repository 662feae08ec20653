/**
 * The procedures' form screens over HTTP without JavaScript (issue 13), on each test database: the
 * pages of a form with 次へ / 戻る / 一時保存する, errors that keep what was typed, a page not
 * reachable yet, a foreign draft, 申請内容の確認 with its declaration, a double 申請する, 申請の完了,
 * attachments checked by content, an upload over the size limit, and 修正して再申請する after a
 * staff member's 差し戻し.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../src/domain/procedures/definition.js';
import type { Answer } from '../../src/domain/procedures/fields/types.js';
import { formInputOf } from '../../src/domain/procedures/sample-answers.js';
import { RESIDENT_PASSWORD } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client, mainText } from '../support/form-client.js';
import { MB, fileOf, proceduresHarness, type ProceduresHarness } from '../support/procedures-harness.js';

describe.each(databaseFactories())('the procedures’ form screens on $name', (factory) => {
  let h: ProceduresHarness;
  const clock = new TestClock(new Date('2026-12-04T01:00:00Z'));
  const { app, database } = useScreensApp(factory, { clock });
  beforeAll(() => {
    h = proceduresHarness(database, { clock });
  });
  beforeEach(() => {
    clock.advance(3600);
  });

  /** A resident signed in through ログイン; their client and Applicant. */
  async function signedIn() {
    const resident = await h.resident();
    const c = new Client(app.url);
    await c.signIn(resident.email, RESIDENT_PASSWORD);
    await c.get('/mypage'); // the form token after sign-in
    return { c, resident };
  }

  /** A page's fields as the browser sends them, from a walk's answers. */
  function inputOf(procedureId: string, pageId: string, answers: Record<string, Answer>) {
    const page = h.procedures.form(procedureId)?.page(pageId);
    const out: Record<string, string | string[]> = {};
    for (const f of page?.fields ?? ([] as FieldDefinition[])) {
      const a = answers[f.id];
      if (a === undefined || f.type === 'file') continue;
      for (const [k, v] of Object.entries(formInputOf(f, a)))
        out[k] = typeof v === 'string' ? v : (v as string[]).map(String);
    }
    return out;
  }

  async function draftOf(resident: { userId: string }, procedureId: string) {
    const started = await h.procedures.startDraft(resident, procedureId);
    if (!started.ok) throw new Error(started.problem);
    return started.applicationId;
  }

  it('walks a form with 次へ, 戻る and 一時保存する, keeps what was typed on errors, and sends it once', async () => {
    const { c, resident } = await signedIn();
    const id = await draftOf(resident, 'bulky-waste-collection');
    const walk = h.walks('bulky-waste-collection')[0];
    if (!walk) throw new Error('no walk');
    const page = (p: string) => `/applications/${id}/pages/${p}`;

    // 再開する: the first incomplete page
    expect((await c.get(`/applications/${id}`)).location).toBe(page('applicant'));
    const first = await c.get(page('applicant'));
    expect(first.status).toBe(200);
    expect(first.html).toContain('<title>粗大ごみ収集の申込み');
    expect(mainText(first.html)).toContain('申込者');
    expect(first.html).toContain('aria-current="step"');
    // a later page is not reachable yet
    expect((await c.get(page('collection'))).location).toBe(page('applicant'));
    expect((await c.get(page('nosuchpage'))).location).toBe(page('applicant'));

    // 次へ with an error: 400, the summary, the message by the field, and what was typed kept
    const bad = await c.post(page('applicant'), {
      ...inputOf('bulky-waste-collection', 'applicant', walk.answers),
      phone: '12',
      'name-familyName': '山田',
      action: 'next',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('class="error-summary"');
    expect(bad.html).toMatch(/id="phone-error"/);
    expect(bad.html).toMatch(/aria-describedby="[^"]*phone-error/);
    expect(bad.html).toContain('value="山田"');
    expect(bad.html).toContain('value="12"');

    const ok = await c.post(page('applicant'), {
      ...inputOf('bulky-waste-collection', 'applicant', walk.answers),
      action: 'next',
    });
    expect(ok.location).toBe(page('items'));
    expect((await c.get(page('collection'))).location).toBe(page('items'));

    // 一時保存する: no validation, the same page with the expiry and マイページ
    const items = inputOf('bulky-waste-collection', 'items', walk.answers);
    const saved = await c.post(page('items'), { ...items, itemCount: '', action: 'save' });
    expect(saved.location).toBe(`${page('items')}?saved=1`);
    const savedPage = await c.get(saved.location ?? '');
    expect(mainText(savedPage.html)).toMatch(/一時保存しました。2027年1月\d+日まで保存されます。マイページ/);

    // 戻る keeps the page's answers and goes to the previous page
    const back = await c.post(page('items'), { ...items, action: 'back' });
    expect(back.location).toBe(page('applicant'));
    const again = await c.get(page('items'));
    for (const v of walk.answers.itemKinds as string[]) expect(again.html).toContain(`value="${v}" checked`);

    expect((await c.post(page('items'), { ...items, action: 'next' })).location).toBe(page('collection'));
    const last = await c.post(page('collection'), {
      ...inputOf('bulky-waste-collection', 'collection', walk.answers),
      action: 'next',
    });
    expect(last.location).toBe(`/applications/${id}/review`);

    // 申請内容の確認: answers, 変更 back to review, the declaration required
    const review = await c.get(`/applications/${id}/review`);
    expect(review.status).toBe(200);
    expect(review.html).toContain('<title>申請内容の確認');
    expect(review.html).toContain(`href="${page('items')}?return=review#itemKinds"`);
    expect(review.html).toContain('記載内容に相違ありません。');
    const changed = await c.post(`${page('items')}?return=review`, { ...items, action: 'next' });
    expect(changed.location).toBe(`/applications/${id}/review`);

    const unticked = await c.post(`/applications/${id}/review`, {});
    expect(unticked.status).toBe(400);
    expect(unticked.html).toContain('申請内容に相違がないことを確認して、チェックを入れてください');
    // in the error summary at the top (linked to the checkbox) as well as beside it
    expect(unticked.html).toMatch(
      /class="error-summary"[\s\S]*href="#declaration">申請内容に相違がないことを確認して、チェックを入れてください/,
    );
    expect(await h.applicationRows()).toMatchObject([{ state: 'draft' }]);

    // 申請する twice: one application, one 受付番号
    const sent = await c.post(`/applications/${id}/review`, { declaration: 'yes' });
    expect(sent.location).toBe(`/applications/${id}/complete`);
    const twice = await c.post(`/applications/${id}/review`, { declaration: 'yes' });
    expect(twice.location).toBe(`/applications/${id}/complete`);
    const rows = await h.applicationRows();
    expect(rows).toHaveLength(1);
    const ref = rows[0]?.referenceNumber ?? '';
    expect(ref).toMatch(/^[A-Z2-9]{8}$/);
    expect(
      (await h.mailsTo(resident.email)).filter((m) => m.template === 'application_received'),
    ).toHaveLength(1);

    const done = await c.get(`/applications/${id}/complete`);
    expect(done.html).toContain('<title>申請の完了');
    expect(done.html).toContain(`data-reference-number="${ref}"`);
    expect(done.html).toContain(`href="/mypage/applications/${id}"`);
    expect(done.html).toContain('控えを印刷する');
    expect(done.html).toContain('href="?print=1"');
    // the draft's pages are gone once sent
    expect((await c.get(page('items'))).status).toBe(404);
  });

  it('answers 404 for a draft of someone else and sends a visitor to ログイン', async () => {
    const { resident } = await signedIn();
    const id = await draftOf(resident, 'bulky-waste-collection');
    const other = await signedIn();
    for (const path of [
      `/applications/${id}`,
      `/applications/${id}/pages/applicant`,
      `/applications/${id}/review`,
    ]) {
      expect((await other.c.get(path)).status, path).toBe(404);
    }
    expect((await other.c.post(`/applications/${id}/pages/applicant`, { action: 'save' })).status).toBe(404);
    expect((await other.c.get(`/applications/${id}/complete`)).status).toBe(404);
    for (const path of [
      '/applications/nope',
      '/applications/nope/pages/applicant',
      '/mypage/applications/x/correct',
    ])
      expect((await other.c.get(path)).status, path).toBe(404);
    const files = `/applications/${id}/files/not-an-id/delete`;
    expect((await other.c.postMultipart(files, { fieldId: 'x' })).status).toBe(404);
    expect((await other.c.postMultipart(`/applications/${id}/files`, { fieldId: 'x' })).status).toBe(404);
    const guest = await new Client(app.url).get(`/applications/${id}/pages/applicant`);
    expect(guest.status).toBe(303);
    expect(guest.location).toBe(`/login?next=${encodeURIComponent(`/applications/${id}/pages/applicant`)}`);
  });

  it('attaches a real PDF, refuses a fake one by its content, deletes, and answers 413 over the limit', async () => {
    const { c, resident } = await signedIn();
    const id = await draftOf(resident, 'outdoor-advertisement-permit');
    const walk = h.walks('outdoor-advertisement-permit')[0];
    if (!walk) throw new Error('no walk');
    await h.fill(resident, id, walk);
    const docs = `/applications/${id}/pages/documents`;
    const before = await c.get(docs);
    expect(before.html).toContain('enctype="multipart/form-data"');
    expect(mainText(before.html)).toContain('添付できるファイル：PDF（1ファイル');
    expect(mainText(before.html)).toContain('合計20MBまで');

    const pdf = { name: '図面.pdf', type: 'application/pdf', content: fileOf('pdf', 4096) };
    const added = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings' },
      { drawings: pdf },
    );
    expect(added.status).toBe(303);
    expect(added.location).toBe(`${docs}#drawings`);
    const withFile = await c.get(docs);
    expect(withFile.html.match(/図面\.pdf/g)?.length).toBeGreaterThanOrEqual(1);

    const fake = { name: 'fake.pdf', type: 'application/pdf', content: fileOf('text', 2048) };
    const refused = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings' },
      { drawings: fake },
    );
    expect(refused.location).toBe(`${docs}?upload=file_kind&field=drawings#drawings`);
    const shown = await c.get(refused.location ?? '');
    expect(shown.html).toContain('class="error-summary"');
    expect(mainText(shown.html)).toContain('PDFのファイルを選択してください');
    expect(shown.html).not.toContain('fake.pdf');

    const empty = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings' },
      { drawings: null },
    );
    expect(empty.location).toContain('upload=empty&field=drawings');

    const d = await h.procedures.draft(resident, id);
    const files = (d?.application.answers.drawings ?? []) as { id: string; name: string }[];
    const mine = files.find((f) => f.name === '図面.pdf');
    expect(mine).toBeDefined();
    const deleted = await c.postMultipart(`/applications/${id}/files/${mine?.id}/delete`, {
      fieldId: 'drawings',
    });
    expect(deleted.location).toBe(`${docs}#drawings`);
    expect((await c.get(docs)).html).not.toContain('図面.pdf');

    const huge = { name: 'big.pdf', type: 'application/pdf', content: fileOf('pdf', 11 * MB) };
    const tooBig = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings' },
      { drawings: huge },
    );
    expect(tooBig.status).toBe(413);
    expect(mainText(tooBig.html)).toContain('1つ10MBまで');
    // elsewhere a form's POST keeps the 64 KB limit
    const big = await c.post(`/applications/${id}/review`, { declaration: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });

  it('attaches a PNG chosen on the page when 次へ is pressed, with the page’s other answers', async () => {
    const { c, resident } = await signedIn();
    const id = await draftOf(resident, 'road-park-damage-report');
    const walk = h.walks('road-park-damage-report')[0];
    if (!walk) throw new Error('no walk');
    const place = inputOf('road-park-damage-report', 'place', walk.answers);
    expect((await c.post(`/applications/${id}/pages/place`, { ...place, action: 'next' })).location).toBe(
      `/applications/${id}/pages/photos`,
    );
    const png = { name: 'hole.png', type: 'image/png', content: fileOf('png', 3000) };
    const next = await c.postMultipart(
      `/applications/${id}/pages/photos`,
      { action: 'next' },
      { photos: png },
    );
    expect(next.location).toBe(`/applications/${id}/pages/reporter`);
    const photos = await c.get(`/applications/${id}/pages/photos`);
    expect(photos.html).toContain('hole.png');
    // a JPEG that is really text is refused, and the page's answers stay
    const fake = { name: 'x.jpg', type: 'image/jpeg', content: fileOf('text', 500) };
    const refused = await c.postMultipart(
      `/applications/${id}/pages/photos`,
      { action: 'next' },
      { photos: fake },
    );
    expect(refused.location).toContain('upload=file_kind&field=photos');
    expect((await c.get(`/applications/${id}/pages/photos`)).html).toContain('hole.png');
  });

  it('sends a page hidden by its condition to the first incomplete page', async () => {
    const { c, resident } = await signedIn();
    const id = await draftOf(resident, 'dog-registration-change');
    const walk = h.walks('dog-registration-change').find((w) => w.choices.changeKind === 'moved');
    if (!walk) throw new Error('no walk');
    for (const p of ['owner', 'dog'])
      await c.post(`/applications/${id}/pages/${p}`, {
        ...inputOf('dog-registration-change', p, walk.answers),
        action: 'next',
      });
    expect((await c.get(`/applications/${id}/pages/moved`)).status).toBe(200);
    expect((await c.get(`/applications/${id}/pages/death`)).location).toBe(`/applications/${id}/pages/moved`);
    expect((await c.get(`/applications/${id}`)).location).toBe(`/applications/${id}/pages/moved`);
  });

  it('shows the reason and only the marked fields after 差し戻し, and sends the correction', async () => {
    const { c, resident } = await signedIn();
    const { id } = await h.submitted(resident, 'bulky-waste-collection');
    const staff = h.staff();
    expect((await h.procedures.start(staff, id)).ok).toBe(true);
    expect(
      (await h.procedures.returnForCorrection(staff, id, '電話番号がつながりません。', ['phone'])).ok,
    ).toBe(true);
    const path = `/mypage/applications/${id}/correct`;
    const page = await c.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>修正して再申請する');
    expect(mainText(page.html)).toContain('電話番号がつながりません。');
    expect(page.html).toContain('name="phone"');
    expect(page.html).not.toContain('name="email"');

    const bad = await c.post(path, { phone: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('value="abc"');
    expect(bad.html).toContain('id="phone-error"');

    const ok = await c.post(path, { phone: '044-200-3939' });
    expect(ok.location).toBe(`/mypage/applications/${id}`);
    expect(await h.applicationRows()).toMatchObject([{ state: 'submitted', revision: 2 }]);
    expect((await c.get(path)).status).toBe(404);
  });

  it('replaces a marked attachment during the correction and sends it', async () => {
    const { c, resident } = await signedIn();
    const { id } = await h.submitted(resident, 'outdoor-advertisement-permit');
    const staff = h.staff();
    await h.procedures.start(staff, id);
    expect(
      (await h.procedures.returnForCorrection(staff, id, '図面が読めません。', ['drawings', 'phone'])).ok,
    ).toBe(true);
    const path = `/mypage/applications/${id}/correct`;
    const page = await c.get(path);
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toContain('formaction="/applications/');
    const old = (await h.procedures.detail(resident, id, 'ja'))?.attachments.filter(
      (a) => a.fieldId === 'drawings',
    );
    expect(old?.length).toBeGreaterThan(0);
    // an unmarked field's file cannot be touched
    const consent = (await h.procedures.detail(resident, id, 'ja'))?.attachments.find(
      (a) => a.fieldId === 'consent',
    );
    expect(
      (await c.postMultipart(`/applications/${id}/files/${consent?.id}/delete`, { fieldId: 'consent' }))
        .status,
    ).toBe(404);
    // The file buttons show the correction again at once, with the other marked field as typed
    // (a returned application has no draft to keep it in).
    const typedPhone = '044-200-3939';
    for (const a of old ?? []) {
      const r = await c.postMultipart(`/applications/${id}/files/${a.id}/delete`, {
        fieldId: 'drawings',
        phone: typedPhone,
      });
      expect(r.status).toBe(200);
      expect(r.html).toContain(`value="${typedPhone}"`);
      expect(mainText(r.html)).not.toContain(a.fileName);
    }
    const fake = { name: 'x.pdf', type: 'application/pdf', content: fileOf('text', 100) };
    const refused = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings', phone: typedPhone },
      { drawings: fake },
    );
    expect(refused.status).toBe(400);
    expect(mainText(refused.html)).toContain('PDFのファイルを選択してください');
    expect(refused.html).toContain(`value="${typedPhone}"`);
    // the refusal's address (kept for links) still shows the error
    expect(mainText((await c.get(`${path}?upload=file_kind&field=drawings`)).html)).toContain(
      'PDFのファイルを選択してください',
    );
    const pdf = { name: '新しい図面.pdf', type: 'application/pdf', content: fileOf('pdf', 3000) };
    const added = await c.postMultipart(
      `/applications/${id}/files`,
      { fieldId: 'drawings', phone: typedPhone },
      { drawings: pdf },
    );
    expect(added.status).toBe(200);
    expect(added.html).toContain('新しい図面.pdf');
    expect(added.html).toContain(`value="${typedPhone}"`);
    const sent = await c.postMultipart(path, { phone: typedPhone });
    expect(sent.location).toBe(`/mypage/applications/${id}`);
    const detail = await h.procedures.detail(resident, id, 'ja');
    expect(detail?.application.state).toBe('submitted');
    expect(JSON.stringify(detail?.application.answers.drawings)).toContain('新しい図面.pdf');
  });

  it('shows the form in English', async () => {
    const { c, resident } = await signedIn();
    await c.english();
    const id = await draftOf(resident, 'bulky-waste-collection');
    const p = await c.get(`/applications/${id}/pages/applicant`);
    expect(p.html).toContain('<title>Bulky waste collection request');
    expect(mainText(p.html)).toContain('Continue');
    expect(mainText(p.html)).toContain('Save as draft');
    const bad = await c.post(`/applications/${id}/pages/applicant`, { action: 'next' });
    expect(bad.status).toBe(400);
    expect(mainText(bad.html)).toContain('There is a problem');
    expect(mainText(bad.html)).not.toMatch(/を入力してください/);
  });
});
