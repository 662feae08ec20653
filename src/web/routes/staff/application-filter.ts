/**
 * 申請一覧's filters from the query string: each checked, a bad one named with a message for its
 * field (the page then lists nothing rather than something the filter did not ask for).
 */
import type { ApplicationFilter } from '../../../app/procedures/ports.js';
import { normalizeReferenceNumber } from '../../../domain/procedures/reference-number.js';
import type { Errors } from '../../views/shared/components.js';
import { STATE_OPTIONS, type ApplicationListQuery } from '../../views/staff/applications.js';

const DAY_MS = 86400 * 1000;
const JST_OFFSET_MS = 9 * 3600 * 1000;

/** The start (00:00 Japan time) of a YYYY-MM-DD date, or null when it is no such date. */
export function japanDayStart(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (y < 2000 || y > 2999 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return new Date(utc - JST_OFFSET_MS);
}

export function listQuery(get: (name: string) => string | undefined): ApplicationListQuery {
  const v = (name: string) => (get(name) ?? '').trim().slice(0, 100);
  return { procedure: v('procedure'), state: v('state'), ref: v('ref'), from: v('from'), to: v('to') };
}

export function parseListQuery(
  q: ApplicationListQuery,
  procedureIds: readonly string[],
): { ok: true; filter: ApplicationFilter } | { ok: false; errors: Errors } {
  const errors: Errors = [];
  const filter: ApplicationFilter = {};
  if (q.procedure !== '') {
    if (procedureIds.includes(q.procedure)) filter.procedureId = q.procedure;
    else errors.push({ field: 'procedure', message: '手続を一覧から選んでください。' });
  }
  if (q.state !== '') {
    const state = STATE_OPTIONS.find((s) => s.value === q.state);
    if (state) filter.state = state.value;
    else errors.push({ field: 'state', message: '状態を一覧から選んでください。' });
  }
  if (q.ref !== '') {
    if (normalizeReferenceNumber(q.ref) !== null) filter.referenceNumber = q.ref;
    else
      errors.push({
        field: 'ref',
        message: '受付番号は、申請の完了画面やメールにある8文字の英数字で入力してください。',
      });
  }
  const from = q.from === '' ? undefined : japanDayStart(q.from);
  const to = q.to === '' ? undefined : japanDayStart(q.to);
  if (from === null)
    errors.push({
      field: 'from',
      message: '申請日（から）は、2026-12-01 のように正しい日付で入力してください。',
    });
  if (to === null)
    errors.push({
      field: 'to',
      message: '申請日（まで）は、2026-12-31 のように正しい日付で入力してください。',
    });
  if (from && to && to < from)
    errors.push({
      field: 'to',
      message: '申請日（まで）は、申請日（から）と同じ日かそれより後の日付にしてください。',
    });
  if (from) filter.submittedFrom = from;
  if (to) filter.submittedBefore = new Date(to.getTime() + DAY_MS);
  return errors.length ? { ok: false, errors } : { ok: true, filter };
}
