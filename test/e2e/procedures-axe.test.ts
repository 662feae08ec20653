/**
 * axe-core on every screen of the online procedures (issue 13), in Japanese and in English (the
 * back office in Japanese, decision 008): 手続一覧 with and without results, a procedure's page,
 * a form page with and without errors, a page with a file, 申請内容の確認 (also with its error),
 * 申請の完了, マイページ, 申請履歴, 申請の詳細 (also 差し戻し, and the 取下げる dialog), the
 * correction page with and without errors, the guest's start, code and follow pages, and staff
 * 申請一覧, 申請の詳細 (with what a 再申請 changed, and an error) and 手続管理. The screens are
 * reached by their controls found by name or by form, so that one walk serves both languages;
 * applications in later states are made through the use cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expect as playwrightExpect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { guestFollowPath } from '../../src/app/procedures/procedures.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { TestClock } from '../support/clock.js';
import { fileOf, proceduresHarness, type ProceduresHarness } from '../support/procedures-harness.js';
import { signInResident, signInStaff } from '../support/sign-in.js';
import { TestSmtp } from '../support/smtp.js';

let browser: Browser;
let smtp: TestSmtp;
let app: TestApp;
let h: ProceduresHarness;
const contexts: BrowserContext[] = [];
const pwExpect = playwrightExpect.configure({ timeout: 10_000 });
const META = { ip: '192.0.2.40', userAgent: 'vitest' };

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  app = await startTestApp({ smtpUrl: smtp.url });
  browser = await launchChromium();
  h = proceduresHarness(app.database, { clock: new TestClock(new Date()) });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
  await smtp?.stop();
});

type Lang = 'ja' | 'en';

async function newPage(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${app.url}/lang/${lang}`);
  return page;
}

/** axe on the page, which must be in `lang`. */
async function axe(page: Page, lang: Lang, where: string): Promise<void> {
  expect(await page.getAttribute('html', 'lang'), `${where}: the page's language`).toBe(lang);
  await expectNoAxeViolations(page, `${where} (${lang})`);
}

/** The submit button of the page's procedure form with that `action` value (次へ, 一時保存する). */
/** The 6-digit code of the newest code mail to `to`, in either language. */
async function takeCode(to: string): Promise<string> {
  const mail = await smtp.waitFor(to, /認証コード|verification code/);
  smtp.mails.splice(smtp.mails.indexOf(mail), 1);
  const code = /(?:認証コード：|Verification code: )(\d{6})/.exec(mail.text)?.[1];
  if (!code) throw new Error('no code in mail');
  return code;
}

/**
 * Sends a form with a confirm dialog as a browser without JavaScript does: with its <noscript>
 * field (nojs=1), and without the dialog.
 */
async function submitWithoutScript(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((form: HTMLFormElement) => {
    const nojs = document.createElement('input');
    nojs.type = 'hidden';
    nojs.name = 'nojs';
    nojs.value = '1';
    form.append(nojs);
    form.submit();
  });
}

const formButton = (page: Page, value: string) =>
  page.locator(`form.procedure-form button[name="action"][value="${value}"]`);

