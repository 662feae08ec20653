/** Shortcuts for browser tests that are about a screen, not about signing in: a resident and a staff member. */
import type { BrowserContext, Page } from '@playwright/test';
import { base32Decode, totpCode, totpStep } from '../../src/app/staff/totp.js';
import type { TestApp } from './app-server.js';
import { RESIDENT_PASSWORD, insertUser, type UserFixture } from './back-office-harness.js';

/** Inserts a resident and signs in through the ログイン screen; the page ends on マイページ. */
export async function signInResident(app: TestApp, page: Page, user: UserFixture): Promise<string> {
  const id = await insertUser(app.database, user, new Date());
  await page.goto(`${app.url}/login`);
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(RESIDENT_PASSWORD);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL('**/mypage');
  return id;
}

/** Creates and enrols an admin through the use cases; returns their staff session id (the cookie's value). */
export async function staffSessionId(app: TestApp, email: string): Promise<string> {
  const staff = app.backOffice.staff;
  const created = await staff.create({ email, role: 'admin', name: '管理 花子' });
  if (!created.ok) throw new Error('staff.create failed');
  const token = created.enrolUrl.split('/').at(-1);
  const opened = await staff.openEnrolment(token);
  if (!opened.ok) throw new Error('enrolment not open');
  const password = 'Kawasaki-Office-2026!';
  const done = await staff.completeEnrolment(
    token,
    {
      password,
      passwordConfirm: password,
      code: totpCode(base32Decode(opened.secretBase32), { step: totpStep(new Date()) }),
    },
    { ip: '192.0.2.30', userAgent: 'vitest' },
  );
  if (!done.ok) throw new Error('enrolment failed');
  return done.sessionId;
}

/** Creates and enrols an admin through the use cases and gives the browser their session cookie. */
export async function signInStaff(app: TestApp, context: BrowserContext, email: string): Promise<void> {
  await context.addCookies([
    {
      name: 'staff_sid',
      value: await staffSessionId(app, email),
      domain: new URL(app.url).hostname,
      path: '/admin',
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}
