/** What the field types of one text input share: the input is named after the field. */
import type { Field, FieldResult } from '../../fields.js';
import type { Issue, ParseResult } from './types.js';
import { formString, isString, type FormInput } from './types.js';

export const single = {
  inputs: (field: { id: string }): string[] => [field.id],
  readWith:
    (normalize: (raw: string) => string) =>
    (field: { id: string }, form: FormInput): string =>
      normalize(formString(form, field.id)),
  coerce: (stored: unknown): string => (isString(stored) ? stored : ''),
  isEmpty: (answer: string): boolean => answer === '',
};

/** An issue of fields.ts on a field's one input. */
export function issueOn(
  input: string,
  r: Extract<FieldResult<unknown>, { ok: false }>,
  select = false,
): Issue {
  const { code, ...params } = r.issue;
  return { input, code, params: select ? { ...params, select } : params };
}

/** A fields.ts field parsed on the field's one input. */
export function parseWith<T>(field: Field<T>, input: string, answer: string, select = false): ParseResult<T> {
  const r = field.parse(answer);
  return r.ok ? r : { ok: false, issues: [issueOn(input, r, select)] };
}
