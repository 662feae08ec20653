/** A notice's page for residents, /notices/:id, and the page for one that is not (or no longer) shown. */
import type { NoticeRecord } from '../../../app/notices/ports.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang } from '../../shared/i18n.js';
import { NoticeText, publishedOn } from './public-notices.js';

export function NoticeNotFoundView() {
  return (
    <>
      <p>
        <T>お探しのお知らせは見つかりませんでした。掲載期間が終わった可能性があります。</T>
      </p>
      <p>
        <a href="/">
          <T>トップページへ戻る</T>
        </a>
      </p>
    </>
  );
}

/** The notice with its date and kind; the way back is マイページ for a signed-in user. */
export function NoticePageView({ notice: n, signedIn }: { notice: NoticeRecord; signedIn: boolean }) {
  const lang = useLang();
  return (
    <article aria-labelledby="notice-title">
      <p class="note">
        <time datetime={n.publishFrom.toISOString()}>{publishedOn(n, lang)}</time>{' '}
        <T>{n.importance === 'important' ? k('重要なお知らせ') : k('お知らせ')}</T>
      </p>
      <h1 id="notice-title" class="title" lang="ja">
        {n.title}
      </h1>
      <NoticeText body={n.body} />
      <p>
        <a href={signedIn ? '/mypage' : '/'}>
          <T>{signedIn ? k('マイページへ戻る') : k('トップページへ戻る')}</T>
        </a>
      </p>
    </article>
  );
}
