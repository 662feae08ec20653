/** tel: a Japanese phone number (fields.ts phone: code 'phone'); the value is its digits. */
import { phone } from '../../fields.js';
import { single, parseWith } from './single.js';
import type { FieldTypeModule } from './types.js';

const rules = phone();

export const telField: FieldTypeModule<'tel'> = {
  inputs: single.inputs,
  read: single.readWith(rules.normalize),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => parseWith(rules, field.id, answer),
  summary: (_field, answer) => answer,
};
