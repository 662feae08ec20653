/** The seed's registration screens 6 and 7: 入力内容の確認 and 本登録の完了. */
import type { UserKind } from '../../../domain/profile.js';
import { k } from '../../../messages/i18n.js';
import { T, useT } from '../../shared/i18n.js';
import { CsrfField, Notice } from '../shared/components.js';
import { RegistrationSteps } from './steps.js';
import { ConfirmView } from '../shared/profile-form.js';

/** Screen 6: 入力内容の確認. */
export function ConfirmRegistrationView(p: {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  csrfToken: string;
}) {
  const t = useT();
  return (
    <>
      <RegistrationSteps current={4} />
      <p>
        <T>
          入力内容を確認し、よろしければ「登録する」を押してください。入力内容を訂正する場合は「入力に戻る」を押してください。
        </T>
      </p>
      <ConfirmView kind={p.kind} email={p.email} values={p.values} />
      <div class="actions">
        <form
          method="post"
          action="/register/confirm"
          data-confirm={t('登録します。よろしいですか？')}
          data-confirm-ok={t('OK')}
          data-confirm-cancel={t('キャンセル')}
        >
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button">
            <T>登録する</T>
          </button>
        </form>
        <form method="post" action="/register/back">
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button--secondary">
            <T>入力に戻る</T>
          </button>
        </form>
      </div>
    </>
  );
}

/** Screen 7: 本登録の完了. */
export function RegistrationCompleteView({ email }: { email: string }) {
  return (
    <>
      <RegistrationSteps current={5} />
      <Notice kind="success">{k('利用者登録が完了しました。')}</Notice>
      <p>
        <T>登録したメールアドレス宛に、本登録完了メールを送信しました。ご確認ください。</T>{' '}
        <span class="address">{email}</span>
      </p>
      <p>
        <a href="/mypage" class="button">
          <T>マイページへ</T>
        </a>
      </p>
    </>
  );
}
