/** ダッシュボード and 監査ログ. */
import { jstDay, type DashboardUseCases } from '../../../app/staff/dashboard.js';
import type { AuditRecord } from '../../../app/staff/ports.js';
import { auditActionLabel } from './audit-labels.js';
import { AuditTable } from './audit.js';
import { RegistrationsChart } from './graphics.js';
import { formatDateTime, Pagination } from './layout.js';
import { ScrollTable } from './scroll-table.js';

type DashboardOverview = Awaited<ReturnType<DashboardUseCases['overview']>>;

const pct = (n: number, of: number) => (of === 0 ? '—' : `${((n / of) * 100).toFixed(1)}%`);

/** ダッシュボード: users, registrations of the last 30 days, pending registrations, mail, recent actions. */
export function DashboardView({ overview: o }: { overview: DashboardOverview }) {
  const s = o.stats;
  const users = s.usersByKind.individual + s.usersByKind.business;
  const ttlMinutes = Math.round(o.registrationTtlSeconds / 60);
  const oldestMinutes = s.pending.oldestStartedAt
    ? Math.floor((o.now.getTime() - s.pending.oldestStartedAt.getTime()) / 60_000)
    : null;
  const total30 = o.days.reduce((sum, d) => sum + d.individual + d.business, 0);
  return (
    <>
      <p class="note">{formatDateTime(o.now)} 現在</p>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" class="subtitle">
          利用者
        </h2>
        <dl class="stat-list">
          <div>
            <dt>個人</dt>
            <dd>{s.usersByKind.individual}人</dd>
          </div>
          <div>
            <dt>事業者</dt>
            <dd>{s.usersByKind.business}人</dd>
          </div>
          <div>
            <dt>合計</dt>
            <dd>{users}人</dd>
          </div>
          <div>
            <dt>通知メールを希望する方</dt>
            <dd>
              {pct(s.optedIn, users)}（{s.optedIn}人）
            </dd>
          </div>
          <div>
            <dt>利用停止中</dt>
            <dd>{s.suspended}人</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading" class="subtitle">
          利用者登録数（過去30日）
        </h2>
        <p>過去30日の登録は{total30}件です。</p>
        <RegistrationsChart days={o.days} />
        <details class="chart-table">
          <summary>表で見る</summary>
          <ScrollTable caption="1日ごとの利用者登録数" class="data-table data-table--compact">
            <thead>
              <tr>
                <th scope="col">日付</th>
                <th scope="col">個人</th>
                <th scope="col">事業者</th>
                <th scope="col">合計</th>
              </tr>
            </thead>
            <tbody>
              {o.days.map((d) => (
                <tr>
                  <th scope="row">{d.day}</th>
                  <td>{d.individual}</td>
                  <td>{d.business}</td>
                  <td>{d.individual + d.business}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </details>
        <p>
          <a href="/admin/registrations.csv" download={`registrations-${jstDay(o.now)}.csv`}>
            1日ごとの登録数をCSVでダウンロード
          </a>
          （件数のみ。個人情報は含みません）
        </p>
      </section>
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" class="subtitle">
          手続き中の利用者登録
        </h2>
        <dl class="stat-list">
          <div>
            <dt>手続き中</dt>
            <dd>{s.pending.open}件</dd>
          </div>
          <div>
            <dt>最も古いもの</dt>
            <dd>
              {oldestMinutes === null ? '—' : `${oldestMinutes}分経過`}（制限時間 {ttlMinutes}分）
            </dd>
          </div>
          <div>
            <dt>期限切れで残っているもの</dt>
            <dd>{s.pending.expiredNotSwept}件</dd>
          </div>
        </dl>
        {s.pending.expiredNotSwept > 0 ? (
          <p class="notice notice--warning">
            制限時間を過ぎた登録が残っています。期限切れの登録を削除する処理が止まっていないか確認してください。
          </p>
        ) : null}
      </section>
      <section aria-labelledby="mail-heading">
        <h2 id="mail-heading" class="subtitle">
          メール
        </h2>
        <dl class="stat-list">
          <div>
            <dt>送信待ち</dt>
            <dd>{s.mails.queued}件</dd>
          </div>
          <div>
            <dt>送信済み</dt>
            <dd>{s.mails.sent}件</dd>
          </div>
          <div>
            <dt>送信失敗</dt>
            <dd>{s.mails.failed}件</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" class="subtitle">
          最近の操作
        </h2>
        <AuditTable rows={o.recent} caption="最近の操作（新しい順）" showUser />
        <p>
          <a href="/admin/audit">監査ログをすべて見る</a>
        </p>
      </section>
    </>
  );
}

/** 監査ログ: the filter by actor and action, and one page of the trail. */
export function AuditLogView({
  result,
  staffList,
  actorParam,
  action,
  params,
}: {
  result: { rows: AuditRecord[]; total: number; page: number; pages: number; actions: string[] };
  staffList: { id: string; email: string }[];
  actorParam: string;
  action: string;
  /** the filter, kept in the pages' links */
  params: Record<string, string>;
}) {
  return (
    <>
      <p>操作の記録を新しい順に表示します。記録は変更・削除できません。</p>
      <form method="get" action="/admin/audit" class="filter-form">
        <div class="field">
          <label for="actor" class="field__label">
            操作者
          </label>
          <select id="actor" name="actor" class="select">
            <option value="">すべて</option>
            <option value="users" selected={actorParam === 'users'}>
              利用者
            </option>
            <option value="system" selected={actorParam === 'system'}>
              システム（ログイン前の操作など）
            </option>
            {staffList.map((s) => (
              <option value={`staff:${s.id}`} selected={actorParam === `staff:${s.id}`}>
                職員 {s.email}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="action" class="field__label">
            操作
          </label>
          <select id="action" name="action" class="select">
            <option value="">すべて</option>
            {result.actions.map((a) => (
              <option value={a} selected={a === action}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          絞り込む
        </button>
      </form>
      <p>{result.total}件</p>
      <AuditTable rows={result.rows} caption="監査ログ（新しい順）" showUser />
      <Pagination page={result.page} pages={result.pages} base="/admin/audit" params={params} />
    </>
  );
}
