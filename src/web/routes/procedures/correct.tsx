/**
 * 修正して再申請する after 差し戻し: the city's reason, only the marked fields as inputs (their
 * files are the application's attachments of that field), validation errors as on a page, then the
 * use case resubmit → 303 申請の詳細.
 */
import { Hono } from 'hono';
import { applicationPath, type Applicant } from '../../../app/procedures/procedures.js';
import type { Answer, Answers, FileMeta, FormInput } from '../../../domain/procedures/fields/types.js';
import { answerOf, moduleOf } from '../../../domain/procedures/registry.js';
import { k } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { renderPage } from '../../shared/render.js';
import { CorrectView } from '../../views/procedures/correct.js';
import { applicantOf } from './applicant.js';
import { UPLOAD_CODES, correctPath, errorsOf, readPage, uploadError } from './form-shared.js';

/**
 * The correction screen, for this route and for the file buttons inside its form (files.tsx), which
 * show it again at once with what was typed in the other marked fields: a returned application has
 * no draft to keep them in.
 */
export function correctionScreen(deps: WebDeps) {
  const dev = deps.devMailbox !== null;
  const uc = deps.procedures;

  async function returned(c: Ctx, applicant: Applicant) {
    const d = await uc.detail(applicant, c.req.param('id') ?? '', c.get('lang'));
    return d && d.application.state === 'returned' ? d : null;
  }

  type Detail = NonNullable<Awaited<ReturnType<typeof returned>>>;

  const filesOf = (d: Detail, fieldId: string): FileMeta[] =>
    d.attachments
      .filter((a) => a.fieldId === fieldId)
      .map((a) => ({ id: a.id, name: a.fileName, mediaType: a.mediaType, size: a.size }));

  function show(c: Ctx, d: Detail, answers: Answers, errors?: ReturnType<typeof errorsOf>) {
    const lang = c.get('lang');
    const id = d.application.id;
    const reason = [...d.events].reverse().find((e) => e.action === 'return')?.message ?? '';
    const marked = d.application.markedFields.flatMap((f) => {
      const field = d.form.field(f)?.field;
      return field
        ? [{ field, answer: field.type === 'file' ? filesOf(d, f) : answerOf(field, answers) }]
        : [];
    });
    const multipart = marked.some((m) => m.field.type === 'file');
    return renderPage(
      c,
      dev,
      { title: k('修正して再申請する'), errors: errors?.summary, status: errors ? 400 : 200 },
      <CorrectView
        reason={reason}
        sections={d.form.visibleAnswers(d.application.answers as Answers, lang)}
        marked={marked}
        ctx={{
          errors: errors?.byInput ?? {},
          files: multipart
            ? {
                uploadAction: `/applications/${id}/files`,
                deleteAction: (fileId) => `/applications/${id}/files/${fileId}/delete`,
              }
            : undefined,
        }}
        errors={errors?.summary}
        csrfToken={c.get('csrfToken')()}
        action={correctPath(id)}
        multipart={multipart}
        detailPath={applicationPath(id)}
      />,
    );
  }

  /** The answers to show: the application's, with the marked fields read from what was sent. */
  function typed(d: Detail, input: FormInput): Answers {
    const out: Record<string, Answer> = { ...(d.application.answers as Answers) };
    for (const f of d.application.markedFields) {
      const field = d.form.field(f)?.field;
      if (field && field.type !== 'file') out[f] = moduleOf(field).read(field, input);
    }
    return out;
  }

  return { returned, show, typed, filesOf };
}

export function correctRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const uc = deps.procedures;
  const { returned, show, typed, filesOf } = correctionScreen(deps);
  const toSignIn = (c: Ctx) => c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);

  r.get('/mypage/applications/:id/correct', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const d = await returned(c, applicant);
    if (!d) return c.notFound();
    const field = c.req.query('field');
    const code = c.req.query('upload');
    const def = field && d.application.markedFields.includes(field) ? d.form.field(field)?.field : undefined;
    const errors =
      def && code && UPLOAD_CODES.includes(code) ? uploadError(c.get('lang'), def, code) : undefined;
    return show(c, d, d.application.answers as Answers, errors);
  });

  r.post('/mypage/applications/:id/correct', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c);
    const d = await returned(c, applicant);
    if (!d) return c.notFound();
    const body = await readPage(c);
    if (!body) return c.redirect(correctPath(d.application.id), 303);
    const input: Record<string, string | readonly string[] | readonly FileMeta[]> = { ...body.input };
    for (const f of d.application.markedFields)
      if (d.form.field(f)?.field.type === 'file') input[f] = filesOf(d, f);
    const r2 = await uc.resubmit(applicant, d.application.id, input);
    // a guest follows their application on the guest's page, a resident on マイページ
    if (r2.ok)
      return c.redirect(
        'userId' in applicant ? applicationPath(d.application.id) : `/guest/applications/${d.application.id}`,
        303,
      );
    if (r2.problem !== 'invalid') return c.notFound();
    // what was typed, shown back with the errors
    return show(c, d, typed(d, input), errorsOf(c.get('lang'), d.form, r2.errors));
  });

  return r;
}