describe.each(['ja', 'en'] as const)('axe on the procedures’ screens, in %s', (lang) => {
  it('the resident’s screens: search, a procedure, the form, its file page, the review, the receipt, the history and the details', async () => {
    const page = await newPage(lang);
    const email = `axe.resident.${lang}@example.jp`;
    const userId = await signInResident(app, page, { email });
    const resident = { userId };

    await page.goto(`${app.url}/procedures`);
    await axe(page, lang, '手続一覧');
    await page.goto(`${app.url}/procedures?q=zzzzzz`);
    await pwExpect(page.locator('main .notice')).toBeVisible();
    await axe(page, lang, '手続一覧 (no result)');
    await page.goto(`${app.url}/procedures/road-park-damage-report`);
    await axe(page, lang, 'the procedure’s page');

    // The form: a page, its errors, the file page with a file, 申請内容の確認, 申請の完了.
    await page.locator('form[action$="/apply"] button[type="submit"]').click();
    await page.waitForURL('**/pages/place');
    await axe(page, lang, 'a form page');
    await formButton(page, 'next').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, 'a form page (errors)');
    await page.locator('input[name="facility"][value="road"]').check();
    await page.locator('#location').fill('中原区小杉町3丁目');
    await page.locator('#description').fill('歩道に穴があいています。');
    await formButton(page, 'save').click();
    await pwExpect(page.locator('main .notice')).toBeVisible();
    await axe(page, lang, 'a form page (一時保存する)');
    await formButton(page, 'next').click();
    await page.waitForURL('**/pages/photos');
    await axe(page, lang, 'the file page');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(fileOf('png', 2048)),
    });
    await page.locator('button[name="fieldId"][value="photos"][formaction$="/files"]').click();
    await pwExpect(page.locator('.file-list')).toContainText('photo.png');
    // The hidden part of the buttons' and links' names reads in the page's language.
    await pwExpect(
      page.getByRole('button', { name: lang === 'ja' ? /^削除\s?：photo\.png$/ : /^Delete\s?: photo\.png$/ }),
    ).toBeVisible();
    await pwExpect(page.locator('main')).toContainText(lang === 'ja' ? 'JPEG、PNG' : 'JPEG, PNG');
    await axe(page, lang, 'the file page (a file attached)');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image at all'),
    });
    await page.locator('button[name="fieldId"][value="photos"][formaction$="/files"]').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, 'the file page (a file refused)');
    await formButton(page, 'next').click();
    await page.waitForURL('**/pages/reporter');
    await formButton(page, 'next').click();
    await page.waitForURL('**/review');
    await pwExpect(
      page.getByRole('link', { name: lang === 'ja' ? /^変更\s?（場所）$/ : /^Change\s?\(Location\)$/ }),
    ).toBeVisible();
    await axe(page, lang, '申請内容の確認');
    await page.locator('form.procedure-form button[type="submit"]').click();
    await page.waitForURL('**/complete');
    await axe(page, lang, '申請の完了');
    await page.goto(`${page.url()}?print=1`);
    await axe(page, lang, '申請の完了 (控えを印刷する without script)');

    // 申請内容の確認 with the declaration's error (a complete draft made through the use cases).
    const started = await h.procedures.startDraft(resident, 'resident-certificate-by-mail');
    if (!started.ok) throw new Error('not started');
    await h.fill(resident, started.applicationId, h.walks('resident-certificate-by-mail')[0]!);
    await page.goto(`${app.url}/applications/${started.applicationId}/review`);
    await page.locator('form.procedure-form button[type="submit"]').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, '申請内容の確認 (the declaration not ticked)');

    // マイページ and 申請履歴 with applications and a draft; 申請の詳細 with 取下げる and its dialog.
    const withdrawable = await h.submitted(resident, 'city-tax-certificate');
    await page.goto(`${app.url}/mypage`);
    await axe(page, lang, 'マイページ (申請履歴, 一時保存中の申請)');
    await page.goto(`${app.url}/mypage/applications`);
    await axe(page, lang, '申請履歴');
    await page.goto(`${app.url}/mypage/applications/${withdrawable.id}`);
    await axe(page, lang, '申請の詳細');
    await page.locator('form[action$="/withdraw"] button[type="submit"]').click();
    await pwExpect(page.getByRole('dialog')).toBeVisible();
    await axe(page, lang, '申請の詳細 (the 取下げる dialog)');
    // The confirm pages a browser without JavaScript gets (the form sent as it would send it).
    await page.goto(`${app.url}/mypage/applications/${withdrawable.id}`);
    await submitWithoutScript(page, 'form[action$="/withdraw"]');
    await page.waitForURL(`**/mypage/applications/${withdrawable.id}/withdraw`);
    await axe(page, lang, '申請の取下げ (the confirm page)');
    await page.goto(`${app.url}/mypage/applications`);
    await submitWithoutScript(page, `form[action="/applications/${started.applicationId}/delete"]`);
    await page.waitForURL(`**/applications/${started.applicationId}/delete`);
    await axe(page, lang, '一時保存中の申請の削除 (the confirm page)');

    // 差し戻し: 申請の詳細 with the reason, the correction page, and its errors.
    const road = await h.submitted(resident, 'road-park-damage-report');
    const staff = h.staff();
    await h.procedures.start(staff, road.id);
    await h.procedures.returnForCorrection(staff, road.id, '場所を詳しく教えてください。', [
      'location',
      'photos',
    ]);
    await page.goto(`${app.url}/mypage/applications/${road.id}`);
    await axe(page, lang, '申請の詳細 (差し戻し)');
    await page.goto(`${app.url}/mypage/applications/${road.id}/correct`);
    await axe(page, lang, '修正して再申請する');
    await page.locator('#location').fill('');
    await page.locator('form.procedure-form > .actions button[type="submit"]').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, '修正して再申請する (errors)');
  });

  it('the guest’s screens: the address, the code (and its error), and the follow page with 取下げる', async () => {
    const page = await newPage(lang);
    const email = `axe.guest.${lang}@example.jp`;
    await page.goto(`${app.url}/procedures/citizen-course-application/guest`);
    await axe(page, lang, 'ログインせずに申請する');
    await page.locator('#email').fill('not an address');
    await page.locator('main form button[type="submit"]').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, 'ログインせずに申請する (error)');
    await page.locator('#email').fill(email);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL('**/guest/code');
    await axe(page, lang, '認証コードの入力');
    const code = await takeCode(email);
    await page.locator('#code').fill(code === '000000' ? '111111' : '000000');
    await page.locator('form[action$="/guest/code"] button[type="submit"]').click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, lang, '認証コードの入力 (error)');
    await page.locator('#code').fill(code);
    await page.locator('form[action$="/guest/code"] button[type="submit"]').click();
    await page.waitForURL('**/pages/course');
    await axe(page, lang, 'a guest’s form page');

    // A guest application sent through the use cases; the receipt mail's link opens it.
    const started = await h.procedures.guest.start(
      'citizen-course-application',
      `other.${email}`,
      META,
      lang,
    );
    if (!started.ok) throw new Error('not started');
    const mailed = (await h.mailsTo(`other.${email}`)).at(-1)?.body ?? '';
    const otherCode = /(?:認証コード：|Verification code: )(\d{6})/.exec(mailed)?.[1] ?? '';
    const verified = await h.procedures.guest.verifyCode(started.token, otherCode, META);
    if (!verified.ok) throw new Error(`not verified: ${JSON.stringify(verified)}`);
    const guest = { applicationId: verified.applicationId, secret: verified.secret };
    await h.fill(guest, guest.applicationId, h.walks('citizen-course-application')[0]!);
    const sent = await h.procedures.submit(guest, guest.applicationId);
    if (!sent.ok) throw new Error('not sent');
    const follower = await newPage(lang);
    await follower.goto(`${app.url}${guestFollowPath(guest.applicationId, guest.secret)}`);
    await follower.waitForURL(`**/guest/applications/${guest.applicationId}`);
    await axe(follower, lang, 'the guest’s 申請の詳細');
    await follower.goto(`${app.url}/guest/applications/${guest.applicationId}/withdraw`);
    await axe(follower, lang, 'the guest’s 取下げる');
  });
});

