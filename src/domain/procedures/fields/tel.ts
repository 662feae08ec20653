/** tel: a Japanese phone number (fields.ts phone: code 'phone'); the value is its digits, shown hyphenated. */
import { phone } from '../../fields.js';
import { formatPhone } from '../../phone-format.js';
import { single, parseWith } from './single.js';
import type { FieldTypeModule } from './types.js';

const rules = phone();

export const telField: FieldTypeModule<'tel'> = {
  inputs: single.inputs,
  read: single.readWith(rules.normalize),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => parseWith(rules, field.id, answer),
  // shown as people write it (044-200-2111), as on マイページ; stored as digits
  summary: (_field, answer) => formatPhone(answer),
};
