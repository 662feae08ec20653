/**
 * 申請履歴 and 一時保存中の申請: the table of applications sent (受付番号, 手続名, 申請日時, 状態),
 * which scrolls sideways in a labelled region on a narrow screen, and the drafts with their
 * expiry, `再開する` and `削除する` (a dialog with JavaScript, a confirm page without). Both on
 * their own page and, the latest few, on マイページ.
 */
import type { ProcedureUseCases } from '../../../app/procedures/procedures.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CsrfField, Notice } from '../shared/components.js';
import { ScrollTable } from '../staff/scroll-table.js';
import { DateTime, StateLabel } from './labels.js';

export type History = Awaited<ReturnType<ProcedureUseCases['history']>>;

/** How many applications マイページ lists before 「すべて見る」. */
export const MY_PAGE_HISTORY_ROWS = 5;

export const DELETE_DRAFT_QUESTION = k('一時保存中の申請を削除します。よろしいですか？');

export function ApplicationsTable({ rows }: { rows: History['applications'] }) {
  const t = useT();
  const lang = useLang();
  if (rows.length === 0)
    return (
      <p>
        <T>申請履歴はありません。</T>
      </p>
    );
  return (
    <ScrollTable caption={t('申請履歴')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('受付番号')}</th>
          <th scope="col">{t('手続名')}</th>
          <th scope="col">{t('申請日時')}</th>
          <th scope="col">{t('状態')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td class="nowrap">
              <a href={`/mypage/applications/${r.application.id}`}>{r.application.referenceNumber ?? '—'}</a>
            </td>
            <td class="data-table__name">{r.procedure[lang]}</td>
            <td>
              <DateTime at={r.application.submittedAt} />
            </td>
            <td>
              <StateLabel state={r.application.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function DraftList({ drafts, csrfToken }: { drafts: History['drafts']; csrfToken: string }) {
  const t = useT();
  const lang = useLang();
  if (drafts.length === 0)
    return (
      <p>
        <T>一時保存中の申請はありません。</T>
      </p>
    );
  return (
    <>
      <p>
        <T>一時保存中の申請は、最後に保存した日から30日を過ぎると削除されます。</T>
      </p>
      <ul class="draft-list">
        {drafts.map((d) => (
          <li class="draft-list__item">
            <p class="draft-list__name">{d.procedure[lang]}</p>
            <p class="draft-list__expiry">
              {t('保存期限')}
              {lang === 'ja' ? '：' : ': '}
              <DateTime at={d.expiresAt} />
            </p>
            <div class="actions">
              <a href={`/applications/${d.application.id}`} class="button button--small">
                {t('再開する')}
                <span class="visually-hidden">
                  {lang === 'ja' ? `（${d.procedure.ja}）` : ` (${d.procedure.en})`}
                </span>
              </a>
              <form
                method="post"
                action={`/applications/${d.application.id}/delete`}
                data-confirm={t(DELETE_DRAFT_QUESTION)}
                data-confirm-ok={t('削除する')}
                data-confirm-cancel={t('キャンセル')}
              >
                <CsrfField token={csrfToken} />
                <noscript>
                  <input type="hidden" name="nojs" value="1" />
                </noscript>
                <button type="submit" class="button button--small button--secondary">
                  {t('削除する')}
                  <span class="visually-hidden">
                    {lang === 'ja' ? `（${d.procedure.ja}）` : ` (${d.procedure.en})`}
                  </span>
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** マイページ's part: the latest applications, 「すべて見る」, and the drafts. */
export function MyApplications({ history, csrfToken }: { history: History; csrfToken: string }) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="history">
        <h2 id="history" class="subtitle">
          {t('申請履歴')}
        </h2>
        <ApplicationsTable rows={history.applications.slice(0, MY_PAGE_HISTORY_ROWS)} />
        <p>
          <a href="/mypage/applications">{t('すべて見る')}</a>
        </p>
        <p>
          <a href="/procedures">{t('手続をさがす')}</a>
        </p>
      </section>
      <section aria-labelledby="drafts">
        <h2 id="drafts" class="subtitle">
          {t('一時保存中の申請')}
        </h2>
        <DraftList drafts={history.drafts} csrfToken={csrfToken} />
      </section>
    </>
  );
}

/** 申請履歴's page: every application and every draft. */
export function HistoryView(p: { history: History; csrfToken: string; done?: string }) {
  const t = useT();
  return (
    <>
      {p.done ? <Notice kind="success">{t(p.done)}</Notice> : null}
      <ApplicationsTable rows={p.history.applications} />
      <section aria-labelledby="drafts">
        <h2 id="drafts" class="subtitle">
          {t('一時保存中の申請')}
        </h2>
        <DraftList drafts={p.history.drafts} csrfToken={p.csrfToken} />
      </section>
      <p>
        <a href="/procedures">{t('手続をさがす')}</a>
      </p>
      <p>
        <a href="/mypage">{t('マイページへ戻る')}</a>
      </p>
    </>
  );
}

/** The delete's confirm step without JavaScript. */
export function DeleteDraftConfirmView(p: { id: string; procedureName: string; csrfToken: string }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{t(DELETE_DRAFT_QUESTION)}</strong>
      </p>
      <p>
        <T params={{ name: p.procedureName }}>
          {'「{name}」の入力内容を削除します。この操作は取り消せません。'}
        </T>
      </p>
      <div class="actions">
        <form method="post" action={`/applications/${p.id}/delete`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button--danger">
            {t('削除する')}
          </button>
        </form>
        <a href="/mypage/applications" class="button button--secondary">
          {t('キャンセル')}
        </a>
      </div>
    </>
  );
}
