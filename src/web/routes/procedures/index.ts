/**
 * The online procedures' resident screens (issue 13), one route file per screen group:
 * catalogue.tsx   手続一覧 and each procedure's page (申請する)
 * form.tsx        the form pages (再開する, 次へ / 戻る / 一時保存する); review.tsx 申請内容の確認 and
 *                 申請の完了; files.tsx 添付する / 削除; correct.tsx 修正して再申請する after 差し戻し;
 *                 form-pages.tsx and form-shared.ts what they share
 * follow.tsx      マイページ → 申請履歴, 一時保存中の申請, 申請の詳細 (取下げる, downloads)
 * guest.tsx       ログインせずに申請する (the address confirmed by code)
 */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { catalogueRoutes } from './catalogue.js';
import { correctRoutes } from './correct.js';
import { followRoutes } from './follow.js';
import { fileRoutes } from './files.js';
import { formRoutes } from './form.js';
import { isId } from './form-shared.js';
import { reviewRoutes } from './review.js';
import { guestOf } from './applicant.js';
import { guestRoutes } from './guest.js';

export { MAX_UPLOAD_BODY_BYTES, mayCarryFile } from './form-shared.js';

export function procedureRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  // An id that the store cannot have made is a 404 page before any look-up.
  for (const path of ['/applications/:id', '/applications/:id/*', '/mypage/applications/:id/correct'])
    r.use(path, async (c, next) => {
      if (!isId(c.req.param('id'))) return c.notFound();
      await next();
    });
  // The guest cookie, read once for applicantOf, only where a guest's application is served.
  for (const path of ['/applications/*', '/guest/*', '/mypage/applications/*'])
    r.use(path, async (c, next) => {
      c.set('guest', guestOf(c, deps.config.secureCookies));
      await next();
    });
  r.route('/', guestRoutes(deps));
  r.route('/', formRoutes(deps));
  r.route('/', reviewRoutes(deps));
  r.route('/', fileRoutes(deps));
  r.route('/', correctRoutes(deps));
  r.route('/', catalogueRoutes(deps));
  r.route('/', followRoutes(deps));
  return r;
}
