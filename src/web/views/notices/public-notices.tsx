/**
 * Notices as residents see them (kept beside the back office that writes them): the portal home's
 * 重要なお知らせ, the list on マイページ, and a notice's text. The routes read the lists and pass them.
 */
import type { NoticeRecord } from '../../../app/notices/ports.js';
import { k } from '../../../messages/i18n.js';
import { japanEraDate } from '../../../messages/japan-time.js';
import { useLang, useT } from '../../shared/i18n.js';

export const AUDIENCE_LABEL = { all: k('すべて'), individual: k('個人'), business: k('事業者') } as const;
export const IMPORTANCE_LABEL = { important: '重要', normal: '通常' } as const;

export function publishedOn(n: NoticeRecord, lang: 'ja' | 'en' = 'ja'): string {
  return japanEraDate(n.publishFrom, lang);
}

function Item({ n, showImportance }: { n: NoticeRecord; showImportance: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <li class="notice-list__item">
      <time datetime={n.publishFrom.toISOString()} class="notice-list__date">
        {publishedOn(n, lang)}
      </time>{' '}
      {showImportance && n.importance === 'important' ? (
        <strong class="notice-list__tag">{t('【重要】')}</strong>
      ) : null}
      <a href={`/notices/${n.id}`} lang="ja">
        {n.title}
      </a>
      {n.audience !== 'all' ? (
        <span class="notice-list__audience">
          {t('（{audience}の方へ）', { audience: t(AUDIENCE_LABEL[n.audience]) })}
        </span>
      ) : null}
    </li>
  );
}

/** The portal home: important notices in publication, each linking to its page. */
export function ImportantNoticeList({ list }: { list: NoticeRecord[] }) {
  const t = useT();
  if (list.length === 0) return <p>{t('現在、重要なお知らせはありません。')}</p>;
  return (
    <ul class="notice-list">
      {list.map((n) => (
        <Item n={n} showImportance={false} />
      ))}
    </ul>
  );
}

/** マイページ: the notices for the user's kind, newest first. */
export function MyPageNoticeList({ list }: { list: NoticeRecord[] }) {
  const t = useT();
  if (list.length === 0) return <p>{t('現在、お知らせはありません。')}</p>;
  return (
    <ul class="notice-list">
      {list.map((n) => (
        <Item n={n} showImportance={true} />
      ))}
    </ul>
  );
}

/** A notice's text: paragraphs at blank lines, line breaks kept, nothing interpreted as HTML. */
export function NoticeText({ body }: { body: string }) {
  return (
    <div class="notice-text" lang="ja">
      {body.split(/\n{2,}/).map((para) => (
        <p>
          {para.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}
