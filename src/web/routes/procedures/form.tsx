/**
 * The form of a procedure (issue 13): one route for every page of every form (次へ / 戻る /
 * 一時保存する), 再開する, 申請内容の確認 and 申請の完了. The applicant comes from applicantOf only;
 * a draft that is not theirs (or not a draft) is a 404 page; a page not reachable yet, or hidden by
 * a condition, leads to the first incomplete page. Files: files.tsx; 修正して再申請する: correct.tsx.
 */
import { Hono } from 'hono';
import type { Answers } from '../../../domain/procedures/fields/types.js';
import type { ProcedureForm } from '../../../domain/procedures/form.js';
import { answerOf } from '../../../domain/procedures/registry.js';
import type { AnswerError } from '../../../domain/procedures/validate.js';
import { k } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { T } from '../../shared/i18n.js';
import { renderPage } from '../../shared/render.js';
import { CompleteView, PrintHelp } from '../../views/procedures/complete.js';
import { FormPageView } from '../../views/procedures/form-page.js';
import { ReviewView } from '../../views/procedures/review.js';
import type { Errors } from '../../views/shared/components.js';
import { applicationPath, type Applicant } from '../../../app/procedures/procedures.js';
import { applicantOf } from './applicant.js';
import { attachChosenFiles } from './files.js';
import {
  UPLOAD_CODES,
  completePath,
  errorsOf,
  pageInput,
  pagePath,
  posted,
  readPage,
  reviewPath,
  uploadError,
} from './form-shared.js';

export function formRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const dev = deps.devMailbox !== null;
  const uc = deps.procedures;

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

  r.get('/applications/:id', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const review = await uc.review(applicant, id, c.get('lang'));
    if (!review) return notFound(c);
    return c.redirect(review.incompletePage ? pagePath(id, review.incompletePage) : reviewPath(id), 303);
  });

  r.get('/applications/:id/pages/:pageId', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const pageId = c.req.param('pageId');
    const review = await uc.review(applicant, id, c.get('lang'));
    if (!review) return notFound(c);
    const answers = review.application.answers as Answers;
    const pages = review.form.visiblePages(answers).map((p) => p.page.id);
    const at = pages.indexOf(pageId);
    const stop = review.incompletePage === null ? Infinity : pages.indexOf(review.incompletePage);
    if (at < 0 || at > stop) return c.redirect(pagePath(id, review.incompletePage ?? pages[0] ?? ''), 303);
    const field = c.req.query('field');
    const code = c.req.query('upload');
    const fieldDef = field ? review.form.field(field)?.field : undefined;
    const errors =
      fieldDef && code && UPLOAD_CODES.includes(code)
        ? uploadError(c.get('lang'), fieldDef, code)
        : undefined;
    const saved = c.req.query('saved') === '1' ? (review.expiresAt ?? undefined) : undefined;
    return showPage(c, id, review.form, answers, pageId, { errors, savedUntil: saved });
  });

  r.post('/applications/:id/pages/:pageId', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const pageId = c.req.param('pageId');
    const body = await readPage(c);
    if (!body) return badForm(c);
    const d = await uc.draft(applicant, id);
    if (!d) return notFound(c);
    const answers = d.application.answers as Answers;
    const visible = d.form.visiblePage(answers, pageId);
    if (!visible) return c.redirect(`/applications/${id}`, 303);
    const ret = c.req.query('return') === 'review';
    // A file chosen and the page sent with 次へ / 戻る / 一時保存する: attached first.
    const upload = await attachChosenFiles(uc, applicant, d.form, id, visible.fields, body, answers);
    const input = pageInput(visible.fields, body.input, upload.filesOf);
    const action = posted(body, 'action');
    if (upload.problem) {
      await uc.savePage(applicant, id, pageId, input);
      const q = `upload=${upload.problem.code}&field=${upload.problem.field}${ret ? '&return=review' : ''}`;
      return c.redirect(`${pagePath(id, pageId)}?${q}#${upload.problem.field}`, 303);
    }
    if (action === 'back' || action === 'save') {
      const saved = await uc.savePage(applicant, id, pageId, input);
      if (!saved.ok) return notFound(c);
      if (action === 'save')
        return c.redirect(`${pagePath(id, pageId)}?saved=1${ret ? '&return=review' : ''}`, 303);
      const previous = d.form.previousPage(saved.answers, pageId);
      return c.redirect(previous ? pagePath(id, previous) : `/procedures/${d.application.procedureId}`, 303);
    }
    const next = await uc.nextPage(applicant, id, pageId, input);
    if (!next.ok && next.problem === 'not_found') return notFound(c);
    if (!next.ok)
      return showPage(c, id, d.form, next.answers, pageId, {
        errors: pageErrors(c, d.form, next.errors, pageId),
        status: 400,
      });
    return c.redirect(next.next === null || ret ? reviewPath(id) : pagePath(id, next.next), 303);
  });

  const review = async (c: Ctx, applicant: Applicant, declarationError?: string) => {
    const id = c.req.param('id') ?? '';
    const lang = c.get('lang');
    const rv = await uc.review(applicant, id, lang);
    if (!rv) return null;
    if (rv.incompletePage) return c.redirect(pagePath(id, rv.incompletePage), 303);
    const steps = stepsOf(rv.form, rv.application.answers as Answers, null, lang);
    return renderPage(
      c,
      dev,
      {
        title: k('申請内容の確認'),
        errors: declarationError ? [{ field: 'declaration', message: declarationError }] : undefined,
        status: declarationError ? 400 : 200,
      },
      <ReviewView
        steps={steps.titles}
        sections={rv.sections}
        change={(page, input) => `${pagePath(id, page)}?return=review#${input}`}
        declaration={rv.form.definition.declaration?.[lang]}
        declarationError={declarationError}
        csrfToken={c.get('csrfToken')()}
        action={reviewPath(id)}
      />,
    );
  };

  r.get('/applications/:id/review', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    return (await review(c, applicant)) ?? notFound(c);
  });

  r.post('/applications/:id/review', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const body = await readPage(c);
    if (!body) return badForm(c);
    const d = await uc.draft(applicant, id);
    if (d?.form.definition.declaration && posted(body, 'declaration') !== 'yes') {
      const message = k('申請内容に相違がないことを確認して、チェックを入れてください');
      return (await review(c, applicant, message)) ?? notFound(c);
    }
    const sent = await uc.submit(applicant, id);
    if (sent.ok) return c.redirect(completePath(id), 303);
    if (sent.problem === 'not_found' || !d) return notFound(c);
    const page = sent.page ?? d.form.firstPage();
    return showPage(c, id, d.form, d.application.answers as Answers, page, {
      errors: pageErrors(c, d.form, sent.errors, page),
      status: 400,
    });
  });

  r.get('/applications/:id/complete', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const lang = c.get('lang');
    const detail = await uc.detail(applicant, id, lang);
    if (!detail?.application.referenceNumber) return notFound(c);
    const print = c.req.query('print') === '1';
    return renderPage(
      c,
      dev,
      { title: k('申請の完了') },
      <>
        {print ? <PrintHelp /> : null}
        <CompleteView
          procedureName={detail.form.definition.name[lang]}
          referenceNumber={detail.application.referenceNumber}
          submittedAt={detail.application.submittedAt ?? new Date()}
          sections={detail.sections}
          detailPath={applicationPath(id)}
        />
      </>,
    );
  });

  return r;
}
