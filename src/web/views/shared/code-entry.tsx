/**
 * The 6-digit code step shared by registration, the e-mail change and the password reset: the code
 * field, and the help for a mail that does not arrive (spam folder, address, resend).
 */
import { jaLabel } from '../../../messages/field-labels.js';
import { T } from '../../shared/i18n.js';
import { CsrfField, Notice, TextField } from './components.js';

/** The 認証コード field and its 認証コードを確認する button. */
export function CodeForm(p: { action: string; csrfToken: string; error?: string }) {
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrfToken} />
      <TextField
        name="code"
        label={jaLabel(undefined, 'code')}
        width="short"
        inputmode="numeric"
        autocomplete="one-time-code"
        maxlength={20}
        error={p.error}
        hint="半角数字6桁（例：123456）"
      />
      <button type="submit" class="button">
        <T>認証コードを確認する</T>
      </button>
    </form>
  );
}

/** メールが届かない場合: what to check, and 認証コードを再送する with its limits. */
export function CodeHelp(p: { mailDomain: string; resendAction: string; csrfToken: string }) {
  return (
    <>
      <h2 class="subtitle">
        <T>メールが届かない場合</T>
      </h2>
      <ul class="list">
        <li>
          <T params={{ domain: p.mailDomain }}>
            {
              '迷惑メールフォルダに届いていないか確認してください。「@{domain}」からのメールを受信できるよう設定してください。'
            }
          </T>
        </li>
        <li>
          <T>メールアドレスが正しいか確認してください。</T>
        </li>
      </ul>
      <form method="post" action={p.resendAction} class="inline-form">
        <CsrfField token={p.csrfToken} />
        <button type="submit" class="button button--secondary">
          <T>認証コードを再送する</T>
        </button>
      </form>
      <p class="field__hint">
        <T>再送は1分に1回、5回までです。以前に届いた認証コードも引き続き使えます。</T>
      </p>
    </>
  );
}

/** Where an address is asked for: mail comes from the configured domain, which spam filters must allow. */
export function SpamFilterNotice({ mailDomain }: { mailDomain: string }) {
  return (
    <Notice>
      <T params={{ domain: mailDomain }}>
        {
          '迷惑メール対策の設定を行っている場合は、メールが届かない場合があります。お手数ですが「@{domain}」ドメインからのメールが受信できるように設定してください。'
        }
      </T>
    </Notice>
  );
}
