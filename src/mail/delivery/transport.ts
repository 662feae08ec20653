/**
 * Where mail goes: an SMTP relay through nodemailer, or — with no SMTP_URL — nowhere outside the
 * database, where the development mailbox page shows it.
 *
 * The relay is reached through a pool of `connections` SMTP connections, kept open between mails
 * (no handshake per mail), so that the worker can send that many mails at once. `close()` ends
 * them: idle ones at once, busy ones after their mail.
 */
import nodemailer from 'nodemailer';

export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send(mail: { to: string; subject: string; body: string }): Promise<void>;
  close(): void;
};

export function createTransport(
  smtpUrl: string | undefined,
  from: string,
  options: { connections?: number } = {},
): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => undefined, close: () => undefined };
  const transporter = nodemailer.createTransport(
    { url: smtpUrl, pool: true, maxConnections: options.connections ?? 5 },
    { from },
  );
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        textEncoding: 'base64',
      });
    },
    close: () => transporter.close(),
  };
}
