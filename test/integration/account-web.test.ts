/**
 * The account screens over HTTP on the real app (each database, an injected clock, no browser):
 * every POST answers 303, signed-out and timed-out visitors go to ログイン with the right message,
 * the CSRF check holds, the reset screens read the same for any address, 退会 without JavaScript
 * has its plain confirm step.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.js';
import { PASSWORDS, accountHarness } from '../support/account-harness.js';
import { backOfficeHarness } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client } from '../support/form-client.js';

describe.each(databaseFactories())('account screens over HTTP on $name', (factory) => {
  const clock = new TestClock();
  const { app, database } = useScreensApp(factory, { clock });

  it('a signed-out visitor is sent to ログイン and back; an idle session ends with the inactivity message', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.idle@example.jp');
    const c = new Client(app.url);
    for (const path of ['/account/profile', '/account/email', '/account/password', '/account/delete'])
      expect((await c.get(path)).location).toBe(`/login?next=${encodeURIComponent(path)}`);
    await c.get('/login');
    const signIn = await c.post('/login', {
      email: 'web.idle@example.jp',
      password: PASSWORDS.individual,
      next: '/account/profile',
    });
    expect(signIn).toMatchObject({ status: 303, location: '/account/profile' });
    const my = await c.get('/mypage');
    expect(my.status).toBe(200);
    for (const [href, label] of [
      ['/account/profile', '利用者情報の変更'],
      ['/account/email', 'メールアドレスの変更'],
      ['/account/password', 'パスワードの変更'],
      ['/account/delete', '退会'],
    ])
      expect(my.html).toContain(`<a href="${href}">${label}</a>`);
    clock.advance(30 * 60 + 1);
    const timedOut = await c.get('/account/email');
    expect(timedOut.location).toBe('/login?timeout=1&next=%2Faccount%2Femail');
    const login = await c.get(timedOut.location ?? '');
    expect(login.html).toContain('一定時間操作がなかったため、ログアウトしました。');
    expect((await c.get('/mypage')).location).toBe('/login?next=/mypage');
  });

  it('ログイン offers パスワードを忘れた方; a held account gets the generic message, a suspended one its own with whom to contact', async () => {
    const h = accountHarness(database, { clock });
    const id = await h.createUser('web.login@example.jp');
    const c = new Client(app.url);
    const login = await c.get('/login');
    expect(login.html).toContain('<a href="/password-reset">パスワードを忘れた方</a>');
    for (let i = 0; i < 5; i++)
      await c.post('/login', { email: 'web.login@example.jp', password: `Wrong#${i}x` });
    const held = await c.post('/login', { email: 'web.login@example.jp', password: PASSWORDS.individual });
    expect(held.status).toBe(400);
    expect(held.html).toContain('メールアドレスまたはパスワードが正しくありません。');
    expect(held.html).toContain('value="web.login@example.jp"'); // nothing typed is lost
    clock.advance(15 * 60);
    await database.db.update(users).set({ status: 'suspended' }).where(eq(users.id, id));
    const stopped = await c.post('/login', { email: 'web.login@example.jp', password: PASSWORDS.individual });
    expect(stopped.html).toContain('このアカウントは利用停止中です。');
    expect(stopped.html).toContain('044-200-2111');
  });

  it('the reset screens read the same whether or not the address is a user’s', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.known@example.jp');
    const screens = async (email: string) => {
      const c = new Client(app.url);
      const start = await c.get('/password-reset');
      const sent = await c.post('/password-reset', { email });
      const code = await c.get(sent.location ?? '');
      const wrong = await c.post('/password-reset/code', { code: '000000' });
      const hide = (s: string) =>
        s
          .replaceAll(email, 'ADDRESS')
          .replace(/name="_csrf" value="[^"]+"/g, '')
          .replace(/あと\d回/, '');
      return [start.status, sent.status, sent.location, code.status, wrong.status, hide(code.html)];
    };
    const known = await screens('web.known@example.jp');
    const unknown = await screens('web.unknown@example.jp');
    expect(known).toEqual(unknown);
    expect(known.slice(0, 5)).toEqual([200, 303, '/password-reset/code', 200, 400]);
    expect(String(known[5])).toContain('<h1 class="title">認証コードの入力</h1>');
  });

  it('a post without the CSRF token is refused with 403 and changes nothing', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.csrf@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.csrf@example.jp', PASSWORDS.individual);
    for (const path of ['/account/delete', '/account/password', '/account/email', '/account/profile']) {
      const r = await c.post(path, { password: PASSWORDS.individual, newEmail: 'x@example.jp' }, false);
      expect(r.status).toBe(403);
    }
    expect(await h.users.findByEmailKey('web.csrf@example.jp')).not.toBeNull();
  });

  it('20 failures from one browser hold it, while the owner’s browser (signed in before) signs in at once', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.device@example.jp');
    const owner = new Client(app.url);
    await owner.signIn('web.device@example.jp', PASSWORDS.individual);
    expect([...owner.jar.keys()]).toContain('device');
    await owner.get('/mypage');
    await owner.post('/logout', {});
    const stranger = new Client(app.url);
    await stranger.get('/login');
    for (let i = 0; i < 20; i++) {
      const r = await stranger.post('/login', { email: 'web.device@example.jp', password: `Wrong#${i}x` });
      expect(r.status).toBe(400);
    }
    await owner.get('/login');
    const mine = await owner.post('/login', {
      email: 'web.device@example.jp',
      password: PASSWORDS.individual,
    });
    expect(mine).toMatchObject({ status: 303, location: '/mypage' });
    const theirs = await stranger.post('/login', {
      email: 'web.device@example.jp',
      password: PASSWORDS.individual,
    });
    expect(theirs.status).toBe(400);
    expect(theirs.html).toContain('メールアドレスまたはパスワードが正しくありません。');
  });

  it('failures from the owner’s browser count against its device cookie only: 5 hold it for 15 minutes', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.device.own@example.jp');
    const owner = new Client(app.url);
    await owner.signIn('web.device.own@example.jp', PASSWORDS.individual);
    await owner.get('/mypage');
    await owner.post('/logout', {});
    await owner.get('/login');
    for (let i = 0; i < 5; i++)
      await owner.post('/login', { email: 'web.device.own@example.jp', password: `Wrong#${i}x` });
    const held = await owner.post('/login', {
      email: 'web.device.own@example.jp',
      password: PASSWORDS.individual,
    });
    expect(held.status).toBe(400);
    // The account's hold for unknown browsers was not touched: another browser signs in.
    const other = new Client(app.url);
    await other.signIn('web.device.own@example.jp', PASSWORDS.individual);
    clock.advance(15 * 60);
    const again = await owner.post('/login', {
      email: 'web.device.own@example.jp',
      password: PASSWORDS.individual,
    });
    expect(again.status).toBe(303);
  });

  it('a device cookie whose signature does not hold, or for another account, counts as an unknown browser', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.device.a@example.jp');
    await h.createUser('web.device.b@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.device.a@example.jp', PASSWORDS.individual);
    await c.get('/mypage');
    await c.post('/logout', {});
    const cookie = c.jar.get('device') ?? '';
    const forged = new Client(app.url);
    forged.jar.set('device', cookie.slice(0, -2) + (cookie.endsWith('AA') ? 'BB' : 'AA'));
    await forged.get('/login');
    for (let i = 0; i < 5; i++)
      await forged.post('/login', { email: 'web.device.a@example.jp', password: `Wrong#${i}x` });
    // account A is now held for unknown browsers; c (A's own browser) still gets in
    expect(
      (await forged.post('/login', { email: 'web.device.a@example.jp', password: PASSWORDS.individual }))
        .status,
    ).toBe(400);
    await c.get('/login');
    for (let i = 0; i < 5; i++)
      await c.post('/login', { email: 'web.device.b@example.jp', password: `Wrong#${i}x` });
    // A's cookie is no cookie for B: B's hold for unknown browsers applies to c too
    expect(
      (await c.post('/login', { email: 'web.device.b@example.jp', password: PASSWORDS.individual })).status,
    ).toBe(400);
    expect(
      (await c.post('/login', { email: 'web.device.a@example.jp', password: PASSWORDS.individual })).status,
    ).toBe(303);
  });

  it('the CSRF token changes at sign-in and sign-out: a form from before is refused with 403', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.csrf.turn@example.jp');
    const c = new Client(app.url);
    await c.get('/login');
    const before = c.csrf;
    await c.signIn('web.csrf.turn@example.jp', PASSWORDS.individual);
    const my = await c.get('/mypage');
    expect(my.status).toBe(200);
    const signedIn = c.csrf;
    expect(signedIn).not.toBe(before);
    c.csrf = before;
    expect((await c.post('/logout', {})).status).toBe(403);
    c.csrf = signedIn;
    expect(await c.post('/logout', {})).toMatchObject({ status: 303, location: '/' });
    c.csrf = signedIn;
    expect(
      (await c.post('/login', { email: 'web.csrf.turn@example.jp', password: PASSWORDS.individual })).status,
    ).toBe(403);
    await c.get('/login');
    expect(c.csrf).not.toBe(signedIn);
    expect(c.csrf).not.toBe(before);
  });

  it('a query string with NUL or bytes that are not UTF-8 is a 400 page, for staff and residents alike', async () => {
    const bo = backOfficeHarness(database, { clock });
    const { sessionId } = await bo.enrol('web.query.admin@example.jp');
    const staff = new Client(app.url);
    staff.jar.set('staff_sid', sessionId);
    expect((await staff.get('/admin/users?q=abc')).status).toBe(200);
    for (const path of [
      '/admin/users?q=%00',
      '/admin/audit?action=%00',
      '/admin/users?q=%FF',
      '/admin/users?q=%ED%A0%80',
    ]) {
      const r = await staff.get(path);
      expect(r.status, path).toBe(400);
      expect(r.html).toContain('アドレスに使えない文字が含まれています。');
    }
    const resident = new Client(app.url);
    for (const path of ['/login?next=%00', '/login?timeout=1&next=%FF', '/?x=%EF%BF%BD']) {
      const r = await resident.get(path);
      expect(r.status, path).toBe(400);
      expect(r.html).toContain('<h1 class="title">ページを表示できませんでした</h1>');
    }
    expect((await resident.get('/login?next=%2Fmypage')).status).toBe(200);
  });

  it('利用者情報の変更: each POST answers 303, 入力に戻る keeps the values, errors keep what was typed, 変更する saves', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.profile@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.profile@example.jp', PASSWORDS.individual);
    const form = await c.get('/account/profile');
    expect(form.html).toContain('<h1 class="title">利用者情報の変更</h1>');
    expect(form.html).toContain('value="川崎"');
    expect(form.html).not.toContain('name="password"');
    const user = (await h.users.findByEmailKey('web.profile@example.jp'))!;
    const values = { ...user.profileValues, cityAddress: '川崎市幸区堀川町580番地', notify: 'no' };
    expect(await c.post('/account/profile', values)).toMatchObject({
      status: 303,
      location: '/account/profile/confirm',
    });
    const confirm = await c.get('/account/profile/confirm');
    expect(confirm.html).toContain('<h1 class="title">変更内容の確認</h1>');
    expect(confirm.html).toContain('川崎市幸区堀川町580番地');
    expect(confirm.html).toContain('変更する');
    expect(confirm.html).toContain('入力に戻る');
    const back = await c.post('/account/profile/back', {});
    expect(back.location).toBe('/account/profile?back=1');
    expect((await c.get(back.location ?? '')).html).toContain('value="川崎市幸区堀川町580番地"');
    const bad = await c.post('/account/profile', { ...values, familyName: '' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('<title>エラー：利用者情報の変更 | オンライン手続かわさき</title>');
    expect(bad.html).toContain('姓を入力してください');
    expect(bad.html).toContain('value="川崎市幸区堀川町580番地"');
    await c.post('/account/profile', values);
    expect(await c.post('/account/profile/confirm', {})).toMatchObject({
      status: 303,
      location: '/account/profile/complete',
    });
    expect((await c.get('/account/profile/complete')).html).toContain('利用者情報の変更完了');
    expect((await h.users.findByEmailKey('web.profile@example.jp'))?.profileValues).toMatchObject({
      cityAddress: '川崎市幸区堀川町580番地',
      notify: 'no',
    });
    // The pending edit is gone: the confirm screen sends back to the form.
    expect((await c.get('/account/profile/confirm')).location).toBe('/account/profile');
  });

  it('メールアドレスの変更 asks for the password only when the sign-in is older than 15 minutes', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.reauth@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.reauth@example.jp', PASSWORDS.individual);
    const fresh = await c.get('/account/email');
    expect(fresh.html).toContain('<label for="newEmail" class="field__label">新しいメールアドレス</label>');
    expect(fresh.html).not.toContain('name="password"');
    clock.advance(15 * 60 + 1);
    const stale = await c.get('/account/email');
    expect(stale.html).toContain('<label for="password" class="field__label">パスワード</label>');
    const refused = await c.post('/account/email', { newEmail: 'web.reauth2@example.jp' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('パスワードを入力してください');
    expect(refused.html).toContain('value="web.reauth2@example.jp"');
    const sent = await c.post('/account/email', {
      newEmail: 'web.reauth2@example.jp',
      password: PASSWORDS.individual,
    });
    expect(sent).toMatchObject({ status: 303, location: '/account/email/code' });
    expect((await c.get('/account/email/code')).html).toContain('web.reauth2@example.jp');
  });

  it('パスワードの変更 gives a new session cookie; the old cookie no longer works', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.password@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.password@example.jp', PASSWORDS.individual);
    await c.get('/account/password');
    const oldSid = c.jar.get('sid');
    const done = await c.post('/account/password', {
      currentPassword: PASSWORDS.individual,
      newPassword: 'Sakura#Bloom2027',
      newPasswordConfirm: 'Sakura#Bloom2027',
    });
    expect(done).toMatchObject({ status: 303, location: '/account/password/complete' });
    expect(c.jar.get('sid')).toBeDefined();
    expect(c.jar.get('sid')).not.toBe(oldSid);
    expect((await c.get('/account/password/complete')).html).toContain('パスワードの変更完了');
    const stale = new Client(app.url);
    stale.jar.set('sid', oldSid ?? '');
    expect((await stale.get('/mypage')).status).toBe(303);
  });

  it('退会 without JavaScript: the password, then a plain confirm step, then the row is gone and the browser signed out', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.bye@example.jp', 'business');
    const c = new Client(app.url);
    await c.signIn('web.bye@example.jp', PASSWORDS.business);
    const form = await c.get('/account/delete');
    expect(form.html).toContain('data-confirm="退会します。よろしいですか？"');
    expect(form.html).toContain('<noscript><input type="hidden" name="nojs" value="1"/></noscript>');
    const wrong = await c.post('/account/delete', { password: 'Wrong#pass1', nojs: '1' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('パスワードが正しくありません');
    const checked = await c.post('/account/delete', { password: PASSWORDS.business, nojs: '1' });
    expect(checked).toMatchObject({ status: 303, location: '/account/delete/confirm' });
    const confirm = await c.get('/account/delete/confirm');
    expect(confirm.html).toContain('退会します。よろしいですか？');
    expect(confirm.html).toMatch(/<button type="submit" class="button button--danger">\s*OK\s*<\/button>/);
    expect(confirm.html).toMatch(/キャンセル/);
    expect(await h.users.findByEmailKey('web.bye@example.jp')).not.toBeNull();
    const done = await c.post('/account/delete/confirm', {});
    expect(done).toMatchObject({ status: 303, location: '/account/delete/complete' });
    expect(c.jar.has('sid')).toBe(false);
    const complete = await c.get('/account/delete/complete');
    expect(complete.html).toContain('<h1 class="title">退会の完了</h1>');
    expect(complete.html).toContain('<a href="/">');
    expect(complete.html).toContain('新規登録'); // signed out: the header offers 新規登録 and ログイン
    expect(await h.users.findByEmailKey('web.bye@example.jp')).toBeNull();
  });

  it('退会 with JavaScript: after the dialog, the password post deletes at once', async () => {
    const h = accountHarness(database, { clock });
    await h.createUser('web.js.bye@example.jp');
    const c = new Client(app.url);
    await c.signIn('web.js.bye@example.jp', PASSWORDS.individual);
    await c.get('/account/delete');
    const done = await c.post('/account/delete', { password: PASSWORDS.individual });
    expect(done).toMatchObject({ status: 303, location: '/account/delete/complete' });
    expect(await h.users.findByEmailKey('web.js.bye@example.jp')).toBeNull();
  });
});
