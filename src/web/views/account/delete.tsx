/** 退会, its confirm step without JavaScript (退会の確認), and 退会の完了. */
import { k } from '../../../messages/i18n.js';
import { T, useT } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from '../shared/components.js';

export const DELETE_QUESTION = k('退会します。よろしいですか？');

/** 退会: what is deleted, what to note, and the password. */
export function DeleteView({ csrfToken, errors }: { csrfToken: string; errors?: Errors }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T>
          退会すると、オンライン手続かわさきの利用者登録を取り消します。退会の前に、次の点をご確認ください。
        </T>
      </p>
      <h2 class="subtitle">
        <T>削除される情報</T>
      </h2>
      <ul class="list">
        <li>
          <T>利用者ID（メールアドレス）とパスワード</T>
        </li>
        <li>
          <T>利用者情報（氏名または法人名/事業者名、フリガナ、住所、電話番号、生年月日など）</T>
        </li>
        <li>
          <T>お知らせ・通知メールの設定と、マイページのお知らせ</T>
        </li>
        <li>
          <T>ログイン中のすべての端末のログイン状態</T>
        </li>
      </ul>
      <h2 class="subtitle">
        <T>ご注意</T>
      </h2>
      <ul class="list">
        <li>
          <T>退会は取り消せません。削除した情報は元に戻せません。</T>
        </li>
        <li>
          <T>同じメールアドレスで、改めて利用者登録をすることができます。</T>
        </li>
        <li>
          <T>退会が完了すると、登録のメールアドレスに退会手続完了のお知らせをお送りします。</T>
        </li>
      </ul>
      <form
        method="post"
        action="/account/delete"
        novalidate
        data-confirm={t(DELETE_QUESTION)}
        data-confirm-ok={t('OK')}
        data-confirm-cancel={t('キャンセル')}
      >
        <CsrfField token={csrfToken} />
        <noscript>
          <input type="hidden" name="nojs" value="1" />
        </noscript>
        <TextField
          name="password"
          label="パスワード"
          type="password"
          autocomplete="current-password"
          maxlength={200}
          error={errors?.[0]?.message}
          hint="本人確認のため、現在のパスワードを入力してください。"
        />
        <button type="submit" class="button button--danger">
          <T>退会する</T>
        </button>
      </form>
      <p>
        <a href="/mypage">
          <T>退会せずにマイページへ戻る</T>
        </a>
      </p>
    </>
  );
}

/** 退会の確認: the dialog's question as a page, for a browser without JavaScript. */
export function DeleteConfirmView({ csrfToken }: { csrfToken: string }) {
  return (
    <>
      <p>
        <strong>
          <T>{DELETE_QUESTION}</T>
        </strong>
      </p>
      <p>
        <T>「OK」を押すと退会し、利用者情報を削除します。この操作は取り消せません。</T>
      </p>
      <div class="actions">
        <form method="post" action="/account/delete/confirm">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button button--danger">
            <T>OK</T>
          </button>
        </form>
        <form method="get" action="/account/delete">
          <button type="submit" class="button button--secondary">
            <T>キャンセル</T>
          </button>
        </form>
      </div>
    </>
  );
}

/** 退会の完了. */
export function DeletedView() {
  return (
    <>
      <p>
        <T>
          退会の手続が完了しました。これまでオンライン手続かわさきをご利用いただき、ありがとうございました。
        </T>
      </p>
      <p>
        <T>
          登録されていた利用者情報は削除しました。登録のメールアドレスに、退会手続完了のお知らせをお送りしました。
        </T>
      </p>
      <p>
        <a href="/">
          <T>オンライン手続かわさきのトップページへ</T>
        </a>
      </p>
    </>
  );
}
