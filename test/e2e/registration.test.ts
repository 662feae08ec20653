/**
 * The seed's registration, end to end in Chromium through the real screens (found by their
 * accessible names), for both kinds of user, with JavaScript on and off, reading the codes from a
 * real SMTP server. axe-core checks every screen and error state on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations, expectNoAxeViolations as checkAxe } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { TestSmtp } from '../support/smtp.js';

let browser: Browser;
let smtp: TestSmtp;
let app: TestApp;

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  app = await startTestApp({ smtpUrl: smtp.url });
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

/** Screens 0–4: home → 新規登録 → kind → terms → address → code. */
async function startAndVerify(page: Page, kindButton: string, email: string, axe = true): Promise<void> {
  // axe runs as a script in the page, so it is checked in the JavaScript-on journeys.
  const expectNoAxeViolations = axe ? checkAxe : async () => undefined;
  await page.goto(app.url);
  await expectNoAxeViolations(page, 'home');
  await expect(page.getByRole('heading', { name: '重要なお知らせ' }).isVisible()).resolves.toBe(true);
  await page.getByRole('link', { name: '新規登録', exact: true }).click();
  expect(await h1(page)).toBe('利用者の新規登録');
  await expectNoAxeViolations(page, '利用者の新規登録');
  await page.getByRole('button', { name: kindButton }).click();
  expect(await h1(page)).toBe('利用規約の確認');
  await expectNoAxeViolations(page, '利用規約の確認');
  // Without the box ticked the flow does not go on.
  await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
  expect(await page.title()).toBe('エラー：利用規約の確認 | オンライン手続かわさき');
  await expect(page.getByRole('alert').textContent()).resolves.toContain('チェックを入れてください');
  await expectNoAxeViolations(page, '利用規約の確認 (error)');
  await page.getByRole('checkbox', { name: '利用規約に同意します' }).check();
  await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
  expect(await h1(page)).toBe('メールアドレスの登録');
  await expect(page.getByText('@dx.city.kawasaki.jp').first().isVisible()).resolves.toBe(true);
  await expectNoAxeViolations(page, 'メールアドレスの登録');
  // A broken address: the rule is named, the typed text kept.
  await page.getByLabel('メールアドレス').fill('taro..kawasaki@example.jp');
  await page.getByRole('button', { name: '登録する' }).click();
  expect(await page.title()).toMatch(/^エラー：/);
  await expect(page.getByRole('alert').textContent()).resolves.toContain('「.」');
  expect(await page.getByLabel('メールアドレス').inputValue()).toBe('taro..kawasaki@example.jp');
  await expectNoAxeViolations(page, 'メールアドレスの登録 (error)');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '登録する' }).click();
  expect(await h1(page)).toBe('メールアドレスの登録完了');
  await expect(page.getByText('30分以内').first().isVisible()).resolves.toBe(true);
  await expectNoAxeViolations(page, 'メールアドレスの登録完了');
  const code = await smtp.takeCode(email);
  await page.getByLabel('認証コード').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '認証コードを確認する' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('あと4回');
  await expectNoAxeViolations(page, 'メールアドレスの登録完了 (error)');
  // Pasted with a space in the middle and full-width digits: still accepted.
  const typed = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/\d/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) + 0xfee0),
  );
  await page.getByLabel('認証コード').fill(typed);
  await page.getByRole('button', { name: '認証コードを確認する' }).click();
  expect(await h1(page)).toBe('利用者情報の入力');
}

async function fillIndividual(page: Page): Promise<void> {
  await page.getByLabel('パスワード', { exact: true }).fill('Hanami#Tree2026');
  await page.getByLabel('パスワード（確認用）').fill('Hanami#Tree2026');
  await page.getByLabel('姓', { exact: true }).fill('川崎');
  await page.getByLabel('名', { exact: true }).fill('太郎');
  await page.getByLabel('セイ').fill('かわさき'); // hiragana becomes katakana
  await page.getByLabel('メイ').fill('タロウ');
  await page.getByLabel('郵便番号').fill('２１０－８５７７');
  await page.getByLabel('都道府県').selectOption('神奈川県');
  await page.getByLabel('市区町村・番地').fill('川崎市川崎区宮本町1番地');
  await page.getByLabel('電話番号').fill('044-200-2111');
  const birth = page.getByRole('group', { name: /生年月日/ });
  await birth.getByLabel('年').fill('1985');
  await birth.getByLabel('月').fill('4');
  await birth.getByLabel('日').fill('1');
  await page.getByRole('group', { name: /性別/ }).getByLabel('回答しない').check();
  await page
    .getByRole('group', { name: /お知らせ・通知メール/ })
    .getByLabel('希望する')
    .check();
}

