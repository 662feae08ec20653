/**
 * The W3C Nu HTML Checker finds no error on the pages as the server sends them: the public pages,
 * the registration's steps (also with their errors shown), マイページ and the account screens
 * signed in, the back office signed in as staff — in Japanese and in English. One Java run checks
 * them all (test/support/html-checker.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { insertUser, RESIDENT_PASSWORD, SESSION_SECRET } from '../support/back-office-harness.js';
import { FormClient } from '../support/form-client.js';
import { htmlErrors, type CheckedPage } from '../support/html-checker.js';
import { staffSessionId } from '../support/sign-in.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { SESSION_SECRET, CODE_MAILS_PER_IP_PER_10_MIN: '1000' } });
});
afterAll(async () => {
  await app?.close();
});

/** Each path as served (200, or the status given), under the page's name. */
async function collect(
  client: FormClient,
  prefix: string,
  paths: (string | [string, number])[],
  lang = prefix.slice(0, 2),
): Promise<CheckedPage[]> {
  const pages: CheckedPage[] = [];
  for (const entry of paths) {
    const [path, status] = typeof entry === 'string' ? [entry, 200] : entry;
    const page = await client.get(path);
    expect(page.status, `${prefix} ${path}`).toBe(status);
    expect(page.html, `${prefix} ${path}: the page's language`).toContain(`<html lang="${lang}"`);
    pages.push({ name: `${prefix} ${path}`, html: page.html });
  }
  return pages;
}

describe('the W3C HTML checker', () => {
  it('finds no error on the public, resident and back-office pages, in Japanese and English', async () => {
    const pages: CheckedPage[] = [];
    for (const lang of ['ja', 'en'] as const) {
      const guest = new FormClient(app.url);
      await guest.get(`/lang/${lang}`);
      pages.push(
        ...(await collect(guest, `${lang} guest`, [
          '/',
          '/terms',
          '/privacy',
          '/faq',
          '/accessibility',
          '/login',
          '/register',
          '/register/terms?kind=individual',
          '/password-reset',
          ['/no-such-page', 404],
        ])),
      );
      // A registration step with its errors shown.
      await guest.post('/register/terms', { kind: 'individual', agree: 'yes' });
      const emailErrors = await guest.post('/register/email', { email: 'not an address' });
      expect(emailErrors.html, 'the email error shown').toContain('error-summary');
      pages.push({ name: `${lang} registration email error`, html: emailErrors.html });
      const loginErrors = await guest.post('/login', { email: '', password: '' });
      expect(loginErrors.html, 'the login error shown').toContain('error-summary');
      pages.push({ name: `${lang} login error`, html: loginErrors.html });

      const resident = new FormClient(app.url);
      await resident.get(`/lang/${lang}`);
      const email = `html-${lang}@example.jp`;
      await insertUser(app.database, { email }, new Date());
      await resident.get('/login');
      const signedIn = await resident.post('/login', { email, password: RESIDENT_PASSWORD });
      expect(signedIn.location, 'signed in').toBe('/mypage');
      pages.push(
        ...(await collect(resident, `${lang} resident`, [
          '/mypage',
          '/account/profile',
          '/account/email',
          '/account/password',
          '/account/delete',
        ])),
      );

      const staff = new FormClient(app.url);
      await staff.get(`/lang/${lang}`);
      staff.jar.set('staff_sid', await staffSessionId(app, `staff-${lang}@city.example.jp`));
      pages.push(
        ...(await collect(
          staff,
          `${lang} staff`,
          [
            '/admin',
            '/admin/audit',
            '/admin/users',
            '/admin/staff',
            '/admin/notices',
            '/admin/notices/new',
            // The back office is in Japanese whatever the language cookie says (decision 008).
          ],
          'ja',
        )),
      );
    }
    const errors = await htmlErrors(pages);
    expect(errors).toEqual([]);
  });

  it('reports an error where there is one (the check can fail)', async () => {
    const errors = await htmlErrors([
      {
        name: 'broken',
        html: '<!doctype html><html lang="ja"><head><title>x</title></head><body><p>a<div></p></body></html>',
      },
    ]);
    expect(errors.map((e) => e.page)).toContain('broken');
  });
});
