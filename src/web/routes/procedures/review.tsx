/**
 * 申請内容の確認 (every visible answer with 変更, the declaration, 申請する: idempotent) and 申請の
 * 完了 (受付番号, 控えを印刷する). A draft not complete goes to its first incomplete page; 申請する
 * refused by the checks shows the offending page with its errors.
 */
import { Hono } from 'hono';
import { applicationPath, guestApplicationPath, type Applicant } from '../../../app/procedures/procedures.js';
import type { Answers } from '../../../domain/procedures/fields/types.js';
import { k } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { renderPage } from '../../shared/render.js';
import { CompleteView, PrintHelp } from '../../views/procedures/complete.js';
import { ReviewView } from '../../views/procedures/review.js';
import { applicantOf } from './applicant.js';
import { formPages } from './form-pages.js';
import { completePath, pagePath, posted, readPage, reviewPath } from './form-shared.js';

export function reviewRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const uc = deps.procedures;
  const { dev, toSignIn, notFound, badForm, stepsOf, showPage, pageErrors } = formPages(deps);

  const review = async (c: Ctx, applicant: Applicant, declarationError?: string) => {
    const id = c.req.param('id') ?? '';
    const lang = c.get('lang');
    const rv = await uc.review(applicant, id, lang);
    if (!rv) return null;
    if (rv.incompletePage) return c.redirect(pagePath(id, rv.incompletePage), 303);
    const steps = stepsOf(rv.form, rv.application.answers as Answers, null, lang);
    const errors = declarationError ? [{ field: 'declaration', message: declarationError }] : undefined;
    return renderPage(
      c,
      dev,
      { title: k('申請内容の確認'), errors, status: declarationError ? 400 : 200 },
      <ReviewView
        steps={steps.titles}
        sections={rv.sections}
        change={(page, input) => `${pagePath(id, page)}?return=review#${input}`}
        declaration={rv.form.definition.declaration?.[lang]}
        declarationError={declarationError}
        // the error summary at the top, as on every page with an error
        errors={errors}
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
          // a guest has no マイページ: their 申請の詳細 is the guest one
          detailPath={'userId' in applicant ? applicationPath(id) : guestApplicationPath(id)}
          myPage={'userId' in applicant}
        />
      </>,
    );
  });

  return r;
}
