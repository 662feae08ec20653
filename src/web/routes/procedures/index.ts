/**
 * The online procedures' resident screens (issue 13), one route file per screen group:
 * catalogue.tsx   手続一覧 and each procedure's page (申請する)
 * form.tsx        the form pages, 申請内容の確認, 申請の完了, files, the correction after 差し戻し
 * follow.tsx      マイページ → 申請履歴, 一時保存中の申請, 申請の詳細 (取下げる, downloads)
 * guest.tsx       ログインせずに申請する (the address confirmed by code)
 */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { guestOf } from './applicant.js';
import { guestRoutes } from './guest.js';

export function procedureRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  // the guest cookie, read once for applicantOf (its name depends on the configuration)
  r.use('*', async (c, next) => {
    c.set('guest', guestOf(c, deps.config.secureCookies));
    await next();
  });
  r.route('/', guestRoutes(deps));
  return r;
}
