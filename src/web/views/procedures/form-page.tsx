/**
 * One page of a procedure's form (the same view for every page of every form): the step indicator,
 * the page's heading, the error summary, its visible fields and the buttons 次へ / 戻る /
 * 一時保存する. A page with a file field is sent as multipart, its 添付する and 削除 being buttons of
 * the same form (docs/decisions/procedures-upload-in-page-form.md).
 */
import type { FieldDefinition } from '../../../domain/procedures/definition.js';
import type { Answer } from '../../../domain/procedures/fields/types.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, Notice, StepIndicator, type Errors } from '../shared/components.js';
import { FieldView, type FieldContext } from './fields.js';

const DAY = {
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
};

/** A date as people read it, in Japan time and the page's language. */
export function useDay(): (d: Date) => string {
  const lang = useLang();
  return (d) => DAY[lang].format(d);
}

/** The steps of an application: its visible pages, then 確認 and 完了. */
export function ApplicationSteps({ pages, current }: { pages: string[]; current: number }) {
  return <StepIndicator label={k('申請の手順')} steps={[...pages, k('確認'), k('完了')]} current={current} />;
}

export type FormPageProps = {
  pageTitle: string;
  /** the visible pages' titles, and this page's number among them (1-based) */
  steps: string[];
  current: number;
  fields: { field: FieldDefinition; answer: Answer }[];
  ctx: FieldContext;
  errors?: Errors;
  csrfToken: string;
  action: string;
  multipart: boolean;
  /** 一時保存する done: the draft is kept until then */
  savedUntil?: Date;
  /** the page is the first one: 戻る goes back to the procedure's page */
  first: boolean;
};

export function FormPageView(p: FormPageProps) {
  const t = useT();
  const day = useDay();
  return (
    <>
      <ApplicationSteps pages={p.steps} current={p.current} />
      {p.savedUntil ? (
        <Notice kind="success">
          {t(
            '入力内容を一時保存しました。{date}まで保存されます。マイページの「一時保存中の申請」から続きを入力できます。',
            { date: day(p.savedUntil) },
          )}
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} />
      <h2 class="subtitle">{p.pageTitle}</h2>
      <form
        method="post"
        action={p.action}
        enctype={p.multipart ? 'multipart/form-data' : undefined}
        novalidate
        class="procedure-form"
      >
        <CsrfField token={p.csrfToken} />
        {p.fields.map(({ field, answer }) => (
          <FieldView field={field} answer={answer as never} ctx={p.ctx} />
        ))}
        <div class="actions">
          <button type="submit" name="action" value="next" class="button">
            <T>次へ</T>
          </button>
          <button type="submit" name="action" value="back" class="button button--secondary">
            <T>戻る</T>
          </button>
          <button type="submit" name="action" value="save" class="button button--secondary">
            <T>一時保存する</T>
          </button>
        </div>
        {p.first ? (
          <p class="field__hint">
            <T>最初のページで「戻る」を押すと、入力内容を保存して手続の案内に戻ります。</T>
          </p>
        ) : null}
      </form>
    </>
  );
}
