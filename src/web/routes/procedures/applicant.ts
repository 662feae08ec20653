/**
 * Who is applying, for every procedures screen: the signed-in resident (their session), or — for a
 * procedure that takes guests — the guest whose address was confirmed by code. Every route of
 * `routes/procedures/` asks here and nowhere else.
 *
 * A guest's browser holds the guest cookie, `<application id>.<secret>` (HttpOnly, SameSite=Lax,
 * Secure when configured), set by the code step (guest.tsx) or the receipt mail's link. It stands
 * for the applicant only on the routes of that application (the route's `:id`), so that a signed-in
 * resident who once applied as a guest keeps their own screens elsewhere.
 */
import { getCookie, setCookie } from '../../shared/cookies.js';
import type { Applicant, GuestApplicant } from '../../../app/procedures/procedures.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { isUuid } from '../../../domain/ids.js';

/** The guest of the guest cookie, or null (none, or not in its shape). */
export function guestOf(c: Ctx, secure: boolean): GuestApplicant | null {
  const value = getCookie(c, cookieNames(secure).guest);
  if (!value || value.length > 200) return null;
  const dot = value.indexOf('.');
  const applicationId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  return dot > 0 && isUuid(applicationId) && secret !== '' ? { applicationId, secret } : null;
}

/** Sets the guest cookie for `maxAgeSeconds` (the draft's expiry, or the follow link's lifetime). */
export function setGuestCookie(c: Ctx, deps: WebDeps, guest: GuestApplicant, maxAgeSeconds: number): void {
  setCookie(c, cookieNames(deps.config.secureCookies).guest, `${guest.applicationId}.${guest.secret}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: Math.max(60, Math.floor(maxAgeSeconds)),
  });
}

/** Who applies on this request: the guest on their application's routes, else the signed-in resident. */
export function applicantOf(c: Ctx): Applicant | null {
  const id = c.req.param('id') as string | undefined;
  const guest = c.get('guest');
  if (id !== undefined && guest && guest.applicationId === id) return guest;
  const s = c.get('session');
  return s.status === 'signed_in' ? { userId: s.user.id } : null;
}
