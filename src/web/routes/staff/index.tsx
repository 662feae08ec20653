/**
 * The back office under /admin. Its own session (cookie Path=/admin) is read for every request;
 * everything but signing in and enrolment needs a signed-in staff member. A resident's session
 * counts for nothing here: without a staff session the answer is 職員ログイン.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie } from '../../shared/cookies.js';
import { adminApplicationRoutes } from './applications.js';
import { adminAuthRoutes } from './auth.js';
import { adminDashboardRoutes } from './dashboard.js';
import { adminNoticeRoutes } from '../notices/admin.js';
import { adminProcedureRoutes } from './procedures-admin.js';
import {
  adminPage,
  notFoundPage,
  readAdminForm,
  staffCookie,
  type AdminDeps,
  type AdminEnv,
} from './shared.js';
import { ConfirmView } from '../../views/staff/components.js';
import { safeLocalPath } from '../../shared/paths.js';
import { adminStaffRoutes } from './staff.js';
import { adminUserRoutes } from './users.js';

/** Where キャンセル leads: the page the form was on (a path of this host), or the dashboard. */
function backTo(referer: string | undefined, host: string | undefined): string {
  try {
    const u = new URL(referer ?? '');
    return u.host === host ? safeLocalPath(u.pathname + u.search, '/admin') : '/admin';
  } catch {
    return '/admin';
  }
}

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

  // A confirmed action sent without JavaScript (ConfirmedAction's <noscript> fields): asked on a
  // page of its own first; the answer posts the same form again with `confirmed`.
  r.post('*', async (c, next) => {
    const form = await readAdminForm(c);
    if (form?.nojs !== '1' || form.confirmed === '1' || !form.question) return next();
    return adminPage(
      c,
      { title: '操作の確認' },
      <ConfirmView
        question={form.question.slice(0, 500)}
        action={c.req.path}
        csrfToken={c.get('csrfToken')()}
        back={backTo(c.req.header('referer'), c.req.header('host'))}
      />,
    );
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
