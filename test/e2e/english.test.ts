/**
 * The English journey: the language switch in the header, remembered in a cookie; every
 * registration screen and its mails in English, found by their English names; lang attributes right.
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

const h1 = async (page: Page) => (await page.getByRole('heading', { level: 1 }).textContent())?.trim();

/** Headings, buttons, labels, legends, links, alerts: none may be Japanese outside lang="ja" parts (label hints in parentheses aside). */
async function japaneseChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const jp = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const found: string[] = [];
    for (const el of document.querySelectorAll(
      'h1, h2, button, label, legend, a, [role="alert"] li, .notice, title',
    )) {
      if (el.closest('[lang="ja"]') || el.closest('.prose')) continue;
      const text = (el.textContent ?? '').replace(/\([^)]*\)/g, '').replace(/「[^」]*」|“[^”]*”/g, '');
      if (jp.test(text) && !el.classList.contains('header__user') && !el.classList.contains('address'))
        found.push(text.trim());
    }
    return found;
  });
}

describe('English', () => {
  it('registers an individual in English, with English mail, and switches back to Japanese', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    const email = 'english.e2e@example.jp';
    await page.goto(app.url);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Home | Online Procedures Kawasaki');
    expect(await page.getAttribute('a[hreflang="ja"]', 'lang')).toBe('ja');
    await expectNoAxeViolations(page, 'home (en)');
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    expect(await h1(page)).toBe('Register as a user');
    await page.getByRole('button', { name: 'Register as an individual' }).click();
    expect(await h1(page)).toBe('Terms of use');
    expect(await page.locator('.terms-box').textContent()).toContain('Kawasaki City');
    await page.getByRole('button', { name: 'Start registration' }).click();
    expect(await page.title()).toBe('Error: Terms of use | Online Procedures Kawasaki');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('I agree to the terms of use');
    await page.getByRole('checkbox', { name: 'I agree to the terms of use' }).check();
    await page.getByRole('button', { name: 'Start registration' }).click();
    expect(await h1(page)).toBe('Your email address');
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Register' }).click();
    expect(await japaneseChrome(page)).toEqual([]);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Register' }).click();
    expect(await h1(page)).toBe('Check your email');
    const codeMail = await smtp.waitFor(email, 'Your verification code');
    expect(codeMail.subject).toBe('[Online Procedures Kawasaki] Your verification code');
    const code = codeMail.text.match(/Verification code: (\d{6})/)?.[1] ?? '';
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Check the code' }).click();
    expect(await h1(page)).toBe('Your details');
    await page.getByRole('button', { name: 'Check your answers' }).click();
    expect(await page.title()).toMatch(/^Error: Your details/);
    expect(await japaneseChrome(page)).toEqual([]);
    await expectNoAxeViolations(page, 'Your details (errors, en)');
    await page.getByLabel('Password', { exact: true }).fill('Hanami#Tree2026');
    await page.getByLabel('Password (confirmation)').fill('Hanami#Tree2026');
    await page.getByLabel('Family name (姓)').fill('Smith');
    await page.getByLabel('Given name (名)').fill('Anna');
    await page.getByLabel('Family name in katakana (セイ)').fill('スミス');
    await page.getByLabel('Given name in katakana (メイ)').fill('アンナ');
    await page.getByLabel('Postal code').fill('2100007');
    await page.getByLabel('Prefecture').selectOption('神奈川県');
    await page.getByLabel('City, ward and street address').fill('川崎市川崎区駅前本町11-2');
    await page.getByLabel('Phone number').fill('090-1234-5678');
    const birth = page.getByRole('group', { name: 'Date of birth' });
    await birth.getByLabel('Year').fill('1990');
    await birth.getByLabel('Month').fill('7');
    await birth.getByLabel('Day').fill('15');
    await page.getByRole('group', { name: 'Gender' }).getByLabel('Prefer not to say').check();
    await page
      .getByRole('group', { name: 'Notices and notification emails' })
      .getByLabel('No, thank you')
      .check();
    await page.getByRole('button', { name: 'Check your answers' }).click();
    expect(await h1(page)).toBe('Check your answers before registering');
    expect(await page.getByRole('table').textContent()).toContain('15/7/1990');
    expect(await japaneseChrome(page)).toEqual([]);
    await page.getByRole('button', { name: 'Register' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('Register now. Are you sure?');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/register/complete');
    expect(await h1(page)).toBe('Registration complete');
    expect(await japaneseChrome(page)).toEqual([]);
    const done = await smtp.waitFor(email, 'Your registration is complete');
    expect(done.text).toContain('Dear Smith Anna,');
    // Back to Japanese: the switch is named in Japanese and the cookie remembers it.
    await page.getByRole('link', { name: '日本語' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await h1(page)).toBe('本登録の完了');
    await page.goto(`${app.url}/faq`);
    expect(await h1(page)).toBe('よくある質問');
    await context.close();
  });

  it('the documents are in English too', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${app.url}/lang/en?back=/faq`);
    expect(await h1(page)).toBe('FAQ');
    expect(await page.locator('.prose').first().textContent()).toContain('@dx.city.kawasaki.jp');
    await expectNoAxeViolations(page, 'FAQ (en)');
    for (const [path, title] of [
      ['/terms', 'Terms of use'],
      ['/privacy', 'Privacy policy'],
      ['/accessibility', 'Accessibility policy'],
    ]) {
      await page.goto(app.url + (path ?? '/'));
      expect(await h1(page)).toBe(title);
      expect(await page.locator('.prose p.note').first().textContent()).toContain(
        'The Japanese text is the authoritative version',
      );
    }
    await context.close();
  });

  it('on a 320 px screen the home heading keeps “(e-KAWASAKI)” on one line, in both languages', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    // How many lines the browser laid out for the words "(e-KAWASAKI)" (or （e-KAWASAKI）) of the <h1>.
    const linesOfSuffix = () =>
      page.evaluate(() => {
        const h1 = document.querySelector('h1');
        if (!h1) return -1;
        const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const at = text.search(/[(（]e-KAWASAKI[)）]/);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'e-KAWASAKI'.length + 2);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }
        return -1;
      });
    await page.goto(`${app.url}/lang/en?back=/`);
    expect(await h1(page)).toBe('Online Procedures Kawasaki (e-KAWASAKI)');
    expect(await linesOfSuffix()).toBe(1);
    await page.goto(`${app.url}/lang/ja?back=/`);
    expect(await h1(page)).toBe('オンライン手続かわさき（e-KAWASAKI）');
    expect(await linesOfSuffix()).toBe(1);
    await context.close();
  });
});
