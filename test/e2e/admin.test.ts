/**
 * The back office in Chromium through the real screens (found by the names in
 * shared/spec/back-office.md), with real SMTP: a staff member enrols and signs in with TOTP (codes
 * computed here from the enrolment page's 秘密鍵), publishes an important notice that appears on
 * the home page, mails a normal notice that only opted-in users receive, and locks a user who then
 * cannot sign in. A resident never reaches /admin; an operator never manages staff, and enrols again
 * at the URL an admin reissues (再設定用のURLを発行する). axe-core checks every staff screen
 * (JavaScript on).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { base32Decode, totpCode, totpStep } from '../../src/app/staff/totp.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { RESIDENT_PASSWORD, insertUser } from '../support/back-office-harness.js';
import { launchChromium } from '../support/browser.js';
import { TestSmtp } from '../support/smtp.js';

let browser: Browser;
let smtp: TestSmtp;
let app: TestApp;
/** the first admin's signed-in page, shared by the tests that follow the first */
let adminContext: BrowserContext;
let adminPage: Page;

const ADMIN = 'kanri@city.example.jp';
const STAFF_PASSWORD = 'Kawasaki-Office-2026!';
const OPTED_IN = 'hana.optin@example.jp';
const OPTED_OUT = 'jiro.optout@example.jp';
const BUSINESS_IN = 'soumu.optin@shoji.example.jp';

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  app = await startTestApp({ smtpUrl: smtp.url });
  browser = await launchChromium();
  const now = new Date();
  await insertUser(
    app.database,
    {
      email: OPTED_IN,
      notify: true,
      familyName: '花田',
      givenName: '花子',
      familyNameKana: 'ハナダ',
      givenNameKana: 'ハナコ',
    },
    now,
  );
  await insertUser(
    app.database,
    { email: OPTED_OUT, notify: false, familyName: '次田', givenName: '次郎' },
    now,
  );
  await insertUser(app.database, { email: BUSINESS_IN, kind: 'business', notify: true }, now);
});
afterAll(async () => {
  await adminContext?.close();
  await browser?.close();
  await app?.close();
  await smtp?.stop();
});

/** An authenticator: the current code, or the next step's when this step's code was used already. */
const usedSteps = new Map<string, number>();
async function authenticatorCode(secret: string): Promise<string> {
  let step = totpStep(new Date());
  const last = usedSteps.get(secret);
  if (last !== undefined && step <= last) {
    if (last > step) await new Promise((r) => setTimeout(r, (last - step) * 30_000 + 1000));
    step = Math.max(totpStep(new Date()), last + 1);
  }
  usedSteps.set(secret, step);
  return totpCode(base32Decode(secret), { step });
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  return { context, page };
}

