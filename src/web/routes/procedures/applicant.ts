/**
 * Who is applying, for every procedures screen: the signed-in resident (their session), or — for a
 * procedure that takes guests — the guest whose address was confirmed by code (guest.ts adds that).
 * Every route of `routes/procedures/` asks here and nowhere else.
 */
import type { Applicant } from '../../../app/procedures/procedures.js';
import type { Ctx } from '../../shared/context.js';

export function applicantOf(c: Ctx): Applicant | null {
  const s = c.get('session');
  return s.status === 'signed_in' ? { userId: s.user.id } : null;
}
