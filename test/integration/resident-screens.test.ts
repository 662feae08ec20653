/**
 * The resident screens over HTTP on the real app (each database, an injected clock, no browser), as
 * a new user walks them (issue 14): the time limit as configured (here 25 seconds) on screens and in
 * mails, an expired registration told apart from a missing one even after the sweep, 「ログアウトしました」
 * once, マイページ (one 利用者ID, a hyphenated phone number, 御中 for a business, an action list), the
 * development mailbox (Japan time, a filter by address, the code shown large, in both languages),
 * and every error summary link pointing at an element of its page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PASSWORDS, accountHarness } from '../support/account-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client, type Page, mainText } from '../support/form-client.js';

/** Every `href="#…"` of the error summary points at an element id on the same page. */
function expectSummaryLinksResolve(html: string, what: string) {
  const summary = html.match(/<div class="error-summary"[\s\S]*?<\/ul>/)?.[0];
  expect(summary, `${what}: an error summary`).toBeDefined();
  const targets = [...(summary ?? '').matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? '');
  expect(targets.length, `${what}: links in the summary`).toBeGreaterThan(0);
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  expect(
    targets.filter((id) => !ids.has(id)),
    `${what}: links without a target`,
  ).toEqual([]);
}

describe.each(databaseFactories())('the resident screens on $name', (factory) => {
  // 2026-12-04 10:10 UTC is 19:10 in Japan.
  const clock = new TestClock(new Date('2026-12-04T10:10:00Z'));
  const { app, database } = useScreensApp(factory, {
    clock,
    env: { REGISTRATION_TTL_SECONDS: '25', CODE_MAILS_PER_IP_PER_10_MIN: '1000' },
  });
  beforeEach(() => {
    clock.advance(3600); // rate limits of earlier tests are over
  });

  /** Screens 1–3 for an address: the client ends on 認証コード's screen; returns that page. */
  async function toCodeScreen(c: Client, email: string, kind = 'individual'): Promise<Page> {
    await c.get(`/register/terms?kind=${kind}`);
    expect((await c.post('/register/terms', { kind, agree: 'yes' })).location).toBe('/register/email');
    await c.get('/register/email');
    expect((await c.post('/register/email', { email })).location).toBe('/register/code');
    return c.get('/register/code');
  }

  /** The newest mail to an address, as the development mailbox shows it. */
  async function codeOf(email: string): Promise<string> {
    const page = await new Client(app.url).get(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const code = page.html.match(/data-code="(\d{6})"/)?.[1];
    if (!code) throw new Error(`no code mail to ${email}`);
    return code;
  }

  it('the screens and the mails state the configured time limit (25 seconds), in Japanese and English', async () => {
    const ja = new Client(app.url);
    const code = await toCodeScreen(ja, 'limit.ja@example.jp');
    expect(code.html).toContain(
      'メール受信後、25秒以内に本登録画面で登録情報を入力してください。25秒を過ぎると',
    );
    expect(code.html).not.toContain('30分');
    const mailbox = await ja.get('/dev/mailbox?to=limit.ja@example.jp');
    expect(mailbox.html).toContain('このメールの送信から25秒以内に');
    expect(mailbox.html).toContain('25秒を過ぎると、入力された情報は削除されます。');

    const en = new Client(app.url);
    await en.english();
    const codeEn = await toCodeScreen(en, 'limit.en@example.jp');
    expect(codeEn.html).toContain('Finish entering your details within 25 seconds of receiving the email.');
    const mailboxEn = await en.get('/dev/mailbox?to=limit.en@example.jp');
    expect(mailboxEn.html).toContain('Please finish your registration within 25 seconds of this email.');
  });

  it('a flow whose time ran out says so, even after the sweep deleted it; a missing one says it is missing', async () => {
    const c = new Client(app.url);
    await toCodeScreen(c, 'expired.after.sweep@example.jp');
    clock.advance(26);
    expect(await app.sweep()).toBeGreaterThanOrEqual(1);
    const back = await c.get('/register/code');
    expect(back).toMatchObject({ status: 303, location: '/register?reason=expired' });
    const start = await c.get(back.location ?? '');
    expect(start.html).toContain(
      '認証コードの送信から25秒が経過したため、入力された情報は削除されました。お手数ですが、改めて利用者登録を行ってください。',
    );
    expect(start.html).not.toContain('登録の手続きが見つかりません');

    // The same in English, from the code screen's form.
    const en = new Client(app.url);
    await en.english();
    await toCodeScreen(en, 'expired.en@example.jp');
    clock.advance(26);
    await app.sweep();
    const posted = await en.post('/register/code', { code: '123456' });
    expect(posted.location).toBe('/register?reason=expired');
    expect((await en.get('/register?reason=expired')).html).toContain(
      'The time allowed after the verification code was sent (25 seconds) has passed',
    );

    // A token that was never a flow's, with an expiry not yet reached: missing, not expired.
    const stranger = new Client(app.url);
    stranger.jar.set('reg', `never-a-flow.${Math.floor(clock.now().getTime() / 1000) + 600}`);
    expect((await stranger.get('/register/code')).location).toBe('/register?reason=missing');
  });

  it('signing out lands on the home page, which says 「ログアウトしました」 once (and in English)', async () => {
    const h = accountHarness(database, { clock, ttlSeconds: 25 });
    await h.createUser('signed.out@example.jp');
    for (const [lang, text] of [
      ['ja', 'ログアウトしました'],
      ['en', 'You have signed out'],
    ] as const) {
      const c = new Client(app.url);
      if (lang === 'en') await c.english();
      await c.signIn('signed.out@example.jp', PASSWORDS.individual);
      await c.get('/mypage');
      const out = await c.post('/logout');
      expect(out).toMatchObject({ status: 303, location: '/' });
      const home = await c.get('/');
      expect(home.html).toMatch(
        new RegExp(`<div class="notice notice--success" role="status">${text}</div>`),
      );
      expect((await c.get('/')).html).not.toContain(text);
      expect(home.html).not.toContain('action="/logout"');
    }
  });

  it('マイページ shows 利用者ID once, the phone number hyphenated, 御中 for a business, and an action list', async () => {
    const h = accountHarness(database, { clock, ttlSeconds: 25 });
    await h.createUser('my.page@example.jp');
    const c = new Client(app.url);
    await c.signIn('my.page@example.jp', PASSWORDS.individual);
    const my = await c.get('/mypage');
    const text = mainText(my.html);
    expect(text.match(/利用者ID/g)).toHaveLength(1);
    expect(text.match(/my\.page@example\.jp/g)).toHaveLength(1);
    expect(text).toContain('044-200-2111');
    expect(text).toContain('川崎 太郎 様、ようこそ。');
    const actions = my.html.match(/<ul class="action-list">[\s\S]*?<\/ul>/)?.[0] ?? '';
    for (const [href, label] of [
      ['/account/profile', '利用者情報の変更'],
      ['/account/email', 'メールアドレスの変更'],
      ['/account/password', 'パスワードの変更'],
      ['/account/delete', '退会'],
    ])
      expect(actions).toContain(`<a href="${href}">${label}</a>`);

    await h.createUser('company@example.jp', 'business');
    const b = new Client(app.url);
    await b.signIn('company@example.jp', PASSWORDS.business);
    const company = mainText((await b.get('/mypage')).html);
    expect(company).toContain('株式会社かわさき商事 御中');
    expect(company).not.toContain('様');
    expect(company).toContain('044-200-2111');
    await b.english();
    expect(mainText((await b.get('/mypage')).html)).toContain('Welcome, 株式会社かわさき商事.');
  });

  it('the development mailbox shows Japan time, filters by address, and shows the code large, in both languages', async () => {
    // To 10:10 UTC (19:10 in Japan) of a later day in December 2026.
    const sinceBase = (clock.now().getTime() - Date.parse('2026-12-04T10:10:00Z')) / 1000;
    clock.advance((86400 - (sinceBase % 86400)) % 86400);
    const utcDay = clock.now().toISOString().slice(0, 10);
    await toCodeScreen(new Client(app.url), 'first@example.jp');
    await toCodeScreen(new Client(app.url), 'second@example.jp');
    const c = new Client(app.url);
    const all = await c.get('/dev/mailbox');
    expect(all.html).toContain('first@example.jp');
    expect(all.html).toContain('second@example.jp');
    const day = Number(utcDay.slice(8));
    expect(all.html).toContain(`<time datetime="${utcDay}T10:10:00.000Z">2026年12月${day}日 19:10</time>`);
    expect(all.html).not.toMatch(/>\d{4}-\d\d-\d\dT/); // no ISO time shown as text
    expect(all.html).toContain('<form method="get" action="/dev/mailbox"');

    const one = await c.get('/dev/mailbox?to=FIRST%40example.jp');
    expect(one.html).toContain('first@example.jp');
    expect(one.html).not.toContain('second@example.jp');
    expect(one.html).toContain('value="FIRST@example.jp"');
    const code = one.html.match(/<code class="mail__code-value" data-code="(\d{6})">(\d{6})<\/code>/);
    expect(code?.[1]).toBe(code?.[2]);
    expect(one.html).toContain(`認証コード：${code?.[1]}`);
    // The code stands above the body.
    expect(one.html.indexOf('mail__code-value')).toBeLessThan(one.html.indexOf('mail__body'));

    const none = await c.get('/dev/mailbox?to=nobody@example.jp');
    expect(none.html).toContain('nobody@example.jp 宛のメールはありません。');
    expect((await c.get('/dev/mailbox?to=')).html).toContain('second@example.jp');

    await c.english();
    const en = await c.get('/dev/mailbox?to=first@example.jp');
    expect(en.html).toContain('<h1 class="title">Development mailbox</h1>');
    expect(en.html).toContain(`>${day} December 2026 at 19:10</time>`);
    expect(en.html).toContain('Verification code');
    expect(mainText(en.html)).not.toMatch(/宛先|送信待ち|送信済み|メールはまだ/);
  });

  it('every link of every error summary points at an element of its page', async () => {
    for (const kind of ['individual', 'business']) {
      const email = `summary.${kind}@example.jp`;
      const c = new Client(app.url);
      await c.get(`/register/terms?kind=${kind}`);
      expectSummaryLinksResolve((await c.post('/register/terms', { kind })).html, `利用規約 (${kind})`);
      await toCodeScreen(c, email, kind);
      expectSummaryLinksResolve((await c.post('/register/email', { email: 'not an address' })).html, 'email');
      await c.get('/register/code');
      expectSummaryLinksResolve((await c.post('/register/code', { code: 'abc' })).html, 'the code');
      expectSummaryLinksResolve((await c.post('/register/code', { code: '000000' })).html, 'a wrong code');
      expect((await c.post('/register/code', { code: await codeOf(email) })).location).toBe(
        '/register/profile',
      );
      await c.get('/register/profile');
      const profile = await c.post('/register/profile', {});
      expect(profile.status).toBe(400);
      expectSummaryLinksResolve(profile.html, `profile, all empty (${kind})`);
    }

    const h = accountHarness(database, { clock, ttlSeconds: 25 });
    await h.createUser('summary.account@example.jp');
    const c = new Client(app.url);
    await c.get('/login');
    expectSummaryLinksResolve((await c.post('/login', {})).html, 'sign-in');
    await c.signIn('summary.account@example.jp', PASSWORDS.individual);
    await c.get('/account/password');
    expectSummaryLinksResolve((await c.post('/account/password', {})).html, 'password change');
    await c.get('/account/email');
    expectSummaryLinksResolve((await c.post('/account/email', {})).html, 'email change');
    expect((await c.post('/account/email', { newEmail: 'summary.new@example.jp' })).status).toBe(303);
    await c.follow('/account/email/code');
    expectSummaryLinksResolve(
      (await c.post('/account/email/code', { code: 'abc' })).html,
      'email change code',
    );
    await c.get('/account/profile');
    expectSummaryLinksResolve((await c.post('/account/profile', {})).html, 'profile change');
  });
});
