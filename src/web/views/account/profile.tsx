/** 利用者情報の変更 → 変更内容の確認 → 利用者情報の変更完了. */
import type { UserKind } from '../../../domain/profile.js';
import { T } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, Notice, type Errors } from '../shared/components.js';
import { ConfirmView, ProfileForm } from '../shared/profile-form.js';

type Person = { kind: UserKind; email: string };

/** 利用者情報の変更: the profile form without the address and password. */
export function ProfileEditView(p: {
  user: Person;
  values: Record<string, string>;
  csrfToken: string;
  errors?: Errors;
}) {
  const { values, errors } = p;
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T>
          変更する項目を修正し、「入力内容を確認する」を押してください。メールアドレスとパスワードは、マイページのそれぞれの画面から変更できます。
        </T>
      </p>
      <ProfileForm
        kind={p.user.kind}
        email={p.user.email}
        values={values}
        errors={errors}
        csrfToken={p.csrfToken}
        action="/account/profile"
        submitLabel="入力内容を確認する"
        withPassword={false}
      />
      <p>
        <a href="/mypage">
          <T>変更せずにマイページへ戻る</T>
        </a>
      </p>
    </>
  );
}

/** 変更内容の確認. */
export function ProfileConfirmView(p: { user: Person; values: Record<string, string>; csrfToken: string }) {
  return (
    <>
      <p>
        <T>
          変更後の利用者情報を確認し、よろしければ「変更する」を押してください。修正する場合は「入力に戻る」を押してください。
        </T>
      </p>
      <ConfirmView kind={p.user.kind} email={p.user.email} values={p.values} showPassword={false} />
      <div class="actions">
        <form method="post" action="/account/profile/confirm">
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button">
            <T>変更する</T>
          </button>
        </form>
        <form method="post" action="/account/profile/back">
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button--secondary">
            <T>入力に戻る</T>
          </button>
        </form>
      </div>
    </>
  );
}

/** 利用者情報の変更完了. */
export function ProfileChangedView() {
  return (
    <>
      <Notice kind="success">
        <T>利用者情報を変更しました。</T>
      </Notice>
      <p>
        <T>変更した内容は、マイページで確認できます。</T>
      </p>
      <p>
        <a href="/mypage" class="button">
          <T>マイページへ</T>
        </a>
      </p>
    </>
  );
}
