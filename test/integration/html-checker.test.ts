/**
 * The W3C Nu HTML Checker finds no error on the pages as the server sends them: the public pages,
 * the registration's steps (also with their errors shown), マイページ and the account screens
 * signed in, the back office signed in as staff — in Japanese and in English; and the online
 * procedures' screens (issue 13) of residents, guests and staff, with their error states. One Java
 * run per test checks its pages (test/support/html-checker.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestFollowPath } from '../../src/app/procedures/procedures.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { insertUser, RESIDENT_PASSWORD, SESSION_SECRET } from '../support/back-office-harness.js';
import { FormClient } from '../support/form-client.js';
import { htmlErrors, type CheckedPage } from '../support/html-checker.js';
import { TestClock } from '../support/clock.js';
import { fileOf, proceduresHarness } from '../support/procedures-harness.js';
import { staffSessionId } from '../support/sign-in.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { SESSION_SECRET, CODE_MAILS_PER_IP_PER_10_MIN: '1000' } });
});
afterAll(async () => {
  await app?.close();
});

/** Each path as served (200, or the status given), under the page's name. */
async function collect(
  client: FormClient,
  prefix: string,
  paths: (string | [string, number])[],
  lang = prefix.slice(0, 2),
): Promise<CheckedPage[]> {
  const pages: CheckedPage[] = [];
  for (const entry of paths) {
    const [path, status] = typeof entry === 'string' ? [entry, 200] : entry;
    const page = await client.get(path);
    expect(page.status, `${prefix} ${path}`).toBe(status);
    expect(page.html, `${prefix} ${path}: the page's language`).toContain(`<html lang="${lang}"`);
    pages.push({ name: `${prefix} ${path}`, html: page.html });
  }
  return pages;
}

