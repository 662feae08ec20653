/**
 * The SMTP server the benchmark's app sends to: a real one (smtp-server), which hands each 認証コード
 * to the virtual user waiting for it.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export class CodeMailbox {
  private readonly codes = new Map<string, string>();
  private readonly waiting = new Map<string, (code: string) => void>();
  private server: SMTPServer | null = null;
  received = 0;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 1024 * 1024,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('error', (e: Error) => callback(e));
        stream.on('end', () => {
          this.received++;
          this.deliver(Buffer.concat(chunks))
            .then(() => callback())
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this;
  }

  /**
   * Hands the code in a message to its waiting user. The app's mails are plain text in base64, read
   * here directly (a full MIME parser would cost the load generator more than the app spends on the
   * mail); anything else goes through mailparser.
   */
  private async deliver(raw: Buffer): Promise<void> {
    const text = raw.toString('latin1');
    const split = text.indexOf('\r\n\r\n');
    const head = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    let to = head.match(/^to:\s*(.+)$/im)?.[1]?.trim() ?? '';
    to = (to.match(/<([^>]+)>/)?.[1] ?? to).toLowerCase();
    let body: string;
    if (/^content-transfer-encoding:\s*base64/im.test(head) && !/^content-type:\s*multipart/im.test(head))
      body = Buffer.from(text.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
    else {
      const mail = await simpleParser(raw);
      body = mail.text ?? '';
    }
    const code = body.match(/認証コード：(\d{6})/)?.[1];
    if (!code) return;
    const waiter = this.waiting.get(to);
    if (waiter) {
      this.waiting.delete(to);
      waiter(code);
    } else this.codes.set(to, code);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The code mailed to `address`, when it arrives. */
  code(address: string, timeoutMs = 30_000): Promise<string> {
    const key = address.toLowerCase();
    const ready = this.codes.get(key);
    if (ready) {
      this.codes.delete(key);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error('no code mail arrived'));
      }, timeoutMs);
      this.waiting.set(key, (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
