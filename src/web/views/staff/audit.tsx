/** The audit trail as a table: on 利用者情報, ダッシュボード and 監査ログ. */
import type { AuditRecord } from '../../../app/staff/ports.js';
import { formatDateTime } from './layout.js';
import { ScrollTable } from './scroll-table.js';

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
