/**
 * ログインせずに申請する (issue 13) end to end in Chromium, with JavaScript on and off: a guest
 * applies for 市民講座の参加申込み with the 6-digit code from the mail, gets the 受付番号 on screen
 * and by mail, and the mail's link opens that one application in a fresh browser, where the guest
 * withdraws it.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE, h1, pwExpect, useProcedureBrowser } from '../support/procedures-e2e.js';

const started = useProcedureBrowser();
const { newPage, takeMail } = started;

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('ログインせずに申請する in Chromium, $mode', ({ js }) => {
  it('a guest applies with the code from the mail; the receipt mail’s link opens that application in a fresh browser', async () => {
    const email = `guest.${js ? 'js' : 'nojs'}@example.jp`;
    const page = await newPage(js);

    // The procedure's page, found in 手続一覧 by romaji, offers ログインせずに申請する.
    await page.goto(`${started.app.url}/procedures?q=shimin`);
    await page.getByRole('link', { name: '市民講座の参加申込み' }).click();
    await pwExpect(h1(page)).toHaveText('市民講座の参加申込み');
    await page.getByRole('link', { name: 'ログインせずに申請する' }).click();
    await pwExpect(h1(page)).toHaveText('ログインせずに申請する');

    // メールアドレス → 認証コードの入力 with the code from the mail (a wrong one first).
    await page.getByLabel('メールアドレス').fill('not an address');
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    await pwExpect(page).toHaveTitle(/^エラー：ログインせずに申請する/);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    await pwExpect(h1(page)).toHaveText('認証コードの入力');
    await pwExpect(page.locator('main')).toContainText(email);
    const code = await started.smtp.takeCode(email);
    await page.getByLabel('認証コード').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    await pwExpect(page.getByRole('alert')).toContainText('あと4回');
    await page.getByLabel('認証コード').fill(code);
    await page.getByRole('button', { name: '認証コードを確認する' }).click();

    // The form: 講座 (select, radio), 参加者 (氏名, the address confirmed, 電話番号, radio, checkbox).
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/pages\/course$/);
    const applicationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await pwExpect(h1(page)).toHaveText('市民講座の参加申込み');
    await page.getByLabel('講座名').selectOption({ label: '家庭でできる防災' });
    await page.getByRole('group', { name: '希望する回' }).getByLabel('土曜日午後').check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.waitForURL('**/pages/participant');
    await pwExpect(page.getByLabel('メールアドレス')).toHaveValue(email);
    await page.getByLabel('姓', { exact: true }).fill('多摩');
    await page.getByLabel('名', { exact: true }).fill('花子');
    await page.getByLabel('セイ', { exact: true }).fill('タマ');
    await page.getByLabel('メイ', { exact: true }).fill('ハナコ');
    await page.getByLabel('電話番号').fill('044-911-1234');
    await page.getByRole('group', { name: '市との関係' }).getByLabel('在勤').check();
    await page.getByRole('group', { name: '希望する配慮' }).getByLabel('要約筆記').check();
    await page.getByRole('button', { name: '次へ' }).click();

    await page.waitForURL('**/review');
    await pwExpect(h1(page)).toHaveText('申請内容の確認');
    await pwExpect(page.locator('main')).toContainText('家庭でできる防災');
    await pwExpect(page.locator('main')).toContainText('多摩 花子');
    await page.getByRole('button', { name: '申請する' }).click();
    await page.waitForURL(`**/applications/${applicationId}/complete`);
    await pwExpect(h1(page)).toHaveText('申請の完了');
    const ref = (await page.locator('[data-reference-number]').getAttribute('data-reference-number')) ?? '';
    expect(ref).toMatch(REFERENCE);
    // A guest has no マイページ: 申請の完了 leads to their own 申請の詳細.
    await pwExpect(page.getByRole('link', { name: 'マイページ' })).toHaveCount(0);
    await page.getByRole('link', { name: '申請の詳細' }).click();
    await page.waitForURL(`**/guest/applications/${applicationId}`);
    await pwExpect(page.locator('main')).toContainText(ref);

    // The receipt mail: the 受付番号 and the link to follow this application.
    const mail = await takeMail(email, `申請を受け付けました（受付番号 ${ref}）`);
    expect(mail.text).toContain('「市民講座の参加申込み」の申請を受け付けました。');
    const link = mail.text.match(/https?:\/\/\S+\/guest\/applications\/\S+\?t=\S+/)?.[0] ?? '';
    const { pathname, search } = new URL(link);
    expect(pathname).toBe(`/guest/applications/${applicationId}`);

    // Opened in a fresh browser (the link's origin is BASE_URL, left at its default by the test
    // app): that application, without its secret left in the address bar.
    const other = await newPage(js);
    await other.goto(`${started.app.url}${pathname}${search}`);
    await other.waitForURL(`**/guest/applications/${applicationId}`);
    await pwExpect(h1(other)).toHaveText('申請の詳細');
    const facts = other.locator('main dl.readonly');
    await pwExpect(facts).toContainText('市民講座の参加申込み');
    await pwExpect(facts).toContainText(ref);
    await pwExpect(facts).toContainText('送信済');
    await pwExpect(other.getByRole('table', { name: '参加者' })).toContainText('多摩 花子');
    // Nothing else of the site is theirs: マイページ still asks to sign in.
    await other.goto(`${started.app.url}/mypage`);
    await pwExpect(h1(other)).toHaveText('ログイン');

    // The course allows withdrawal: 取下げる, confirmed on its page; 取下げ shown and mailed.
    await other.goto(`${started.app.url}/guest/applications/${applicationId}`);
    await other.getByRole('link', { name: '取下げる' }).click();
    await pwExpect(h1(other)).toHaveText('申請の取下げ');
    await pwExpect(other.locator('main')).toContainText(`受付番号 ${ref}`);
    await other.getByRole('button', { name: '取下げる' }).click();
    await other.waitForURL(`**/guest/applications/${applicationId}?withdrawn=1`);
    await pwExpect(other.getByText('申請を取り下げました。')).toBeVisible();
    await pwExpect(facts).toContainText('取下げ');
    await takeMail(email, `「取下げ」になりました（受付番号 ${ref}）`);
  });
});
