/**
 * The back office under /admin. Its own session (cookie Path=/admin) is read for every request;
 * everything but signing in and enrolment needs a signed-in staff member. A resident's session
 * counts for nothing here: without a staff session the answer is 職員ログイン.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { adminApplicationRoutes } from './applications.js';
import { adminAuthRoutes } from './auth.js';
import { adminDashboardRoutes } from './dashboard.js';
import { adminNoticeRoutes } from '../notices/admin.js';
import { adminProcedureRoutes } from './procedures-admin.js';
import { notFoundPage, staffCookie, type AdminDeps, type AdminEnv } from './shared.js';
import { adminStaffRoutes } from './staff.js';
import { adminUserRoutes } from './users.js';

const PUBLIC_PATHS = /^\/admin\/(login(\/code)?|logout|enrol\/[^/]+|setup\/[^/]+)\/?$/;

export function adminRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const cookie = staffCookie(deps.config.secureCookies);

  r.use('*', async (c, next) => {
    const sid = getCookie(c, cookie.name);
    const state = await deps.backOffice.staff.resolve(sid);
    c.set('staffState', state);
    c.set('staffSid', state.status === 'signed_in' || state.status === 'password_ok' ? sid : undefined);
    if (sid && state.status !== 'signed_in' && state.status !== 'password_ok')
      deleteCookie(c, cookie.name, { path: '/admin', secure: deps.config.secureCookies });
    if (PUBLIC_PATHS.test(c.req.path)) return next();
    if (state.status !== 'signed_in') {
      const q = new URLSearchParams();
      if (state.status === 'timed_out') q.set('timeout', '1');
      if (c.req.method === 'GET' && c.req.path !== '/admin') q.set('next', c.req.path);
      return c.redirect(`/admin/login${q.size ? `?${q.toString()}` : ''}`, 303);
    }
    c.set('staff', state.staff);
    // Back-office pages are never cached, not even by the browser's history.
    await next();
    c.header('Cache-Control', 'no-store');
  });

  r.route('/', adminAuthRoutes(deps));
  r.route('/', adminDashboardRoutes(deps));
  r.route('/', adminNoticeRoutes(deps));
  r.route('/', adminUserRoutes(deps));
  r.route('/', adminStaffRoutes(deps));
  r.route('/', adminApplicationRoutes(deps));
  r.route('/', adminProcedureRoutes(deps));
  r.notFound((c) => notFoundPage(c));
  return r;
}
