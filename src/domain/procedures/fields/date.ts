/**
 * date: three inputs 年/月/日 (`<id>-year`, `-month`, `-day`), the rules and codes of fields.ts
 * parseDate (one error for the group, on the part that is wrong), and `when`:
 *   past    before today ('date_future' otherwise), e.g. a birth date
 *   future  after today ('date_past' otherwise, on the year), e.g. a collection day
 * The value is an ISO YYYY-MM-DD.
 */
import { normalizeDatePart, parseDate, type SimpleDate } from '../../fields.js';
import type { FieldTypeModule } from './types.js';
import { coerceParts, formString, inputName } from './types.js';

const PARTS = ['year', 'month', 'day'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const iso = (d: SimpleDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export const dateField: FieldTypeModule<'date'> = {
  inputs: (field) => PARTS.map((p) => inputName(field.id, p)),
  read: (field, form) => {
    const [year, month, day] = PARTS.map((p) => normalizeDatePart(formString(form, inputName(field.id, p))));
    return { year: year ?? '', month: month ?? '', day: day ?? '' };
  },
  coerce: (stored) => coerceParts(stored, PARTS),
  isEmpty: (a) => a.year === '' && a.month === '' && a.day === '',
  parse: (field, a, { today }) => {
    const r = parseDate(a.year, a.month, a.day, {
      minYear: field.minYear,
      ...(field.when === 'past' ? { before: today } : {}),
    });
    if (!r.ok) {
      const { code, ...params } = r.issue;
      return {
        ok: false,
        issues: [{ input: inputName(field.id, r.part), code, params: { ...params, part: r.part } }],
      };
    }
    if (field.when === 'future' && r.value <= iso(today)) {
      return {
        ok: false,
        issues: [{ input: inputName(field.id, 'year'), code: 'date_past', params: { part: 'year' } }],
      };
    }
    return { ok: true, value: r.value };
  },
  summary: (_field, a, lang) => {
    if (a.year === '') return '';
    const [y, m, d] = [Number(a.year), Number(a.month), Number(a.day)];
    return lang === 'ja' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1] ?? m} ${y}`;
  },
};
