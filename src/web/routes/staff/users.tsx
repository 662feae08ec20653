/** 利用者検索 and 利用者情報 (status, 利用停止 / 利用停止を解除, アカウントを削除). */
import { Hono } from 'hono';
import type { AuditRecord } from '../../../app/staff/ports.js';
import { jaLabels } from '../../../messages/field-labels.js';
import { Notice, TextField } from '../../views/shared/components.js';
import { formatDate, formatDateTime, Pagination } from '../../views/staff/layout.js';
import { ScrollTable } from '../../views/staff/scroll-table.js';
import {
  notFoundPage,
  adminPage,
  pageParam,
  type AdminDeps,
  type AdminEnv,
  ConfirmedAction,
} from './shared.js';

const KIND_LABEL = { individual: '個人', business: '事業者' } as const;
const STATUS_LABEL = { active: '利用中', suspended: '利用停止中' } as const;

const PROFILE_LABELS: Record<string, string> = jaLabels([
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'orgName',
  'orgNameKana',
  'representativeName',
  'department',
  'contactName',
  'postalCode',
  'prefecture',
  'cityAddress',
  'building',
  'phone',
  'gender',
]);

const GENDER_LABEL: Record<string, string> = { male: '男性', female: '女性', unanswered: '回答しない' };

export function AuditTable({
  rows,
  caption,
  showUser,
}: {
  rows: AuditRecord[];
  caption: string;
  showUser?: boolean;
}) {
  if (rows.length === 0) return <p>記録はありません。</p>;
  return (
    <ScrollTable caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col">日時</th>
          <th scope="col">操作</th>
          <th scope="col">操作者</th>
          {showUser ? <th scope="col">利用者</th> : null}
          <th scope="col">IPアドレス</th>
          <th scope="col">詳細</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr>
            <td>{formatDateTime(a.at)}</td>
            <td>
              <code>{a.action}</code>
            </td>
            <td class="address">
              {a.staffId ? `職員 ${a.staffEmail ?? a.staffId.slice(0, 8)}` : a.userId ? '利用者' : 'システム'}
            </td>
            {showUser ? (
              <td>{a.userId ? <a href={`/admin/users/${a.userId}`}>{a.userId.slice(0, 8)}</a> : '—'}</td>
            ) : null}
            <td>{a.ip ?? '—'}</td>
            <td class="address">
              {a.detail
                ? Object.entries(a.detail)
                    .map(([k, v]) => `${k}=${String(v)}`)
                    .join(' ')
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function adminUserRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const users = deps.backOffice.users;

  r.get('/users', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const result = q.trim() ? await users.search(c.get('staff'), q, pageParam(c), c.get('meta')) : null;
    return adminPage(
      c,
      { title: '利用者検索', section: 'users' },
      <>
        {c.req.query('deleted') ? <Notice kind="success">アカウントを削除しました。</Notice> : null}
        <form method="get" action="/admin/users" role="search" class="search-form">
          <TextField
            name="q"
            label="検索語"
            value={q}
            optional
            hint="メールアドレス、氏名・名称、フリガナ（ひらがなでも可）、電話番号の一部で検索できます。"
          />
          <button type="submit" class="button">
            検索
          </button>
        </form>
        {result ? (
          <section aria-labelledby="results">
            <h2 id="results" class="subtitle">
              検索結果（{result.total}件）
            </h2>
            {result.rows.length === 0 ? (
              <p>該当する利用者はいません。</p>
            ) : (
              <ScrollTable caption="検索結果" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">氏名・名称</th>
                    <th scope="col">区分</th>
                    <th scope="col">メールアドレス</th>
                    <th scope="col">電話番号</th>
                    <th scope="col">状態</th>
                    <th scope="col">登録日</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((u) => (
                    <tr>
                      <td>
                        <a href={`/admin/users/${u.id}`}>{u.displayName || '（名前なし）'}</a>
                      </td>
                      <td>{KIND_LABEL[u.kind]}</td>
                      <td class="address">{u.email}</td>
                      <td>{u.phone}</td>
                      <td>{STATUS_LABEL[u.status]}</td>
                      <td>{formatDate(u.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            <Pagination page={result.page} pages={result.pages} base="/admin/users" params={{ q }} />
          </section>
        ) : null}
      </>,
    );
  });

  r.get('/users/:id', async (c) => {
    const found = await users.view(c.get('staff'), c.req.param('id'), c.get('meta'));
    if (!found) return notFoundPage(c);
    const { user: u, trail } = found;
    const v = u.profileValues;
    const message =
      c.req.query('done') === 'suspended'
        ? '利用停止にしました。この利用者はログインできません。'
        : c.req.query('done') === 'unsuspended'
          ? '利用停止を解除しました。'
          : null;
    const birth = v.birthYear ? `${v.birthYear}年${v.birthMonth}月${v.birthDay}日` : '—';
    return adminPage(
      c,
      { title: '利用者情報', section: 'users' },
      <>
        {message ? <Notice kind="success">{message}</Notice> : null}
        <h2 class="subtitle">{u.displayName || '（名前なし）'}</h2>
        <table class="summary">
          <caption class="visually-hidden">利用者の情報</caption>
          <tbody>
            <tr>
              <th scope="row">状態</th>
              <td>
                <strong>{STATUS_LABEL[u.status]}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">利用者区分</th>
              <td>{KIND_LABEL[u.kind]}</td>
            </tr>
            <tr>
              <th scope="row">メールアドレス（利用者ID）</th>
              <td class="address">{u.email}</td>
            </tr>
            {Object.entries(PROFILE_LABELS)
              .filter(([key]) => key in v)
              .map(([key, label]) => (
                <tr>
                  <th scope="row">{u.kind === 'business' && key === 'phone' ? '連絡先電話番号' : label}</th>
                  <td>{key === 'gender' ? (GENDER_LABEL[v[key] ?? ''] ?? '—') : v[key] || '—'}</td>
                </tr>
              ))}
            <tr>
              <th scope="row">{u.kind === 'business' ? '担当者生年月日' : '生年月日'}</th>
              <td>{birth}</td>
            </tr>
            <tr>
              <th scope="row">お知らせ・通知メール</th>
              <td>{u.notify ? '希望する' : '希望しない'}</td>
            </tr>
            <tr>
              <th scope="row">登録日</th>
              <td>{formatDateTime(u.createdAt)}</td>
            </tr>
            <tr>
              <th scope="row">最終ログイン</th>
              <td>{formatDateTime(u.lastSignInAt)}</td>
            </tr>
          </tbody>
        </table>
        <div class="actions">
          {u.status === 'active' ? (
            <ConfirmedAction
              action={`/admin/users/${u.id}/suspend`}
              confirm="この利用者を利用停止にします。ログイン中であれば、すぐにログアウトされます。よろしいですか？"
              csrfToken={c.get('csrfToken')()}
              buttonClass="button button--secondary"
            >
              利用停止
            </ConfirmedAction>
          ) : (
            <ConfirmedAction
              action={`/admin/users/${u.id}/unsuspend`}
              confirm="この利用者の利用停止を解除します。よろしいですか？"
              csrfToken={c.get('csrfToken')()}
              buttonClass="button button--secondary"
            >
              利用停止を解除
            </ConfirmedAction>
          )}
          <ConfirmedAction
            action={`/admin/users/${u.id}/delete`}
            confirm="本人からの申し出により、このアカウントを削除します。登録情報はすべて削除され、元に戻せません。よろしいですか？"
            csrfToken={c.get('csrfToken')()}
            buttonClass="button button--danger"
          >
            アカウントを削除
          </ConfirmedAction>
        </div>
        <h2 class="subtitle">操作の記録</h2>
        <AuditTable rows={trail} caption="この利用者に関する操作の記録（新しい順）" />
        <p>
          <a href="/admin/users">利用者検索へ戻る</a>
        </p>
      </>,
    );
  });

  r.post('/users/:id/suspend', async (c) => {
    const id = c.req.param('id');
    await users.setSuspended(c.get('staff'), id, true, c.get('meta'));
    return c.redirect(`/admin/users/${id}?done=suspended`, 303);
  });

  r.post('/users/:id/unsuspend', async (c) => {
    const id = c.req.param('id');
    await users.setSuspended(c.get('staff'), id, false, c.get('meta'));
    return c.redirect(`/admin/users/${id}?done=unsuspended`, 303);
  });

  r.post('/users/:id/delete', async (c) => {
    const deleted = await users.delete(c.get('staff'), c.req.param('id'), c.get('meta'));
    if (!deleted) return notFoundPage(c);
    return c.redirect('/admin/users?deleted=1', 303);
  });

  return r;
}
