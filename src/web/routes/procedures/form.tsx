/**
 * The form of a procedure (issue 13): one route for every page of every form (次へ / 戻る /
 * 一時保存する) and 再開する. The applicant comes from applicantOf only;
 * a draft that is not theirs (or not a draft) is a 404 page; a page not reachable yet, or hidden by
 * a condition, leads to the first incomplete page. 申請内容の確認 and 申請の完了: review.tsx; files:
 * files.tsx; 修正して再申請する: correct.tsx.
 */
import { Hono } from 'hono';
import type { Answers } from '../../../domain/procedures/fields/types.js';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { applicantOf } from './applicant.js';
import { attachChosenFiles } from './files.js';
import { formPages } from './form-pages.js';
import {
  UPLOAD_CODES,
  pageInput,
  pagePath,
  posted,
  readPage,
  reviewPath,
  uploadError,
} from './form-shared.js';

export function formRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const uc = deps.procedures;
  const { toSignIn, notFound, badForm, showPage, pageErrors } = formPages(deps);

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

  return r;
}
