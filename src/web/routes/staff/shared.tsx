/** What every back-office route shares: its context, the page frame, forms, the staff cookie. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { BackOffice } from '../../../app/staff/back-office.js';
import type { CurrentStaff, StaffMember } from '../../../app/staff/staff.js';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import type { Errors } from '../../views/shared/components.js';
import { ForbiddenView, NotFoundView } from '../../views/staff/components.js';
import { AdminLayout, type AdminSection } from '../../views/staff/layout.js';
import { sendText } from '../../shared/render.js';
import { renderHtml } from '../../shared/i18n.js';

export type AdminEnv = {
  Variables: AppEnv['Variables'] & {
    staffState: CurrentStaff;
    staffSid: string | undefined;
    /** set for every route behind the sign-in */
    staff: StaffMember;
  };
};

export type AdminCtx = Context<AdminEnv>;

export type AdminDeps = WebDeps & { backOffice: BackOffice };

/**
 * The staff session cookie: its own name, Path=/admin so that it is never sent to resident pages.
 * `__Host-` forbids a Path, so production uses the `__Secure-` prefix (Secure, set over HTTPS).
 */
export function staffCookie(secure: boolean) {
  return {
    name: secure ? '__Secure-staff_sid' : 'staff_sid',
    options: { httpOnly: true, sameSite: 'Lax' as const, secure, path: '/admin' },
  };
}

export async function adminPage(
  c: AdminCtx,
  opts: { title: string; errors?: Errors; status?: number; section?: AdminSection; h1?: boolean },
  body: Child,
): Promise<Response> {
  const state = c.get('staffState');
  const html = (
    <AdminLayout
      title={opts.title}
      hasErrors={(opts.errors?.length ?? 0) > 0}
      csrfToken={c.get('csrfToken')() ?? ''}
      staff={state?.status === 'signed_in' ? state.staff : undefined}
      section={opts.section ?? null}
    >
      {opts.h1 === false ? null : <h1 class="title">{opts.title}</h1>}
      {body}
    </AdminLayout>
  );
  return sendText(
    c,
    Buffer.from('<!DOCTYPE html>' + renderHtml('ja', html)),
    'text/html; charset=UTF-8',
    opts.status ?? 200,
  );
}

export function forbiddenPage(c: AdminCtx): Promise<Response> {
  return adminPage(c, { title: '権限がありません', status: 403 }, <ForbiddenView />);
}

export function notFoundPage(c: AdminCtx): Promise<Response> {
  return adminPage(c, { title: 'ページが見つかりません', status: 404 }, <NotFoundView />);
}

/** The posted form as strings (first value of each name), without the portal's 2,000-character cut. */
export async function readAdminForm(c: AdminCtx): Promise<Record<string, string> | null> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return null;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s !== 'string') continue;
    if (s.includes('\u0000')) return null;
    out[k] = s.length > 20_000 ? s.slice(0, 20_000) : s;
  }
  return out;
}

export function pageParam(c: AdminCtx): number {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 100_000) : 1;
}
