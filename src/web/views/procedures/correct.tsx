/**
 * 修正して再申請する after 差し戻し: the city's reason, the marked fields as inputs (the other
 * answers read-only, page by page), and 再申請する.
 */
import type { FieldDefinition } from '../../../domain/procedures/definition.js';
import type { Answer } from '../../../domain/procedures/fields/types.js';
import type { SummarySection } from '../../../domain/procedures/summary.js';
import { T, useT } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, type Errors } from '../shared/components.js';
import { FieldView, type FieldContext } from './fields.js';

export function CorrectView(p: {
  reason: string;
  sections: SummarySection[];
  marked: { field: FieldDefinition; answer: Answer }[];
  ctx: FieldContext;
  errors?: Errors;
  csrfToken: string;
  action: string;
  multipart: boolean;
  detailPath: string;
}) {
  const t = useT();
  const markedIds = new Set(p.marked.map((m) => m.field.id));
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <div class="notice notice--warning">
        <h2 class="notice__title">{t('市からの差し戻しの理由')}</h2>
        <p class="pre-line">{p.reason}</p>
      </div>
      <p>
        <T>指摘された項目を修正して「再申請する」を押してください。その他の項目は変更できません。</T>
      </p>
      <form
        method="post"
        action={p.action}
        enctype={p.multipart ? 'multipart/form-data' : undefined}
        novalidate
        class="procedure-form"
      >
        <CsrfField token={p.csrfToken} />
        {p.sections.map((s) => (
          <section class="answers">
            <h2 class="subtitle">{s.title}</h2>
            {s.rows.map((r) => {
              const m = markedIds.has(r.field) ? p.marked.find((x) => x.field.id === r.field) : undefined;
              return m ? (
                <FieldView field={m.field} answer={m.answer as never} ctx={p.ctx} />
              ) : (
                <dl class="summary-list">
                  <div class="summary-list__row">
                    <dt class="summary-list__key">{r.label}</dt>
                    <dd class="summary-list__value pre-line">{r.text === '' ? '—' : r.text}</dd>
                  </div>
                </dl>
              );
            })}
          </section>
        ))}
        <div class="actions">
          <button type="submit" class="button">
            <T>再申請する</T>
          </button>
        </div>
      </form>
      <p>
        <a href={p.detailPath}>
          <T>申請の詳細へ戻る</T>
        </a>
      </p>
    </>
  );
}
