/**
 * A notice's page for residents, /notices/:id (kept with the back office that writes notices): an
 * important notice in publication is public; a normal one is shown only to signed-in users of its
 * audience; anything else is not found.
 */
import { Hono } from 'hono';
import type { NoticeUseCases } from '../../../app/notices/notices.js';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { renderPage } from '../../shared/render.js';
import { NoticeNotFoundView, NoticePageView } from '../../views/notices/notice-page.js';

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
      return renderPage(c, dev, { title: 'ページが見つかりません', status: 404 }, <NoticeNotFoundView />);
    return renderPage(
      c,
      dev,
      { title: result.notice.title, h1: false },
      <NoticePageView notice={result.notice} signedIn={s.status === 'signed_in'} />,
    );
  });

  return r;
}
