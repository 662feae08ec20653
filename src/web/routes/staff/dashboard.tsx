/** ダッシュボード (with the CSV of counts per day) and 監査ログ. */
import { Hono } from 'hono';
import type { AuditFilter } from '../../../app/staff/ports.js';
import { AuditLogView, DashboardView } from '../../views/staff/dashboard.js';
import { adminPage, pageParam, type AdminDeps, type AdminEnv } from './shared.js';

export function adminDashboardRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const dashboard = deps.backOffice.dashboard;

  r.get('/', async (c) => {
    const o = await dashboard.overview();
    return adminPage(c, { title: 'ダッシュボード', section: 'dashboard' }, <DashboardView overview={o} />);
  });

  r.get('/registrations.csv', async (c) => {
    const days = Number(c.req.query('days') ?? '30');
    const csv = await dashboard.csv(days, c.get('staff'), c.get('meta'));
    return c.body(csv.body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csv.filename}"`,
    });
  });

  r.get('/audit', async (c) => {
    const actorParam = c.req.query('actor') ?? '';
    const action = c.req.query('action') ?? '';
    const filter: AuditFilter = {};
    if (actorParam === 'users' || actorParam === 'system') filter.actor = actorParam;
    else if (actorParam.startsWith('staff:')) filter.actor = { staffId: actorParam.slice(6) };
    if (action) filter.action = action.slice(0, 100);
    const [result, staffList] = await Promise.all([
      dashboard.audit(filter, pageParam(c)),
      deps.backOffice.staff.directory(),
    ]);
    const params: Record<string, string> = {};
    if (actorParam) params.actor = actorParam;
    if (action) params.action = action;
    return adminPage(
      c,
      { title: '監査ログ', section: 'audit' },
      <AuditLogView
        result={result}
        staffList={staffList}
        actorParam={actorParam}
        action={action}
        params={params}
      />,
    );
  });

  return r;
}
