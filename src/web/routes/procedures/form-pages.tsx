/**
 * What the form's screens render besides their own view: the form page with its answers and
 * errors (次へ, 申請する refused), the 404 and 400 pages, and the way to ログイン.
 */
import type { Answers } from '../../../domain/procedures/fields/types.js';
import type { ProcedureForm } from '../../../domain/procedures/form.js';
import { answerOf } from '../../../domain/procedures/registry.js';
import type { AnswerError } from '../../../domain/procedures/validate.js';
import { k } from '../../../messages/i18n.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { T } from '../../shared/i18n.js';
import { renderPage } from '../../shared/render.js';
import { FormPageView } from '../../views/procedures/form-page.js';
import type { Errors } from '../../views/shared/components.js';
import { errorsOf, pagePath } from './form-shared.js';

export function formPages(deps: WebDeps) {
  const dev = deps.devMailbox !== null;
  const toSignIn = (c: Ctx) => c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  const notFound = (c: Ctx) =>
    renderPage(
      c,
      dev,
      { title: k('ページが見つかりません'), status: 404 },
      <p>
        <T>お探しの申請は見つかりませんでした。マイページの申請履歴からお探しください。</T>
      </p>,
    );
  const badForm = (c: Ctx) =>
    renderPage(
      c,
      dev,
      { title: k('送信できませんでした'), status: 400 },
      <p>
        <T>送信された内容を読み取れませんでした。前の画面に戻って、もう一度お試しください。</T>
      </p>,
    );

  /** The visible pages' titles and the page's place among them. */
  const stepsOf = (form: ProcedureForm, answers: Answers, pageId: string | null, lang: 'ja' | 'en') => {
    const pages = form.visiblePages(answers);
    return {
      titles: pages.map((p) => p.page.title[lang]),
      index: pages.findIndex((p) => p.page.id === pageId),
    };
  };

  /** A form page with its answers (as typed) and, when given, its errors. */
  function showPage(
    c: Ctx,
    id: string,
    form: ProcedureForm,
    answers: Answers,
    pageId: string,
    opts: {
      errors?: { summary: Errors; byInput: Record<string, string> };
      savedUntil?: Date;
      status?: number;
    },
  ) {
    const lang = c.get('lang');
    const visible = form.visiblePage(answers, pageId);
    if (!visible) return notFound(c);
    const steps = stepsOf(form, answers, pageId, lang);
    const ret = c.req.query('return') === 'review' ? '?return=review' : '';
    const multipart = visible.fields.some((f) => f.type === 'file');
    return renderPage(
      c,
      dev,
      { title: form.definition.name[lang], errors: opts.errors?.summary, status: opts.status ?? 200 },
      <FormPageView
        pageTitle={visible.page.title[lang]}
        steps={steps.titles}
        current={steps.index + 1}
        fields={visible.fields.map((field) => ({ field, answer: answerOf(field, answers) }))}
        ctx={{
          errors: opts.errors?.byInput ?? {},
          files: multipart
            ? {
                uploadAction: `/applications/${id}/files${ret}`,
                deleteAction: (fileId) => `/applications/${id}/files/${fileId}/delete${ret}`,
              }
            : undefined,
        }}
        errors={opts.errors?.summary}
        csrfToken={c.get('csrfToken')()}
        action={pagePath(id, pageId) + ret}
        multipart={multipart}
        savedUntil={opts.savedUntil}
        first={steps.index === 0}
      />,
    );
  }

  /** The page's errors as returned by 申請する or 次へ. */
  const pageErrors = (c: Ctx, form: ProcedureForm, errors: AnswerError[], pageId: string) =>
    errorsOf(
      c.get('lang'),
      form,
      errors.filter((e) => e.page === pageId),
    );

  return { dev, toSignIn, notFound, badForm, stepsOf, showPage, pageErrors };
}
