/**
 * checkbox: several options ticked (one input name, several values). Codes: required (select),
 * choice (a value not among the options), too_few {min}, too_many {max}. The value lists the ticked
 * options in the definition's order.
 */
import type { FieldTypeModule, Issue } from './types.js';
import { isString } from './types.js';
import { optionLabel } from './choice.js';

export const checkboxField: FieldTypeModule<'checkbox'> = {
  inputs: (field) => [field.id],
  read: (field, form) => {
    const v = Object.prototype.hasOwnProperty.call(form, field.id) ? form[field.id] : undefined;
    const sent: unknown[] = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
    return [...new Set(sent.filter(isString).map((s) => s.trim()))].filter((s) => s !== '');
  },
  coerce: (stored) => (Array.isArray(stored) ? stored.filter(isString) : []),
  isEmpty: (answer) => answer.length === 0,
  parse: (field, answer) => {
    const fail = (code: string, params: Issue['params'] = {}) => ({
      ok: false as const,
      issues: [{ input: field.id, code, params: { ...params, select: true } }],
    });
    if (answer.length === 0) return fail('required');
    const values = field.options.map((o) => o.value);
    if (answer.some((a) => !values.includes(a))) return fail('choice');
    const min = field.minSelected ?? 1;
    if (answer.length < min) return fail('too_few', { min });
    if (field.maxSelected !== undefined && answer.length > field.maxSelected) {
      return fail('too_many', { max: field.maxSelected });
    }
    return { ok: true, value: values.filter((v) => answer.includes(v)) };
  },
  summary: (field, answer, lang) =>
    field.options
      .filter((o) => answer.includes(o.value))
      .map((o) => optionLabel(field.options, o.value, lang))
      .join(lang === 'ja' ? '、' : ', '),
};
