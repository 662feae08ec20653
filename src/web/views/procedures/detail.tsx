/**
 * 申請の詳細 for its applicant: 受付番号, the procedure, the state, the answers by section, the
 * attachments as downloads, the history of states with the city's messages, and, where allowed,
 * `取下げる` (a dialog with JavaScript, a confirm page without) and, when 差し戻し, the city's
 * reason, the fields to correct and `修正して再申請する`.
 */
import type { ProcedureUseCases } from '../../../app/procedures/procedures.js';
import { STATE_LABELS } from '../../../domain/procedures/states.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CsrfField, Notice } from '../shared/components.js';
import { DateTime, StateLabel } from './labels.js';

export type Detail = NonNullable<Awaited<ReturnType<ProcedureUseCases['detail']>>>;

export const WITHDRAW_QUESTION = k('この申請を取り下げます。よろしいですか？');

/** A file's size as people read it (KB up to a megabyte, then MB). */
function fileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Returned({ d }: { d: Detail }) {
  const t = useT();
  const lang = useLang();
  const reason = [...d.events].reverse().find((e) => e.toState === 'returned')?.message ?? null;
  const id = d.application.id;
  return (
    <section aria-labelledby="returned" class="notice notice--warning">
      <h2 id="returned" class="subtitle">
        {t('差し戻しの理由')}
      </h2>
      {reason ? <p class="pre-line">{reason}</p> : null}
      {d.application.markedFields.length > 0 ? (
        <>
          <p>
            <T>次の項目を修正して、再申請してください。</T>
          </p>
          <ul class="list">
            {d.application.markedFields.map((f) => (
              <li>{d.form.field(f)?.field.label[lang] ?? f}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/mypage/applications/${id}/correct`} class="button">
          {t('修正して再申請する')}
        </a>
      </p>
    </section>
  );
}

export function DetailView(p: { detail: Detail; csrfToken: string; done?: string; problem?: string }) {
  const t = useT();
  const lang = useLang();
  const d = p.detail;
  const app = d.application;
  return (
    <>
      {p.done ? <Notice kind="success">{t(p.done)}</Notice> : null}
      {p.problem ? (
        <div class="notice notice--warning" role="alert">
          {t(p.problem)}
        </div>
      ) : null}
      <dl class="readonly">
        <dt>{t('受付番号')}</dt>
        <dd class="detail-reference">{app.referenceNumber ?? '—'}</dd>
        <dt>{t('手続名')}</dt>
        <dd>
          <a href={`/procedures/${app.procedureId}`}>{d.form.definition.name[lang]}</a>
        </dd>
        <dt>{t('状態')}</dt>
        <dd>
          <StateLabel state={app.state} />
        </dd>
        <dt>{t('申請日時')}</dt>
        <dd>
          <DateTime at={app.submittedAt} />
        </dd>
      </dl>
      {app.state === 'returned' && d.actions.includes('resubmit') ? <Returned d={d} /> : null}
      <section aria-labelledby="answers">
        <h2 id="answers" class="subtitle">
          {t('申請内容')}
        </h2>
        {d.sections.map((s, i) => (
          <section aria-labelledby={`section-${i}`} class="summary-section">
            <h3 id={`section-${i}`} class="summary-section__title">
              {s.title}
            </h3>
            <dl class="answer-list">
              {s.rows.map((r) => {
                const field = d.form.field(r.field)?.field;
                const files =
                  field?.type === 'file' ? d.attachments.filter((a) => a.fieldId === r.field) : [];
                return (
                  <div class="answer-list__row">
                    <dt>{r.label}</dt>
                    <dd class="pre-line">
                      {files.length > 0 ? (
                        <ul class="file-list">
                          {files.map((f) => (
                            <li>
                              <a href={`/mypage/applications/${app.id}/files/${f.id}`} download={f.fileName}>
                                {f.fileName}
                              </a>{' '}
                              <span class="file-list__size">{`(${fileSize(f.size)})`}</span>
                            </li>
                          ))}
                        </ul>
                      ) : r.text === '' ? (
                        '—'
                      ) : (
                        r.text
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </section>
      <section aria-labelledby="events">
        <h2 id="events" class="subtitle">
          {t('状態の履歴')}
        </h2>
        <ol class="event-list">
          {d.events.map((e) => (
            <li class="event-list__item">
              <p class="event-list__head">
                <DateTime at={e.at} /> <strong>{STATE_LABELS[e.toState][lang]}</strong>
              </p>
              {e.message ? (
                <div class="event-list__message">
                  <p class="event-list__from">{t('川崎市からのメッセージ')}</p>
                  <p class="pre-line">{e.message}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {d.actions.includes('withdraw') ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw" class="subtitle">
            {t('申請の取下げ')}
          </h2>
          <p>
            <T>申請を取り下げると、この申請の処理は行われません。取り下げた申請は元に戻せません。</T>
          </p>
          <form
            method="post"
            action={`/mypage/applications/${app.id}/withdraw`}
            data-confirm={t(WITHDRAW_QUESTION)}
            data-confirm-ok={t('取下げる')}
            data-confirm-cancel={t('キャンセル')}
          >
            <CsrfField token={p.csrfToken} />
            <noscript>
              <input type="hidden" name="nojs" value="1" />
            </noscript>
            <button type="submit" class="button button--danger">
              {t('取下げる')}
            </button>
          </form>
        </section>
      ) : null}
      <p>
        <a href="/mypage/applications">{t('申請履歴へ戻る')}</a>
      </p>
    </>
  );
}

/** 取下げる's confirm step without JavaScript. */
export function WithdrawConfirmView(p: { id: string; referenceNumber: string; csrfToken: string }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{t(WITHDRAW_QUESTION)}</strong>
      </p>
      <p>
        <T params={{ ref: p.referenceNumber }}>
          {'受付番号 {ref} の申請を取り下げます。取り下げた申請は元に戻せません。'}
        </T>
      </p>
      <div class="actions">
        <form method="post" action={`/mypage/applications/${p.id}/withdraw`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button--danger">
            {t('取下げる')}
          </button>
        </form>
        <a href={`/mypage/applications/${p.id}`} class="button button--secondary">
          {t('キャンセル')}
        </a>
      </div>
    </>
  );
}
