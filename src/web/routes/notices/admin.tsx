/** お知らせ一覧, お知らせの作成 / お知らせの編集, a notice's page with its mail. */
import { Hono } from 'hono';
import { toJstInput, type NoticeFormValues } from '../../../app/notices/notices.js';
import type { NoticeRecord } from '../../../app/notices/ports.js';
import type { Errors } from '../../views/shared/components.js';
import { NoticeFormView, NoticeListView, NoticeView } from '../../views/notices/admin.js';
import {
  adminPage,
  notFoundPage,
  pageParam,
  readAdminForm,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
} from '../staff/shared.js';

function formValues(n: NoticeRecord | null): NoticeFormValues {
  return n
    ? {
        title: n.title,
        body: n.body,
        importance: n.importance,
        audience: n.audience,
        publishFrom: toJstInput(n.publishFrom).replace('T', ' '),
        publishUntil: toJstInput(n.publishUntil).replace('T', ' '),
      }
    : { title: '', body: '', importance: 'normal', audience: 'all', publishFrom: '', publishUntil: '' };
}

export function adminNoticeRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const notices = deps.backOffice.notices;

  r.get('/notices', async (c) => {
    const list = await notices.list(pageParam(c));
    return adminPage(
      c,
      { title: 'お知らせ一覧', section: 'notices' },
      <NoticeListView list={list} now={notices.now()} />,
    );
  });

  const formPage = (
    c: AdminCtx,
    opts: { id?: string; values: NoticeFormValues; errors?: Errors; status?: number },
  ) =>
    adminPage(
      c,
      {
        title: opts.id ? 'お知らせの編集' : 'お知らせの作成',
        errors: opts.errors,
        status: opts.status,
        section: 'notices',
      },
      <NoticeFormView
        id={opts.id}
        values={opts.values}
        errors={opts.errors}
        csrfToken={c.get('csrfToken')()}
      />,
    );

  r.get('/notices/new', (c) => formPage(c, { values: formValues(null) }));

  r.post('/notices/new', async (c) => {
    const form = await readAdminForm(c);
    if (!form) return formPage(c, { values: formValues(null), status: 400 });
    const result = await notices.create(c.get('staff'), form, c.get('meta'));
    if (!result.ok) return formPage(c, { values: result.values, errors: result.errors, status: 400 });
    return c.redirect(`/admin/notices/${result.id}?saved=1`, 303);
  });

  r.get('/notices/:id/edit', async (c) => {
    const n = await notices.get(c.req.param('id'));
    if (!n) return notFoundPage(c);
    return formPage(c, { id: n.id, values: formValues(n) });
  });

  r.post('/notices/:id/edit', async (c) => {
    const id = c.req.param('id');
    const n = await notices.get(id);
    if (!n) return notFoundPage(c);
    const form = await readAdminForm(c);
    if (!form) return formPage(c, { id, values: formValues(n), status: 400 });
    const result = await notices.update(c.get('staff'), id, form, c.get('meta'));
    if (result.ok) return c.redirect(`/admin/notices/${id}?saved=1`, 303);
    if ('notFound' in result) return notFoundPage(c);
    return formPage(c, { id, values: result.values, errors: result.errors, status: 400 });
  });

  r.get('/notices/:id', async (c) => {
    const n = await notices.get(c.req.param('id'));
    if (!n) return notFoundPage(c);
    const now = notices.now();
    const progress = n.mailStatus === 'none' ? null : await notices.progress(n.id);
    const message = c.req.query('saved')
      ? '保存しました。'
      : c.req.query('withdrawn')
        ? 'お知らせの公開を終了しました。'
        : c.req.query('mail') === 'started'
          ? 'メールの送信を開始しました。送信の状況は、このページを再読み込みすると更新されます。'
          : null;
    const refusal =
      c.req.query('mail') === 'not_published'
        ? '公開中のお知らせだけをメールで送信できます。'
        : c.req.query('mail') === 'already'
          ? 'このお知らせはすでにメールで送信しています。メールは1人に1回だけ送信されます。'
          : null;
    return adminPage(
      c,
      { title: n.title, section: 'notices' },
      <NoticeView
        notice={n}
        now={now}
        progress={progress}
        message={message}
        refusal={refusal}
        csrfToken={c.get('csrfToken')()}
      />,
    );
  });

  r.post('/notices/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    if (!(await notices.get(id))) return notFoundPage(c);
    await notices.withdraw(c.get('staff'), id, c.get('meta'));
    return c.redirect(`/admin/notices/${id}?withdrawn=1`, 303);
  });

  r.post('/notices/:id/mail', async (c) => {
    const id = c.req.param('id');
    const result = await notices.startMail(c.get('staff'), id, c.get('meta'));
    if (!result.ok && result.reason === 'not_found') return notFoundPage(c);
    // The mails are queued by the background step that runs in every process (main.ts).
    return c.redirect(`/admin/notices/${id}?mail=${result.ok ? 'started' : result.reason}`, 303);
  });

  return r;
}
