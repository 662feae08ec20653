/**
 * ログインせずに申請する (issue 13, decision 014) through the use cases on each database (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set): the address confirmed by the e-mailed code → the guest's
 * draft; wrong codes and expiry; the guest's secret opens that one application and nothing else;
 * the receipt mail goes to the guest's address with the follow link; the sweep.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';
import { proceduresHarness, type ProceduresHarness } from '../support/procedures-harness.js';
import { emailCodes, guestFlows } from '../../src/db/schema/index.js';
import { SERVICE_NAME } from '../../src/mail/templates/ja/shared.js';
import type { GuestApplicant } from '../../src/app/procedures/procedures.js';

const META = { ip: '192.0.2.7', userAgent: 'vitest' };
const GUEST_PROCEDURE = 'citizen-course-application';

/** The code of the newest code mail to `to`. */
async function codeFor(h: ProceduresHarness, to: string): Promise<string> {
  const mails = (await h.mailsTo(to)).filter((m) => m.template === 'guest_application_code');
  const code = /認証コード：(\d{6})/.exec(mails.at(-1)?.body ?? '')?.[1];
  if (!code) throw new Error('no code mail');
  return code;
}

/** A guest's draft: the flow started, its code entered. */
async function guestDraft(h: ProceduresHarness, email: string, procedureId = GUEST_PROCEDURE) {
  const started = await h.procedures.guest.start(procedureId, email, META, 'ja');
  if (!started.ok) throw new Error(`not started: ${JSON.stringify(started)}`);
  const verified = await h.procedures.guest.verifyCode(started.token, await codeFor(h, email), META);
  if (!verified.ok) throw new Error(`not verified: ${JSON.stringify(verified)}`);
  const guest: GuestApplicant = { applicationId: verified.applicationId, secret: verified.secret };
  return { token: started.token, verified, guest };
}

