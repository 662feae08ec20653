/**
 * メールアドレスの変更 and メールアドレスの変更完了 (its 認証コードの入力 is the shared CodeEntry).
 */
import { k } from '../../../messages/i18n.js';
import { T } from '../../shared/i18n.js';
import { SpamFilterNotice } from '../shared/code-entry.js';
import { CsrfField, EmailField, ErrorSummary, Notice, TextField, type Errors } from '../shared/components.js';
import { WithElement } from './code-entry.js';

/** メールアドレスの変更: the new address, and the password when the sign-in is not recent. */
export function EmailChangeView(opts: {
  csrfToken: string;
  mailDomain: string;
  /** the current address (利用者ID) */
  email: string;
  reauth: boolean;
  value?: string;
  errors?: Errors;
  info?: string;
}) {
  return (
    <>
      <ErrorSummary errors={opts.errors} />
      {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
      <p>
        <T>
          新しいメールアドレスを入力し、「認証コードを送信する」を押してください。新しいメールアドレスに認証コードを記載したメールをお送りします。認証コードを入力するまで、利用者IDは現在のメールアドレスのままです。
        </T>
      </p>
      <dl class="readonly">
        <dt>
          <T>現在のメールアドレス（利用者ID）</T>
        </dt>
        <dd class="address">{opts.email}</dd>
      </dl>
      <SpamFilterNotice mailDomain={opts.mailDomain} />
      <form method="post" action="/account/email" novalidate>
        <CsrfField token={opts.csrfToken} />
        <EmailField
          name="newEmail"
          label="新しいメールアドレス"
          value={opts.value}
          error={opts.errors?.find((e) => e.field === 'newEmail')?.message}
          hint="半角英数字と記号で入力してください。例：taro@example.jp"
        />
        {opts.reauth ? (
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="current-password"
            maxlength={200}
            error={opts.errors?.find((e) => e.field === 'password')?.message}
            hint="ログインから15分以上たっているため、安全のため現在のパスワードを入力してください。"
          />
        ) : null}
        <button type="submit" class="button">
          <T>認証コードを送信する</T>
        </button>
      </form>
      <p>
        <a href="/faq">
          <T>使用できるメールアドレスについて（よくある質問）</T>
        </a>
      </p>
      <p>
        <a href="/mypage">
          <T>変更せずにマイページへ戻る</T>
        </a>
      </p>
    </>
  );
}

/** メールアドレスの変更完了, naming the new address. */
export function EmailChangedView({ email }: { email: string }) {
  return (
    <>
      <Notice kind="success">
        <T>メールアドレス（利用者ID）を変更しました。</T>
      </Notice>
      <p>
        <WithElement
          text={k('新しい利用者IDは {email} です。次回から、このメールアドレスでログインしてください。')}
        >
          <strong class="address">{email}</strong>
        </WithElement>
      </p>
      <p>
        <T>
          変更前のメールアドレスには、変更のお知らせをお送りしました。安全のため、ほかの端末でのログインはすべて終了しました。
        </T>
      </p>
      <p>
        <a href="/mypage" class="button">
          <T>マイページへ</T>
        </a>
      </p>
    </>
  );
}
