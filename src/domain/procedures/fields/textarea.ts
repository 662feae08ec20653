/**
 * textarea: several lines of free text, at most `maxLength` code points. Each line is normalised like
 * a name (widths, spaces) but line breaks are kept; more than one empty line in a row becomes one.
 */
import { text } from '../../fields.js';
import { normalizeName } from '../../normalize.js';
import { single, parseWith } from './single.js';
import type { FieldTypeModule } from './types.js';

export function normalizeMultiline(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeName)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const textareaField: FieldTypeModule<'textarea'> = {
  inputs: single.inputs,
  read: single.readWith(normalizeMultiline),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => parseWith(text({ max: field.maxLength }), field.id, answer),
  summary: (_field, answer) => answer,
};
