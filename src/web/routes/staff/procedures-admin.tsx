/**
 * 手続管理 (every procedure, its versions, 受付を停止する / 受付を再開する) and the CSV of a
 * procedure's applications for its 担当課.
 */
import { Hono } from 'hono';
import { japanToday } from '../../../app/shared/japan-date.js';
import { ProceduresAdminView } from '../../views/staff/procedures-admin.js';
import { adminPage, notFoundPage, type AdminDeps, type AdminEnv } from './shared.js';

const DONE: Record<string, string> = {
  stopped: 'の受付を停止しました。新しい申請は受け付けません。',
  resumed: 'の受付を再開しました。',
};

export function adminProcedureRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const procedures = deps.procedures;

  r.get('/procedures', async (c) => {
    const entries = await procedures.procedures();
    const done = DONE[c.req.query('done') ?? ''];
    const named = entries.find((e) => e.definition.id === c.req.query('id'));
    return adminPage(
      c,
      { title: '手続管理', section: 'procedures' },
      <ProceduresAdminView
        entries={entries}
        message={done && named ? `「${named.definition.name.ja}」${done}` : null}
        csrfToken={c.get('csrfToken')()}
      />,
    );
  });

  for (const [path, accepting] of [
    ['stop', false],
    ['resume', true],
  ] as const)
    r.post(`/procedures/:id/${path}`, async (c) => {
      const id = c.req.param('id');
      if (!(await procedures.setAccepting({ staffId: c.get('staff').id }, id, accepting)))
        return notFoundPage(c);
      const q = new URLSearchParams({ done: accepting ? 'resumed' : 'stopped', id });
      return c.redirect(`/admin/procedures?${q.toString()}#procedure-${id}`, 303);
    });

  r.get('/procedures/:id/applications.csv', async (c) => {
    const id = c.req.param('id');
    const csv = await procedures.exportCsv({ staffId: c.get('staff').id }, id);
    if (csv === null) return notFoundPage(c);
    const d = japanToday(procedures.now());
    const day = `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}-applications-${day}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return r;
}
