/**
 * number: a number typed in one input (full-width digits and thousands separators accepted).
 * Codes, in the order checked: required, number (not a number), number_integer (a fraction where
 * whole numbers are asked), number_min {min}, number_max {max}.
 */
import { toHalfWidthAscii } from '../../normalize.js';
import { single } from './single.js';
import type { FieldTypeModule, Issue } from './types.js';

const normalizeNumber = (raw: string): string => toHalfWidthAscii(raw).replace(/[,\s]/g, '');

export const numberField: FieldTypeModule<'number'> = {
  inputs: single.inputs,
  read: single.readWith(normalizeNumber),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => {
    const fail = (code: string, params: Issue['params'] = {}) => ({
      ok: false as const,
      issues: [{ input: field.id, code, params }],
    });
    if (answer === '') return fail('required');
    if (!/^-?[0-9]+(\.[0-9]+)?$/.test(answer)) return fail('number');
    const n = Number(answer);
    if (field.integer && !Number.isInteger(n)) return fail('number_integer');
    if (field.min !== undefined && n < field.min) return fail('number_min', { min: field.min });
    if (field.max !== undefined && n > field.max) return fail('number_max', { max: field.max });
    return { ok: true, value: n };
  },
  summary: (field, answer, lang) => (field.unit && answer !== '' ? `${answer} ${field.unit[lang]}` : answer),
};
