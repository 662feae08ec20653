/**
 * The outbox: mail survives a relay that is down and goes out once it is back; two workers never
 * send the same mail; a mail whose sender died (lease ran out) is taken again.
 */
import { describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/db/schema.js';
import { outboxStore } from '../../src/db/outbox.js';
import { createTransport } from '../../src/mail/transport.js';
import { startMailWorker } from '../../src/mail/worker.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';
import { TestSmtp } from '../support/smtp.js';

const mail = (n: number) => ({
  template: 'test',
  to: `user${n}@example.jp`,
  subject: `【オンライン手続かわさき】テスト${n}`,
  body: `本文${n}`,
});

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