describe('axe on the staff’s procedures screens (Japanese)', () => {
  it('申請一覧, 申請の詳細 with what a 再申請 changed and an error, 手続管理', async () => {
    const resident = await h.resident();
    const sent = await h.submitted(resident, 'road-park-damage-report');
    const staff = h.staff();
    await h.procedures.start(staff, sent.id);
    await h.procedures.returnForCorrection(staff, sent.id, '場所を詳しく教えてください。', ['location']);
    const again = await h.procedures.resubmit(resident, sent.id, { location: '中原区小杉町3丁目1番' });
    if (!again.ok) throw new Error(`not resubmitted: ${JSON.stringify(again)}`);
    await h.procedures.start(staff, sent.id);

    const page = await newPage('ja');
    await signInStaff(app, page.context(), 'axe.staff@city.example.jp');
    await page.goto(`${app.url}/admin/applications`);
    await axe(page, 'ja', '申請一覧');
    await page.goto(`${app.url}/admin/applications?ref=!!`);
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, 'ja', '申請一覧 (error)');
    await page.goto(`${app.url}/admin/applications/${sent.id}`);
    await pwExpect(page.getByRole('table', { name: '第2版で変更された項目' })).toBeAttached();
    await axe(page, 'ja', '申請の詳細 (staff)');
    await page.getByRole('button', { name: '差し戻す' }).click();
    await pwExpect(page.locator('.error-summary')).toBeVisible();
    await axe(page, 'ja', '申請の詳細 (staff, errors)');
    await page.goto(`${app.url}/admin/procedures`);
    await axe(page, 'ja', '手続管理');
  });
});