describe('the W3C HTML checker', () => {
  it('finds no error on the public, resident and back-office pages, in Japanese and English', async () => {
    const pages: CheckedPage[] = [];
    for (const lang of ['ja', 'en'] as const) {
      const guest = new FormClient(app.url);
      await guest.get(`/lang/${lang}`);
      pages.push(
        ...(await collect(guest, `${lang} guest`, [
          '/',
          '/terms',
          '/privacy',
          '/faq',
          '/accessibility',
          '/login',
          '/register',
          '/register/terms?kind=individual',
          '/password-reset',
          ['/no-such-page', 404],
        ])),
      );
      // A registration step with its errors shown.
      await guest.post('/register/terms', { kind: 'individual', agree: 'yes' });
      const emailErrors = await guest.post('/register/email', { email: 'not an address' });
      expect(emailErrors.html, 'the email error shown').toContain('error-summary');
      pages.push({ name: `${lang} registration email error`, html: emailErrors.html });
      const loginErrors = await guest.post('/login', { email: '', password: '' });
      expect(loginErrors.html, 'the login error shown').toContain('error-summary');
      pages.push({ name: `${lang} login error`, html: loginErrors.html });

      const resident = new FormClient(app.url);
      await resident.get(`/lang/${lang}`);
      const email = `html-${lang}@example.jp`;
      await insertUser(app.database, { email }, new Date());
      await resident.get('/login');
      const signedIn = await resident.post('/login', { email, password: RESIDENT_PASSWORD });
      expect(signedIn.location, 'signed in').toBe('/mypage');
      pages.push(
        ...(await collect(resident, `${lang} resident`, [
          '/mypage',
          '/account/profile',
          '/account/email',
          '/account/password',
          '/account/delete',
        ])),
      );

      const staff = new FormClient(app.url);
      await staff.get(`/lang/${lang}`);
      staff.jar.set('staff_sid', await staffSessionId(app, `staff-${lang}@city.example.jp`));
      pages.push(
        ...(await collect(
          staff,
          `${lang} staff`,
          [
            '/admin',
            '/admin/audit',
            '/admin/users',
            '/admin/staff',
            '/admin/notices',
            '/admin/notices/new',
            // The back office is in Japanese whatever the language cookie says (decision 008).
          ],
          'ja',
        )),
      );
    }
    const errors = await htmlErrors(pages);
    expect(errors).toEqual([]);
  });

  it('finds no error on the procedures’ resident, guest and staff pages and their errors, in Japanese and English', async () => {
    const h = proceduresHarness(app.database, { clock: new TestClock(new Date()) });
    const META = { ip: '192.0.2.50', userAgent: 'vitest' };
    const pages: CheckedPage[] = [];
    /** A page answered with `status` (a form's error: 400), kept under its name. */
    const keep = (name: string, page: { status: number; html: string }, status = 200) => {
      expect(page.status, name).toBe(status);
      pages.push({ name, html: page.html });
    };
    for (const lang of ['ja', 'en'] as const) {
      // A visitor: 手続一覧 (results, none, filtered), a procedure's page, ログインせずに申請する.
      const visitor = new FormClient(app.url);
      await visitor.get(`/lang/${lang}`);
      pages.push(
        ...(await collect(visitor, `${lang} visitor`, [
          '/procedures',
          '/procedures?q=zzzzzz',
          '/procedures?q=douro&category=roadsParks&audience=individual',
          '/procedures/road-park-damage-report',
          '/procedures/citizen-course-application/guest',
          ['/procedures/no-such-procedure', 404],
        ])),
      );
      const guestBase = '/procedures/citizen-course-application/guest';
      keep(`${lang} guest address error`, await visitor.post(guestBase, { email: 'not an address' }), 400);
      const guestEmail = `html.guest.${lang}@example.jp`;
      expect((await visitor.post(guestBase, { email: guestEmail })).location).toBe(`${guestBase}/code`);
      keep(`${lang} guest code`, await visitor.get(`${guestBase}/code`));
      keep(`${lang} guest code error`, await visitor.post(`${guestBase}/code`, { code: '12345' }), 400);

      // A guest's application sent (through the use cases), opened by the receipt mail's link.
      const started = await h.procedures.guest.start(
        'citizen-course-application',
        `sent.${guestEmail}`,
        META,
        lang,
      );
      if (!started.ok) throw new Error('guest flow not started');
      const codeMail = (await h.mailsTo(`sent.${guestEmail}`)).at(-1)?.body ?? '';
      const code = /(?:認証コード：|Verification code: )(\d{6})/.exec(codeMail)?.[1] ?? '';
      const verified = await h.procedures.guest.verifyCode(started.token, code, META);
      if (!verified.ok) throw new Error('guest code refused');
      const guest = { applicationId: verified.applicationId, secret: verified.secret };
      await h.fill(guest, guest.applicationId, h.walks('citizen-course-application')[0]!);
      if (!(await h.procedures.submit(guest, guest.applicationId)).ok) throw new Error('guest not sent');
      const follower = new FormClient(app.url);
      await follower.get(`/lang/${lang}`);
      keep(
        `${lang} guest follow page`,
        await follower.follow(guestFollowPath(guest.applicationId, guest.secret)),
      );
      keep(
        `${lang} guest withdraw`,
        await follower.get(`/guest/applications/${guest.applicationId}/withdraw`),
      );

      // A resident: the form's pages (with errors, with a file), 申請内容の確認, 申請の完了.
      const resident = new FormClient(app.url);
      await resident.get(`/lang/${lang}`);
      const email = `html.procedures.${lang}@example.jp`;
      const userId = await insertUser(app.database, { email }, new Date());
      await resident.signIn(email, RESIDENT_PASSWORD);
      keep(`${lang} resident procedure page`, await resident.get('/procedures/road-park-damage-report'));
      const apply = await resident.post('/procedures/road-park-damage-report/apply');
      const id = apply.location?.split('/')[2] ?? '';
      const page = (p: string) => `/applications/${id}/pages/${p}`;
      expect(apply.location).toBe(page('place'));
      keep(`${lang} form page`, await resident.get(page('place')));
      keep(`${lang} form page errors`, await resident.post(page('place'), { action: 'next' }), 400);
      const place = { facility: 'road', location: '中原区小杉町3丁目', description: '歩道に穴' };
      expect((await resident.post(page('place'), { ...place, action: 'next' })).location).toBe(
        page('photos'),
      );
      keep(`${lang} file page`, await resident.get(page('photos')));
      const png = { name: 'photo.png', type: 'image/png', content: fileOf('png', 2048) };
      await resident.postMultipart(`/applications/${id}/files`, { fieldId: 'photos' }, { photos: png });
      keep(`${lang} file page with a file`, await resident.get(page('photos')));
      const text = { name: 'photo.png', type: 'image/png', content: fileOf('text', 64) };
      const refused = await resident.postMultipart(
        `/applications/${id}/files`,
        { fieldId: 'photos' },
        { photos: text },
      );
      keep(`${lang} file page error`, await resident.get(refused.location ?? ''));
      await resident.postMultipart(page('photos'), { action: 'next' }, { photos: null });
      keep(`${lang} prefilled page`, await resident.get(page('reporter')));
      const reporter = { 'name-familyName': '川崎', 'name-givenName': '太郎', email, phone: '0442002111' };
      await resident.post(page('reporter'), { ...reporter, action: 'next' });
      keep(`${lang} review`, await resident.get(`/applications/${id}/review`));
      expect((await resident.post(`/applications/${id}/review`)).location).toBe(
        `/applications/${id}/complete`,
      );
      keep(`${lang} complete`, await resident.get(`/applications/${id}/complete`));
      keep(`${lang} complete print`, await resident.get(`/applications/${id}/complete?print=1`));

      // The declaration not ticked; 申請履歴, 申請の詳細, the confirm pages without JavaScript.
      const draft = await h.procedures.startDraft({ userId }, 'resident-certificate-by-mail');
      if (!draft.ok) throw new Error('draft not started');
      await h.fill({ userId }, draft.applicationId, h.walks('resident-certificate-by-mail')[0]!);
      await resident.get(`/applications/${draft.applicationId}/review`);
      keep(`${lang} review error`, await resident.post(`/applications/${draft.applicationId}/review`), 400);
      const withdrawable = await h.submitted({ userId }, 'city-tax-certificate');
      pages.push(
        ...(await collect(resident, `${lang} resident`, [
          '/mypage',
          '/mypage/applications',
          `/mypage/applications/${id}`,
          `/mypage/applications/${withdrawable.id}`,
        ])),
      );
      keep(
        `${lang} withdraw confirm`,
        await resident.post(`/mypage/applications/${withdrawable.id}/withdraw`, { nojs: '1' }),
      );
      await resident.get('/mypage/applications');
      keep(
        `${lang} draft delete confirm`,
        await resident.post(`/applications/${draft.applicationId}/delete`, { nojs: '1' }),
      );

      // 差し戻し: 申請の詳細, 修正して再申請する, and its errors.
      const staffActor = h.staff();
      await h.procedures.start(staffActor, id);
      await h.procedures.returnForCorrection(staffActor, id, '場所を詳しく教えてください。', [
        'location',
        'photos',
      ]);
      keep(`${lang} returned detail`, await resident.get(`/mypage/applications/${id}`));
      keep(`${lang} correct`, await resident.get(`/mypage/applications/${id}/correct`));
      keep(
        `${lang} correct errors`,
        await resident.postMultipart(
          `/mypage/applications/${id}/correct`,
          { location: '' },
          { photos: null },
        ),
        400,
      );
      // resent, so that staff see what changed
      const resent = await h.procedures.resubmit({ userId }, id, { location: '中原区小杉町3丁目1番' });
      expect(resent.ok).toBe(true);

      // Staff (in Japanese whatever the language cookie says): 申請一覧, 申請の詳細, 手続管理.
      const staff = new FormClient(app.url);
      await staff.get(`/lang/${lang}`);
      staff.jar.set('staff_sid', await staffSessionId(app, `procedures-${lang}@city.example.jp`));
      pages.push(
        ...(await collect(
          staff,
          `${lang} staff`,
          [
            '/admin/applications',
            '/admin/applications?ref=!!',
            `/admin/applications/${id}`,
            `/admin/applications/${withdrawable.id}`,
            '/admin/procedures',
          ],
          'ja',
        )),
      );
      await h.procedures.start(staffActor, id);
      await staff.get(`/admin/applications/${id}`);
      keep(`${lang} staff return errors`, await staff.post(`/admin/applications/${id}/return`, {}), 400);
      // 操作の確認: a confirmed action sent without JavaScript
      await staff.get('/admin/procedures');
      keep(
        `${lang} staff confirm without JavaScript`,
        await staff.post('/admin/procedures/letter-to-mayor/stop', {
          nojs: '1',
          question: '受付を停止しますか？',
        }),
        200,
      );
    }
    const errors = await htmlErrors(pages);
    expect(errors).toEqual([]);
  });

  it('reports an error where there is one (the check can fail)', async () => {
    const errors = await htmlErrors([
      {
        name: 'broken',
        html: '<!doctype html><html lang="ja"><head><title>x</title></head><body><p>a<div></p></body></html>',
      },
    ]);
    expect(errors.map((e) => e.page)).toContain('broken');
  });
});
