/**
 * パスワードの変更 and its completion; the reset's パスワードの再設定, 新しいパスワードの設定 and
 * パスワードの再設定完了 (its 認証コードの入力 is the shared CodeEntry).
 */
import { T } from '../../shared/i18n.js';
import { SpamFilterNotice } from '../shared/code-entry.js';
import { CsrfField, EmailField, ErrorSummary, Notice, TextField, type Errors } from '../shared/components.js';
import { PasswordRule } from '../shared/profile-form.js';

/** The new password and its confirmation, with the rule and the show-password toggle. */
function NewPasswordFields({ errors }: { errors?: Errors }) {
  return (
    <>
      <TextField
        name="newPassword"
        label="新しいパスワード"
        type="password"
        autocomplete="new-password"
        maxlength={200}
        error={errors?.find((e) => e.field === 'newPassword')?.message}
        hint={<PasswordRule />}
      />
      <TextField
        name="newPasswordConfirm"
        label="新しいパスワード（確認用）"
        type="password"
        autocomplete="new-password"
        maxlength={200}
        error={errors?.find((e) => e.field === 'newPasswordConfirm')?.message}
        hint="確認のため、もう一度同じパスワードを入力してください。"
      />
      <div class="show-password" hidden data-show-password="newPassword newPasswordConfirm">
        <input type="checkbox" id="show-password" />
        <label for="show-password">
          <T>パスワードを表示する</T>
        </label>
      </div>
    </>
  );
}

/** パスワードの変更 (signed in). */
export function ChangePasswordView({ csrfToken, errors }: { csrfToken: string; errors?: Errors }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T>
          現在のパスワードと新しいパスワードを入力し、「変更する」を押してください。変更すると、安全のため、ほかの端末でのログインはすべて終了します。
        </T>
      </p>
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          name="currentPassword"
          label="現在のパスワード"
          type="password"
          autocomplete="current-password"
          maxlength={200}
          error={errors?.find((e) => e.field === 'currentPassword')?.message}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" class="button">
          <T>変更する</T>
        </button>
      </form>
      <p>
        <a href="/mypage">
          <T>変更せずにマイページへ戻る</T>
        </a>
      </p>
    </>
  );
}

/** パスワードの変更完了. */
export function PasswordChangedView() {
  return (
    <>
      <Notice kind="success">
        <T>パスワードを変更しました。</T>
      </Notice>
      <p>
        <T>
          次回から新しいパスワードでログインしてください。安全のため、ほかの端末でのログインはすべて終了しました。登録のメールアドレスに、変更のお知らせをお送りしました。
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

/** パスワードの再設定: the address the code goes to. */
export function ResetStartView(opts: {
  csrfToken: string;
  mailDomain: string;
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
          利用者ID（登録したメールアドレス）を入力し、「認証コードを送信する」を押してください。登録されているメールアドレスの場合は、認証コードを記載したメールをお送りします。
        </T>
      </p>
      <p>
        <T>
          ログインを続けて間違えてログインが停止されている場合でも、パスワードを再設定できます。再設定すると、ほかの端末でのログインはすべて終了します。
        </T>
      </p>
      <SpamFilterNotice mailDomain={opts.mailDomain} />
      <form method="post" action="/password-reset" novalidate>
        <CsrfField token={opts.csrfToken} />
        <EmailField
          name="email"
          label="メールアドレス"
          value={opts.value}
          error={opts.errors?.[0]?.message}
          hint="利用者IDとして登録したメールアドレスを入力してください。"
        />
        <button type="submit" class="button">
          <T>認証コードを送信する</T>
        </button>
      </form>
      <p>
        <a href="/login">
          <T>ログイン画面へ戻る</T>
        </a>
      </p>
    </>
  );
}

/** 新しいパスワードの設定. */
export function NewPasswordView({ csrfToken, errors }: { csrfToken: string; errors?: Errors }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T>
          新しいパスワードを入力し、「設定する」を押してください。設定すると、この画面からそのままログインした状態になり、ほかの端末でのログインはすべて終了します。
        </T>
      </p>
      <form method="post" action="/password-reset/new" novalidate>
        <CsrfField token={csrfToken} />
        <NewPasswordFields errors={errors} />
        <button type="submit" class="button">
          <T>設定する</T>
        </button>
      </form>
    </>
  );
}

/** パスワードの再設定完了 (signed in). */
export function PasswordResetView() {
  return (
    <>
      <Notice kind="success">
        <T>パスワードを再設定しました。</T>
      </Notice>
      <p>
        <T>
          ログインした状態になっています。次回から新しいパスワードでログインしてください。登録のメールアドレスに、再設定のお知らせをお送りしました。
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
