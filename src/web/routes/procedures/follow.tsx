/**
 * Following one's applications: 申請履歴 (with 一時保存中の申請), 削除する for a draft, 申請の詳細
 * with 取下げる, and the attachments as downloads. Only the applicant sees an application: any other
 * id (someone else's, a draft, unknown, not an id at all) is the same 404.
 */
import { Hono } from 'hono';
import { k } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm, renderPage } from '../../shared/render.js';
import { DetailView, WithdrawConfirmView } from '../../views/procedures/detail.js';
import { DeleteDraftConfirmView, HistoryView } from '../../views/procedures/history.js';
import { reasonMessage, toSignIn } from '../account/shared.js';
import { sendDownload } from '../../shared/download.js';
import { applicantOf } from './applicant.js';
import { isId } from './form-shared.js';

/** What a `?done=` says once an action is done (looked up among these keys only). */
const DONE: Record<string, string> = {
  deleted: k('一時保存中の申請を削除しました。'),
  withdrawn: k('申請を取り下げました。'),
};

export function followRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  r.get('/mypage/applications', async (c) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c, '/mypage/applications');
    const history = await deps.procedures.history(applicant);
    return page(
      c,
      { title: '申請履歴' },
      <HistoryView
        history={history}
        csrfToken={c.get('csrfToken')()}
        done={reasonMessage(DONE, c.req.query('done'))}
      />,
    );
  });

  r.post('/applications/:id/delete', async (c) => {
    const id = c.req.param('id');
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c, '/mypage/applications');
    if (!isId(id)) return c.notFound();
    const form = await readForm(c);
    if (form?.nojs === '1') {
      // Without JavaScript: the question as a page first.
      const draft = await deps.procedures.draft(applicant, id);
      if (!draft) return c.notFound();
      return page(
        c,
        { title: '一時保存中の申請の削除' },
        <DeleteDraftConfirmView
          id={id}
          procedureName={draft.form.definition.name[c.get('lang')]}
          csrfToken={c.get('csrfToken')()}
        />,
      );
    }
    if (!(await deps.procedures.deleteDraft(applicant, id))) return c.notFound();
    return c.redirect('/mypage/applications?done=deleted', 303);
  });

  const detailPage = async (c: Ctx, id: string, opts: { problem?: string; status?: number } = {}) => {
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c, `/mypage/applications/${id}`);
    if (!isId(id)) return c.notFound();
    const detail = await deps.procedures.detail(applicant, id, c.get('lang'));
    if (!detail) return c.notFound();
    return page(
      c,
      { title: '申請の詳細', status: opts.status },
      <DetailView
        detail={detail}
        csrfToken={c.get('csrfToken')()}
        done={reasonMessage(DONE, c.req.query('done'))}
        problem={opts.problem}
      />,
    );
  };

  r.get('/mypage/applications/:id', (c) => detailPage(c, c.req.param('id')));

  r.post('/mypage/applications/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c, `/mypage/applications/${id}`);
    if (!isId(id)) return c.notFound();
    const form = await readForm(c);
    if (form?.nojs === '1') {
      const detail = await deps.procedures.detail(applicant, id, c.get('lang'));
      if (!detail) return c.notFound();
      if (!detail.actions.includes('withdraw'))
        return detailPage(c, id, { problem: k('この申請は取り下げできません。'), status: 409 });
      return page(
        c,
        { title: '申請の取下げ' },
        <WithdrawConfirmView
          id={id}
          referenceNumber={detail.application.referenceNumber ?? ''}
          csrfToken={c.get('csrfToken')()}
        />,
      );
    }
    const done = await deps.procedures.withdraw(applicant, id);
    if (done.ok) return c.redirect(`/mypage/applications/${id}?done=withdrawn`, 303);
    if (done.problem === 'not_found') return c.notFound();
    return detailPage(c, id, {
      problem:
        done.problem === 'conflict'
          ? k('申請の状態が変わったため、取り下げられませんでした。最新の状態をご確認ください。')
          : k('この申請は取り下げできません。'),
      status: 409,
    });
  });

  r.get('/mypage/applications/:id/files/:fileId', async (c) => {
    const id = c.req.param('id');
    const fileId = c.req.param('fileId');
    const applicant = applicantOf(c);
    if (!applicant) return toSignIn(c, `/mypage/applications/${id}`);
    if (!isId(id) || !isId(fileId)) return c.notFound();
    const file = await deps.procedures.download(applicant, fileId);
    if (!file || file.applicationId !== id) return c.notFound();
    return sendDownload(c, file);
  });

  return r;
}
