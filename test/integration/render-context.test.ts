/**
 * Pages are rendered without an AsyncLocalStorage: once one is entered, Node 20 runs a hook for
 * every promise of the process from then on (web/shared/i18n.tsx). hono/jsx enters one for its
 * context, for <head> and <svg> and for the elements that go in them; the views avoid those, and
 * this test finds any that comes back, on the resident's and the staff's pages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { jsx } from 'hono/jsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QrCode } from '../../src/web/views/staff/graphics.js';
import { startTestApp, type TestApp } from '../support/app-server.js';
import { insertUser, RESIDENT_PASSWORD, SESSION_SECRET } from '../support/back-office-harness.js';
import { FormClient } from '../support/form-client.js';
import { staffSessionId } from '../support/sign-in.js';

let app: TestApp;
/** The stacks of AsyncLocalStorage.run entered by hono/jsx while the tests ran. */
const renderStacks: string[] = [];
const originalRun = AsyncLocalStorage.prototype.run;
AsyncLocalStorage.prototype.run = function (
  this: AsyncLocalStorage<unknown>,
  ...args: Parameters<typeof originalRun>
) {
  const stack = new Error().stack ?? '';
  if (stack.includes('hono/dist/jsx')) renderStacks.push(stack);
  return Reflect.apply(originalRun, this, args) as unknown;
} as typeof originalRun;

beforeAll(async () => {
  app = await startTestApp({ env: { SESSION_SECRET } });
});
afterAll(async () => {
  await app?.close();
  AsyncLocalStorage.prototype.run = originalRun;
});

describe('rendering without an async context', () => {
  it('serves the portal, マイページ and the back office without entering an AsyncLocalStorage', async () => {
    const visitor = new FormClient(app.url);
    for (const path of ['/', '/register', '/register/terms?kind=individual', '/login', '/procedures'])
      expect((await visitor.get(path)).status, path).toBe(200);
    await visitor.get('/lang/en');
    expect((await visitor.get('/login')).html).toContain('<html lang="en"');

    const email = 'render-context@example.jp';
    await insertUser(app.database, { email }, new Date());
    const resident = new FormClient(app.url);
    await resident.get('/login');
    expect((await resident.post('/login', { email, password: RESIDENT_PASSWORD })).location).toBe('/mypage');
    expect((await resident.get('/mypage')).status).toBe(200);

    const staff = new FormClient(app.url);
    staff.jar.set('staff_sid', await staffSessionId(app, 'render-context@city.example.jp'));
    const dashboard = await staff.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(dashboard.html, 'the chart is on the dashboard').toContain('<svg');

    expect(renderStacks).toEqual([]);
  });

  it('draws the enrolment QR code without one', () => {
    expect(String(QrCode({ text: 'otpauth://totp/x', label: 'QR' }))).toContain('<path d="M');
    expect(renderStacks).toEqual([]);
  });

  it('would see hono/jsx entering one (the check itself works)', async () => {
    await jsx('head', {}, jsx('title', {}, 'x')).toString();
    expect(renderStacks.length).toBeGreaterThan(0);
    renderStacks.length = 0;
  });
});