/** 職員アカウントの設定 from an enrolment path: returns the Base32 secret. */
async function enrol(page: Page, path: string, axe: boolean): Promise<string> {
  await page.goto(`${app.url}${path}`);
  expect(await h1(page)).toBe('職員アカウントの設定');
  await expect(page.getByRole('img', { name: /QRコード/ }).isVisible()).resolves.toBe(true);
  if (axe) await expectNoAxeViolations(page, '職員アカウントの設定');
  const secret = await page.getByLabel('秘密鍵').inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A password that breaks the rule keeps the person on the page, with the secret unchanged.
  await page.getByLabel('パスワード', { exact: true }).fill('short');
  await page.getByLabel('パスワード（確認用）').fill('short');
  await page.getByLabel('確認コード').fill('000000');
  await page.getByRole('button', { name: '設定する' }).click();
  expect(await page.title()).toMatch(/^エラー：職員アカウントの設定/);
  await expect(page.getByRole('alert').textContent()).resolves.toContain('12文字以上');
  if (axe) await expectNoAxeViolations(page, '職員アカウントの設定 (error)');
  expect(await page.getByLabel('秘密鍵').inputValue()).toBe(secret);
  await page.getByLabel('パスワード', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByLabel('パスワード（確認用）').fill(STAFF_PASSWORD);
  await page.getByLabel('確認コード').fill(await authenticatorCode(secret));
  await page.getByRole('button', { name: '設定する' }).click();
  expect(await h1(page)).toBe('ダッシュボード');
  return secret;
}

async function waitForText(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.locator('main').textContent())?.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear`);
    await new Promise((r) => setTimeout(r, 300));
    await page.reload();
  }
}

describe('the back office in Chromium', () => {
  it('a staff member enrols, signs in with TOTP, publishes an important notice, mails a normal one to opted-in users only and locks a user', async () => {
    const created = await app.backOffice.staff.create({ email: ADMIN, role: 'admin', name: '管理 太郎' });
    if (!created.ok) throw new Error('staff.create failed');
    ({ context: adminContext, page: adminPage } = await newPage());
    const page = adminPage;
    const secret = await enrol(page, new URL(created.enrolUrl).pathname, true);

    // ダッシュボード: the navigation, the chart with its table, the numbers.
    const nav = page.getByRole('navigation', { name: '管理メニュー' });
    for (const name of ['ダッシュボード', 'お知らせ', '利用者', '職員', '監査ログ'])
      await expect(nav.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: /利用者登録数/ }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('table', { name: '1日ごとの利用者登録数', includeHidden: true }).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page, 'ダッシュボード');

    // ログアウト, then 職員ログイン → 確認コードの入力 (a wrong code keeps the person there).
    await page.getByRole('button', { name: 'ログアウト' }).click();
    expect(await h1(page)).toBe('職員ログイン');
    await expectNoAxeViolations(page, '職員ログイン');
    await page.getByLabel('メールアドレス').fill(ADMIN);
    await page.getByLabel('パスワード').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    expect(await h1(page)).toBe('確認コードの入力');
    await expectNoAxeViolations(page, '確認コードの入力');
    await page.getByLabel('確認コード').fill('000000');
    await page.getByRole('button', { name: '確認する' }).click();
    expect(await h1(page)).toBe('確認コードの入力');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('確認コードが正しくありません');
    await expectNoAxeViolations(page, '確認コードの入力 (error)');
    await page.getByLabel('確認コード').fill(await authenticatorCode(secret));
    await page.getByRole('button', { name: '確認する' }).click();
    expect(await h1(page)).toBe('ダッシュボード');
    const cookie = (await adminContext.cookies()).find((c) => c.name === 'staff_sid');
    expect(cookie).toMatchObject({ path: '/admin', httpOnly: true });

    // An important notice: created, then on the portal home under 重要なお知らせ, linking to its page.
    await page
      .getByRole('navigation', { name: '管理メニュー' })
      .getByRole('link', { name: 'お知らせ' })
      .click();
    expect(await h1(page)).toBe('お知らせ一覧');
    await expectNoAxeViolations(page, 'お知らせ一覧');
    await page.getByRole('link', { name: '新規作成' }).click();
    expect(await h1(page)).toBe('お知らせの作成');
    await expectNoAxeViolations(page, 'お知らせの作成');
    await page.getByRole('button', { name: '保存する' }).click();
    expect(await page.title()).toMatch(/^エラー：お知らせの作成/);
    await expectNoAxeViolations(page, 'お知らせの作成 (errors)');
    await page.getByLabel('件名').fill('システムメンテナンスのお知らせ');
    await page
      .getByLabel('本文')
      .fill('12月1日 2時から4時まで、システムを停止します。\n\nご不便をおかけします。');
    await page.getByRole('group', { name: /種別/ }).getByLabel('重要').check();
    await page.getByRole('group', { name: /対象/ }).getByLabel('すべて').check();
    await page.getByRole('button', { name: '保存する' }).click();
    expect(await h1(page)).toBe('システムメンテナンスのお知らせ');
    await expectNoAxeViolations(page, 'a notice');
    await page.goto(app.url);
    const important = page.getByRole('region', { name: '重要なお知らせ' });
    await important.getByRole('link', { name: 'システムメンテナンスのお知らせ' }).click();
    expect(await h1(page)).toBe('システムメンテナンスのお知らせ');
    await expect(page.getByText('システムを停止します').isVisible()).resolves.toBe(true);

    // A normal notice by mail: only users who chose 希望する receive it.
    await page.goto(`${app.url}/admin/notices/new`);
    await page.getByLabel('件名').fill('新しい手続のご案内');
    await page.getByLabel('本文').fill('住民票の写しの請求が、オンラインでできるようになりました。');
    await page.getByRole('group', { name: /種別/ }).getByLabel('通常').check();
    await page.getByRole('group', { name: /対象/ }).getByLabel('すべて').check();
    await page.getByRole('button', { name: '保存する' }).click();
    expect(await h1(page)).toBe('新しい手続のご案内');
    await page.getByRole('button', { name: 'メールで送信する' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('メールで送信します');
    await expectNoAxeViolations(page, 'mail confirm dialog');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/admin/notices/*?mail=started');
    await waitForText(page, '送信済み 2件 / 全 2件');
    await expectNoAxeViolations(page, 'a notice (mail sent)');
    const mail = await smtp.waitFor(OPTED_IN, '新しい手続のご案内');
    expect(mail.text).toContain('住民票の写しの請求');
    expect(mail.text).toContain('/mypage');
    await smtp.waitFor(BUSINESS_IN, '新しい手続のご案内');
    expect(smtp.mails.filter((m) => m.to === OPTED_OUT && m.subject.includes('新しい手続のご案内'))).toEqual(
      [],
    );

    // 利用者検索 → 利用者情報 → 利用停止: that user is told so at sign-in.
    await page
      .getByRole('navigation', { name: '管理メニュー' })
      .getByRole('link', { name: '利用者' })
      .click();
    expect(await h1(page)).toBe('利用者検索');
    await expectNoAxeViolations(page, '利用者検索');
    await page.getByLabel('検索語').fill('はなだ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expectNoAxeViolations(page, '利用者検索 (results)');
    await page.getByRole('link', { name: '花田 花子' }).click();
    expect(await h1(page)).toBe('利用者情報');
    await expectNoAxeViolations(page, '利用者情報');
    await page.getByRole('button', { name: '利用停止', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('button', { name: '利用停止を解除' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('table', { name: '利用者の情報' }).textContent()).toContain('利用停止中');

    const resident = await newPage();
    await resident.page.goto(`${app.url}/login`);
    await resident.page.getByLabel('メールアドレス').fill(OPTED_IN);
    await resident.page.getByLabel('パスワード').fill(RESIDENT_PASSWORD);
    await resident.page.getByRole('button', { name: 'ログイン' }).click();
    expect(await h1(resident.page)).toBe('ログイン');
    await expect(resident.page.getByRole('alert').textContent()).resolves.toContain(
      'このアカウントは利用停止中です。',
    );
    await resident.context.close();

    // 監査ログ: newest first, with this staff member's actions, in words; the user by their masked
    // address, linking to 利用者情報.
    await page
      .getByRole('navigation', { name: '管理メニュー' })
      .getByRole('link', { name: '監査ログ' })
      .click();
    expect(await h1(page)).toBe('監査ログ');
    const log = page.getByRole('table', { name: /監査ログ/ });
    const newest = log.getByRole('row').nth(1);
    await expect(newest.textContent()).resolves.toContain('利用者情報の表示');
    await expect(
      newest.getByRole('link', { name: 'ha***@example.jp' }).getAttribute('href'),
    ).resolves.toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(log.textContent()).resolves.toContain('利用停止');
    await expect(log.textContent()).resolves.not.toMatch(/user\.viewed|user\.suspended|staff\.signed_in/);
    await page.getByLabel('操作', { exact: true }).selectOption({ label: 'お知らせの作成' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect(
      page
        .getByRole('table', { name: /監査ログ/ })
        .getByRole('row')
        .count(),
    ).resolves.toBe(3);
    await expectNoAxeViolations(page, '監査ログ');
  });

  it('a resident, signed in, never reaches /admin: every path answers with 職員ログイン', async () => {
    const { context, page } = await newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel('メールアドレス').fill(OPTED_OUT);
    await page.getByLabel('パスワード').fill(RESIDENT_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    expect(await h1(page)).toBe('マイページ');
    // マイページ lists the notices for this user's kind, the normal one too, each linking to its page.
    const notices = page.getByRole('region', { name: 'お知らせ' });
    await expect(
      notices.getByRole('link', { name: 'システムメンテナンスのお知らせ' }).isVisible(),
    ).resolves.toBe(true);
    await notices.getByRole('link', { name: '新しい手続のご案内' }).click();
    expect(await h1(page)).toBe('新しい手続のご案内');
    for (const path of [
      '/admin',
      '/admin/users',
      '/admin/staff',
      '/admin/notices/new',
      '/admin/registrations.csv',
    ]) {
      await page.goto(`${app.url}${path}`);
      expect(await h1(page), path).toBe('職員ログイン');
    }
    const status = await page.evaluate(async () => {
      const r = await fetch('/admin/notices/new', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'title=x&body=y&importance=important&audience=all',
        redirect: 'manual',
      });
      return r.status;
    });
    expect([303, 403, 0]).toContain(status); // a redirect to the sign-in (opaque), or the CSRF refusal
    await context.close();
  });

  it('an operator added by an admin enrols and can never manage staff', async () => {
    const page = adminPage;
    await page.goto(`${app.url}/admin/staff`);
    expect(await h1(page)).toBe('職員一覧');
    await expectNoAxeViolations(page, '職員一覧');
    await page.getByLabel('メールアドレス').fill('tantou@city.example.jp');
    await page.getByRole('group', { name: /権限/ }).getByLabel('担当者').check();
    await page.getByRole('button', { name: '職員を追加' }).click();
    const url = await page.getByLabel('設定用URL').inputValue();
    expect(url).toMatch(/\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page, '職員一覧 (added)');

    const { context, page: op } = await newPage();
    await enrol(op, new URL(url).pathname, false);
    const nav = op.getByRole('navigation', { name: '管理メニュー' });
    await expect(nav.getByRole('link', { name: 'お知らせ' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: '職員', exact: true }).count()).resolves.toBe(0);
    for (const path of ['/admin/staff', '/admin/staff/anything']) {
      const response = await op.goto(`${app.url}${path}`);
      expect(response?.status(), path).toBe(403);
      expect(await h1(op)).toBe('権限がありません');
    }
    await expectNoAxeViolations(op, '権限がありません');
    // Nor by posting directly, with a valid CSRF token from one of its own pages.
    const statuses = await op.evaluate(async () => {
      const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
      const post = (path: string, body: string) =>
        fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `_csrf=${encodeURIComponent(token)}&${body}`,
        }).then((r) => r.status);
      return Promise.all([
        post('/admin/staff', 'email=evil%40city.example.jp&role=admin'),
        post('/admin/staff/00000000-0000-0000-0000-000000000000/role', 'role=admin'),
        post('/admin/staff/00000000-0000-0000-0000-000000000000/disable', ''),
        post('/admin/staff/00000000-0000-0000-0000-000000000000/reissue', ''),
      ]);
    });
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect((await app.backOffice.staff.directory()).map((s) => s.email)).not.toContain(
      'evil@city.example.jp',
    );

    // The operator lost the authenticator: the admin issues a new enrolment URL (after confirming);
    // the operator is signed out at once and enrols again at that URL.
    await page.reload();
    await page
      .getByRole('row', { name: /tantou@city\.example\.jp/ })
      .getByRole('button', { name: '再設定用のURLを発行する' })
      .click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.textContent()).resolves.toContain(
      'この職員のパスワードと確認コードの設定を取り消し、再設定用のURLを発行します。よろしいですか？',
    );
    await confirm.getByRole('button', { name: 'OK' }).click();
    const reissued = await page.getByLabel('再設定用URL').inputValue();
    expect(reissued).toMatch(/\/admin\/enrol\/[A-Za-z0-9_-]{43}$/);
    expect(reissued).not.toBe(url);
    await expectNoAxeViolations(page, '職員一覧 (reissued)');
    await op.goto(`${app.url}/admin`);
    expect(await h1(op)).toBe('職員ログイン');
    await enrol(op, new URL(reissued).pathname, false);
    await context.close();

    // The admin sees the operator, and can change the role or 無効にする.
    await page.reload();
    const row = page.getByRole('row', { name: /tantou@city\.example\.jp/ });
    await expect(row.getByRole('button', { name: '無効にする' }).isVisible()).resolves.toBe(true);
  });
});
