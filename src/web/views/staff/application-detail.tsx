/**
 * 申請の詳細 for staff: the application, its applicant, the answers by section, the attachments,
 * what each 再申請 changed, the actions available now, the internal notes and the full history.
 */
import type { ProcedureUseCases } from '../../../app/procedures/procedures.js';
import type { RevisionChange } from '../../../app/procedures/revision-changes.js';
import type { ApplicationEventRecord } from '../../../app/procedures/ports.js';
import { formatPhone } from '../../../domain/phone-format.js';
import { STATE_LABELS } from '../../../domain/procedures/states.js';
import { CsrfField, ErrorSummary, errorFor, Notice, type Errors } from '../shared/components.js';
import { TextArea, formatDateTime } from './layout.js';
import { ScrollTable } from './scroll-table.js';

export type StaffDetail = NonNullable<Awaited<ReturnType<ProcedureUseCases['staffDetail']>>>;

/** What was typed in the action forms (kept when one is refused). */
export type ActionValues = Partial<
  Record<'completeMessage' | 'rejectReason' | 'returnReason' | 'note', string>
> & { fields?: string[] };

/** The history's events in words. */
const EVENT_LABEL: Record<string, string> = {
  submit: '申請',
  start: '処理を開始',
  complete: '処理を完了',
  reject: '却下',
  return: '差し戻し',
  resubmit: '再申請',
  withdraw: '取下げ',
  expire: '期限切れ',
  note: 'メモ',
};

const ACTOR_LABEL = { applicant: '申請者', system: 'システム' } as const;

/** The id of a field's checkbox in 差し戻す (the error summary links to the first one). */
export const markId = (fieldId: string) => `returnFields-${fieldId}`;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Text with its line breaks kept. */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i === 0 ? l : [<br />, l]))}</>;
}

/** A multi-line message to the applicant or a note: 4 rows, up to 4,000 characters. */
function MessageField(p: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  optional?: boolean;
}) {
  return <TextArea {...p} rows={4} maxlength={4000} />;
}

function ActionForm(p: { id: string; path: string; csrfToken: string; confirm?: string; children: unknown }) {
  return (
    <form method="post" action={`/admin/applications/${p.id}/${p.path}`} data-confirm={p.confirm} novalidate>
      <CsrfField token={p.csrfToken} />
      {p.children}
    </form>
  );
}

