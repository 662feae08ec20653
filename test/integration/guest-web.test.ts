/**
 * ログインせずに申請する over HTTP without JavaScript (issue 13, decision 014), on each database: the
 * address screen and its errors, 認証コードの入力 (wrong code, resend too soon), the right code → the
 * form's first page with the guest cookie; a procedure without guests is 404; the receipt mail's
 * follow link opens that one application's 申請の詳細 (and a wrong token is 404, never logged), and
 * the guest withdraws it there.
 */
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { mailOutbox } from '../../src/db/schema/index.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories } from '../support/databases.js';
import { useScreensApp } from '../support/app-server.js';
import { FormClient as Client, mainText } from '../support/form-client.js';
import { proceduresHarness } from '../support/procedures-harness.js';

const GUEST = 'citizen-course-application';
const NO_GUEST = 'city-tax-certificate';

describe.each(databaseFactories())('ログインせずに申請する over HTTP on $name', (factory) => {
  const logLines: string[] = [];
  const clock = new TestClock(new Date('2026-12-04T01:00:00Z'));
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const { app, database } = useScreensApp(factory, {
    clock,
    env: { CODE_MAILS_PER_IP_PER_10_MIN: '1000' },
    logStream,
  });
  beforeEach(() => {
    clock.advance(3600); // rate limits of earlier tests are over
  });

  const mails = (to: string) =>
    database.db
      .select()
      .from(mailOutbox)
      .orderBy(asc(mailOutbox.id))
      .then((rows) => rows.filter((m) => m.toAddress === to));
  const codeOf = async (to: string) => {
    const code = /認証コード：(\d{6})/.exec((await mails(to)).at(-1)?.body ?? '')?.[1];
    if (!code) throw new Error(`no code mail to ${to}`);
    return code;
  };

  /** The address and the right code: the client holds the guest cookie; returns the form's page. */
  async function asGuest(c: Client, email: string) {
    await c.get(`/procedures/${GUEST}/guest`);
    expect((await c.post(`/procedures/${GUEST}/guest`, { email })).location).toBe(
      `/procedures/${GUEST}/guest/code`,
    );
    await c.get(`/procedures/${GUEST}/guest/code`);
    const done = await c.post(`/procedures/${GUEST}/guest/code`, { code: await codeOf(email) });
    expect(done.status).toBe(303);
    const [, id] = /^\/applications\/([0-9a-f-]{36})\/pages\//.exec(done.location ?? '') ?? [];
    if (!id) throw new Error(`not to the form: ${done.location}`);
    return { id, location: done.location as string };
  }

  it('the address screen, its errors, the code screen, then the form with the guest cookie', async () => {
    const c = new Client(app.url);
    const start = await c.get(`/procedures/${GUEST}/guest`);
    expect(start.status).toBe(200);
    expect(start.html).toContain('<h1 class="title">ログインせずに申請する</h1>');
    expect(mainText(start.html)).toContain('市民講座の参加申込み');
    expect(start.html).toMatch(/<label[^>]*for="email"[^>]*>\s*メールアドレス/);
    expect(mainText(start.html)).toContain('6桁の認証コード');

    const bad = await c.post(`/procedures/${GUEST}/guest`, { email: 'hana@@example' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('class="error-summary"');
    expect(bad.html).toMatch(/aria-describedby="[^"]*email-error[^"]*"/);
    expect(bad.html).toContain('value="hana@@example"'); // nothing typed is lost

    const sent = await c.post(`/procedures/${GUEST}/guest`, { email: 'hana@example.jp' });
    expect(sent).toMatchObject({ status: 303, location: `/procedures/${GUEST}/guest/code` });
    const code = await c.get(`/procedures/${GUEST}/guest/code`);
    expect(code.status).toBe(200);
    expect(code.html).toContain('<h1 class="title">認証コードの入力</h1>');
    expect(mainText(code.html)).toContain('hana@example.jp');
    expect(code.html).toContain('認証コードを再送する');

    const right = await codeOf('hana@example.jp');
    const wrong = await c.post(`/procedures/${GUEST}/guest/code`, {
      code: right === '111111' ? '222222' : '111111',
    });
    expect(wrong.status).toBe(400);
    expect(mainText(wrong.html)).toContain('あと4回まで入力できます');
    const soon = await c.post(`/procedures/${GUEST}/guest/code/resend`);
    expect(soon.status).toBe(429);
    expect(mainText(soon.html)).toContain('1分に1回');

    const done = await c.post(`/procedures/${GUEST}/guest/code`, {
      code: `${right.slice(0, 3)} ${right.slice(3)}`,
    });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/^\/applications\/[0-9a-f-]{36}\/pages\/course$/);
    expect([...c.jar.keys()]).toContain('guest');
    expect([...c.jar.keys()]).not.toContain('gflow');
    const cookie = c.jar.get('guest') ?? '';
    expect(cookie.startsWith(done.location?.split('/')[2] ?? '-')).toBe(true);
  });

  it('the guest cookie is HttpOnly and SameSite=Lax, and lasts as long as the draft', async () => {
    const c = new Client(app.url);
    await c.get(`/procedures/${GUEST}/guest`);
    await c.post(`/procedures/${GUEST}/guest`, { email: 'jiro@example.jp' });
    const res = await fetch(`${app.url}/procedures/${GUEST}/guest/code`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: new URLSearchParams({ _csrf: c.csrf, code: await codeOf('jiro@example.jp') }).toString(),
    });
    const set = res.headers.getSetCookie().find((l) => l.startsWith('guest='));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(new RegExp(`Max-Age=${30 * 86400}`));
  });

  it('a procedure that takes no guests: 404 on every guest screen', async () => {
    const c = new Client(app.url);
    await c.get(`/procedures/${GUEST}/guest`);
    expect((await c.get(`/procedures/${NO_GUEST}/guest`)).status).toBe(404);
    expect((await c.post(`/procedures/${NO_GUEST}/guest`, { email: 'a@example.jp' })).status).toBe(404);
    expect((await c.get(`/procedures/${NO_GUEST}/guest/code`)).status).toBe(404);
    expect((await c.get('/procedures/no-such-procedure/guest')).status).toBe(404);
    expect(await mails('a@example.jp')).toHaveLength(0);
  });

  it('the receipt mail links to that one application: the link sets the cookie and shows it; a wrong token is 404', async () => {
    const c = new Client(app.url);
    const { id } = await asGuest(c, 'saburo@example.jp');
    // the form pages are another screen's: the application is filled and sent through the use cases
    const [, secret = ''] = (c.jar.get('guest') ?? '').split('.');
    const h = proceduresHarness(database, { clock });
    const walk = h.walks(GUEST)[0];
    if (!walk) throw new Error('no walk');
    await h.fill({ applicationId: id, secret }, id, walk);
    const sent = await h.procedures.submit({ applicationId: id, secret }, id);
    if (!sent.ok) throw new Error('not sent');
    const receipt = (await mails('saburo@example.jp')).find((m) => m.template === 'application_received');
    const link = /https?:\/\/[^\s]+\/guest\/applications\/[0-9a-f-]{36}\?t=[0-9a-f]+/.exec(
      receipt?.body ?? '',
    )?.[0];
    if (!link) throw new Error('no follow link');
    const path = new URL(link).pathname + new URL(link).search;

    // another browser (no cookie) follows the link
    const other = new Client(app.url);
    expect((await other.get(`/guest/applications/${id}`)).status).toBe(404);
    expect((await other.get(`/guest/applications/${id}?t=${'0'.repeat(64)}`)).status).toBe(404);
    expect((await other.get(`/guest/applications/${id}?t=`)).status).toBe(404);
    const followed = await other.get(path);
    expect(followed).toMatchObject({ status: 303, location: `/guest/applications/${id}` });
    const detail = await other.get(`/guest/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('<h1 class="title">申請の詳細</h1>');
    expect(mainText(detail.html)).toContain(sent.referenceNumber);
    expect(mainText(detail.html)).toContain('送信済');
    // the token is never logged (the path is, without its query)
    expect(logLines.join('\n')).not.toContain(secret);
    expect(logLines.some((l) => l.includes(`/guest/applications/${id}`))).toBe(true);

    // the cookie opens this application only
    const another = await asGuest(new Client(app.url), 'shiro@example.jp');
    expect((await other.get(`/guest/applications/${another.id}`)).status).toBe(404);

    // 取下げる, with its confirmation
    const confirm = await other.get(`/guest/applications/${id}/withdraw`);
    expect(confirm.status).toBe(200);
    const withdrawn = await other.post(`/guest/applications/${id}/withdraw`);
    expect(withdrawn).toMatchObject({ status: 303, location: `/guest/applications/${id}?withdrawn=1` });
    expect(mainText((await other.get(`/guest/applications/${id}?withdrawn=1`)).html)).toContain('取下げ');
  });

  it('after 差し戻し a guest corrects the marked field through the same screen and follows it on their page', async () => {
    const c = new Client(app.url);
    const { id } = await asGuest(c, 'goro@example.jp');
    const [, secret = ''] = (c.jar.get('guest') ?? '').split('.');
    const guest = { applicationId: id, secret };
    const h = proceduresHarness(database, { clock });
    const walk = h.walks(GUEST)[0];
    if (!walk) throw new Error('no walk');
    await h.fill(guest, id, walk);
    expect((await h.procedures.submit(guest, id)).ok).toBe(true);
    const staff = h.staff();
    expect((await h.procedures.start(staff, id)).ok).toBe(true);
    expect(
      (await h.procedures.returnForCorrection(staff, id, '電話番号をご確認ください。', ['phone'])).ok,
    ).toBe(true);

    const detail = await c.get(`/guest/applications/${id}`);
    expect(detail.html).toContain(`href="/mypage/applications/${id}/correct"`);
    const form = await c.get(`/mypage/applications/${id}/correct`);
    expect(form.status).toBe(200);
    expect(mainText(form.html)).toContain('電話番号をご確認ください。');
    const sent = await c.post(`/mypage/applications/${id}/correct`, { phone: '044-200-3939' });
    expect(sent).toMatchObject({ status: 303, location: `/guest/applications/${id}` });
    expect(mainText((await c.get(`/guest/applications/${id}`)).html)).toContain('送信済');
    // another browser, without the guest cookie, cannot reach the correction
    expect((await new Client(app.url).get(`/mypage/applications/${id}/correct`)).status).not.toBe(200);
  });

  it('in English', async () => {
    const c = new Client(app.url);
    await c.english();
    const start = await c.get(`/procedures/${GUEST}/guest`);
    expect(start.html).toContain('Apply without signing in');
    expect(mainText(start.html)).not.toMatch(/[\u3040-\u30ff]/);
    await c.post(`/procedures/${GUEST}/guest`, { email: 'goro@example.jp' });
    const [mail] = await mails('goro@example.jp');
    expect(mail?.subject).toContain('Your verification code');
    expect(mail?.body).toMatch(/Verification code: \d{6}/);
  });
});
