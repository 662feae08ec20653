/** text: one line of free text, at most `maxLength` code points (fields.ts text). */
import { text } from '../../fields.js';
import { single, parseWith } from './single.js';
import type { FieldTypeModule } from './types.js';

export const textField: FieldTypeModule<'text'> = {
  inputs: single.inputs,
  read: single.readWith(text({ max: 1 }).normalize),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => parseWith(text({ max: field.maxLength }), field.id, answer),
  summary: (_field, answer) => answer,
};
