/**
 * The account side (issue 3) end to end in Chromium through the real screens (found by their
 * accessible names), for both kinds of user, with JavaScript on and off, reading the mails from a
 * real SMTP server. The app runs on a clock the test moves (idle timeout, re-authentication).
 * axe-core checks every screen and error state in the JavaScript-on journeys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/db/schema/index.js';
import { PASSWORDS, accountHarness } from '../support/account-harness.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { TestClock } from '../support/clock.js';
import { TestSmtp } from '../support/smtp.js';

let browser: Browser;
let smtp: TestSmtp;
let app: TestApp;
const clock = new TestClock();

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  app = await startTestApp({ smtpUrl: smtp.url, clock });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await smtp?.stop();
});

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

/** Takes (and removes) the newest mail to `to` with `subject`, and its code if it has one. */
async function takeMail(to: string, subject: string): Promise<{ text: string; code: string }> {
  const mail = await smtp.waitFor(to, subject);
  smtp.mails.splice(smtp.mails.indexOf(mail), 1);
  return { text: mail.text, code: mail.text.match(/認証コード：(\d{6})/)?.[1] ?? '' };
}

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

const NEW_PASSWORD = 'Sakura#Bloom2027';

describe('the account side in Chromium', () => {
  it('an individual with JavaScript on: ログイン, 利用者情報の変更, メールアドレスの変更, パスワードの変更, 退会', async () => {
    const h = accountHarness(app.database);
    await h.createUser('e2e.taro@example.jp');
    const page = await newPage(true);
    const axe = (where: string) => expectNoAxeViolations(page, where);

    // ログイン from the header; a wrong password gets the one message.
    await page.goto(app.url);
    await page.getByRole('link', { name: 'ログイン', exact: true }).click();
    expect(await h1(page)).toBe('ログイン');
    await expect(page.getByRole('link', { name: 'パスワードを忘れた方' }).isVisible()).resolves.toBe(true);
    await axe('ログイン');
    await signIn(page, 'e2e.taro@example.jp', 'Wrong#pass1');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'メールアドレスまたはパスワードが正しくありません。',
    );
    await axe('ログイン (error)');
    await signIn(page, 'e2e.taro@example.jp', PASSWORDS.individual);
    expect(await h1(page)).toBe('マイページ');
    await axe('マイページ');

    // 利用者情報の変更 → 変更内容の確認 → 入力に戻る → 変更する → 完了.
    await page.getByRole('link', { name: '利用者情報の変更' }).click();
    expect(await h1(page)).toBe('利用者情報の変更');
    expect(await page.getByLabel('姓', { exact: true }).inputValue()).toBe('川崎');
    await axe('利用者情報の変更');
    await page.getByLabel('市区町村・番地').fill('');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await page.title()).toBe('エラー：利用者情報の変更 | オンライン手続かわさき');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      '市区町村・番地を入力してください',
    );
    expect(await page.getByLabel('市区町村・番地').getAttribute('aria-invalid')).toBe('true');
    await axe('利用者情報の変更 (error)');
    await page.getByLabel('市区町村・番地').fill('川崎市中原区小杉町3丁目');
    await page
      .getByRole('group', { name: /お知らせ・通知メール/ })
      .getByLabel('希望しない')
      .check();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await h1(page)).toBe('変更内容の確認');
    const table = await page.getByRole('table').textContent();
    expect(table).toContain('川崎市中原区小杉町3丁目');
    expect(table).toContain('希望しない');
    await axe('変更内容の確認');
    await page.getByRole('button', { name: '入力に戻る' }).click();
    expect(await page.getByLabel('市区町村・番地').inputValue()).toBe('川崎市中原区小杉町3丁目');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('button', { name: '変更する' }).click();
    expect(await h1(page)).toBe('利用者情報の変更完了');
    await axe('利用者情報の変更完了');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    await expect(page.getByRole('table').textContent()).resolves.toContain('川崎市中原区小杉町3丁目');

    // メールアドレスの変更: the code from the NEW address; the old address is told.
    await page.getByRole('link', { name: 'メールアドレスの変更' }).click();
    expect(await h1(page)).toBe('メールアドレスの変更');
    expect(await page.getByLabel('パスワード', { exact: true }).count()).toBe(0); // signed in just now
    await axe('メールアドレスの変更');
    await page.getByLabel('新しいメールアドレス').fill('e2e.taro.new@example.jp');
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    expect(await h1(page)).toBe('認証コードの入力');
    await expect(page.getByText('e2e.taro.new@example.jp').first().isVisible()).resolves.toBe(true);
    await axe('認証コードの入力 (メールアドレスの変更)');
    const { code } = await takeMail('e2e.taro.new@example.jp', 'メールアドレス変更の認証コード');
    await page.getByLabel('認証コード').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('あと4回');
    await axe('認証コードの入力 (error)');
    await page.getByLabel('認証コード').fill(code);
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    expect(await h1(page)).toBe('メールアドレスの変更完了');
    await axe('メールアドレスの変更完了');
    const oldNotice = await takeMail('e2e.taro@example.jp', 'メールアドレス（利用者ID）変更のお知らせ');
    expect(oldNotice.text).toContain('心当たりがない場合');
    expect(oldNotice.text).toContain('/password-reset');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    await expect(page.getByText('e2e.taro.new@example.jp').first().isVisible()).resolves.toBe(true);

    // パスワードの変更: the current password is checked; a notice goes to the (new) address.
    await page.getByRole('link', { name: 'パスワードの変更' }).click();
    expect(await h1(page)).toBe('パスワードの変更');
    await axe('パスワードの変更');
    await page.getByLabel('現在のパスワード').fill('Wrong#pass1');
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認用）').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '変更する' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      '現在のパスワードが正しくありません',
    );
    await axe('パスワードの変更 (error)');
    await page.getByLabel('現在のパスワード').fill(PASSWORDS.individual);
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認用）').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '変更する' }).click();
    expect(await h1(page)).toBe('パスワードの変更完了');
    await axe('パスワードの変更完了');
    const changed = await takeMail('e2e.taro.new@example.jp', 'パスワード変更のお知らせ');
    expect(changed.text).not.toContain(NEW_PASSWORD);

    // Sign out and in again with the new address and password.
    await page
      .getByRole('navigation', { name: 'アカウント' })
      .getByRole('button', { name: 'ログアウト' })
      .click();
    await page.getByRole('link', { name: 'ログイン', exact: true }).click();
    await signIn(page, 'e2e.taro.new@example.jp', NEW_PASSWORD);
    expect(await h1(page)).toBe('マイページ');

    // 退会: the dialog; キャンセル stays, OK deletes.
    await page.getByRole('link', { name: '退会', exact: true }).click();
    expect(await h1(page)).toBe('退会');
    await axe('退会');
    await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '退会する' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('退会します。よろしいですか？');
    await axe('退会 (dialog)');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await h1(page)).toBe('退会');
    await page.getByRole('button', { name: '退会する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/account/delete/complete');
    expect(await h1(page)).toBe('退会の完了');
    await axe('退会の完了');
    await expect(page.getByRole('link', { name: 'ログイン', exact: true }).isVisible()).resolves.toBe(true);
    const farewell = await takeMail('e2e.taro.new@example.jp', '退会手続完了のお知らせ');
    expect(farewell.text).toContain('オンライン手続かわさき');
    expect(await h.users.findByEmailKey('e2e.taro.new@example.jp')).toBeNull();
    await page.context().close();
  });

  it('a business with JavaScript off: the idle timeout, 利用者情報の変更, the password asked again, パスワードを忘れた方, 退会', async () => {
    const h = accountHarness(app.database);
    await h.createUser('e2e.biz@example.jp', 'business');
    const page = await newPage(false);
    await page.goto(`${app.url}/mypage`);
    expect(await h1(page)).toBe('ログイン');
    await signIn(page, 'e2e.biz@example.jp', PASSWORDS.business);
    expect(await h1(page)).toBe('マイページ');

    // 30 minutes without a request: signed out, and told why.
    clock.advance(30 * 60 + 1);
    await page.getByRole('link', { name: '利用者情報の変更' }).click();
    expect(await h1(page)).toBe('ログイン');
    await expect(
      page.getByText('一定時間操作がなかったため、ログアウトしました。').isVisible(),
    ).resolves.toBe(true);
    await signIn(page, 'e2e.biz@example.jp', PASSWORDS.business);
    expect(await h1(page)).toBe('利用者情報の変更'); // back where the person was going

    await expect(page.getByLabel('法人名/事業者名', { exact: true }).inputValue()).resolves.toBe(
      '株式会社かわさき商事',
    );
    await page.getByLabel('担当部署').fill('経理部');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await h1(page)).toBe('変更内容の確認');
    await page.getByRole('button', { name: '変更する' }).click();
    expect(await h1(page)).toBe('利用者情報の変更完了');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    await expect(page.getByRole('table').textContent()).resolves.toContain('経理部');

    // Over 15 minutes after the sign-in, the e-mail change asks for the password.
    clock.advance(16 * 60);
    await page.getByRole('link', { name: 'メールアドレスの変更' }).click();
    await page.getByLabel('新しいメールアドレス').fill('e2e.biz.new@example.jp');
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORDS.business);
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    expect(await h1(page)).toBe('認証コードの入力');
    const { code } = await takeMail('e2e.biz.new@example.jp', 'メールアドレス変更の認証コード');
    await page.getByLabel('認証コード').fill(code);
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    expect(await h1(page)).toBe('メールアドレスの変更完了');
    await takeMail('e2e.biz@example.jp', 'メールアドレス（利用者ID）変更のお知らせ');

    // パスワードの変更 without JavaScript.
    await page.getByRole('link', { name: 'マイページへ' }).click();
    await page.getByRole('link', { name: 'パスワードの変更' }).click();
    await page.getByLabel('現在のパスワード').fill(PASSWORDS.business);
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認用）').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '変更する' }).click();
    expect(await h1(page)).toBe('パスワードの変更完了');
    await takeMail('e2e.biz.new@example.jp', 'パスワード変更のお知らせ');

    // Signed out, the password "forgotten": the reset signs the person in again.
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.goto(`${app.url}/login`);
    await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
    expect(await h1(page)).toBe('パスワードの再設定');
    await page.getByLabel('メールアドレス').fill('E2E.BIZ.NEW@example.jp');
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    expect(await h1(page)).toBe('認証コードの入力');
    const reset = await takeMail('e2e.biz.new@example.jp', 'パスワード再設定の認証コード');
    await page.getByLabel('認証コード').fill(reset.code);
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    expect(await h1(page)).toBe('新しいパスワードの設定');
    await page.getByLabel('新しいパスワード', { exact: true }).fill('Third#Pass2028');
    await page.getByLabel('新しいパスワード（確認用）').fill('Third#Pass2028');
    await page.getByRole('button', { name: '設定する' }).click();
    expect(await h1(page)).toBe('パスワードの再設定完了');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    expect(await h1(page)).toBe('マイページ');

    // 退会 without JavaScript: the password, then the plain confirm step.
    await page.getByRole('link', { name: '退会', exact: true }).click();
    await page.getByLabel('パスワード', { exact: true }).fill('Third#Pass2028');
    await page.getByRole('button', { name: '退会する' }).click();
    await expect(page.getByText('退会します。よろしいですか？').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'OK' }).click();
    expect(await h1(page)).toBe('退会の完了');
    await page.getByRole('link', { name: 'オンライン手続かわさきのトップページへ' }).click();
    await expect(page.getByRole('link', { name: '新規登録', exact: true }).isVisible()).resolves.toBe(true);
    await takeMail('e2e.biz.new@example.jp', '退会手続完了のお知らせ');
    await page.context().close();
  });

  it('パスワードを忘れた方 with JavaScript on works while sign-in is held; an unknown address sees the same screens', async () => {
    const h = accountHarness(app.database);
    await h.createUser('e2e.held@example.jp');
    const page = await newPage(true);
    const axe = (where: string) => expectNoAxeViolations(page, where);
    await page.goto(`${app.url}/login`);
    for (let i = 0; i < 5; i++) await signIn(page, 'e2e.held@example.jp', `Wrong#${i}pass`);
    const held = await takeMail('e2e.held@example.jp', 'ログインを一時的に停止しました');
    expect(held.text).toContain('15分間ログインを停止しました');
    await signIn(page, 'e2e.held@example.jp', PASSWORDS.individual);
    expect(await h1(page)).toBe('ログイン');

    await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
    expect(await h1(page)).toBe('パスワードの再設定');
    await axe('パスワードの再設定');
    await page.getByLabel('メールアドレス').fill('e2e.held@example.jp');
    await page.getByRole('button', { name: '認証コードを送信する' }).click();
    expect(await h1(page)).toBe('認証コードの入力');
    await axe('認証コードの入力 (パスワードの再設定)');
    const { code } = await takeMail('e2e.held@example.jp', 'パスワード再設定の認証コード');
    await page.getByLabel('認証コード').fill(code);
    await page.getByRole('button', { name: '認証コードを確認する' }).click();
    expect(await h1(page)).toBe('新しいパスワードの設定');
    await axe('新しいパスワードの設定');
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認用）').fill('Sakura#Bloom2028');
    await page.getByRole('button', { name: '設定する' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('一致しません');
    await axe('新しいパスワードの設定 (error)');
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認用）').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '設定する' }).click();
    expect(await h1(page)).toBe('パスワードの再設定完了');
    await axe('パスワードの再設定完了');
    await expect(
      page
        .getByRole('navigation', { name: 'アカウント' })
        .getByRole('link', { name: '川崎 太郎' })
        .isVisible(),
    ).resolves.toBe(true);
    const notice = await takeMail('e2e.held@example.jp', 'パスワード変更のお知らせ');
    expect(notice.text).toContain('再設定しました');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    expect(await h1(page)).toBe('マイページ');
    await page.context().close();

    // An address that is no user's: the same screens, and nothing is sent.
    const other = await newPage(true);
    await other.goto(`${app.url}/password-reset`);
    await other.getByLabel('メールアドレス').fill('e2e.nobody@example.jp');
    await other.getByRole('button', { name: '認証コードを送信する' }).click();
    expect(await h1(other)).toBe('認証コードの入力');
    await expect(other.getByText('e2e.nobody@example.jp').first().isVisible()).resolves.toBe(true);
    await other.getByLabel('認証コード').fill('123456');
    await other.getByRole('button', { name: '認証コードを確認する' }).click();
    await expect(other.getByRole('alert').textContent()).resolves.toContain('あと4回');
    await expectNoAxeViolations(other, '認証コードの入力 (unknown address)');
    expect(
      await app.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, 'e2e.nobody@example.jp')),
    ).toEqual([]);
    await other.context().close();
  });
});
