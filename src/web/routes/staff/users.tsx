/** 利用者検索 and 利用者情報 (status, 利用停止 / 利用停止を解除, アカウントを削除). */
import { Hono } from 'hono';
import { jaLabels } from '../../../messages/field-labels.js';
import { UserSearchView, UserView } from '../../views/staff/users.js';
import { notFoundPage, adminPage, pageParam, type AdminDeps, type AdminEnv } from './shared.js';

const PROFILE_LABELS: Record<string, string> = jaLabels([
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'orgName',
  'orgNameKana',
  'representativeName',
  'department',
  'contactName',
  'postalCode',
  'prefecture',
  'cityAddress',
  'building',
  'phone',
  'gender',
]);

export function adminUserRoutes(deps: AdminDeps) {
  const r = new Hono<AdminEnv>();
  const users = deps.backOffice.users;

  r.get('/users', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const result = q.trim() ? await users.search(c.get('staff'), q, pageParam(c), c.get('meta')) : null;
    return adminPage(
      c,
      { title: '利用者検索', section: 'users' },
      <UserSearchView q={q} result={result} deleted={!!c.req.query('deleted')} />,
    );
  });

  r.get('/users/:id', async (c) => {
    const found = await users.view(c.get('staff'), c.req.param('id'), c.get('meta'));
    if (!found) return notFoundPage(c);
    const { user: u, trail } = found;
    const message =
      c.req.query('done') === 'suspended'
        ? '利用停止にしました。この利用者はログインできません。'
        : c.req.query('done') === 'unsuspended'
          ? '利用停止を解除しました。'
          : null;
    return adminPage(
      c,
      { title: '利用者情報', section: 'users' },
      <UserView
        user={u}
        trail={trail}
        message={message}
        profileLabels={PROFILE_LABELS}
        csrfToken={c.get('csrfToken')()}
      />,
    );
  });

  r.post('/users/:id/suspend', async (c) => {
    const id = c.req.param('id');
    await users.setSuspended(c.get('staff'), id, true, c.get('meta'));
    return c.redirect(`/admin/users/${id}?done=suspended`, 303);
  });

  r.post('/users/:id/unsuspend', async (c) => {
    const id = c.req.param('id');
    await users.setSuspended(c.get('staff'), id, false, c.get('meta'));
    return c.redirect(`/admin/users/${id}?done=unsuspended`, 303);
  });

  r.post('/users/:id/delete', async (c) => {
    const deleted = await users.delete(c.get('staff'), c.req.param('id'), c.get('meta'));
    if (!deleted) return notFoundPage(c);
    return c.redirect('/admin/users?deleted=1', 303);
  });

  return r;
}
