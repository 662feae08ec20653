/**
 * `npm run screenshots`: walks the registration in Chromium and saves each screen at 320 px and
 * 1280 px wide into docs/screenshots/ (looked at by a person; the README shows some of them), then
 * マイページ and the portal home in English, and the back office's dashboard, 監査ログ and 利用者検索;
 * then the online procedures: 手続一覧, a procedure's page, its form (with errors and a photo),
 * 申請内容の確認, 申請の完了, 申請履歴 and 申請の詳細, in Japanese and English, and the staff's
 * 申請一覧, 申請の詳細 and 手続管理.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startTestApp } from '../test/support/app-server.js';
import { launchChromium } from '../test/support/browser.js';
import { fileOf } from '../test/support/procedures-harness.js';
import { signInResident, signInStaff } from '../test/support/sign-in.js';
import { TestSmtp } from '../test/support/smtp.js';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const smtp = await new TestSmtp().start();
  const app = await startTestApp({ smtpUrl: smtp.url });
  const browser = await launchChromium();
  try {
    for (const width of [320, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: `${OUT}${name}-${width}.png`, fullPage: true });
      const email = `screenshot-${width}@example.jp`;
      await page.goto(app.url);
      await shot('00-home');
      await page.getByRole('link', { name: '新規登録', exact: true }).click();
      await shot('01-kind');
      await page.getByRole('button', { name: '個人として登録する' }).click();
      await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
      await shot('02-terms-error');
      await page.getByRole('checkbox', { name: '利用規約に同意します' }).check();
      await page.getByRole('button', { name: '利用者の登録を開始する' }).click();
      await page.getByLabel('メールアドレス').fill(email);
      await shot('03-email');
      await page.getByRole('button', { name: '登録する' }).click();
      await shot('04-code');
      await page.getByLabel('認証コード').fill(await smtp.takeCode(email));
      await page.getByRole('button', { name: '認証コードを確認する' }).click();
      await page.getByRole('button', { name: '入力内容を確認する' }).click();
      await shot('05-profile-errors');
      await fill(page);
      await page.getByRole('button', { name: '入力内容を確認する' }).click();
      await shot('06-confirm');
      await page.getByRole('button', { name: '登録する' }).click();
      await shot('06a-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
      await page.waitForURL('**/register/complete');
      await shot('07-complete');
      await page.getByRole('link', { name: 'マイページへ' }).click();
      await shot('08-mypage');
      // The same person in English: the language link of the header switches every screen.
      await page.getByRole('link', { name: 'English' }).click();
      await shot('09-mypage-en');
      await page.goto(app.url);
      await shot('10-home-en');
      await context.close();

      // The back office, signed in as an administrator (Japanese only).
      const staff = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
      await signInStaff(app, staff, `admin-${width}@city.example.jp`);
      const office = await staff.newPage();
      const officeShot = (name: string) =>
        office.screenshot({ path: `${OUT}${name}-${width}.png`, fullPage: true });
      await office.goto(`${app.url}/admin`);
      await officeShot('20-admin-dashboard');
      await office.goto(`${app.url}/admin/audit`);
      await officeShot('21-admin-audit');
      await office.goto(`${app.url}/admin/users?q=${encodeURIComponent('川崎')}`);
      await officeShot('22-admin-users');

      // Online procedures: a resident applies; the staff see it.
      const ref = await procedures(app.url, width, async (lang) => {
        const c = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
        const p = await c.newPage();
        await signInResident(app, p, { email: `procedures-${lang}-${width}@example.jp` });
        if (lang === 'en') await p.getByRole('link', { name: 'English' }).click();
        return p;
      });
      await office.goto(`${app.url}/admin/applications`);
      await officeShot('23-admin-applications');
      await office.getByRole('link', { name: ref }).click();
      await officeShot('24-admin-application');
      await office.goto(`${app.url}/admin/procedures`);
      await officeShot('25-admin-procedures');
      await staff.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await smtp.stop();
  }
}

/** The procedures' screens in Japanese (30–37) and English (40–47); returns the Japanese 受付番号. */
async function procedures(
  url: string,
  width: number,
  signedIn: (lang: 'ja' | 'en') => Promise<Page>,
): Promise<string> {
  let reference = '';
  for (const lang of ['ja', 'en'] as const) {
    const page = await signedIn(lang);
    const base = lang === 'ja' ? 30 : 40;
    const shot = (n: number, name: string) =>
      page.screenshot({
        path: `${OUT}${base + n}-${name}${lang === 'en' ? '-en' : ''}-${width}.png`,
        fullPage: true,
      });
    const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
    await page.goto(`${url}/procedures`);
    await shot(0, 'procedures');
    await page.goto(`${url}/procedures/road-park-damage-report`);
    await shot(1, 'procedure');
    await page.getByRole('button', { name: t('申請する', 'Apply'), exact: true }).click();
    await page.getByRole('button', { name: t('次へ', 'Continue') }).click();
    await shot(2, 'form-errors');
    await page
      .getByRole('group', { name: t('場所の種類', 'Type of place') })
      .getByLabel(t('道路', 'Road'))
      .check();
    await page.getByLabel(t('場所', 'Location'), { exact: true }).fill('中原区小杉町3丁目の交差点付近');
    await page.getByLabel(t('損傷の状況', 'What is damaged')).fill('歩道に穴があいています。');
    await page.getByRole('button', { name: t('次へ', 'Continue') }).click();
    await page.getByLabel(t('ファイルを選択', 'Choose a file')).setInputFiles({
      name: 'pothole.png',
      mimeType: 'image/png',
      buffer: Buffer.from(fileOf('png', 4096)),
    });
    await page.getByRole('button', { name: t('添付する', 'Attach') }).click();
    await shot(3, 'form-file');
    await page.getByRole('button', { name: t('次へ', 'Continue') }).click();
    await page.getByRole('button', { name: t('次へ', 'Continue') }).click();
    await page.waitForURL('**/review');
    await shot(4, 'review');
    await page.getByRole('button', { name: t('申請する', 'Apply'), exact: true }).click();
    await page.waitForURL('**/complete');
    await shot(5, 'complete');
    const ref = (await page.locator('[data-reference-number]').getAttribute('data-reference-number')) ?? '';
    if (lang === 'ja') reference = ref;
    await page.goto(`${url}/mypage/applications`);
    await shot(6, 'applications');
    await page.getByRole('link', { name: ref }).click();
    await shot(7, 'application');
    await page.context().close();
  }
  return reference;
}

async function fill(page: Page): Promise<void> {
  await page.getByLabel('パスワード', { exact: true }).fill('Hanami#Tree2026');
  await page.getByLabel('パスワード（確認用）').fill('Hanami#Tree2026');
  await page.getByLabel('姓', { exact: true }).fill('川崎');
  await page.getByLabel('名', { exact: true }).fill('太郎');
  await page.getByLabel('セイ').fill('カワサキ');
  await page.getByLabel('メイ').fill('タロウ');
  await page.getByLabel('郵便番号').fill('210-8577');
  await page.getByLabel('都道府県').selectOption('神奈川県');
  await page.getByLabel('市区町村・番地').fill('川崎市川崎区宮本町1番地');
  await page.getByLabel('電話番号').fill('044-200-2111');
  const birth = page.getByRole('group', { name: '生年月日' });
  await birth.getByLabel('年').fill('1985');
  await birth.getByLabel('月').fill('4');
  await birth.getByLabel('日').fill('1');
  await page.getByRole('group', { name: '性別' }).getByLabel('回答しない').check();
  await page.getByRole('group', { name: 'お知らせ・通知メール' }).getByLabel('希望する').check();
}

await main();
