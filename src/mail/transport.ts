/**
 * Where mail goes: an SMTP relay through nodemailer, or — with no SMTP_URL — nowhere outside the
 * database, where the development mailbox page shows it.
 */
import nodemailer from 'nodemailer';

export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send(mail: { to: string; subject: string; body: string }): Promise<void>;
  close(): void;
};

export function createTransport(smtpUrl: string | undefined, from: string): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => undefined, close: () => undefined };
  const transporter = nodemailer.createTransport(smtpUrl, { from });
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
