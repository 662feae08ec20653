/** 職員一覧: the accounts with their actions, a URL just issued, and 職員を追加. */
import type { StaffRecord } from '../../../app/staff/ports.js';
import {
  CsrfField,
  ErrorSummary,
  errorFor,
  Notice,
  RadioGroup,
  TextField,
  type Errors,
} from '../shared/components.js';
import { ConfirmedAction } from './components.js';
import { formatDateTime, ROLE_LABEL } from './layout.js';
import { ScrollTable } from './scroll-table.js';

const STATUS_LABEL = { pending: '設定待ち', active: '有効', disabled: '無効' } as const;

export type StaffListOptions = {
  errors?: Errors;
  values?: Record<string, string>;
  /** the enrolment URL just issued, shown once: for a new account or a reissued one */
  issued?: { kind: 'created' | 'reissued'; email: string; url: string; expiresAt: Date };
  message?: string;
  refusal?: string;
};

export function StaffListView({
  rows,
  me,
  csrfToken,
  ...opts
}: StaffListOptions & { rows: StaffRecord[]; me: { id: string }; csrfToken: string }) {
  return (
    <>
      <ErrorSummary errors={opts.errors} />
      {opts.message ? <Notice kind="success">{opts.message}</Notice> : null}
      {opts.refusal ? <Notice kind="warning">{opts.refusal}</Notice> : null}
      {opts.issued ? (
        <div class="notice notice--success" role="status">
          <p>
            <span class="address">{opts.issued.email}</span>{' '}
            {opts.issued.kind === 'created'
              ? 'の職員アカウントを作成しました。次の設定用URLを本人に伝えてください（'
              : 'のパスワードと確認コードの設定を取り消し、ログイン中の画面もすべてログアウトしました。次の再設定用URLを本人に伝えてください（'}
            {formatDateTime(opts.issued.expiresAt)}
            まで有効、1回限り）。このURLは再表示できません。
          </p>
          <label for="enrol-url" class="field__label">
            {opts.issued.kind === 'created' ? '設定用URL' : '再設定用URL'}
          </label>
          <input
            id="enrol-url"
            type="text"
            readonly
            value={opts.issued.url}
            class="input input--long code-text"
          />
        </div>
      ) : null}
      <ScrollTable caption="職員アカウント" captionHidden>
        <thead>
          <tr>
            <th scope="col">メールアドレス</th>
            <th scope="col">氏名</th>
            <th scope="col">状態</th>
            <th scope="col">最終ログイン</th>
            <th scope="col">権限</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr>
              <th scope="row" class="address">
                {s.email}
                {s.id === me.id ? '（あなた）' : ''}
              </th>
              <td>{s.name ?? '—'}</td>
              <td>{STATUS_LABEL[s.status]}</td>
              <td>{formatDateTime(s.lastSignInAt)}</td>
              <td>
                {s.status === 'disabled' ? (
                  ROLE_LABEL[s.role]
                ) : (
                  <form method="post" action={`/admin/staff/${s.id}/role`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <label for={`role-${s.id}`} class="visually-hidden">
                      {s.email} の権限
                    </label>
                    <select id={`role-${s.id}`} name="role" class="select">
                      <option value="admin" selected={s.role === 'admin'}>
                        {ROLE_LABEL.admin}
                      </option>
                      <option value="operator" selected={s.role === 'operator'}>
                        {ROLE_LABEL.operator}
                      </option>
                    </select>
                    <button type="submit" class="button button--small button--secondary">
                      権限を変更
                    </button>
                  </form>
                )}
              </td>
              <td>
                {s.status !== 'disabled' && s.id !== me.id ? (
                  <div class="inline-form">
                    <ConfirmedAction
                      action={`/admin/staff/${s.id}/reissue`}
                      confirm="この職員のパスワードと確認コードの設定を取り消し、再設定用のURLを発行します。よろしいですか？"
                      csrfToken={csrfToken}
                      buttonClass="button button--small button--secondary"
                    >
                      再設定用のURLを発行する
                    </ConfirmedAction>
                    <ConfirmedAction
                      action={`/admin/staff/${s.id}/disable`}
                      confirm={`${s.email} の職員アカウントを無効にします。よろしいですか？`}
                      csrfToken={csrfToken}
                      buttonClass="button button--small button--secondary"
                    >
                      無効にする
                    </ConfirmedAction>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2 class="subtitle" id="add-staff">
        職員を追加
      </h2>
      <p>
        追加した職員には、設定用URL（24時間有効）を伝えます。本人がそのURLでパスワードと認証アプリを設定すると、ログインできるようになります。
      </p>
      <form method="post" action="/admin/staff" novalidate aria-labelledby="add-staff">
        <CsrfField token={csrfToken} />
        <TextField
          name="email"
          label="メールアドレス"
          type="email"
          autocomplete="off"
          value={opts.values?.email}
          error={errorFor(opts.errors, 'email')}
        />
        <TextField name="name" label="氏名" optional value={opts.values?.name} width="medium" />
        <RadioGroup
          name="role"
          legend="権限"
          value={opts.values?.role ?? 'operator'}
          hint="担当者：お知らせ、利用者の管理、監査ログの閲覧。管理者：それに加えて職員の管理。"
          options={[
            { value: 'operator', label: ROLE_LABEL.operator },
            { value: 'admin', label: ROLE_LABEL.admin },
          ]}
          error={errorFor(opts.errors, 'role')}
        />
        <button type="submit" class="button">
          職員を追加
        </button>
      </form>
    </>
  );
}
