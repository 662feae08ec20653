/** The audit trail as a table: on 利用者情報, ダッシュボード and 監査ログ. */
import type { AuditRecord } from '../../../app/staff/ports.js';
import { auditActionLabel, auditDetails } from './audit-labels.js';
import { formatDateTime } from './layout.js';
import { ScrollTable } from './scroll-table.js';

/** The user of an entry: their address (masked by the use case) linking to 利用者情報, or that they are gone. */
function UserCell({ r }: { r: AuditRecord }) {
  if (!r.userId) return <>—</>;
  if (r.userEmail === null) return <>削除済みの利用者</>;
  return <a href={`/admin/users/${r.userId}`}>{r.userEmail}</a>;
}

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
            <td class="audit-action">{auditActionLabel(a.action)}</td>
            <td class="address">
              {a.staffId ? `職員 ${a.staffEmail ?? '（不明）'}` : a.userId ? '利用者' : 'システム'}
            </td>
            {showUser ? (
              <td class="audit-user">
                <UserCell r={a} />
              </td>
            ) : null}
            <td>{a.ip ?? '—'}</td>
            <td class="address">
              {auditDetails(a).map((p, i) => (
                <>
                  {i > 0 ? '、' : ''}
                  {p.href ? <a href={p.href}>{p.text}</a> : p.text}
                </>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
