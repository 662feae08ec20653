/** The portal home: the service, its important notices, and the way to register. */
import type { NoticeRecord } from '../../../app/notices/ports.js';
import { T } from '../../shared/i18n.js';
import { ImportantNoticeList } from '../notices/public-notices.js';

export function HomeView({ notices }: { notices: NoticeRecord[] }) {
  return (
    <>
      <h1 class="title">
        <T>オンライン手続かわさき</T>
        <T>（e-KAWASAKI）</T>
      </h1>
      <p>
        <T>
          川崎市の行政手続を、パソコンやスマートフォンからオンラインで行うことができます。ご利用には利用者登録が必要です。
        </T>
      </p>
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
