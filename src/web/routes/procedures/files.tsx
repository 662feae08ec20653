/**
 * Attachments of a form page (添付する, 削除) and of a correction after 差し戻し. Both buttons belong
 * to the page's own form (formaction), so what was typed on the page is saved first and never lost
 * (docs/decisions/procedures-upload-in-page-form.md); then back to the page (303) with the refusal's
 * code in the address (?upload=file_kind&field=…), shown as the field's error. During a correction
 * (差し戻し) there is no draft to keep the other marked fields in: the correction screen is shown
 * again at once with what was typed, and the refusal as the field's error.
 */
import { Hono } from 'hono';
import type { Applicant, ProcedureUseCases } from '../../../app/procedures/procedures.js';
import type { FieldDefinition } from '../../../domain/procedures/definition.js';
import type { Answers, FileMeta } from '../../../domain/procedures/fields/types.js';
import type { ProcedureForm } from '../../../domain/procedures/form.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { applicantOf } from './applicant.js';
import { correctionScreen } from './correct.js';
import {
  draftFiles,
  isId,
  pageInput,
  pagePath,
  posted,
  readPage,
  uploadError,
  type PostedPage,
} from './form-shared.js';

/**
 * The files chosen in a page's file inputs, attached (the first refusal stops); the files of each
 * file field afterwards, for the page's input.
 */
export async function attachChosenFiles(
  uc: ProcedureUseCases,
  applicant: Applicant,
  form: ProcedureForm,
  id: string,
  fields: readonly FieldDefinition[],
  body: PostedPage,
  answers: Answers,
  only?: string,
): Promise<{ filesOf: (fieldId: string) => FileMeta[]; problem?: { code: string; field: string } }> {
  const files = new Map<string, FileMeta[]>();
  let problem: { code: string; field: string } | undefined;
  for (const f of fields) {
    if (f.type !== 'file') continue;
    const kept = draftFiles(form, answers, f.id);
    files.set(f.id, kept);
    const chosen = body.files.get(f.id);
    if (!chosen || problem || (only !== undefined && only !== f.id)) continue;
    const added = await uc.addAttachment(applicant, id, f.id, {
      name: chosen.name,
      content: new Uint8Array(await chosen.arrayBuffer()),
    });
    if (added.ok) files.set(f.id, [...kept, added.file]);
    else problem = { code: added.problem, field: f.id };
  }
  return { filesOf: (fieldId) => files.get(fieldId) ?? [], problem };
}

export function fileRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const uc = deps.procedures;
  const correcting = correctionScreen(deps);
  const toSignIn = (c: Ctx) =>
    c.redirect(`/login?next=${encodeURIComponent(`/applications/${c.req.param('id')}`)}`, 303);
  const back = (c: Ctx, to: string) => c.redirect(to, 303);
  const ret = (c: Ctx) => (c.req.query('return') === 'review' ? 'return=review' : '');
  const withQuery = (path: string, ...q: string[]) => {
    const query = q.filter(Boolean).join('&');
    return query ? `${path}?${query}` : path;
  };

  /** A correction's upload or removal (the application is 差し戻し and the field marked), or null. */
  async function correction(c: Ctx, applicant: Applicant, id: string, fieldId: string) {
    const detail = await uc.detail(applicant, id, c.get('lang'));
    if (!detail || detail.application.state !== 'returned') return null;
    return detail.application.markedFields.includes(fieldId) ? detail : null;
  }

  r.post('/applications/:id/files', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const body = await readPage(c);
    if (!body) return back(c, `/applications/${id}`);
    const fieldId = posted(body, 'fieldId');
    const d = await uc.draft(applicant, id);
    if (!d) {
      const fix = await correction(c, applicant, id, fieldId);
      if (!fix) return c.notFound();
      const chosen = body.files.get(fieldId);
      const added = chosen
        ? await uc.addAttachment(applicant, id, fieldId, {
            name: chosen.name,
            content: new Uint8Array(await chosen.arrayBuffer()),
          })
        : ({ ok: false, problem: 'empty' } as const);
      if (!added.ok && (added.problem === 'not_found' || added.problem === 'unknown_field'))
        return c.notFound();
      // the correction again at once, with what was typed in the other marked fields
      const now = await correcting.returned(c, applicant);
      if (!now) return c.notFound();
      const field = now.form.field(fieldId)?.field;
      const errors = !added.ok && field ? uploadError(c.get('lang'), field, added.problem) : undefined;
      return correcting.show(c, now, correcting.typed(now, body.input), errors);
    }
    const at = d.form.field(fieldId);
    const answers = d.application.answers as Answers;
    const visible = at ? d.form.visiblePage(answers, at.page.id) : null;
    if (!at || !visible || at.field.type !== 'file') return c.notFound();
    const upload = await attachChosenFiles(uc, applicant, d.form, id, visible.fields, body, answers, fieldId);
    await uc.savePage(applicant, id, at.page.id, pageInput(visible.fields, body.input, upload.filesOf));
    const problem =
      upload.problem ?? (body.files.has(fieldId) ? undefined : { code: 'empty', field: fieldId });
    if (problem && (problem.code === 'not_found' || problem.code === 'unknown_field')) return c.notFound();
    const q = problem ? `upload=${problem.code}&field=${problem.field}` : '';
    return back(c, `${withQuery(pagePath(id, at.page.id), q, ret(c))}#${fieldId}`);
  });

  r.post('/applications/:id/files/:fileId/delete', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const id = c.req.param('id');
    const fileId = c.req.param('fileId');
    if (!isId(fileId)) return c.notFound();
    const body = await readPage(c);
    if (!body) return back(c, `/applications/${id}`);
    const fieldId = posted(body, 'fieldId');
    const d = await uc.draft(applicant, id);
    if (!d) {
      const fix = await correction(c, applicant, id, fieldId);
      if (!fix || !fix.attachments.some((a) => a.id === fileId && a.fieldId === fieldId)) return c.notFound();
      await uc.removeAttachment(applicant, id, fileId);
      const now = await correcting.returned(c, applicant);
      if (!now) return c.notFound();
      return correcting.show(c, now, correcting.typed(now, body.input));
    }
    const at = d.form.field(fieldId);
    const answers = d.application.answers as Answers;
    const visible = at ? d.form.visiblePage(answers, at.page.id) : null;
    if (!at || !visible || at.field.type !== 'file') return c.notFound();
    const input = pageInput(visible.fields, body.input, (f) =>
      draftFiles(d.form, answers, f).filter((x) => x.id !== fileId),
    );
    await uc.savePage(applicant, id, at.page.id, input);
    await uc.removeAttachment(applicant, id, fileId);
    return back(c, `${withQuery(pagePath(id, at.page.id), ret(c))}#${fieldId}`);
  });

  return r;
}
