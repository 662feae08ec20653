/**
 * The online procedures' resident screens (issue 13), one route file per screen group:
 * catalogue.tsx   手続一覧 and each procedure's page (申請する)
 * form.tsx        the form pages, 申請内容の確認, 申請の完了, files, the correction after 差し戻し
 * follow.tsx      マイページ → 申請履歴, 一時保存中の申請, 申請の詳細 (取下げる, downloads)
 * guest.tsx       ログインせずに申請する (the address confirmed by code)
 */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { catalogueRoutes } from './catalogue.js';
import { followRoutes } from './follow.js';

export function procedureRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  r.route('/', catalogueRoutes(deps));
  r.route('/', followRoutes(deps));
  return r;
}
