/** 開発用メールボックス: the mails that would have been sent, newest first (development only, Japanese only). */
export type DevMail = {
  id: number;
  to: string;
  subject: string;
  body: string;
  status: string;
  createdAt: Date;
};

export function DevMailboxView({ mails }: { mails: DevMail[] }) {
  return (
    <>
      <p class="notice notice--warning">
        SMTP_URL
        が設定されていないため、送信されるメールはここに表示されます（開発用。本番では表示されません）。
      </p>
      {mails.length === 0 ? <p>メールはまだありません。</p> : null}
      {mails.map((m) => (
        <article class="mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} class="subtitle">
            {m.subject}
          </h2>
          <p class="mail__meta">
            宛先：<span class="address">{m.to}</span>／{m.createdAt.toISOString()}／
            {m.status === 'sent' ? '送信済み' : '送信待ち'}
          </p>
          <pre class="mail__body">{m.body}</pre>
        </article>
      ))}
    </>
  );
}
