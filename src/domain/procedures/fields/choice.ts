/** What radio and select share: one value among the options (fields.ts choice: 'choice'). */
import { choice } from '../../fields.js';
import type { FieldOption, Lang } from '../definition.js';
import { single, parseWith } from './single.js';
import type { ParseResult } from './types.js';

export const optionLabel = (options: readonly FieldOption[], value: string, lang: Lang): string =>
  options.find((o) => o.value === value)?.label[lang] ?? value;

export const oneOf = {
  ...single,
  read: single.readWith(choice([]).normalize),
  parse: (field: { id: string; options: readonly FieldOption[] }, answer: string): ParseResult<string> =>
    parseWith(choice(field.options.map((o) => o.value)), field.id, answer, true),
  summary: (field: { options: readonly FieldOption[] }, answer: string, lang: Lang): string =>
    answer === '' ? '' : optionLabel(field.options, answer, lang),
};
