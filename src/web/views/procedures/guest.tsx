/**
 * ログインせずに申請する (the guest's address and its code) and the guest's 申請の詳細, opened by the
 * receipt mail's link. A small view of its own for now; the signed-in 申請の詳細 (detail.tsx) may take
 * it over later.
 */
import type { ApplicationEventRecord, ApplicationRecord } from '../../../app/procedures/ports.js';
import type { SummarySection } from '../../../domain/procedures/summary.js';
import { STATE_LABELS, type ApplicationAction } from '../../../domain/procedures/states.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { SpamFilterNotice } from '../shared/code-entry.js';
import { CsrfField, EmailField, ErrorSummary, Notice, type Errors } from '../shared/components.js';
import { japanDateTime } from '../../../messages/japan-time.js';

/** ログインせずに申請する: the address, and what the code is for. */
export function GuestStartView(p: {
  procedureId: string;
  procedureName: string;
  csrfToken: string;
  mailDomain: string;
  /** false: the procedure takes no applications now (no form) */
  open: boolean;
  value?: string;
  errors?: Errors;
  info?: string;
}) {
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.info ? <Notice kind="warning">{p.info}</Notice> : null}
      <p>
        <strong>{p.procedureName}</strong>
      </p>
      {p.open ? (
        <>
          <p>
            <T>
              この手続は、利用者登録をせずに申請できます。メールアドレスを入力し、「認証コードを送信する」を押してください。入力したメールアドレスに6桁の認証コードをお送りします。認証コードを入力すると、申請の入力に進みます。
            </T>
          </p>
          <p>
            <T>
              申請を受け付けると、受付番号と、この申請の状況を確認できるリンクを記載したメールをお送りします。ログインせずに申請した場合、マイページの申請履歴には表示されません。
            </T>
          </p>
          <SpamFilterNotice mailDomain={p.mailDomain} />
          <form method="post" action={`/procedures/${encodeURIComponent(p.procedureId)}/guest`} novalidate>
            <CsrfField token={p.csrfToken} />
            <EmailField
              name="email"
              label="メールアドレス"
              value={p.value}
              error={p.errors?.find((e) => e.field === 'email')?.message}
              hint="半角英数字と記号で入力してください。例：taro@example.jp"
            />
            <button type="submit" class="button">
              <T>認証コードを送信する</T>
            </button>
          </form>
        </>
      ) : (
        <Notice kind="warning">
          <T>この手続は、現在受け付けていません。</T>
        </Notice>
      )}
      <p>
        <a href={`/login?next=${encodeURIComponent(`/procedures/${p.procedureId}`)}`}>
          <T>利用者登録をしている方は、ログインして申請してください</T>
        </a>
      </p>
      <p>
        <a href={`/procedures/${encodeURIComponent(p.procedureId)}`}>
          <T>手続の説明に戻る</T>
        </a>
      </p>
    </>
  );
}

/** The answers, page by page (the summary rows of 申請内容の確認), as the other summaries show them. */
function Sections({ sections }: { sections: SummarySection[] }) {
  return (
    <>
      {sections.map((s) => (
        <table class="summary">
          <caption>{s.title}</caption>
          <tbody>
            {s.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td>
                  {r.text === ''
                    ? '—'
                    : r.text.split('\n').map((line, i) => (
                        <>
                          {i > 0 ? <br /> : null}
                          {line}
                        </>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** 申請の詳細 for a guest: 受付番号, 状態, the answers, the history they may see, 取下げる. */
export function GuestApplicationView(p: {
  application: ApplicationRecord;
  procedureName: string;
  sections: SummarySection[];
  events: ApplicationEventRecord[];
  actions: ApplicationAction[];
  info?: string;
}) {
  const lang = useLang();
  const t = useT();
  const app = p.application;
  const id = encodeURIComponent(app.id);
  return (
    <>
      {p.info ? <Notice kind="success">{p.info}</Notice> : null}
      <dl class="readonly">
        <dt>
          <T>手続名</T>
        </dt>
        <dd>{p.procedureName}</dd>
        <dt>
          <T>受付番号</T>
        </dt>
        <dd>{app.referenceNumber ?? ''}</dd>
        <dt>
          <T>状態</T>
        </dt>
        <dd>{STATE_LABELS[app.state][lang]}</dd>
        <dt>
          <T>申請日時</T>
        </dt>
        <dd>{app.submittedAt ? japanDateTime(app.submittedAt, lang) : ''}</dd>
      </dl>
      {p.actions.includes('resubmit') ? (
        <p>
          <a class="button" href={`/mypage/applications/${id}/correct`}>
            <T>修正して再申請する</T>
          </a>
        </p>
      ) : null}
      {p.actions.includes('withdraw') ? (
        <p>
          <a class="button button--secondary" href={`/guest/applications/${id}/withdraw`}>
            <T>取下げる</T>
          </a>
        </p>
      ) : null}
      <h2 class="subtitle">
        <T>申請内容</T>
      </h2>
      <Sections sections={p.sections} />
      <h2 class="subtitle">
        <T>状況の履歴</T>
      </h2>
      <ol class="list">
        {p.events.map((e) => (
          <li>
            {japanDateTime(e.at, lang)} {STATE_LABELS[e.toState][lang]}
            {e.message ? (
              <>
                <br />
                {t('市からのメッセージ：')}
                {e.message}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p class="field__hint">
        <T>
          この申請は、ログインせずに申請されたものです。受付のメールに記載されたリンクから、いつでもこの画面を開くことができます。
        </T>
      </p>
    </>
  );
}

/** 取下げる's confirmation for a guest (no JavaScript needed). */
export function GuestWithdrawView(p: {
  applicationId: string;
  referenceNumber: string;
  procedureName: string;
  csrfToken: string;
}) {
  const id = encodeURIComponent(p.applicationId);
  return (
    <>
      <p>
        <T params={{ name: p.procedureName, ref: p.referenceNumber }}>
          {
            '「{name}」の申請（受付番号 {ref}）を取り下げます。取り下げた申請は元に戻せません。よろしいですか。'
          }
        </T>
      </p>
      <form method="post" action={`/guest/applications/${id}/withdraw`}>
        <CsrfField token={p.csrfToken} />
        <button type="submit" class="button">
          <T>取下げる</T>
        </button>
      </form>
      <p>
        <a href={`/guest/applications/${id}`}>
          <T>取り下げずに申請の詳細へ戻る</T>
        </a>
      </p>
    </>
  );
}
