/**
 * What a new user noticed walking through the screens (issue 14), in Chromium with JavaScript on:
 * no id twice on a page and each confirm dialog named by its own question; the postal-code lookup
 * speaking English on English pages; the layout at 320 px and 1280 px (the header, the
 * パスワードを表示する box, the ※必須 gap, hints under buttons, the birth date, the 利用規約 box);
 * destructive buttons in the danger style; back-office tables that scroll instead of squeezing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { insertUser } from '../support/back-office-harness.js';
import { launchChromium } from '../support/browser.js';
import { signInResident, signInStaff } from '../support/sign-in.js';

let browser: Browser;
let app: TestApp;
/** a user for the back office to look at */
let targetId: string;
let residents = 0;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  targetId = await insertUser(
    app.database,
    { email: 'target.walk@example.jp', familyName: '対象', givenName: '一郎' },
    new Date(),
  );
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(
  options: { width?: number; lang?: 'ja' | 'en' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    locale: options.lang === 'en' ? 'en-GB' : 'ja-JP',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  if (options.lang === 'en') await page.goto(`${app.url}/lang/en`);
  return { context, page };
}

async function residentPage(options: { width?: number; lang?: 'ja' | 'en' } = {}) {
  const opened = await open(options);
  await signInResident(app, opened.page, { email: `walk${++residents}@example.jp` });
  return opened;
}

async function staffPage(width = 1280) {
  const opened = await open({ width });
  await signInStaff(app, opened.context, `walk.staff${++residents}@city.example.jp`);
  return opened;
}

/** The ids used more than once on the page, once the script has added its dialogs. */
async function duplicateIds(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

describe('ids and dialogs', () => {
  it('no resident screen has an id twice', async () => {
    const { context, page } = await open();
    for (const path of ['/', '/register', '/register/terms?kind=individual', '/login', '/faq']) {
      await page.goto(app.url + path);
      expect(await duplicateIds(page), path).toEqual([]);
    }
    await signInResident(app, page, { email: `walk${++residents}@example.jp` });
    for (const path of [
      '/mypage',
      '/account/profile',
      '/account/password',
      '/account/email',
      '/account/settings',
      '/account/delete',
    ]) {
      await page.goto(app.url + path);
      expect(await duplicateIds(page), path).toEqual([]);
    }
    await context.close();
  });

  it('no back-office screen has an id twice, and each dialog of 利用者情報 is named by its own question', async () => {
    const { context, page } = await staffPage();
    for (const path of [
      '/admin',
      '/admin/audit',
      '/admin/users?q=example',
      '/admin/staff',
      '/admin/notices',
    ]) {
      await page.goto(app.url + path);
      expect(await duplicateIds(page), path).toEqual([]);
    }
    await page.goto(`${app.url}/admin/users/${targetId}`);
    expect(await duplicateIds(page)).toEqual([]);
    const forms = page.locator('form[data-confirm]');
    expect(await forms.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const form = forms.nth(i);
      const question = (await form.getAttribute('data-confirm')) ?? '';
      await form.getByRole('button').click();
      const dialog = page.getByRole('dialog', { name: question, exact: true });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectNoAxeViolations(page, `dialog ${i + 1} of 利用者情報`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    await context.close();
  });
});

describe('English', () => {
  it('the postal-code lookup tells what it did in English', async () => {
    const { context, page } = await residentPage({ lang: 'en' });
    await page.goto(`${app.url}/account/profile`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const status = page.locator('#postalCode-status');
    await page.locator('#cityAddress').fill('');
    await page.locator('#postalCode').fill('2100007');
    await expect
      .poll(() => status.textContent())
      .toBe('Part of the address has been filled in (神奈川県川崎市川崎区). Please enter the rest.');
    await page.locator('#postalCode').fill('0000000');
    await expect
      .poll(() => status.textContent())
      .toBe('No address was found for this postal code. Please enter the address.');
    await context.close();
  });

  it('names the service "Online Procedures Kawasaki (e-KAWASAKI)", with a space', async () => {
    const { context, page } = await open({ lang: 'en' });
    await page.goto(app.url);
    expect(await page.locator('.header__title').textContent()).toBe(
      'Online Procedures Kawasaki (e-KAWASAKI)',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Online Procedures Kawasaki (e-KAWASAKI)',
    );
    await context.close();
  });
});

/** The box of an element, in CSS pixels. */
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
};

describe('small and large screens', () => {
  it('at 320 px the header keeps （e-KAWASAKI） on one line', async () => {
    const { context, page } = await open({ width: 320 });
    await page.goto(app.url);
    const lines = await page.locator('.header__sub').evaluate((el) => el.getClientRects().length);
    expect(lines).toBe(1);
    await context.close();
  });

  it('パスワードを表示する is a full-size checkbox with room below it', async () => {
    const { context, page } = await residentPage({ width: 320 });
    await page.goto(`${app.url}/account/password`);
    const checkbox = await box(page, '#show-password');
    expect(checkbox.width).toBeGreaterThanOrEqual(24);
    expect(checkbox.height).toBeGreaterThanOrEqual(24);
    const toggle = await box(page, '.show-password');
    const next = await box(page, 'main form button[type="submit"]');
    expect(next.y - (toggle.y + toggle.height)).toBeGreaterThanOrEqual(16);
    await context.close();
  });

  it('※必須 stands the same distance from every label, legends included', async () => {
    const { context, page } = await residentPage();
    await page.goto(`${app.url}/account/profile`);
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('.required')].map((mark) => {
        const label = mark.previousElementSibling as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(mark);
        return Math.round(range.getBoundingClientRect().left - label.getBoundingClientRect().right);
      }),
    );
    expect(gaps.length).toBeGreaterThan(10);
    expect(new Set(gaps)).toEqual(new Set([gaps[0]]));
    expect(gaps[0]).toBeGreaterThanOrEqual(6);
    await context.close();
  });

  it('a hint under a button keeps its distance', async () => {
    const { context, page } = await open({ width: 320 });
    await page.goto(`${app.url}/register`);
    const button = await box(page, '.choice__item .button');
    const hint = await box(page, '.choice__item .field__hint');
    expect(hint.y - (button.y + button.height)).toBeGreaterThanOrEqual(8);
    await context.close();
  });

  it('年, 月 and 日 of the birth date stand together at 1280 px and on one line at 320 px', async () => {
    for (const width of [1280, 320]) {
      const { context, page } = await residentPage({ width });
      await page.goto(`${app.url}/account/profile`);
      const year = await box(page, '#birthYear');
      const month = await box(page, '#birthMonth');
      const day = await box(page, '#birthDay');
      expect(month.x - (year.x + year.width), `${width} px`).toBeLessThanOrEqual(24);
      expect(day.x - (month.x + month.width), `${width} px`).toBeLessThanOrEqual(24);
      expect([month.y, day.y], `${width} px`).toEqual([year.y, year.y]);
      // The 和暦 still shows, after 日.
      expect(await page.locator('#birthDate-wareki').textContent()).toBe('（昭和60年）');
      await context.close();
    }
  });

  it('利用規約 has its title once, and scrolls with the page on a phone but in its box on a computer', async () => {
    for (const width of [320, 1280]) {
      const { context, page } = await open({ width });
      await page.goto(`${app.url}/register/terms?kind=individual`);
      const titles = await page
        .locator('.terms-box')
        .evaluate(
          (el) =>
            [...el.querySelectorAll('h2, p')].filter((e) => /利用規約$/.test(e.textContent?.trim() ?? ''))
              .length,
        );
      expect(titles).toBe(1);
      const scrolls = await page
        .locator('.terms-box')
        .evaluate(
          (el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible',
        );
      expect(scrolls, `${width} px`).toBe(width > 768);
      await context.close();
    }
  });
});

describe('destructive actions', () => {
  it('退会する, its dialog and the page without JavaScript look like the back office’s アカウントを削除', async () => {
    const staff = await staffPage();
    await staff.page.goto(`${app.url}/admin/users/${targetId}`);
    const red = await staff.page
      .getByRole('button', { name: 'アカウントを削除' })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    await staff.context.close();

    const { context, page } = await residentPage();
    await page.goto(`${app.url}/account/delete`);
    const button = page.getByRole('button', { name: '退会する' });
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(red);
    await page.getByLabel('パスワード').fill('Hanami#Tree2026');
    await button.click();
    const ok = page.getByRole('dialog').getByRole('button', { name: 'OK' });
    expect(await ok.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(red);
    expect(red).not.toBe(
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'キャンセル' })
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    await expectNoAxeViolations(page, '退会 (dialog)');
    await context.close();

    // Without JavaScript the confirm step is a page of its own: its OK is red too.
    const nojs = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    const plain = await nojs.newPage();
    plain.setDefaultTimeout(5000);
    await signInResident(app, plain, { email: `walk${++residents}@example.jp` });
    await plain.goto(`${app.url}/account/delete`);
    await plain.getByLabel('パスワード').fill('Hanami#Tree2026');
    await plain.getByRole('button', { name: '退会する' }).click();
    await plain.waitForURL('**/account/delete/confirm');
    expect(
      await plain.getByRole('button', { name: 'OK' }).evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe(red);
    await nojs.close();
  });
});

describe('back-office tables at 320 px', () => {
  it('scroll sideways in a named region instead of squeezing each column to a character', async () => {
    const { context, page } = await staffPage(320);
    for (const path of ['/admin', '/admin/audit', '/admin/users?q=example']) {
      await page.goto(app.url + path);
      const details = page.locator('details.chart-table');
      if (await details.count()) await details.locator('summary').click();
      const tables = page.locator('table.data-table');
      expect(await tables.count(), path).toBeGreaterThan(0);
      for (const table of await tables.all()) {
        const region = table.locator('xpath=..');
        expect(await region.getAttribute('role'), path).toBe('region');
        expect(await region.getAttribute('tabindex'), path).toBe('0');
        const caption = (await table.locator('caption').textContent())?.trim();
        expect(await region.getAttribute('aria-label'), path).toBe(caption);
        const widths = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.clientWidth));
        expect(Math.min(...widths), path).toBeGreaterThan(60);
        expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth), `${path} scrolls`).toBe(true);
      }
      // The region scrolls, not the page.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
        path,
      ).toBe(true);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    }
    await context.close();
  });
});
