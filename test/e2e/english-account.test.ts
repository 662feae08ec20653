/**
 * The account side in English: a user whose language is English, on pages switched to English by
 * the header link, goes through ログイン, マイページ, 利用者情報の変更, メールアドレスの変更,
 * パスワードの変更, パスワードの再設定 and 退会, finding every control by its English name, with no
 * Japanese chrome left, and gets the account mails in English. axe-core checks the JavaScript-on
 * journey; the second journey (JavaScript off) covers the idle sign-out, the lock notice and the
 * plain 退会 confirm step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { desc, eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/db/schema/index.js';
import { PASSWORDS, accountHarness, type AccountHarness } from '../support/account-harness.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { TestClock } from '../support/clock.js';
import { INDIVIDUAL_FORM, META } from '../support/registration-harness.js';
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

const SUBJECT = '[Online Procedures Kawasaki]';
const NEW_PASSWORD = 'Sakura#Bloom2027';

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

/** Headings, buttons, labels, legends, links, alerts: none may be Japanese outside lang="ja" parts (as in english.test.ts). */
async function japaneseChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const jp = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const found: string[] = [];
    for (const el of document.querySelectorAll(
      'h1, h2, button, label, legend, a, dt, [role="alert"] li, .notice, .field__error, title',
    )) {
      if (el.closest('[lang="ja"]') || el.closest('.prose')) continue;
      const text = (el.textContent ?? '').replace(/\([^)]*\)/g, '').replace(/「[^」]*」|“[^”]*”/g, '');
      if (jp.test(text) && !el.classList.contains('header__user') && !el.classList.contains('address'))
        found.push(text.trim());
    }
    return found;
  });
}

/** Takes (and removes) the newest mail to `to` with `subject`, and its code if it has one. */
async function takeMail(
  to: string,
  subject: string,
): Promise<{ subject: string; text: string; code: string }> {
  const mail = await smtp.waitFor(to, subject);
  smtp.mails.splice(smtp.mails.indexOf(mail), 1);
  return {
    subject: mail.subject,
    text: mail.text,
    code: mail.text.match(/Verification code: (\d{6})/)?.[1] ?? '',
  };
}

