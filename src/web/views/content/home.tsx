/**
 * The portal home: the service, the search for procedures (キーワード, the categories), its important
 * notices, and the way to register. The same for every visitor (it is served from the shared pages).
 */
import type { NoticeRecord } from '../../../app/notices/ports.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { ImportantNoticeList } from '../notices/public-notices.js';
import { Notice } from '../shared/components.js';
import { CategoryLinks, SearchBox } from '../procedures/catalogue.js';

/** `signedOut`: the visitor has just signed out, and is told so once. */
export function HomeView({ notices, signedOut }: { notices: NoticeRecord[]; signedOut?: boolean }) {
  const t = useT();
  return (
    <>
      {signedOut ? <Notice kind="success">{t('ログアウトしました')}</Notice> : null}
      <h1 class="title">
        <T>オンライン手続かわさき</T>
        {/* the line may break before （e-KAWASAKI）, never inside it */}
        {useLang() === 'en' ? ' ' : ''}
        <span class="nowrap">{t('（e-KAWASAKI）').trim()}</span>
      </h1>
      <p>
        <T>
          川崎市の行政手続を、パソコンやスマートフォンからオンラインで行うことができます。ご利用には利用者登録が必要です。
        </T>
      </p>
      <section aria-labelledby="find" class="find">
        <h2 id="find" class="subtitle">
          <T>手続をさがす</T>
        </h2>
        <SearchBox />
        <h3 class="subtitle subtitle--small">
          <T>分類からさがす</T>
        </h3>
        <CategoryLinks />
        <p>
          <a href="/procedures">
            <T>すべての手続を見る</T>
          </a>
        </p>
      </section>
      <section aria-labelledby="important-notices" class="notices">
        <h2 id="important-notices" class="subtitle">
          <T>重要なお知らせ</T>
        </h2>
        <ImportantNoticeList list={notices} />
      </section>
      <section aria-labelledby="start" class="start">
        <h2 id="start" class="subtitle">
          <T>はじめての方へ</T>
        </h2>
        <p>
          <T>
            利用者登録をすると、マイページから利用者情報の確認や変更ができます。メールアドレスが利用者IDになります。
          </T>
        </p>
        <p>
          <a href="/register" class="button">
            <T>利用者登録を始める</T>
          </a>
        </p>
        <p>
          <a href="/faq">
            <T>よくある質問</T>
          </a>
        </p>
      </section>
    </>
  );
}
