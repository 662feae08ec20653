/**
 * 職員一覧 (admins only): 職員を追加 (the same enrolment as the command), role change, 無効にする and
 * 再設定用のURLを発行する (a new enrolment for a lost authenticator).
 */
import { Hono } from 'hono';
import type { StaffRecord } from '../../../app/staff/ports.js';
import { StaffListView, type StaffListOptions } from '../../views/staff/staff.js';
import {
  adminPage,
  forbiddenPage,
  readAdminForm,
  type AdminCtx,
  type AdminDeps,
  type AdminEnv,
} from './shared.js';

const REFUSALS: Record<string, string> = {
  self: '自分自身を無効にすることはできません。',
  last_admin: '有効な管理者が1人もいなくなるため、この操作はできません。',
  not_found: 'この職員アカウントは見つからないか、すでに無効です。',
  disabled: 'この職員アカウントは見つからないか、すでに無効です。',
  reissue_self: '自分自身の設定を取り消すことはできません。',
  invalid: '権限を選択してください。',
};

export function adminStaffRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const staff = deps.backOffice.staff;

  // Staff management is for admins only; an operator gets 403 on every path under /admin/staff.
  r.use('/staff', async (c, next) => (c.get('staff').role === 'admin' ? next() : forbiddenPage(c)));
  r.use('/staff/*', async (c, next) => (c.get('staff').role === 'admin' ? next() : forbiddenPage(c)));

  const listPage = async (c: AdminCtx, opts: StaffListOptions & { status?: number } = {}) => {
    const me = c.get('staff');
    const rows: StaffRecord[] = await staff.list(me);
    return adminPage(
      c,
      { title: '職員一覧', section: 'staff', errors: opts.errors, status: opts.status },
      <StaffListView rows={rows} me={me} csrfToken={c.get('csrfToken')()} {...opts} />,
    );
  };

  r.get('/staff', (c) => {
    const done = c.req.query('done');
    const refused = c.req.query('refused');
    return listPage(c, {
      message:
        done === 'role'
          ? '権限を変更しました。'
          : done === 'disabled'
            ? '職員アカウントを無効にしました。'
            : undefined,
      refusal: refused ? REFUSALS[refused] : undefined,
    });
  });

  r.post('/staff', async (c) => {
    const form = (await readAdminForm(c)) ?? {};
    const result = await staff.create(
      { email: form.email ?? '', role: form.role ?? '', name: form.name ?? null },
      { staff: c.get('staff'), meta: c.get('meta') },
    );
    if (!result.ok) return listPage(c, { errors: result.errors, values: form, status: 400 });
    return listPage(c, {
      issued: {
        kind: 'created',
        email: (form.email ?? '').trim(),
        url: result.enrolUrl,
        expiresAt: result.expiresAt,
      },
    });
  });

  // The new URL is shown in this response only (like 職員を追加), never put in a redirect.
  r.post('/staff/:id/reissue', async (c) => {
    const result = await staff.reissueEnrolment(
      { id: c.req.param('id') },
      { staff: c.get('staff'), meta: c.get('meta') },
    );
    if (!result.ok)
      return c.redirect(
        `/admin/staff?refused=${result.reason === 'self' ? 'reissue_self' : result.reason}`,
        303,
      );
    return listPage(c, {
      issued: { kind: 'reissued', email: result.email, url: result.enrolUrl, expiresAt: result.expiresAt },
    });
  });

  r.post('/staff/:id/role', async (c) => {
    const form = (await readAdminForm(c)) ?? {};
    const result = await staff.changeRole(c.get('staff'), c.req.param('id'), form.role ?? '', c.get('meta'));
    return c.redirect(result.ok ? '/admin/staff?done=role' : `/admin/staff?refused=${result.reason}`, 303);
  });

  r.post('/staff/:id/disable', async (c) => {
    const result = await staff.disable(c.get('staff'), c.req.param('id'), c.get('meta'));
    return c.redirect(
      result.ok ? '/admin/staff?done=disabled' : `/admin/staff?refused=${result.reason}`,
      303,
    );
  });

  return r;
}
