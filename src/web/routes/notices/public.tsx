/**
 * A notice's page for residents, /notices/:id (kept with the back office that writes notices): an
 * important notice in publication is public; a normal one is shown only to signed-in users of its
 * audience; anything else is not found.
 */
import { Hono } from 'hono';
import type { NoticeUseCases } from '../../../app/notices/notices.js';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { k } from '../../../messages/i18n.js';
import { T } from '../../shared/i18n.js';
import { renderPage } from '../../shared/render.js';
import { NoticeText, publishedOn } from '../../views/notices/public-notices.js';

export function publicNoticeRoutes(deps: WebDeps, notices: NoticeUseCases) {
  const r = new Hono<AppEnv>();
  const dev = deps.devMailbox !== null;

  r.get('/notices/:id', async (c) => {
    const s = c.get('session');
    const id = c.req.param('id');
    const result = await notices.view(id, s.status === 'signed_in' ? { kind: s.user.kind } : null);
    if (!result.ok && result.reason === 'sign_in')
      return c.redirect(`/login?next=${encodeURIComponent(`/notices/${id}`)}`, 303);
    if (!result.ok)
      return renderPage(
        c,
        dev,
        { title: 'ページが見つかりません', status: 404 },
        <>
          <p>
            <T>お探しのお知らせは見つかりませんでした。掲載期間が終わった可能性があります。</T>
          </p>
          <p>
            <a href="/">
              <T>トップページへ戻る</T>
            </a>
          </p>
        </>,
      );
    const n = result.notice;
    return renderPage(
      c,
      dev,
      { title: n.title, h1: false },
      <article aria-labelledby="notice-title">
        <p class="note">
          <time datetime={n.publishFrom.toISOString()}>{publishedOn(n, c.get('lang'))}</time>{' '}
          <T>{n.importance === 'important' ? k('重要なお知らせ') : k('お知らせ')}</T>
        </p>
        <h1 id="notice-title" class="title" lang="ja">
          {n.title}
        </h1>
        <NoticeText body={n.body} />
        <p>
          <a href={s.status === 'signed_in' ? '/mypage' : '/'}>
            <T>{s.status === 'signed_in' ? k('マイページへ戻る') : k('トップページへ戻る')}</T>
          </a>
        </p>
      </article>,
    );
  });

  return r;
}
