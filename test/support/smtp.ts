/** A real SMTP server for tests (smtp-server), keeping every message parsed (mailparser). */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string; from: string; subject: string; text: string };

export class TestSmtp {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // The app keeps a pool of SMTP connections open between mails. A relay that stops drops them
      // after this grace (smtp-server's default is 30 s, which every test stopping a relay waited).
      closeTimeout: 100,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((m) => {
            const to = Array.isArray(m.to) ? m.to[0]?.text : m.to?.text;
            this.mails.push({
              to: to ?? '',
              from: m.from?.text ?? '',
              subject: m.subject ?? '',
              text: m.text ?? '',
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Waits for a mail to `to` (and matching `subject`) that was not there before. */
  async waitFor(to: string, subject: string | RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    const matches = (m: ReceivedMail) =>
      m.to.toLowerCase() === to.toLowerCase() &&
      (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject));
    for (;;) {
      const found = this.mails.filter(matches).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${to} with ${String(subject)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Takes (and removes) the newest code mail for an address and returns its 6-digit code. */
  async takeCode(to: string): Promise<string> {
    const mail = await this.waitFor(to, '認証コード');
    this.mails.splice(this.mails.indexOf(mail), 1);
    const code = mail.text.match(/認証コード：(\d{6})/)?.[1];
    if (!code) throw new Error('no code in mail');
    return code;
  }
}
