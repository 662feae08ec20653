/**
 * Accessibility beyond the registration journey: axe on every other page and state, the whole
 * registration with the keyboard alone (Tab, Shift+Tab, Space, Enter and typing) at 320 px wide
 * with a visible focus indicator, and no sideways scrolling, also in forced-colors mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { TestSmtp } from '../support/smtp.js';

let browser: Browser;
let smtp: TestSmtp;
let app: TestApp;
let mailboxApp: TestApp;

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  app = await startTestApp({ smtpUrl: smtp.url });
  mailboxApp = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await mailboxApp?.close();
  await smtp?.stop();
});

describe('every page passes axe', () => {
  it.each([
    ['/', 'トップページ'],
    ['/terms', '利用規約'],
    ['/privacy', 'プライバシーポリシー'],
    ['/faq', 'よくある質問'],
    ['/accessibility', 'アクセシビリティ方針'],
    ['/login', 'ログイン'],
    ['/login?timeout=1', 'ログイン（タイムアウト）'],
    ['/register?reason=expired', '利用者の新規登録（期限切れ）'],
    ['/no-such-page', '404'],
  ])('%s (%s)', async (path, name) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(app.url + path);
    await expectNoAxeViolations(page, name);
    await context.close();
  });

  it('the login error state and the development mailbox', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    expect(await page.title()).toMatch(/^エラー：ログイン/);
    await expectNoAxeViolations(page, 'ログイン (error)');
    await page.goto(`${mailboxApp.url}/dev/mailbox`);
    await expectNoAxeViolations(page, '開発用メールボックス');
    await context.close();
  });
});

/** Presses Tab (or Shift+Tab) until the focused element matches, and checks its focus is visible. */
async function tabTo(
  page: Page,
  matches: (el: { id: string; text: string; name: string }) => boolean,
  back = false,
): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return null;
      const style = getComputedStyle(a);
      return {
        id: a.id,
        text: (a.textContent ?? '').trim(),
        name: a.getAttribute('name') ?? '',
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (el && matches(el)) {
      expect(el.outline, `focus indicator on ${el.id || el.text}`).toBe(true);
      return;
    }
  }
  throw new Error('element not reached with Tab');
}

const byId = (id: string) => (el: { id: string }) => el.id === id;
const byText = (text: string) => (el: { text: string }) => el.text === text;

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `sideways scrolling on ${where}`).toBeLessThanOrEqual(client);
}

describe('keyboard only, 320 px wide', () => {
  it('registers an individual with Tab, Shift+Tab, Space, Enter and typing, in forced-colors mode', async () => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 640 },
      locale: 'ja-JP',
      forcedColors: 'active',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    const email = 'keyboard@example.jp';
    await page.goto(app.url);
    await noSidewaysScroll(page, 'home');
    await tabTo(page, byText('新規登録'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register');
    await noSidewaysScroll(page, '利用者の新規登録');
    await tabTo(page, byText('個人として登録する'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/terms**');
    await noSidewaysScroll(page, '利用規約の確認');
    await tabTo(page, byId('agree'));
    await page.keyboard.press('Space');
    await tabTo(page, byText('利用者の登録を開始する'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/email');
    await noSidewaysScroll(page, 'メールアドレスの登録');
    await tabTo(page, byId('email'));
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/code');
    await noSidewaysScroll(page, 'メールアドレスの登録完了');
    await tabTo(page, byId('code'));
    await page.keyboard.type(await smtp.takeCode(email));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/profile');
    // Send the empty form: the error summary takes the focus; its links lead to the fields.
    await tabTo(page, byText('入力内容を確認する'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.title.startsWith('エラー：'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await noSidewaysScroll(page, '利用者情報の入力 (errors)');
    await tabTo(page, (el) => el.text === '姓を入力してください');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('familyName');
    // Shift+Tab goes back to the password fields above.
    await tabTo(page, byId('passwordConfirm'), true);
    await tabTo(page, byId('password'), true);
    await page.keyboard.type('Hanami#Tree2026');
    await tabTo(page, byId('passwordConfirm'));
    await page.keyboard.type('Hanami#Tree2026');
    const typeInto = async (id: string, text: string) => {
      await tabTo(page, byId(id));
      await page.keyboard.type(text);
    };
    await typeInto('familyName', '川崎');
    await typeInto('givenName', '太郎');
    await typeInto('familyNameKana', 'カワサキ');
    await typeInto('givenNameKana', 'タロウ');
    await typeInto('postalCode', '2100007'); // fills 都道府県 and 市区町村
    await expect.poll(() => page.locator('#prefecture').inputValue()).toBe('神奈川県');
    await tabTo(page, byId('cityAddress'));
    await page.keyboard.type('11-2');
    await typeInto('phone', '0442002111');
    await typeInto('birthYear', '1985');
    await typeInto('birthMonth', '4');
    await typeInto('birthDay', '1');
    await tabTo(page, byId('gender-male'));
    await page.keyboard.press('Space');
    await tabTo(page, byId('notify-yes'));
    await page.keyboard.press('Space');
    await tabTo(page, byText('入力内容を確認する'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/confirm');
    await noSidewaysScroll(page, '入力内容の確認');
    // The dialog: Esc cancels and gives the focus back; Enter on OK registers.
    await tabTo(page, byText('登録する'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('登録する');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('OK');
    // Tab stays inside the modal dialog.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('OK');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/register/complete');
    await noSidewaysScroll(page, '本登録の完了');
    await tabTo(page, byText('マイページへ'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/mypage');
    await noSidewaysScroll(page, 'マイページ');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('マイページ');
    // The account side by keyboard too: sign out, sign in again, open 利用者情報の変更.
    await tabTo(page, byText('ログアウト'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await tabTo(page, byText('ログイン'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/login');
    await noSidewaysScroll(page, 'ログイン');
    await tabTo(page, byId('email'));
    await page.keyboard.type(email);
    await tabTo(page, byId('password'));
    await page.keyboard.type('Hanami#Tree2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/mypage');
    await tabTo(page, byText('利用者情報の変更'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/profile');
    await noSidewaysScroll(page, '利用者情報の変更');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('利用者情報の変更');
    await context.close();
  });
});