describe('registration in Chromium', () => {
  it('an individual registers with JavaScript on, goes back to change a value, confirms in the dialog and lands on マイページ', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    const email = 'taro.e2e@example.jp';
    await startAndVerify(page, '個人として登録する', email);
    await expectNoAxeViolations(page, '利用者情報の入力');
    // Submit empty: the summary lists the errors, each field says its own.
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await page.title()).toBe('エラー：利用者情報の入力 | オンライン手続かわさき');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('姓を入力してください');
    expect(await page.getByLabel('姓', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, '利用者情報の入力 (errors)');
    await fillIndividual(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await h1(page)).toBe('入力内容の確認');
    await expectNoAxeViolations(page, '入力内容の確認');
    const table = await page.getByRole('table').textContent();
    expect(table).toContain('カワサキ');
    expect(table).toContain('〒210-8577');
    expect(table).toContain('昭和60年');
    expect(table).not.toContain('Hanami#Tree2026');
    // 入力に戻る keeps everything; the password is kept without being shown.
    await page.getByRole('button', { name: '入力に戻る' }).click();
    expect(await h1(page)).toBe('利用者情報の入力');
    expect(await page.getByLabel('姓', { exact: true }).inputValue()).toBe('川崎');
    expect(await page.getByLabel('セイ').inputValue()).toBe('カワサキ');
    expect(await page.getByLabel('パスワード', { exact: true }).inputValue()).toBe('');
    await expect(page.getByText('パスワードは入力済みです').isVisible()).resolves.toBe(true);
    await page.getByLabel('市区町村・番地').fill('川崎市中原区小杉町3丁目');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await page.getByRole('table').textContent()).toContain('川崎市中原区小杉町3丁目');
    // The dialog: キャンセル stays, OK registers.
    await page.getByRole('button', { name: '登録する' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('登録します。よろしいですか？');
    await expectNoAxeViolations(page, 'confirm dialog');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await h1(page)).toBe('入力内容の確認');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/register/complete');
    expect(await h1(page)).toBe('本登録の完了');
    await expectNoAxeViolations(page, '本登録の完了');
    const done = await smtp.waitFor(email, '本登録完了');
    expect(done.from).toContain('noreply@dx.city.kawasaki.jp');
    expect(done.text).toContain('川崎 太郎 様');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    expect(await h1(page)).toBe('マイページ');
    await expectNoAxeViolations(page, 'マイページ');
    // The name, as a link to マイページ, immediately left of ログアウト.
    const account = page.getByRole('navigation', { name: 'アカウント' });
    const name = account.getByRole('link', { name: '川崎 太郎' });
    const logout = account.getByRole('button', { name: 'ログアウト' });
    const [nb, lb] = [await name.boundingBox(), await logout.boundingBox()];
    expect(
      nb && lb && nb.x + nb.width <= lb.x && Math.abs(nb.y + nb.height / 2 - (lb.y + lb.height / 2)) < 20,
    ).toBe(true);
    await logout.click();
    await expect(page.getByRole('link', { name: 'ログイン' }).isVisible()).resolves.toBe(true);
    await page.goto(`${app.url}/mypage`);
    expect(await h1(page)).toBe('ログイン');
    await context.close();
  });

  it('a business registers with JavaScript off: the confirm screen is the safeguard', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    const email = 'soumu@kawasaki-shoji.example.jp';
    await startAndVerify(page, '事業者として登録する', email, false);
    await page.getByLabel('パスワード', { exact: true }).fill('Str0ng-Business');
    await page.getByLabel('パスワード（確認用）').fill('Str0ng-Business');
    await page.getByLabel('法人名/事業者名', { exact: true }).fill('株式会社かわさき商事');
    await page.getByLabel('法人名/事業者名（フリガナ）').fill('カブシキガイシャカワサキショウジ');
    await page.getByLabel('郵便番号').fill('2100007');
    await page.getByLabel('都道府県').selectOption('神奈川県');
    await page.getByLabel('市区町村・番地').fill('川崎市川崎区駅前本町11-2');
    await page.getByLabel('建物名など').fill('川崎フロンティアビル10階');
    await page.getByLabel('代表者名').fill('川崎 一郎');
    await page.getByLabel('連絡先電話番号').fill('０４４－２００－２１１１');
    await page.getByLabel('担当部署').fill('総務部');
    await page.getByLabel('担当者名').fill('幸 花子');
    const birth = page.getByRole('group', { name: /担当者生年月日/ });
    await birth.getByLabel('年').fill('1990');
    await birth.getByLabel('月').fill('2');
    await birth.getByLabel('日').fill('30'); // no such date
    await page
      .getByRole('group', { name: /お知らせ・通知メール/ })
      .getByLabel('希望しない')
      .check();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('担当者生年月日');
    expect(await page.getByLabel('代表者名').inputValue()).toBe('川崎 一郎');
    await page
      .getByRole('group', { name: /担当者生年月日/ })
      .getByLabel('日')
      .fill('28');
    await page.getByLabel('パスワード', { exact: true }).fill('Str0ng-Business');
    await page.getByLabel('パスワード（確認用）').fill('Str0ng-Business');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    expect(await h1(page)).toBe('入力内容の確認');
    await page.getByRole('button', { name: '登録する' }).click();
    expect(await h1(page)).toBe('本登録の完了');
    await page.getByRole('link', { name: 'マイページへ' }).click();
    expect(await h1(page)).toBe('マイページ');
    await expect(
      page
        .getByRole('navigation', { name: 'アカウント' })
        .getByRole('link', { name: '株式会社かわさき商事' })
        .isVisible(),
    ).resolves.toBe(true);
    await smtp.waitFor(email, '本登録完了');
    // Back to the confirm screen and submit again: still one user, still signed in.
    await page.goto(`${app.url}/register/confirm`);
    expect(await h1(page)).toBe('本登録の完了');
    await context.close();
  });

  it('an address that is already registered looks the same, and its owner is told by mail', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${app.url}/register/terms?kind=individual`);
    await page.getByRole('checkbox', { name: '利用規約に同意します' }).check();
    await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
    await page.getByLabel('メールアドレス').fill('TARO.E2E@example.jp');
    await page.getByRole('button', { name: '登録する' }).click();
    expect(await h1(page)).toBe('メールアドレスの登録完了');
    const notice = await smtp.waitFor('TARO.E2E@example.jp', '利用者登録のお申し込みについて');
    expect(notice.text).toContain('すでに利用者IDとして登録されています');
    await context.close();
  });

  it('別のメールアドレスで登録する returns to the address screen; the CSRF check refuses a foreign post', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${app.url}/register/terms?kind=individual`);
    await page.getByRole('checkbox', { name: '利用規約に同意します' }).check();
    await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
    await page.getByLabel('メールアドレス').fill('wrong-address@example.jp');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('link', { name: '別のメールアドレスで登録する' }).click();
    expect(await h1(page)).toBe('メールアドレスの登録');
    expect(await page.getByLabel('メールアドレス').inputValue()).toBe('');
    const status = await page.evaluate(async () => {
      const r = await fetch('/register/email', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=x%40example.jp&_csrf=forged',
      });
      return r.status;
    });
    expect(status).toBe(403);
    await context.close();
  });
});

describe('address entry', () => {
  it('a postal code fills in 都道府県 and 市区町村 from the shipped data; typing by hand still works', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await startAndVerify(page, '個人として登録する', 'postal.e2e@example.jp', false);
    await page.getByLabel('郵便番号').fill('２１０－０００７');
    await expect.poll(() => page.getByLabel('都道府県').inputValue()).toBe('神奈川県');
    await expect.poll(() => page.getByLabel('市区町村・番地').inputValue()).toBe('川崎市川崎区駅前本町');
    await expect(page.getByText('住所の一部を入力しました').isVisible()).resolves.toBe(true);
    await page.getByLabel('市区町村・番地').fill('川崎市川崎区駅前本町11-2');
    expect(await page.getByLabel('市区町村・番地').inputValue()).toBe('川崎市川崎区駅前本町11-2');
    const api = await page.evaluate(async () => (await fetch('/api/postal-codes/2150004')).json());
    expect(api).toEqual({
      addresses: [{ postalCode: '2150004', prefecture: '神奈川県', city: '川崎市麻生区', town: '万福寺' }],
    });
    await context.close();
  });
});
