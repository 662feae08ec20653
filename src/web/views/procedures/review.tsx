/**
 * 申請内容の確認 (every visible answer by page with 変更, the declaration, 申請する), and the copy of
 * the answers that 申請の完了 and the print copy show.
 */
import type { SummarySection } from '../../../domain/procedures/summary.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, type Errors } from '../shared/components.js';
import { ApplicationSteps } from './form-page.js';

/** An answer's lines ('' → —). */
function Lines({ text }: { text: string }) {
  if (text === '') return <>—</>;
  const lines = text.split('\n');
  return (
    <>
      {lines.map((l, i) => (
        <>
          {i > 0 ? <br /> : null}
          {l}
        </>
      ))}
    </>
  );
}

/** The answers by page, as a list of terms; `change` gives each row its 変更 link. */
export function AnswerSections({
  sections,
  change,
}: {
  sections: SummarySection[];
  change?: (page: string, input: string) => string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      {sections.map((s) => (
        <section class="answers">
          <h2 class="subtitle">{s.title}</h2>
          <dl class="summary-list">
            {s.rows.map((r) => (
              <div class="summary-list__row">
                <dt class="summary-list__key">{r.label}</dt>
                <dd class="summary-list__value">
                  <Lines text={r.text} />
                </dd>
                {change ? (
                  <dd class="summary-list__actions">
                    <a href={change(s.page, r.input)}>
                      {t('変更')}
                      <span class="visually-hidden">
                        {lang === 'ja' ? `（${r.label}）` : ` (${r.label})`}
                      </span>
                    </a>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

export function ReviewView(p: {
  steps: string[];
  sections: SummarySection[];
  change: (page: string, input: string) => string;
  declaration?: string;
  declarationError?: string;
  errors?: Errors;
  csrfToken: string;
  action: string;
}) {
  const t = useT();
  return (
    <>
      <ApplicationSteps pages={p.steps} current={p.steps.length + 1} />
      <ErrorSummary errors={p.errors} />
      <p>
        <T>入力内容をご確認ください。修正するときは「変更」を押してください。</T>
      </p>
      <AnswerSections sections={p.sections} change={p.change} />
      <form method="post" action={p.action} class="procedure-form">
        <CsrfField token={p.csrfToken} />
        {p.declaration ? (
          <div class={`field${p.declarationError ? ' field--error' : ''}`}>
            <fieldset
              class="fieldset"
              aria-describedby={p.declarationError ? 'declaration-error' : undefined}
            >
              <legend class="field__label field__label--inline">{t('申請にあたっての確認')}</legend>
              <span class="required" aria-hidden="true">
                {t('※必須')}
              </span>
              {p.declarationError ? (
                <p id="declaration-error" class="field__error">
                  <span class="visually-hidden">{t('エラー：')}</span>
                  {t(p.declarationError)}
                </p>
              ) : null}
              <div class="checkbox">
                <input
                  type="checkbox"
                  id="declaration"
                  name="declaration"
                  value="yes"
                  aria-required="true"
                  aria-invalid={p.declarationError ? 'true' : undefined}
                />
                <label for="declaration">{p.declaration}</label>
              </div>
            </fieldset>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="button">
            <T>申請する</T>
          </button>
        </div>
      </form>
    </>
  );
}
