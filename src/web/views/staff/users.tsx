/** 利用者検索 and 利用者情報. */
import type { UserRecord } from '../../../app/shared/ports.js';
import type { AuditRecord, UserSearchHit } from '../../../app/staff/ports.js';
import { Notice, TextField } from '../shared/components.js';
import { AuditTable } from './audit.js';
import { ConfirmedAction } from './components.js';
import { formatDate, formatDateTime, KIND_LABEL, Pagination } from './layout.js';
import { ScrollTable } from './scroll-table.js';

const STATUS_LABEL = { active: '利用中', suspended: '利用停止中' } as const;

type SearchResult = { rows: UserSearchHit[]; total: number; page: number; pages: number };

const GENDER_LABEL: Record<string, string> = { male: '男性', female: '女性', unanswered: '回答しない' };

/** 利用者検索: the search form and, once something is searched for, its results. */
export function UserSearchView({
  q,
  result,
  deleted,
}: {
  q: string;
  result: SearchResult | null;
  /** an account was just deleted */
  deleted: boolean;
}) {
  return (
    <>
      {deleted ? <Notice kind="success">アカウントを削除しました。</Notice> : null}
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
    </>
  );
}

/** 利用者情報: the stored profile, the status actions and the user's audit trail. */
export function UserView({
  user: u,
  trail,
  message,
  profileLabels,
  csrfToken,
}: {
  user: UserRecord;
  trail: AuditRecord[];
  message: string | null;
  /** the profile fields shown, in order, with their labels */
  profileLabels: Record<string, string>;
  csrfToken: string;
}) {
  const v = u.profileValues;
  const birth = v.birthYear ? `${v.birthYear}年${v.birthMonth}月${v.birthDay}日` : '—';
  return (
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
          {Object.entries(profileLabels)
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
            csrfToken={csrfToken}
            buttonClass="button button--secondary"
          >
            利用停止
          </ConfirmedAction>
        ) : (
          <ConfirmedAction
            action={`/admin/users/${u.id}/unsuspend`}
            confirm="この利用者の利用停止を解除します。よろしいですか？"
            csrfToken={csrfToken}
            buttonClass="button button--secondary"
          >
            利用停止を解除
          </ConfirmedAction>
        )}
        <ConfirmedAction
          action={`/admin/users/${u.id}/delete`}
          confirm="本人からの申し出により、このアカウントを削除します。登録情報はすべて削除され、元に戻せません。よろしいですか？"
          csrfToken={csrfToken}
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
    </>
  );
}
