/** The account screens of issue 3 beyond ログイン/マイページ, mounted together by app.tsx. */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../context.js';
import { accountDeleteRoutes } from './account-delete.js';
import { accountEmailRoutes } from './account-email.js';
import { accountPasswordRoutes } from './account-password.js';
import { accountProfileRoutes } from './account-profile.js';

export function accountSettingsRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  r.route('/', accountProfileRoutes(deps));
  r.route('/', accountEmailRoutes(deps));
  r.route('/', accountPasswordRoutes(deps));
  r.route('/', accountDeleteRoutes(deps));
  return r;
}
