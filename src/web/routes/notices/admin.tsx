/** お知らせ一覧, お知らせの作成 / お知らせの編集, a notice's page with its mail. */
import { Hono } from 'hono';
import {
  noticeState,
  toJstInput,
  type NoticeFormValues,
  type NoticeState,
} from '../../../app/notices/notices.js';
import type { NoticeRecord } from '../../../app/notices/ports.js';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  RadioGroup,
  TextField,
  type Errors,
} from '../../views/shared/components.js';
import { formatDateTime, Pagination, TextArea } from '../../views/staff/layout.js';
import { ScrollTable } from '../../views/staff/scroll-table.js';
import { AUDIENCE_LABEL, IMPORTANCE_LABEL, NoticeText } from '../../views/notices/public-notices.js';
import {
  adminPage,
  errorOf,
  notFoundPage,
  pageParam,
  readAdminForm,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
  ConfirmedAction,
} from '../staff/shared.js';

const STATE_LABEL: Record<NoticeState, string> = {
  scheduled: '公開前',
  published: '公開中',
  ended: '公開終了',
  withdrawn: '公開終了（取り下げ）',
};

const MAIL_LABEL = { none: '未送信', sending: '送信中', done: '送信済み' } as const;

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
    const now = notices.now();
    return adminPage(
      c,
      { title: 'お知らせ一覧', section: 'notices' },
      <>
        <p>
          <a href="/admin/notices/new" class="button">
            新規作成
          </a>
        </p>
        {list.rows.length === 0 ? (
          <p>お知らせはまだありません。</p>
        ) : (
          <ScrollTable caption="お知らせ（公開開始の新しい順）" captionHidden>
            <thead>
              <tr>
                <th scope="col">件名</th>
                <th scope="col">種別</th>
                <th scope="col">対象</th>
                <th scope="col">公開開始</th>
                <th scope="col">公開終了</th>
                <th scope="col">状態</th>
                <th scope="col">メール</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((n) => (
                <tr>
                  <td>
                    <a href={`/admin/notices/${n.id}`}>{n.title}</a>
                  </td>
                  <td>{IMPORTANCE_LABEL[n.importance]}</td>
                  <td>{AUDIENCE_LABEL[n.audience]}</td>
                  <td>{formatDateTime(n.publishFrom)}</td>
                  <td>{formatDateTime(n.publishUntil)}</td>
                  <td>{STATE_LABEL[noticeState(n, now)]}</td>
                  <td>{MAIL_LABEL[n.mailStatus]}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        <Pagination page={list.page} pages={list.pages} base="/admin/notices" />
      </>,
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
      <>
        <ErrorSummary errors={opts.errors} />
        <form
          method="post"
          action={opts.id ? `/admin/notices/${opts.id}/edit` : '/admin/notices/new'}
          novalidate
        >
          <CsrfField token={c.get('csrfToken')()} />
          <TextField
            name="title"
            label="件名"
            value={opts.values.title}
            maxlength={100}
            error={errorOf(opts.errors, 'title')}
          />
          <TextArea
            name="body"
            label="本文"
            value={opts.values.body}
            hint="文字だけで書いてください（HTMLやリンクの書式は使えません）。空行で段落が分かれます。メールにもこのまま載ります。"
            error={errorOf(opts.errors, 'body')}
          />
          <RadioGroup
            name="importance"
            legend="種別"
            value={opts.values.importance}
            hint="重要なお知らせは、トップページにも表示され、メールは通知メールを希望しない方にも送られます。"
            options={[
              { value: 'important', label: '重要' },
              { value: 'normal', label: '通常' },
            ]}
            error={errorOf(opts.errors, 'importance')}
          />
          <RadioGroup
            name="audience"
            legend="対象"
            value={opts.values.audience}
            options={[
              { value: 'all', label: 'すべて' },
              { value: 'individual', label: '個人' },
              { value: 'business', label: '事業者' },
            ]}
            error={errorOf(opts.errors, 'audience')}
          />
          <TextField
            name="publishFrom"
            label="公開開始"
            optional
            width="medium"
            value={opts.values.publishFrom}
            hint="例：2026-11-25 09:00（日本時間）。空欄のときは保存した時点から公開します。"
            error={errorOf(opts.errors, 'publishFrom')}
          />
          <TextField
            name="publishUntil"
            label="公開終了"
            optional
            width="medium"
            value={opts.values.publishUntil}
            hint="例：2026-11-30 17:00（日本時間）。空欄のときは公開を終了するまで表示します。"
            error={errorOf(opts.errors, 'publishUntil')}
          />
          <button type="submit" class="button">
            保存する
          </button>
        </form>
        <p>
          <a href={opts.id ? `/admin/notices/${opts.id}` : '/admin/notices'}>保存せずに戻る</a>
        </p>
      </>,
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
    const state = noticeState(n, now);
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
    const recipients =
      n.importance === 'important'
        ? `${AUDIENCE_LABEL[n.audience] === 'すべて' ? 'すべての利用者' : `${AUDIENCE_LABEL[n.audience]}の利用者全員`}（通知メールを希望しない方、利用停止中の方を含みます）`
        : `${AUDIENCE_LABEL[n.audience] === 'すべて' ? 'すべての利用者' : `${AUDIENCE_LABEL[n.audience]}の利用者`}のうち、お知らせ・通知メールを「希望する」とした方`;
    return adminPage(
      c,
      { title: n.title, section: 'notices' },
      <>
        {message ? <Notice kind="success">{message}</Notice> : null}
        {refusal ? <Notice kind="warning">{refusal}</Notice> : null}
        <dl class="meta-list">
          <div>
            <dt>状態</dt>
            <dd>{STATE_LABEL[state]}</dd>
          </div>
          <div>
            <dt>種別</dt>
            <dd>{IMPORTANCE_LABEL[n.importance]}</dd>
          </div>
          <div>
            <dt>対象</dt>
            <dd>{AUDIENCE_LABEL[n.audience]}</dd>
          </div>
          <div>
            <dt>公開開始</dt>
            <dd>{formatDateTime(n.publishFrom)}</dd>
          </div>
          <div>
            <dt>公開終了</dt>
            <dd>
              {n.withdrawnAt
                ? `${formatDateTime(n.withdrawnAt)}（取り下げ）`
                : formatDateTime(n.publishUntil)}
            </dd>
          </div>
          <div>
            <dt>最終更新</dt>
            <dd>{formatDateTime(n.updatedAt)}</dd>
          </div>
        </dl>
        <h2 class="subtitle">本文</h2>
        <div class="notice-preview">
          <NoticeText body={n.body} />
        </div>
        <div class="actions">
          <a href={`/admin/notices/${n.id}/edit`} class="button button--secondary">
            編集する
          </a>
          {n.withdrawnAt ? null : (
            <ConfirmedAction
              action={`/admin/notices/${n.id}/withdraw`}
              confirm="このお知らせの公開を終了します。よろしいですか？"
              csrfToken={c.get('csrfToken')()}
              buttonClass="button button--secondary"
            >
              公開を終了する
            </ConfirmedAction>
          )}
        </div>
        <h2 class="subtitle">メールでの送信</h2>
        {progress ? (
          <>
            <p role="status" class="mail-progress">
              送信済み {progress.sent}件 / 全 {progress.total}件
            </p>
            {progress.failed > 0 ? (
              <p class="notice notice--warning">送信できなかったメール：{progress.failed}件</p>
            ) : null}
            <p class="note">
              {n.mailStatus === 'sending' || progress.queued > 0
                ? '送信中です。このページを再読み込みすると、状況が更新されます。'
                : '送信が終わりました。'}
            </p>
          </>
        ) : (
          <>
            <p>送信先：{recipients}</p>
            {state === 'published' ? (
              <ConfirmedAction
                action={`/admin/notices/${n.id}/mail`}
                confirm="このお知らせをメールで送信します。送信は取り消せません。よろしいですか？"
                csrfToken={c.get('csrfToken')()}
                buttonClass="button"
              >
                メールで送信する
              </ConfirmedAction>
            ) : (
              <p class="note">公開中のお知らせだけをメールで送信できます。</p>
            )}
          </>
        )}
        <p>
          <a href="/admin/notices">お知らせ一覧へ戻る</a>
        </p>
      </>,
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
