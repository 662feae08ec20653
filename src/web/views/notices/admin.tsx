/** The back office's お知らせ一覧, お知らせの作成 / お知らせの編集 and a notice's page with its mail. */
import { noticeState, type NoticeFormValues, type NoticeState } from '../../../app/notices/notices.js';
import type { MailProgress, NoticeRecord } from '../../../app/notices/ports.js';
import {
  CsrfField,
  ErrorSummary,
  errorFor,
  Notice,
  RadioGroup,
  TextField,
  type Errors,
} from '../shared/components.js';
import { ConfirmedAction } from '../staff/components.js';
import { formatDateTime, Pagination, TextArea } from '../staff/layout.js';
import { AUDIENCE_LABEL, IMPORTANCE_LABEL, NoticeText } from './public-notices.js';
import { ScrollTable } from '../staff/scroll-table.js';

const STATE_LABEL: Record<NoticeState, string> = {
  scheduled: '公開前',
  published: '公開中',
  ended: '公開終了',
  withdrawn: '公開終了（取り下げ）',
};

const MAIL_LABEL = { none: '未送信', sending: '送信中', done: '送信済み' } as const;

/** お知らせ一覧, newest publication first. */
export function NoticeListView({
  list,
  now,
}: {
  list: { rows: NoticeRecord[]; page: number; pages: number };
  now: Date;
}) {
  return (
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
    </>
  );
}

/** お知らせの作成 (without `id`) or お知らせの編集. */
export function NoticeFormView(opts: {
  id?: string;
  values: NoticeFormValues;
  errors?: Errors;
  csrfToken: string;
}) {
  return (
    <>
      <ErrorSummary errors={opts.errors} />
      <form
        method="post"
        action={opts.id ? `/admin/notices/${opts.id}/edit` : '/admin/notices/new'}
        novalidate
      >
        <CsrfField token={opts.csrfToken} />
        <TextField
          name="title"
          label="件名"
          value={opts.values.title}
          maxlength={100}
          error={errorFor(opts.errors, 'title')}
        />
        <TextArea
          name="body"
          label="本文"
          value={opts.values.body}
          hint="文字だけで書いてください（HTMLやリンクの書式は使えません）。空行で段落が分かれます。メールにもこのまま載ります。"
          error={errorFor(opts.errors, 'body')}
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
          error={errorFor(opts.errors, 'importance')}
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
          error={errorFor(opts.errors, 'audience')}
        />
        <TextField
          name="publishFrom"
          label="公開開始"
          optional
          width="medium"
          value={opts.values.publishFrom}
          hint="例：2026-11-25 09:00（日本時間）。空欄のときは保存した時点から公開します。"
          error={errorFor(opts.errors, 'publishFrom')}
        />
        <TextField
          name="publishUntil"
          label="公開終了"
          optional
          width="medium"
          value={opts.values.publishUntil}
          hint="例：2026-11-30 17:00（日本時間）。空欄のときは公開を終了するまで表示します。"
          error={errorFor(opts.errors, 'publishUntil')}
        />
        <button type="submit" class="button">
          保存する
        </button>
      </form>
      <p>
        <a href={opts.id ? `/admin/notices/${opts.id}` : '/admin/notices'}>保存せずに戻る</a>
      </p>
    </>
  );
}

/** A notice: its settings, its text, 公開を終了する and the mail to residents with its progress. */
export function NoticeView({
  notice: n,
  now,
  progress,
  message,
  refusal,
  csrfToken,
}: {
  notice: NoticeRecord;
  now: Date;
  progress: MailProgress | null;
  message: string | null;
  refusal: string | null;
  csrfToken: string;
}) {
  const state = noticeState(n, now);
  const recipients =
    n.importance === 'important'
      ? `${AUDIENCE_LABEL[n.audience] === 'すべて' ? 'すべての利用者' : `${AUDIENCE_LABEL[n.audience]}の利用者全員`}（通知メールを希望しない方、利用停止中の方を含みます）`
      : `${AUDIENCE_LABEL[n.audience] === 'すべて' ? 'すべての利用者' : `${AUDIENCE_LABEL[n.audience]}の利用者`}のうち、お知らせ・通知メールを「希望する」とした方`;
  return (
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
            {n.withdrawnAt ? `${formatDateTime(n.withdrawnAt)}（取り下げ）` : formatDateTime(n.publishUntil)}
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
            csrfToken={csrfToken}
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
              csrfToken={csrfToken}
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
    </>
  );
}
