/**
 * The outbox: mail survives a relay that is down and goes out once it is back; two workers never
 * send the same mail; a mail whose sender died (lease ran out) is taken again. The worker does not
 * wait for its poll when told that mail was queued (a nudge) or while claims come back full; it
 * sends a few mails at once, and stopping waits for the mails in hand.
 *
 * The poll is an hour (or a minute) away in these tests, so a mail that arrives was sent because of
 * the nudge or the full batch, not the poll.
 */
import { describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/db/schema/index.js';
import { ERASED_CODE_MAIL_BODY, outboxStore, type OutboxStore } from '../../src/db/shared/outbox.js';
import { createTransport, type MailTransport } from '../../src/mail/delivery/transport.js';
import { startMailWorker } from '../../src/mail/delivery/worker.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';
import { HttpClient } from '../support/http-client.js';
import { INDIVIDUAL_FORM } from '../support/registration-harness.js';
import { TestSmtp } from '../support/smtp.js';

const mail = (n: number) => ({
  template: 'test',
  to: `user${n}@example.jp`,
  subject: `【オンライン手続かわさき】テスト${n}`,
  body: `本文${n}`,
});

/**
 * A transport whose sends wait until `release()`; `begun(n)` resolves once `n` sends have started.
 * `inFlight` and `maxInFlight` count sends that have started and not finished.
 */
function holdingTransport(real: MailTransport, held = true) {
  let release!: () => void;
  const released = held ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  const started: string[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  const state = { inFlight: 0, maxInFlight: 0 };
  const transport: MailTransport = {
    kind: real.kind,
    async send(mail) {
      started.push(mail.to);
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      for (const w of waiting) if (started.length >= w.n) w.resolve();
      try {
        await released;
        await real.send(mail);
      } finally {
        state.inFlight--;
      }
    },
    close: () => real.close(),
  };
  return {
    transport,
    state,
    started,
    release: () => release(),
    begun: (n: number) =>
      new Promise<void>((resolve) => (started.length >= n ? resolve() : waiting.push({ n, resolve }))),
  };
}

/** The outbox, counting how many mails each claim took. */
function countingClaims(outbox: OutboxStore): { store: OutboxStore; claims: number[] } {
  const claims: number[] = [];
  return {
    claims,
    store: {
      ...outbox,
      async claim(limit, now, leaseSeconds) {
        const mails = await outbox.claim(limit, now, leaseSeconds);
        claims.push(mails.length);
        return mails;
      },
    },
  };
}

/** Lets the event loop turn a few times (for asserting that something has NOT happened yet). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

describe.each(databaseFactories())('mail outbox on $name', (factory) => {
  const database = useFreshDatabase(factory);

  it('with the relay down nothing is lost: the mail is retried with a growing wait and arrives once the relay is back', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const port = smtp.port;
    await smtp.stop(); // the relay is down
    const transport = createTransport(`smtp://127.0.0.1:${port}`, 'noreply@dx.city.kawasaki.jp');
    const worker = startMailWorker(outbox, transport, clock, { pollMs: 3_600_000 });
    try {
      await outbox.enqueue(mail(1), clock.now());
      expect(await worker.runOnce()).toBe(1);
      const [failed] = await database.db.select().from(mailOutbox);
      expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
      expect(failed?.lastError).toBeTruthy();
      expect(await worker.runOnce()).toBe(0); // not due yet
      const relay = await new TestSmtp().start(port); // back
      try {
        clock.advance(3);
        expect(await worker.runOnce()).toBe(1);
        const got = await relay.waitFor('user1@example.jp', 'テスト1');
        expect(got.text.trim()).toBe('本文1');
        expect(got.from).toContain('noreply@dx.city.kawasaki.jp');
        const [sent] = await database.db.select().from(mailOutbox);
        expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
        expect(relay.mails).toHaveLength(1);
      } finally {
        await relay.stop();
      }
    } finally {
      await worker.stop();
      transport.close();
    }
  });

  it('a code mail keeps no code once a relay has taken it; other mails keep their body; the development mailbox keeps the code', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const transport = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const worker = startMailWorker(outbox, transport, clock, { pollMs: 3_600_000 });
    const codeMail = (template: string, to: string) => ({
      template,
      to,
      subject: '【オンライン手続かわさき】認証コードのお知らせ',
      body: '認証コード: 482913\n30分以内に入力してください。',
    });
    try {
      for (const template of ['registration_code', 'email_change_code', 'password_reset_code'])
        await outbox.enqueue(codeMail(template, `${template}@example.jp`), clock.now());
      await outbox.enqueue(mail(1), clock.now());
      expect(await worker.runOnce()).toBe(4);
      expect((await smtp.waitFor('registration_code@example.jp', '認証コード')).text).toContain('482913');
      const rows = await database.db.select().from(mailOutbox).orderBy(mailOutbox.id);
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
      for (const row of rows.slice(0, 3)) {
        expect(row.body).toBe(ERASED_CODE_MAIL_BODY);
        // what the audit needs stays: which mail, to whom, when
        expect(row).toMatchObject({ subject: '【オンライン手続かわさき】認証コードのお知らせ' });
        expect(row.sentAt).toEqual(clock.now());
      }
      expect(rows[3]?.body).toBe('本文1');
    } finally {
      await worker.stop();
      transport.close();
      await smtp.stop();
    }
    // Without SMTP the development mailbox is where the code is read: it stays there.
    const mailbox = createTransport(undefined, 'noreply@dx.city.kawasaki.jp');
    const devWorker = startMailWorker(outbox, mailbox, clock, { pollMs: 3_600_000 });
    try {
      await outbox.enqueue(codeMail('registration_code', 'dev@example.jp'), clock.now());
      expect(await devWorker.runOnce()).toBe(1);
      const [latest] = await outbox.latest(1);
      expect(latest).toMatchObject({ to: 'dev@example.jp', status: 'sent' });
      expect(latest?.body).toContain('482913');
    } finally {
      await devWorker.stop();
    }
  });

  it('two workers racing send every mail exactly once', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const transport = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const a = startMailWorker(outbox, transport, clock, { pollMs: 3_600_000, batch: 7 });
    const b = startMailWorker(outbox, transport, clock, { pollMs: 3_600_000, batch: 7 });
    try {
      for (let i = 0; i < 30; i++) await outbox.enqueue(mail(i), clock.now());
      let total = 0;
      for (let round = 0; round < 6; round++)
        total += (await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y, 0);
      expect(total).toBe(30);
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.mails).toHaveLength(30);
      expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(30);
    } finally {
      await a.stop();
      await b.stop();
      transport.close();
      await smtp.stop();
    }
  });

  it('a mail leased by a process that died is taken again after the lease', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    await outbox.enqueue(mail(1), clock.now());
    expect(await outbox.claim(10, clock.now(), 120)).toHaveLength(1); // this process then dies
    expect(await outbox.claim(10, clock.now(), 120)).toHaveLength(0);
    clock.advance(121);
    const again = await outbox.claim(10, clock.now(), 120);
    expect(again.map((m) => m.to)).toEqual(['user1@example.jp']);
    expect(again[0]?.attempts).toBe(2);
  });

  it('a claim takes mail whose lease ran out before queued mail, each in its order, no more than asked', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const at = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);
    await outbox.enqueue(mail(1), clock.now());
    expect((await outbox.claim(1, clock.now(), 120)).map((m) => m.to)).toEqual(['user1@example.jp']);
    clock.advance(10);
    await outbox.enqueue(mail(4), clock.now());
    expect((await outbox.claim(1, clock.now(), 120)).map((m) => m.to)).toEqual(['user4@example.jp']);
    // Queued mail that fell due before the leased mail did (and after the claims above).
    await outbox.enqueue(mail(2), at(-70));
    await outbox.enqueue(mail(3), at(-40));
    clock.advance(121); // both leases have run out, mail 1's first
    const taken = async (limit: number) =>
      (await outbox.claim(limit, clock.now(), 120)).map((m) => [m.to, m.attempts]);
    expect(await taken(1)).toEqual([['user1@example.jp', 2]]);
    expect(await taken(2)).toEqual([
      ['user4@example.jp', 2],
      ['user2@example.jp', 1],
    ]);
    expect(await taken(10)).toEqual([['user3@example.jp', 1]]);
    expect(await taken(10)).toEqual([]);
  });

  it('a nudge sends a queued mail at once, not at the next poll', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const transport = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const worker = startMailWorker(outbox, transport, clock, { pollMs: 3_600_000 });
    try {
      await outbox.enqueue(mail(1), clock.now());
      worker.nudge();
      const got = await smtp.waitFor('user1@example.jp', 'テスト1');
      expect(got.text.trim()).toBe('本文1');
      await expect
        .poll(async () => (await database.db.select().from(mailOutbox))[0])
        .toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await worker.stop();
      transport.close();
      await smtp.stop();
    }
  });

  it('a full batch is followed by another claim at once: 50 mails leave on one nudge', async () => {
    const clock = new TestClock();
    const { store, claims } = countingClaims(outboxStore(database.db));
    const smtp = await new TestSmtp().start();
    const transport = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const worker = startMailWorker(store, transport, clock, { pollMs: 60_000, batch: 20 });
    try {
      for (let i = 0; i < 50; i++) await store.enqueue(mail(i), clock.now());
      worker.nudge();
      await expect.poll(() => smtp.mails.length, { timeout: 30_000 }).toBe(50);
      expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(50);
      // Two full claims, then the rest; the short one ends the run (the poll is a minute away).
      // Each is recorded as sent once the relay has accepted it.
      await expect
        .poll(async () => (await database.db.select().from(mailOutbox)).filter((r) => r.status === 'sent'))
        .toHaveLength(50);
      expect(claims).toEqual([20, 20, 10]);
    } finally {
      await worker.stop();
      transport.close();
      await smtp.stop();
    }
  });

  it('a nudge during a run is not lost: the mail queued meanwhile leaves right after that run', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const real = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const held = holdingTransport(real);
    const worker = startMailWorker(outbox, held.transport, clock, { pollMs: 3_600_000 });
    try {
      await outbox.enqueue(mail(1), clock.now());
      worker.nudge();
      await held.begun(1); // the run has claimed mail 1 and is sending it
      await outbox.enqueue(mail(2), clock.now()); // too late for that claim
      worker.nudge();
      held.release();
      await smtp.waitFor('user2@example.jp', 'テスト2');
      expect(held.started).toEqual(['user1@example.jp', 'user2@example.jp']);
    } finally {
      held.release();
      await worker.stop();
      real.close();
      await smtp.stop();
    }
  });

  it('the mails of a batch are sent a few at a time, never more than the concurrency', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const real = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp', { connections: 3 });
    const counting = holdingTransport(real, false);
    const worker = startMailWorker(outbox, counting.transport, clock, {
      pollMs: 3_600_000,
      batch: 10,
      concurrency: 3,
    });
    try {
      for (let i = 0; i < 10; i++) await outbox.enqueue(mail(i), clock.now());
      expect(await worker.runOnce()).toBe(10);
      expect(counting.state.maxInFlight).toBe(3);
      expect(smtp.mails).toHaveLength(10);
    } finally {
      await worker.stop();
      real.close();
      await smtp.stop();
    }
  });

  it('stop() waits for the mails in hand; a stopped worker takes no more', async () => {
    const clock = new TestClock();
    const outbox = outboxStore(database.db);
    const smtp = await new TestSmtp().start();
    const real = createTransport(smtp.url, 'noreply@dx.city.kawasaki.jp');
    const held = holdingTransport(real);
    const worker = startMailWorker(outbox, held.transport, clock, { pollMs: 3_600_000 });
    try {
      for (let i = 1; i <= 3; i++) await outbox.enqueue(mail(i), clock.now());
      worker.nudge();
      await held.begun(3); // all three are being sent
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      await turns(20);
      expect(stopped).toBe(false); // the mails in hand are not done
      held.release();
      await stopping;
      // Stopped means done: every mail in hand was delivered and recorded.
      expect(smtp.mails.map((m) => m.to).sort()).toEqual([
        'user1@example.jp',
        'user2@example.jp',
        'user3@example.jp',
      ]);
      const rows = await database.db.select().from(mailOutbox);
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
      // Once stopped, neither a nudge nor runOnce takes mail.
      await outbox.enqueue(mail(4), clock.now());
      worker.nudge();
      expect(await worker.runOnce()).toBe(0);
      await turns(20);
      const queued = await database.db.select().from(mailOutbox);
      expect(queued.filter((r) => r.status === 'queued')).toHaveLength(1);
      expect(held.started).toHaveLength(3);
    } finally {
      held.release();
      await worker.stop();
      real.close();
      await smtp.stop();
    }
  });
});

describe.each(databaseFactories())('the app on $name wakes its own mail worker', (factory) => {
  it('the code mail and the completion mail leave at once, with the poll a minute away', async () => {
    const { startTestApp } = await import('../support/app-server.js');
    const smtp = await new TestSmtp().start();
    const app = await startTestApp({
      database: await factory.open(),
      smtpUrl: smtp.url,
      env: { MAIL_POLL_MS: '60000' },
    });
    try {
      const client = new HttpClient(app.url);
      const token = await client.token('/register/terms?kind=individual');
      await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
      const sent = await client.post('/register/email', { _csrf: token, email: 'nudge@example.jp' });
      expect(sent.headers.get('location')).toBe('/register/code');
      const code = await smtp.takeCode('nudge@example.jp');
      // the relay has it: the outbox keeps no copy of the code
      await expect
        .poll(async () => (await app.database.db.select().from(mailOutbox)).map((r) => r.body), {
          timeout: 5000,
        })
        .toEqual([ERASED_CODE_MAIL_BODY]);
      const verified = await client.post('/register/code', { _csrf: token, code });
      expect(verified.headers.get('location')).toBe('/register/profile');
      await client.post('/register/profile', { _csrf: token, ...INDIVIDUAL_FORM });
      expect((await client.post('/register/confirm', { _csrf: token })).status).toBe(303);
      const done = await smtp.waitFor('nudge@example.jp', '本登録完了のお知らせ');
      expect(done.text).toContain('川崎 太郎 様');
    } finally {
      await app.close();
      await smtp.stop();
    }
  });
});

describe('registration while the relay is down', () => {
  it('the code step still answers, and the code arrives once the relay is back', async () => {
    const { startTestApp } = await import('../support/app-server.js');
    const { HttpClient } = await import('../support/http-client.js');
    const probe = await new TestSmtp().start();
    const port = probe.port;
    await probe.stop(); // the relay is down
    const app = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, env: { MAIL_POLL_MS: '100' } });
    try {
      const client = new HttpClient(app.url);
      const token = await client.token('/register/terms?kind=individual');
      await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
      const sent = await client.post('/register/email', { _csrf: token, email: 'relay.down@example.jp' });
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe('/register/code');
      // The worker tried, failed, and put the mail back with a wait.
      await expect
        .poll(async () => (await app.database.db.select().from(mailOutbox))[0], { timeout: 5000 })
        .toMatchObject({ status: 'queued', attempts: 1 });
      const relay = await new TestSmtp().start(port); // back
      try {
        // The retry is due after its backoff (2 s); the worker in the app sends it by itself.
        const code = await relay.takeCode('relay.down@example.jp');
        expect(code).toMatch(/^\d{6}$/);
        const verified = await client.post('/register/code', { _csrf: token, code });
        expect(verified.headers.get('location')).toBe('/register/profile');
      } finally {
        await relay.stop();
      }
    } finally {
      await app.close();
    }
  });
});
