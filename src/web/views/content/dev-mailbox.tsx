/**
 * 開発用メールボックス: the mails that would have been sent, newest first (development only, without
 * SMTP_URL). In the page's language; a mail itself is shown as written. The times are Japan time; the
 * list can be narrowed to one address; a mail's 6-digit code is shown large above its body.
 */
import { T, useLang, useT } from '../../shared/i18n.js';
import { japanDateTime } from '../../../messages/japan-time.js';

export type DevMail = {
  id: number;
  to: string;
  subject: string;
  body: string;
  status: string;
  createdAt: Date;
};

/** The 6-digit code of a code mail (Japanese 「認証コード：NNNNNN」 or English "Verification code: NNNNNN"). */
export function mailCode(body: string): string | null {
  return body.match(/(?:認証コード：|Verification code: )(\d{6})(?!\d)/)?.[1] ?? null;
}

export function DevMailboxView({ mails, to }: { mails: DevMail[]; to: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p class="notice notice--warning">
        {t(
          'SMTP_URL が設定されていないため、送信されるメールはここに表示されます（開発用。本番では表示されません）。',
        )}
      </p>
      <form method="get" action="/dev/mailbox" class="mailbox-filter" role="search">
        <div class="field">
          <label for="to" class="field__label">
            {t('宛先のメールアドレス')}
          </label>
          <p class="field__hint" id="to-hint">
            {t('入力したアドレス宛のメールだけを表示します。空欄にするとすべてのメールを表示します。')}
          </p>
          <input
            id="to"
            name="to"
            type="email"
            class="input input--medium"
            value={to}
            autocomplete="off"
            aria-describedby="to-hint"
          />
        </div>
        <button type="submit" class="button button--small">
          {t('絞り込む')}
        </button>{' '}
        {to ? (
          <a href="/dev/mailbox">
            <T>すべてのメールを表示する</T>
          </a>
        ) : null}
      </form>
      {mails.length === 0 ? (
        <p>{to ? t('{to} 宛のメールはありません。', { to }) : t('メールはまだありません。')}</p>
      ) : null}
      {mails.map((m) => {
        const code = mailCode(m.body);
        return (
          <article class="mail" aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`} class="subtitle">
              {m.subject}
            </h2>
            <dl class="mail__meta">
              <div>
                <dt>{t('宛先')}</dt>
                <dd class="address">{m.to}</dd>
              </div>
              <div>
                <dt>{t('作成日時（日本時間）')}</dt>
                <dd>
                  <time datetime={m.createdAt.toISOString()}>{japanDateTime(m.createdAt, lang)}</time>
                </dd>
              </div>
              <div>
                <dt>{t('状態')}</dt>
                <dd>{m.status === 'sent' ? t('送信済み') : t('送信待ち')}</dd>
              </div>
            </dl>
            {code ? (
              <p class="mail__code">
                <span class="mail__code-label">{t('認証コード')}</span>
                <code class="mail__code-value" data-code={code}>
                  {code}
                </code>
              </p>
            ) : null}
            <pre class="mail__body">{m.body}</pre>
          </article>
        );
      })}
    </>
  );
}