describe.each(databaseFactories())('guest applications on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('start → code mail → the right code makes a guest draft (no user, the address, a hashed secret)', async () => {
    const h = proceduresHarness(database);
    const started = await h.procedures.guest.start(GUEST_PROCEDURE, 'ｈａｎａ@example.jp', META, 'ja');
    if (!started.ok) throw new Error('not started');
    expect(started.email).toBe('hana@example.jp');
    const [mail] = await h.mailsTo('hana@example.jp');
    expect(mail?.template).toBe('guest_application_code');
    expect(mail?.subject).toBe(`【${SERVICE_NAME}】認証コードのお知らせ`);
    expect(mail?.body).toContain('市民講座の参加申込み');
    const [codes] = await h.db.select().from(emailCodes);
    expect(codes).toMatchObject({ purpose: 'guest_application', codesSent: 1, tries: 0 });
    expect(codes?.codeHmacs[0]).not.toContain(await codeFor(h, 'hana@example.jp'));

    const verified = await h.procedures.guest.verifyCode(
      started.token,
      await codeFor(h, 'hana@example.jp'),
      META,
    );
    if (!verified.ok) throw new Error(`not verified ${JSON.stringify(verified)}`);
    expect(verified.page).toBe(h.procedures.form(GUEST_PROCEDURE)?.firstPage());
    const [row] = await h.applicationRows();
    expect(row).toMatchObject({
      id: verified.applicationId,
      userId: null,
      guestEmail: 'hana@example.jp',
      guestLang: 'ja',
      state: 'draft',
    });
    // the address confirmed by code is the form's メールアドレス (prefill 'email'), and nothing else
    expect(row?.answers).toEqual({ email: 'hana@example.jp' });
    expect(row?.guestSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.guestSecretHash).not.toContain(verified.secret);
    // a repeated request (double submit, reload) gets the same draft and secret, no second draft
    const again = await h.procedures.guest.verifyCode(started.token, '000000', META);
    expect(again).toMatchObject({ ok: true, applicationId: verified.applicationId, secret: verified.secret });
    expect(await h.applicationRows()).toHaveLength(1);
    // the guest reaches the draft with the secret
    const guest = { applicationId: verified.applicationId, secret: verified.secret };
    expect((await h.procedures.draft(guest, verified.applicationId))?.application.id).toBe(
      verified.applicationId,
    );
  });

  it('refuses a procedure that takes no guests, an unknown one, and a bad address', async () => {
    const h = proceduresHarness(database);
    expect(await h.procedures.guest.start('city-tax-certificate', 'a@example.jp', META, 'ja')).toEqual({
      ok: false,
      problem: 'not_found',
    });
    expect(await h.procedures.guest.start('no-such-procedure', 'a@example.jp', META, 'ja')).toEqual({
      ok: false,
      problem: 'not_found',
    });
    expect(await h.procedures.guest.start(GUEST_PROCEDURE, 'not an address', META, 'ja')).toMatchObject({
      ok: false,
      fieldError: { field: 'email' },
    });
    await h.procedures.setAccepting(h.staff(), GUEST_PROCEDURE, false);
    expect(await h.procedures.guest.start(GUEST_PROCEDURE, 'a@example.jp', META, 'ja')).toEqual({
      ok: false,
      problem: 'not_accepting',
    });
    expect(await h.mails()).toHaveLength(0);
    expect(await h.db.select().from(guestFlows)).toHaveLength(0);
  });

  it('a wrong code leaves tries; the fifth wrong one ends the flow; expiry ends it too', async () => {
    const h = proceduresHarness(database);
    const started = await h.procedures.guest.start(GUEST_PROCEDURE, 'jiro@example.jp', META, 'ja');
    if (!started.ok) throw new Error('not started');
    const right = await codeFor(h, 'jiro@example.jp');
    const wrong = right === '111111' ? '222222' : '111111';
    expect(await h.procedures.guest.verifyCode(started.token, 'abc', META)).toMatchObject({
      ok: false,
      fieldError: { field: 'code', code: 'format' },
    });
    for (let i = 1; i <= 4; i++)
      expect(await h.procedures.guest.verifyCode(started.token, wrong, META)).toMatchObject({
        ok: false,
        triesLeft: 5 - i,
      });
    expect(await h.procedures.guest.verifyCode(started.token, wrong, META)).toEqual({
      ok: false,
      problem: 'exhausted',
    });
    expect(await h.procedures.guest.verifyCode(started.token, right, META)).toEqual({
      ok: false,
      problem: 'missing',
    });
    expect(await h.applicationRows()).toHaveLength(0);

    // expiry: the registration's 30 minutes, on the injected clock
    const late = await h.procedures.guest.start(GUEST_PROCEDURE, 'saburo@example.jp', META, 'ja');
    if (!late.ok) throw new Error('not started');
    h.clock.advance(1800);
    expect(
      await h.procedures.guest.verifyCode(late.token, await codeFor(h, 'saburo@example.jp'), META),
    ).toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(await h.applicationRows()).toHaveLength(0);
  });

  it('a resend waits a minute; the earlier code still works', async () => {
    const h = proceduresHarness(database);
    const started = await h.procedures.guest.start(GUEST_PROCEDURE, 'shiro@example.jp', META, 'ja');
    if (!started.ok) throw new Error('not started');
    const first = await codeFor(h, 'shiro@example.jp');
    expect(await h.procedures.guest.resendCode(started.token, META)).toMatchObject({
      ok: false,
      refused: 'too_soon',
    });
    h.clock.advance(60);
    expect(await h.procedures.guest.resendCode(started.token, META)).toEqual({ ok: true });
    expect(await h.mailsTo('shiro@example.jp')).toHaveLength(2);
    expect(await h.procedures.guest.verifyCode(started.token, first, META)).toMatchObject({ ok: true });
  });

  it('a guest reaches their one application only: a wrong secret or another id is not found', async () => {
    const h = proceduresHarness(database);
    const a = await guestDraft(h, 'goro@example.jp');
    const b = await guestDraft(h, 'rokuro@example.jp');
    const me = await h.resident();
    const mine = await h.procedures.startDraft(me, 'city-tax-certificate');
    if (!mine.ok) throw new Error('not started');
    const wrongSecret = { ...a.guest, secret: b.guest.secret };
    expect(await h.procedures.draft(wrongSecret, a.guest.applicationId)).toBeNull();
    expect(await h.procedures.draft({ ...a.guest, secret: '' }, a.guest.applicationId)).toBeNull();
    // a's secret for b's application, or for a user's draft
    expect(await h.procedures.draft(a.guest, b.guest.applicationId)).toBeNull();
    expect(
      await h.procedures.draft(
        { applicationId: mine.applicationId, secret: a.guest.secret },
        mine.applicationId,
      ),
    ).toBeNull();
    expect(await h.procedures.followable(a.guest.applicationId, b.guest.secret)).toBeNull();
    expect(await h.procedures.followable(a.guest.applicationId, a.guest.secret)).toEqual(a.guest);
    // a user cannot reach a guest's draft either, and guests have no 申請履歴 nor a draft of their own making
    expect(await h.procedures.draft(me, a.guest.applicationId)).toBeNull();
    expect(await h.procedures.history(a.guest)).toEqual({ applications: [], drafts: [] });
    expect(await h.procedures.startDraft(a.guest, GUEST_PROCEDURE)).toMatchObject({ ok: false });
  });

  it('a guest sends the application: the receipt goes to the guest address with the follow link', async () => {
    const h = proceduresHarness(database);
    const { guest } = await guestDraft(h, 'nana@example.jp');
    const walk = h.walks(GUEST_PROCEDURE)[0];
    if (!walk) throw new Error('no walk');
    await h.fill(guest, guest.applicationId, walk);
    const sent = await h.procedures.submit(guest, guest.applicationId);
    if (!sent.ok) throw new Error(`not sent ${JSON.stringify(sent)}`);
    const receipt = (await h.mailsTo('nana@example.jp')).find((m) => m.template === 'application_received');
    expect(receipt?.body).toContain(sent.referenceNumber);
    expect(receipt?.body).toContain(
      `/guest/applications/${guest.applicationId}?t=${encodeURIComponent(guest.secret)}`,
    );
    expect(receipt?.body).not.toContain('/mypage/');
    const detail = await h.procedures.detail(guest, guest.applicationId, 'ja');
    expect(detail?.application.referenceNumber).toBe(sent.referenceNumber);
    expect(detail?.actions).toContain('withdraw');
    // staff see it like any other; their mail to the guest links to the guest page (no secret)
    await h.procedures.start(h.staff(), guest.applicationId);
    const started = (await h.mailsTo('nana@example.jp')).find(
      (m) => m.template === 'application_in_progress',
    );
    expect(started?.body).toContain(`/guest/applications/${guest.applicationId}`);
    expect(started?.body).not.toContain(guest.secret);
  });

  it('a guest withdraws (取下げる) with their secret; a wrong secret cannot', async () => {
    const h = proceduresHarness(database);
    const { guest } = await guestDraft(h, 'juichi@example.jp');
    const walk = h.walks(GUEST_PROCEDURE)[0];
    if (!walk) throw new Error('no walk');
    await h.fill(guest, guest.applicationId, walk);
    await h.procedures.submit(guest, guest.applicationId);
    expect(await h.procedures.withdraw({ ...guest, secret: 'x'.repeat(43) }, guest.applicationId)).toEqual({
      ok: false,
      problem: 'not_found',
    });
    expect(await h.procedures.withdraw(guest, guest.applicationId)).toEqual({ ok: true, state: 'withdrawn' });
    const mail = (await h.mailsTo('juichi@example.jp')).find((m) => m.template === 'application_withdrawn');
    expect(mail?.body).toContain(`?t=${encodeURIComponent(guest.secret)}`);
  });

  it('the sweep removes expired guest flows with their codes, and expired guest drafts', async () => {
    const h = proceduresHarness(database);
    await h.procedures.guest.start(GUEST_PROCEDURE, 'hachi@example.jp', META, 'ja');
    const { guest } = await guestDraft(h, 'kyu@example.jp');
    expect(await h.db.select().from(guestFlows)).toHaveLength(2);
    expect(await h.db.select().from(emailCodes)).toHaveLength(2);
    h.clock.advance(1800);
    await h.sweep();
    expect(await h.db.select().from(guestFlows)).toHaveLength(0);
    expect(await h.db.select().from(emailCodes)).toHaveLength(0);
    expect(await h.procedures.draft(guest, guest.applicationId)).not.toBeNull();
    h.clock.advance(30 * 86400);
    await h.sweep();
    expect(await h.applicationRows()).toHaveLength(0);
    expect(
      await h.db.select().from(guestFlows).where(eq(guestFlows.applicationId, guest.applicationId)),
    ).toHaveLength(0);
  });
});