/** Registers an individual through the registration use cases in English (so `users.lang` is 'en'). */
async function createEnglishUser(h: AccountHarness, email: string): Promise<void> {
  const { token } = await h.registration.begin('individual', META, 'en');
  const sent = await h.registration.submitEmail(token, email, META);
  if (!sent.ok) throw new Error(`submitEmail failed: ${JSON.stringify(sent)}`);
  const [mail] = await h.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.id))
    .limit(1);
  const code = mail?.body.match(/Verification code: (\d{6})/)?.[1] ?? '';
  if (!(await h.registration.verifyCode(sent.token, code, META)).ok) throw new Error('verifyCode failed');
  if (!(await h.registration.submitProfile(sent.token, INDIVIDUAL_FORM)).ok)
    throw new Error('submitProfile failed');
  if (!(await h.registration.confirm(sent.token, META)).ok) throw new Error('confirm failed');
}

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('the account side in English', () => {
  it('with JavaScript on: sign in, My page, details, email address, password, reset and deletion, with English mail', async () => {
    const h = accountHarness(app.database);
    const email = 'e2e.anna@example.jp';
    const newEmail = 'e2e.anna.new@example.jp';
    await createEnglishUser(h, email);
    const page = await newPage(true);
    const check = async (where: string) => {
      expect(await japaneseChrome(page), where).toEqual([]);
      await expectNoAxeViolations(page, where);
    };

    // Sign in, from the header of the English pages; a wrong password gets the one message.
    await page.goto(app.url);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    expect(await h1(page)).toBe('Sign in');
    expect(await page.title()).toBe('Sign in | Online Procedures Kawasaki');
    await expect(page.getByRole('link', { name: 'Forgotten your password?' }).isVisible()).resolves.toBe(
      true,
    );
    await check('Sign in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter your email address');
    await signIn(page, email, 'Wrong#pass1');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'The email address or password is not correct.',
    );
    await check('Sign in (error)');
    await signIn(page, email, PASSWORDS.individual);

    // My page.
    expect(await h1(page)).toBe('My page');
    await expect(page.locator('.greeting').textContent()).resolves.toContain('Welcome, 川崎 太郎.');
    await expect(page.locator('dl.readonly').textContent()).resolves.toMatch(
      /User ID.*e2e\.anna@example\.jp.*User type.*Individual.*Registered on.*25 November 2026/s,
    );
    await expect(page.getByRole('table').textContent()).resolves.toContain('Yes, send them');
    await check('My page');

    // Change your details → Check your changes → Back to the form → Save changes → done.
    await page.getByRole('link', { name: 'Change your details' }).click();
    expect(await h1(page)).toBe('Change your details');
    await check('Change your details');
    await page.getByLabel('City, ward and street address').fill('');
    await page.getByRole('button', { name: 'Check your answers' }).click();
    expect(await page.title()).toBe('Error: Change your details | Online Procedures Kawasaki');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Enter a city, ward and street address',
    );
    await check('Change your details (error)');
    await page.getByLabel('City, ward and street address').fill('川崎市中原区小杉町3丁目');
    await page
      .getByRole('group', { name: 'Notices and notification emails' })
      .getByLabel('No, thank you')
      .check();
    await page.getByRole('button', { name: 'Check your answers' }).click();
    expect(await h1(page)).toBe('Check your changes');
    await expect(page.getByRole('table').textContent()).resolves.toContain('No, thank you');
    await check('Check your changes');
    await page.getByRole('button', { name: 'Back to the form' }).click();
    expect(await page.getByLabel('City, ward and street address').inputValue()).toBe(
      '川崎市中原区小杉町3丁目',
    );
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await h1(page)).toBe('Your details have been changed');
    await check('Your details have been changed');
    await page.getByRole('link', { name: 'Go to My page' }).click();
    await expect(page.getByRole('table').textContent()).resolves.toContain('川崎市中原区小杉町3丁目');

    // Change your email address: the code (in English) goes to the new address.
    await page.getByRole('link', { name: 'Change your email address' }).click();
    expect(await h1(page)).toBe('Change your email address');
    await check('Change your email address');
    await page.getByLabel('New email address').fill(email);
    await page.getByRole('button', { name: 'Send the code' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'This is your current email address.',
    );
    await check('Change your email address (error)');
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send the code' }).click();
    expect(await h1(page)).toBe('Enter the verification code');
    await expect(page.locator('main p').first().textContent()).resolves.toContain(
      `We have sent an email with a verification code to ${newEmail}.`,
    );
    await check('Enter the verification code (email address)');
    const changeCode = await takeMail(newEmail, 'Your verification code to change your email address');
    expect(changeCode.subject).toBe(`${SUBJECT} Your verification code to change your email address`);
    await page.getByLabel('Verification code').fill(changeCode.code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Check the code' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('4 tries left');
    await check('Enter the verification code (error)');
    await page.getByLabel('Verification code').fill(changeCode.code);
    await page.getByRole('button', { name: 'Check the code' }).click();
    expect(await h1(page)).toBe('Your email address has been changed');
    await check('Your email address has been changed');
    const oldNotice = await takeMail(email, 'Your email address (user ID) has been changed');
    expect(oldNotice.text).toContain('Dear 川崎 太郎,');
    expect(oldNotice.text).toContain('/password-reset');
    await takeMail(newEmail, 'Your email address (user ID) change is complete');
    await page.getByRole('link', { name: 'Go to My page' }).click();

    // Change your password: the current one is checked; an English notice follows.
    await page.getByRole('link', { name: 'Change your password' }).click();
    expect(await h1(page)).toBe('Change your password');
    await check('Change your password');
    await page.getByLabel('Current password').fill('Wrong#pass1');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password (confirmation)').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'The current password is not correct',
    );
    await check('Change your password (error)');
    await page.getByLabel('Current password').fill(PASSWORDS.individual);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password (confirmation)').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await h1(page)).toBe('Your password has been changed');
    await check('Your password has been changed');
    const changed = await takeMail(newEmail, 'Your password has been changed');
    expect(changed.subject).toBe(`${SUBJECT} Your password has been changed`);
    expect(changed.text).toContain('was changed');
    expect(changed.text).not.toContain(NEW_PASSWORD);

    // Signed out, the password "forgotten": the reset, with an English code mail.
    await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    expect(await h1(page)).toBe('Reset your password');
    await check('Reset your password');
    await page.getByLabel('Email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send the code' }).click();
    expect(await h1(page)).toBe('Enter the verification code');
    await check('Enter the verification code (reset)');
    const resetCode = await takeMail(newEmail, 'Your verification code to reset your password');
    expect(resetCode.subject).toBe(`${SUBJECT} Your verification code to reset your password`);
    await page.getByLabel('Verification code').fill(resetCode.code);
    await page.getByRole('button', { name: 'Check the code' }).click();
    expect(await h1(page)).toBe('Set a new password');
    await check('Set a new password');
    await page.getByLabel('New password', { exact: true }).fill('Third#Pass2028');
    await page.getByLabel('New password (confirmation)').fill('Third#Pass2029');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('does not match');
    await check('Set a new password (error)');
    await page.getByLabel('New password', { exact: true }).fill('Third#Pass2028');
    await page.getByLabel('New password (confirmation)').fill('Third#Pass2028');
    await page.getByRole('button', { name: 'Set the password' }).click();
    expect(await h1(page)).toBe('Your password has been reset');
    await check('Your password has been reset');
    expect((await takeMail(newEmail, 'Your password has been changed')).text).toContain('was reset');
    await page.getByRole('link', { name: 'Go to My page' }).click();

    // Delete your account: the dialog in English; Cancel stays, OK deletes.
    await page.getByRole('link', { name: 'Delete your account', exact: true }).click();
    expect(await h1(page)).toBe('Delete your account');
    await check('Delete your account');
    await page.getByLabel('Password', { exact: true }).fill('Third#Pass2028');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('Your account will be deleted. Are you sure?');
    await check('Delete your account (dialog)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/account/delete/complete');
    expect(await h1(page)).toBe('Your account has been deleted');
    await check('Your account has been deleted');
    const farewell = await takeMail(newEmail, 'Your account has been deleted');
    expect(farewell.subject).toBe(`${SUBJECT} Your account has been deleted`);
    expect(farewell.text).toContain('/register');
    expect(await h.users.findByEmailKey(newEmail)).toBeNull();
    await page.context().close();
  });

  it('with JavaScript off: the idle sign-out, the lock notice, and the plain confirm step of the deletion', async () => {
    const h = accountHarness(app.database);
    const email = 'e2e.ben@example.jp';
    await createEnglishUser(h, email);
    const page = await newPage(false);
    await page.goto(`${app.url}/lang/en?back=/mypage`);
    expect(await h1(page)).toBe('Sign in');

    // Five wrong passwords put sign-in on hold: the notice is in English.
    for (let i = 0; i < 5; i++) await signIn(page, email, `Wrong#${i}pass`);
    const held = await takeMail(email, 'Signing in has been paused');
    expect(held.text).toContain('signing in has been paused for 15 minutes');
    clock.advance(15 * 60 + 1);
    await signIn(page, email, PASSWORDS.individual);
    expect(await h1(page)).toBe('My page');

    // 30 minutes without a request: signed out, and told why in English.
    clock.advance(30 * 60 + 1);
    await page.getByRole('link', { name: 'Delete your account', exact: true }).click();
    expect(await h1(page)).toBe('Sign in');
    await expect(
      page.getByText('You have been signed out because you had not done anything for a while.').isVisible(),
    ).resolves.toBe(true);
    expect(await japaneseChrome(page)).toEqual([]);
    await signIn(page, email, PASSWORDS.individual);
    expect(await h1(page)).toBe('Delete your account');

    // Without JavaScript: the password, then the plain confirm step.
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter your password');
    expect(await japaneseChrome(page)).toEqual([]);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORDS.individual);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    expect(await h1(page)).toBe('Confirm account deletion');
    await expect(page.getByText('Your account will be deleted. Are you sure?').isVisible()).resolves.toBe(
      true,
    );
    expect(await japaneseChrome(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await h1(page)).toBe('Delete your account');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORDS.individual);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('button', { name: 'OK' }).click();
    expect(await h1(page)).toBe('Your account has been deleted');
    expect(await japaneseChrome(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the Online Procedures Kawasaki home page' }).click();
    await expect(page.getByRole('link', { name: 'Register', exact: true }).isVisible()).resolves.toBe(true);
    await takeMail(email, 'Your account has been deleted');
    await page.context().close();
  });
});
