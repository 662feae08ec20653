/** 申請一覧: the filters (a GET form), a page of applications, 前へ / 次へ and the CSV of a procedure. */
import type { Child } from 'hono/jsx';
import type { ApplicantLabel } from '../../../app/procedures/procedures.js';
import type { ApplicationRecord } from '../../../app/procedures/ports.js';
import { ErrorSummary, errorFor, type Errors } from '../shared/components.js';
import { formatDateTime } from './layout.js';
import { ScrollTable } from './scroll-table.js';

/** The filters as typed (kept on the page whatever their errors). */
export type ApplicationListQuery = {
  procedure: string;
  state: string;
  ref: string;
  from: string;
  to: string;
};

export type ApplicationListRow = {
  application: ApplicationRecord;
  procedure: { ja: string };
  stateLabel: { ja: string };
  applicant: ApplicantLabel;
};

/** The states staff filter by (drafts are the applicant's own), in the platform's words. */
export const STATE_OPTIONS = [
  { value: 'submitted', label: '送信済' },
  { value: 'in_progress', label: '処理中' },
  { value: 'returned', label: '差し戻し' },
  { value: 'completed', label: '処理完了' },
  { value: 'rejected', label: '申請却下' },
  { value: 'withdrawn', label: '取下げ' },
] as const;

/** Where a procedure's CSV is downloaded. */
export const csvPath = (procedureId: string) =>
  `/admin/procedures/${encodeURIComponent(procedureId)}/applications.csv`;

/**
 * A date input, or a text input when what came is not a date (a date input cannot hold it, and
 * what was typed is shown with its error rather than lost).
 */
const dateType = (v: string) => {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
  return v === '' || (d && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)) ? 'date' : 'text';
};

/** A labelled filter control with its error, tied by aria-describedby as the portal's fields are. */
function FilterField(p: { id: string; label: string; error?: string; children: (attrs: object) => Child }) {
  const attrs = {
    id: p.id,
    name: p.id,
    'aria-describedby': p.error ? `${p.id}-error` : undefined,
    'aria-invalid': p.error ? 'true' : undefined,
  };
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={p.id} class="field__label">
        {p.label}
      </label>
      {p.error ? (
        <p id={`${p.id}-error`} class="field__error">
          <span class="visually-hidden">エラー：</span>
          {p.error}
        </p>
      ) : null}
      {p.children(attrs)}
    </div>
  );
}

/** 前へ / 次へ from `hasNext` (the list is read one row beyond its page: no count of the whole table). */
function PrevNext(p: { page: number; hasNext: boolean; params: Record<string, string> }) {
  if (p.page <= 1 && !p.hasNext) return null;
  const href = (page: number) => {
    const q = new URLSearchParams({ ...p.params, page: String(page) });
    return `/admin/applications?${q.toString()}`;
  };
  return (
    <nav class="pagination" aria-label="ページ送り">
      <ul class="pagination__list">
        {p.page > 1 ? (
          <li>
            <a href={href(p.page - 1)} rel="prev">
              前へ
            </a>
          </li>
        ) : null}
        <li aria-current="page">{p.page}ページ目</li>
        {p.hasNext ? (
          <li>
            <a href={href(p.page + 1)} rel="next">
              次へ
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function ApplicationListView(p: {
  query: ApplicationListQuery;
  procedures: { id: string; name: string }[];
  errors?: Errors;
  /** null when the filters were refused */
  result: { rows: ApplicationListRow[]; page: number; hasNext: boolean } | null;
}) {
  const q = p.query;
  const params = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''));
  const selected = p.procedures.find((x) => x.id === q.procedure);
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <form method="get" action="/admin/applications" class="filter-form" novalidate>
        <FilterField id="procedure" label="手続" error={errorFor(p.errors, 'procedure')}>
          {(a) => (
            <select {...a} class="select">
              <option value="">すべて</option>
              {p.procedures.map((x) => (
                <option value={x.id} selected={x.id === q.procedure}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField id="state" label="状態" error={errorFor(p.errors, 'state')}>
          {(a) => (
            <select {...a} class="select">
              <option value="">すべて</option>
              {STATE_OPTIONS.map((s) => (
                <option value={s.value} selected={s.value === q.state}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField id="ref" label="受付番号" error={errorFor(p.errors, 'ref')}>
          {(a) => <input {...a} type="text" class="input input--medium" value={q.ref} autocomplete="off" />}
        </FilterField>
        <FilterField id="from" label="申請日（から）" error={errorFor(p.errors, 'from')}>
          {(a) => <input {...a} type={dateType(q.from)} class="input input--medium" value={q.from} />}
        </FilterField>
        <FilterField id="to" label="申請日（まで）" error={errorFor(p.errors, 'to')}>
          {(a) => <input {...a} type={dateType(q.to)} class="input input--medium" value={q.to} />}
        </FilterField>
        <button type="submit" class="button">
          絞り込む
        </button>
      </form>
      {selected && !errorFor(p.errors, 'procedure') ? (
        <p>
          <a href={csvPath(selected.id)} class="button button--secondary" download>
            {selected.name}の申請をCSVでダウンロード
          </a>
        </p>
      ) : null}
      {p.result ? (
        <section aria-labelledby="results">
          <h2 id="results" class="subtitle">
            申請（申請日時の新しい順）
          </h2>
          {p.result.rows.length === 0 ? (
            <p>該当する申請はありません。</p>
          ) : (
            <ScrollTable caption="申請（申請日時の新しい順）" captionHidden>
              <thead>
                <tr>
                  <th scope="col">受付番号</th>
                  <th scope="col">手続名</th>
                  <th scope="col">申請者</th>
                  <th scope="col">申請日時</th>
                  <th scope="col">状態</th>
                </tr>
              </thead>
              <tbody>
                {p.result.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/admin/applications/${r.application.id}`} class="code-text">
                        {r.application.referenceNumber ?? '—'}
                      </a>
                    </td>
                    <td>{r.procedure.ja}</td>
                    <td class={r.applicant.kind === 'user' ? undefined : 'address'}>
                      {r.applicant.label}
                      {r.applicant.kind === 'guest' ? '（ログインなし）' : null}
                    </td>
                    <td>{formatDateTime(r.application.submittedAt)}</td>
                    <td>{r.stateLabel.ja}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <PrevNext page={p.result.page} hasNext={p.result.hasNext} params={params} />
        </section>
      ) : null}
    </>
  );
}