function Applicant({ a }: { a: StaffDetail['applicant'] }) {
  const v = a.profile;
  const postal = v.postalCode?.replace(/^(\d{3})(\d{4})$/, '$1-$2');
  const address = [postal ? `〒${postal}` : '', v.prefecture, v.cityAddress, v.building]
    .filter(Boolean)
    .join(' ');
  return (
    <table class="summary">
      <caption class="visually-hidden">申請者の連絡先</caption>
      <tbody>
        <tr>
          <th scope="row">氏名・名称</th>
          <td>
            {a.kind === 'user' && a.userId ? <a href={`/admin/users/${a.userId}`}>{a.label}</a> : a.label}
            {a.kind === 'guest' ? '（ログインせずに申請）' : null}
          </td>
        </tr>
        {a.email ? (
          <tr>
            <th scope="row">メールアドレス</th>
            <td class="address">{a.email}</td>
          </tr>
        ) : null}
        {address ? (
          <tr>
            <th scope="row">住所</th>
            <td>{address}</td>
          </tr>
        ) : null}
        {v.phone ? (
          <tr>
            <th scope="row">電話番号</th>
            <td>{formatPhone(v.phone)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function History(p: { events: ApplicationEventRecord[]; staffNames: Map<string, string> }) {
  const who = (e: ApplicationEventRecord) =>
    e.actor === 'staff'
      ? `職員 ${(e.staffId && p.staffNames.get(e.staffId)) || ''}`.trim()
      : ACTOR_LABEL[e.actor];
  return (
    <ScrollTable caption="履歴（古い順）" captionHidden>
      <thead>
        <tr>
          <th scope="col">日時</th>
          <th scope="col">操作者</th>
          <th scope="col">操作</th>
          <th scope="col">状態</th>
          <th scope="col">メッセージ</th>
          <th scope="col">申請者への表示</th>
        </tr>
      </thead>
      <tbody>
        {p.events.map((e) => (
          <tr>
            <td>{formatDateTime(e.at)}</td>
            <td>{who(e)}</td>
            <td>{EVENT_LABEL[e.action] ?? e.action}</td>
            <td>
              {e.fromState && e.fromState !== e.toState
                ? `${STATE_LABELS[e.fromState].ja} → ${STATE_LABELS[e.toState].ja}`
                : STATE_LABELS[e.toState].ja}
            </td>
            <td>{e.message ? <Lines text={e.message} /> : '—'}</td>
            <td>{e.visibleToApplicant ? '表示' : '非表示（内部）'}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Changes({ changes }: { changes: RevisionChange[] }) {
  return (
    <>
      {changes.map((c) => (
        <section aria-labelledby={`rev-${c.revision}`}>
          <h3 id={`rev-${c.revision}`} class="subtitle">
            第{c.revision}版（{formatDateTime(c.at)} 再申請）
          </h3>
          {c.fields.length === 0 ? (
            <p>変更された項目はありません。</p>
          ) : (
            <ScrollTable caption={`第${c.revision}版で変更された項目`} captionHidden>
              <thead>
                <tr>
                  <th scope="col">項目</th>
                  <th scope="col">変更前</th>
                  <th scope="col">変更後</th>
                </tr>
              </thead>
              <tbody>
                {c.fields.map((f) => (
                  <tr>
                    <th scope="row">{f.label}</th>
                    <td>
                      <Lines text={f.before} />
                    </td>
                    <td>
                      <Lines text={f.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
        </section>
      ))}
    </>
  );
}

function Actions(p: { d: StaffDetail; errors?: Errors; values: ActionValues; csrfToken: string }) {
  const { d, errors, values } = p;
  const id = d.application.id;
  const can = (a: string) => (d.actions as string[]).includes(a);
  const marked = new Set(values.fields ?? d.application.markedFields);
  const fieldsError = errorFor(errors, 'returnFields');
  return (
    <>
      {can('start') ? (
        <ActionForm id={id} path="start" csrfToken={p.csrfToken}>
          <p>処理を始めると、申請者に「処理中」になったことをメールで知らせます。</p>
          <button type="submit" class="button">
            処理を開始する
          </button>
        </ActionForm>
      ) : null}
      {can('complete') ? (
        <section aria-labelledby="complete-title" class="action-section">
          <h3 id="complete-title" class="subtitle">
            処理の完了
          </h3>
          <ActionForm id={id} path="complete" csrfToken={p.csrfToken}>
            <MessageField
              name="completeMessage"
              label="申請者へのメッセージ"
              optional
              hint="申請者へのメールと申請の詳細に表示されます。"
              value={values.completeMessage}
            />
            <button type="submit" class="button">
              処理を完了する
            </button>
          </ActionForm>
        </section>
      ) : null}
      {can('return') ? (
        <section aria-labelledby="return-title" class="action-section">
          <h3 id="return-title" class="subtitle">
            差し戻し
          </h3>
          <ActionForm id={id} path="return" csrfToken={p.csrfToken}>
            <MessageField
              name="returnReason"
              label="差し戻しの理由"
              hint="申請者へのメールと申請の詳細に表示されます。何をどう直せばよいかを書いてください。"
              value={values.returnReason}
              error={errorFor(errors, 'returnReason')}
            />
            <div class={`field${fieldsError ? ' field--error' : ''}`}>
              <fieldset
                class="fieldset"
                aria-describedby={`returnFields-hint${fieldsError ? ' returnFields-error' : ''}`}
              >
                <legend class="field__label field__label--inline">修正を求める項目</legend>
                <span class="required" aria-hidden="true">
                  ※必須
                </span>
                <div id="returnFields-hint" class="field__hint">
                  申請者は、選んだ項目だけを修正して再申請できます。1つ以上選んでください。
                </div>
                {fieldsError ? (
                  <p id="returnFields-error" class="field__error">
                    <span class="visually-hidden">エラー：</span>
                    {fieldsError}
                  </p>
                ) : null}
                {d.sections.map((s) => (
                  <div class="checkboxes">
                    <p class="field__hint">{s.title}</p>
                    {s.rows.map((r) => (
                      <div class="checkbox">
                        <input
                          type="checkbox"
                          id={markId(r.field)}
                          name="fields"
                          value={r.field}
                          checked={marked.has(r.field)}
                        />
                        <label for={markId(r.field)}>{r.label}</label>
                      </div>
                    ))}
                  </div>
                ))}
              </fieldset>
            </div>
            <button type="submit" class="button button--secondary">
              差し戻す
            </button>
          </ActionForm>
        </section>
      ) : null}
      {can('reject') ? (
        <section aria-labelledby="reject-title" class="action-section">
          <h3 id="reject-title" class="subtitle">
            却下
          </h3>
          <ActionForm
            id={id}
            path="reject"
            csrfToken={p.csrfToken}
            confirm="この申請を却下します。申請者にメールで知らせます。よろしいですか？"
          >
            <MessageField
              name="rejectReason"
              label="却下の理由"
              hint="申請者へのメールと申請の詳細に表示されます。"
              value={values.rejectReason}
              error={errorFor(errors, 'rejectReason')}
            />
            <button type="submit" class="button button--danger">
              却下する
            </button>
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}

export function ApplicationDetailView(p: {
  detail: StaffDetail;
  changes: RevisionChange[];
  staffNames: Map<string, string>;
  message: string | null;
  refusal: string | null;
  errors?: Errors;
  values: ActionValues;
  csrfToken: string;
}) {
  const d = p.detail;
  const a = d.application;
  const notes = d.events.filter((e) => e.action === 'note');
  return (
    <>
      {p.message ? <Notice kind="success">{p.message}</Notice> : null}
      {p.refusal ? <Notice kind="warning">{p.refusal}</Notice> : null}
      <ErrorSummary errors={p.errors} />
      <table class="summary">
        <caption class="visually-hidden">申請の概要</caption>
        <tbody>
          <tr>
            <th scope="row">受付番号</th>
            <td class="code-text">{a.referenceNumber ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">手続</th>
            <td>{d.form.definition.name.ja}</td>
          </tr>
          <tr>
            <th scope="row">状態</th>
            <td>
              <strong>{STATE_LABELS[a.state].ja}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">申請日時</th>
            <td>{formatDateTime(a.submittedAt)}</td>
          </tr>
          <tr>
            <th scope="row">版</th>
            <td>第{a.revision}版</td>
          </tr>
        </tbody>
      </table>

      <h2 class="subtitle">申請者</h2>
      <Applicant a={d.applicant} />

      <h2 class="subtitle">申請内容</h2>
      {d.sections.map((s) => (
        <section aria-labelledby={`page-${s.page}`}>
          <h3 id={`page-${s.page}`} class="subtitle">
            {s.title}
          </h3>
          <table class="summary">
            <caption class="visually-hidden">{s.title}の回答</caption>
            <tbody>
              {s.rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.label}
                    {a.markedFields.includes(r.field) ? '（修正を依頼中）' : null}
                  </th>
                  <td>{r.text === '' ? '（未入力）' : <Lines text={r.text} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <h2 class="subtitle">添付ファイル</h2>
      {d.attachments.length === 0 ? (
        <p>添付ファイルはありません。</p>
      ) : (
        <ul>
          {d.attachments.map((f) => (
            <li>
              <a href={`/admin/applications/${a.id}/files/${f.id}`} download>
                {f.fileName}
              </a>
              （{d.form.field(f.fieldId)?.field.label.ja ?? f.fieldId}、{sizeText(f.size)}）
            </li>
          ))}
        </ul>
      )}

      {p.changes.length > 0 ? (
        <>
          <h2 class="subtitle">再申請で変更された項目</h2>
          <Changes changes={p.changes} />
        </>
      ) : null}

      <h2 class="subtitle">操作</h2>
      {d.actions.length === 0 ? <p>この状態の申請に対してできる操作はありません。</p> : null}
      <Actions d={d} errors={p.errors} values={p.values} csrfToken={p.csrfToken} />

      <h2 class="subtitle">メモ（職員のみ・申請者には表示されません）</h2>
      {notes.length === 0 ? (
        <p>メモはありません。</p>
      ) : (
        <ul class="note-list">
          {notes.map((n) => (
            <li>
              <p>
                {formatDateTime(n.at)}　職員 {(n.staffId && p.staffNames.get(n.staffId)) || ''}
              </p>
              <p>
                <Lines text={n.message ?? ''} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <ActionForm id={a.id} path="notes" csrfToken={p.csrfToken}>
        <MessageField
          name="note"
          label="メモ"
          hint="職員の間の記録です。申請者には表示されず、メールも送られません。"
          value={p.values.note}
          error={errorFor(p.errors, 'note')}
        />
        <button type="submit" class="button button--secondary">
          メモを追加する
        </button>
      </ActionForm>

      <h2 class="subtitle">履歴</h2>
      <History events={d.events} staffNames={p.staffNames} />
      <p>
        <a href="/admin/applications">申請一覧へ戻る</a>
      </p>
    </>
  );
}
