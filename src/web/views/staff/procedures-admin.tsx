/** 手続管理: every procedure, its versions, 受付を停止する / 受付を再開する and its CSV. */
import type { ProcedureUseCases } from '../../../app/procedures/procedures.js';
import { CATEGORIES } from '../../../domain/procedures/definition.js';
import { Notice } from '../shared/components.js';
import { csvPath } from './applications.js';
import { ConfirmedAction } from './components.js';
import { formatDate, formatDateTime } from './layout.js';
import { ScrollTable } from './scroll-table.js';

export type ProcedureAdminEntry = Awaited<ReturnType<ProcedureUseCases['procedures']>>[number];

/** A version as staff read it: the first 8 characters of its hash. */
export const shortVersion = (v: string) => v.slice(0, 8);

export function ProceduresAdminView(p: {
  entries: ProcedureAdminEntry[];
  message: string | null;
  csrfToken: string;
}) {
  return (
    <>
      {p.message ? <Notice kind="success">{p.message}</Notice> : null}
      <p>
        受付を停止した手続は、新しい申請を受け付けません。作成中の申請（一時保存）の送信と、受付済みの申請の処理は続けられます。
      </p>
      {p.entries.map((e) => {
        const d = e.definition;
        const headingId = `procedure-${d.id}`;
        return (
          <section aria-labelledby={headingId} class="procedure-admin">
            <h2 id={headingId} class="subtitle">
              {d.name.ja}
            </h2>
            <dl class="meta-list">
              <div>
                <dt>分類</dt>
                <dd>{CATEGORIES[d.category].ja}</dd>
              </div>
              <div>
                <dt>担当課</dt>
                <dd>{d.department.ja}</dd>
              </div>
              <div>
                <dt>現在の版</dt>
                <dd class="code-text">{shortVersion(e.version)}</dd>
              </div>
              <div>
                <dt>受付</dt>
                <dd>
                  {e.accepting ? (e.inPeriod ? '受付中' : '受付期間外') : '停止中'}
                  {e.setting ? `（${formatDateTime(e.setting.changedAt)} 変更）` : null}
                </dd>
              </div>
            </dl>
            {e.versions.length === 0 ? (
              <p>この手続の申請はまだなく、保存された版はありません。</p>
            ) : (
              <ScrollTable caption={`${d.name.ja}の保存された版（新しい順）`}>
                <thead>
                  <tr>
                    <th scope="col">版</th>
                    <th scope="col">最初の申請日</th>
                  </tr>
                </thead>
                <tbody>
                  {e.versions.map((v) => (
                    <tr>
                      <td class="code-text">
                        {shortVersion(v.version)}
                        {v.version === e.version ? '（現在の版）' : null}
                      </td>
                      <td>{formatDate(v.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            <div class="actions">
              {e.accepting ? (
                <ConfirmedAction
                  action={`/admin/procedures/${d.id}/stop`}
                  confirm={`「${d.name.ja}」の受付を停止します。新しい申請を受け付けなくなります。よろしいですか？`}
                  csrfToken={p.csrfToken}
                  buttonClass="button button--danger"
                >
                  受付を停止する
                </ConfirmedAction>
              ) : (
                <ConfirmedAction
                  action={`/admin/procedures/${d.id}/resume`}
                  confirm={`「${d.name.ja}」の受付を再開します。よろしいですか？`}
                  csrfToken={p.csrfToken}
                  buttonClass="button button--secondary"
                >
                  受付を再開する
                </ConfirmedAction>
              )}
              <a href={csvPath(d.id)} class="button button--secondary" download>
                申請をCSVでダウンロード<span class="visually-hidden">（{d.name.ja}）</span>
              </a>
              <a href={`/admin/applications?procedure=${encodeURIComponent(d.id)}`}>
                申請一覧を見る<span class="visually-hidden">（{d.name.ja}）</span>
              </a>
            </div>
          </section>
        );
      })}
    </>
  );
}
