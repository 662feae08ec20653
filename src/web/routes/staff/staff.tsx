/**
 * 職員一覧 (admins only): 職員を追加 (the same enrolment as the command), role change, 無効にする and
 * 再設定用のURLを発行する (a new enrolment for a lost authenticator).
 */
import { Hono } from 'hono';
import type { StaffRecord } from '../../../app/staff/ports.js';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  RadioGroup,
  TextField,
  type Errors,
} from '../../views/shared/components.js';
import { formatDateTime, ROLE_LABEL } from '../../views/staff/layout.js';
import { ScrollTable } from '../../views/staff/scroll-table.js';
import {
  adminPage,
  errorOf,
  forbiddenPage,
  readAdminForm,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
  ConfirmedAction,
} from './shared.js';

const STATUS_LABEL = { pending: '設定待ち', active: '有効', disabled: '無効' } as const;

const REFUSALS: Record<string, string> = {
  self: '自分自身を無効にすることはできません。',
  last_admin: '有効な管理者が1人もいなくなるため、この操作はできません。',
  not_found: 'この職員アカウントは見つからないか、すでに無効です。',
  disabled: 'この職員アカウントは見つからないか、すでに無効です。',
  reissue_self: '自分自身の設定を取り消すことはできません。',
  invalid: '権限を選択してください。',
};

export function adminStaffRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const staff = deps.backOffice.staff;

  // Staff management is for admins only; an operator gets 403 on every path under /admin/staff.
  r.use('/staff', async (c, next) => (c.get('staff').role === 'admin' ? next() : forbiddenPage(c)));
  r.use('/staff/*', async (c, next) => (c.get('staff').role === 'admin' ? next() : forbiddenPage(c)));

  const listPage = async (
    c: AdminCtx,
    opts: {
      errors?: Errors;
      values?: Record<string, string>;
      /** the enrolment URL just issued, shown once: for a new account or a reissued one */
      issued?: { kind: 'created' | 'reissued'; email: string; url: string; expiresAt: Date };
      message?: string;
      refusal?: string;
      status?: number;
    } = {},
  ) => {
    const me = c.get('staff');
    const rows: StaffRecord[] = await staff.list(me);
    return adminPage(
      c,
      { title: '職員一覧', section: 'staff', errors: opts.errors, status: opts.status },
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
                      <CsrfField token={c.get('csrfToken')()} />
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
                        csrfToken={c.get('csrfToken')()}
                        buttonClass="button button--small button--secondary"
                      >
                        再設定用のURLを発行する
                      </ConfirmedAction>
                      <ConfirmedAction
                        action={`/admin/staff/${s.id}/disable`}
                        confirm={`${s.email} の職員アカウントを無効にします。よろしいですか？`}
                        csrfToken={c.get('csrfToken')()}
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
          <CsrfField token={c.get('csrfToken')()} />
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            autocomplete="off"
            value={opts.values?.email}
            error={errorOf(opts.errors, 'email')}
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
            error={errorOf(opts.errors, 'role')}
          />
          <button type="submit" class="button">
            職員を追加
          </button>
        </form>
      </>,
    );
  };

  r.get('/staff', (c) => {
    const done = c.req.query('done');
    const refused = c.req.query('refused');
    return listPage(c, {
      message:
        done === 'role'
          ? '権限を変更しました。'
          : done === 'disabled'
            ? '職員アカウントを無効にしました。'
            : undefined,
      refusal: refused ? REFUSALS[refused] : undefined,
    });
  });

  r.post('/staff', async (c) => {
    const form = (await readAdminForm(c)) ?? {};
    const result = await staff.create(
      { email: form.email ?? '', role: form.role ?? '', name: form.name ?? null },
      { staff: c.get('staff'), meta: c.get('meta') },
    );
    if (!result.ok) return listPage(c, { errors: result.errors, values: form, status: 400 });
    return listPage(c, {
      issued: {
        kind: 'created',
        email: (form.email ?? '').trim(),
        url: result.enrolUrl,
        expiresAt: result.expiresAt,
      },
    });
  });

  // The new URL is shown in this response only (like 職員を追加), never put in a redirect.
  r.post('/staff/:id/reissue', async (c) => {
    const result = await staff.reissueEnrolment(
      { id: c.req.param('id') },
      { staff: c.get('staff'), meta: c.get('meta') },
    );
    if (!result.ok)
      return c.redirect(
        `/admin/staff?refused=${result.reason === 'self' ? 'reissue_self' : result.reason}`,
        303,
      );
    return listPage(c, {
      issued: { kind: 'reissued', email: result.email, url: result.enrolUrl, expiresAt: result.expiresAt },
    });
  });

  r.post('/staff/:id/role', async (c) => {
    const form = (await readAdminForm(c)) ?? {};
    const result = await staff.changeRole(c.get('staff'), c.req.param('id'), form.role ?? '', c.get('meta'));
    return c.redirect(result.ok ? '/admin/staff?done=role' : `/admin/staff?refused=${result.reason}`, 303);
  });

  r.post('/staff/:id/disable', async (c) => {
    const result = await staff.disable(c.get('staff'), c.req.param('id'), c.get('meta'));
    return c.redirect(
      result.ok ? '/admin/staff?done=disabled' : `/admin/staff?refused=${result.reason}`,
      303,
    );
  });

  return r;
}
