/**
 * 申請の完了: the 受付番号 large, what happens next, the links to 申請の詳細 and マイページ, a copy of
 * the answers, and 控えを印刷する (window.print() by script; without script the browser's own print,
 * as the page's text says). The print stylesheet (public/app.css @media print) leaves a clean copy.
 */
import type { SummarySection } from '../../../domain/procedures/summary.js';
import { T, useT } from '../../shared/i18n.js';
import { useDay } from './form-page.js';
import { AnswerSections } from './review.js';

export function CompleteView(p: {
  procedureName: string;
  referenceNumber: string;
  submittedAt: Date;
  sections: SummarySection[];
  detailPath: string;
  /** false for a guest, who has no マイページ */
  myPage: boolean;
}) {
  const t = useT();
  const day = useDay();
  return (
    <div class="receipt">
      <div class="panel panel--success receipt__number">
        <p class="receipt__label">
          <T>受付番号</T>
        </p>
        <p class="reference-number" data-reference-number={p.referenceNumber}>
          {p.referenceNumber}
        </p>
        <p>
          <T>お問い合わせの際は、この受付番号をお伝えください。</T>
        </p>
      </div>
      <dl class="summary-list receipt__meta">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('手続名')}</dt>
          <dd class="summary-list__value">{p.procedureName}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('申請日')}</dt>
          <dd class="summary-list__value">{day(p.submittedAt)}</dd>
        </div>
      </dl>
      <h2 class="subtitle no-print">
        <T>このあとの流れ</T>
      </h2>
      <ul class="no-print">
        <li>
          <T>受付番号と申請内容を記載したメール（申請を受け付けました）をお送りしました。</T>
        </li>
        <li>
          <T>
            担当課が申請内容を確認します。状況は「申請の詳細」で確認できます。状況が変わるとメールでお知らせします。
          </T>
        </li>
      </ul>
      <p class="actions no-print">
        <button type="button" class="button button--secondary" data-print hidden>
          <T>控えを印刷する</T>
        </button>
        <a href="?print=1" class="button button--secondary" data-print-fallback>
          <T>控えを印刷する</T>
        </a>
      </p>
      <p class="no-print">
        <a href={p.detailPath}>
          <T>申請の詳細</T>
        </a>
        {p.myPage ? (
          <>
            {' ／ '}
            <a href="/mypage">
              <T>マイページ</T>
            </a>
          </>
        ) : null}
      </p>
      <h2 class="subtitle">
        <T>申請内容の控え</T>
      </h2>
      <AnswerSections sections={p.sections} />
    </div>
  );
}

/** ?print=1 without script: how to print this page with the browser. */
export function PrintHelp() {
  return (
    <div class="notice notice--info no-print">
      <T>
        ブラウザーのメニューから「印刷」を選ぶと（パソコンではCtrl+P、MacではCommand+P）、この画面の控えを印刷できます。
      </T>
    </div>
  );
}
