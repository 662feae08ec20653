/** The account screens of issue 3 beyond ログイン/マイページ, mounted together by app.tsx. */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { accountDeleteRoutes } from './delete.js';
import { accountEmailRoutes } from './email.js';
import { accountPasswordRoutes } from './password.js';
import { accountProfileRoutes } from './profile.js';

export function accountSettingsRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  r.route('/', accountProfileRoutes(deps));
  r.route('/', accountEmailRoutes(deps));
  r.route('/', accountPasswordRoutes(deps));
  r.route('/', accountDeleteRoutes(deps));
  return r;
}
