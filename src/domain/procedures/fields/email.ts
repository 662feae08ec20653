/** email: an email address (the rules and codes of domain/email.ts through fields.ts email). */
import { email } from '../../fields.js';
import { single, parseWith } from './single.js';
import type { FieldTypeModule } from './types.js';

const rules = email();

export const emailField: FieldTypeModule<'email'> = {
  inputs: single.inputs,
  read: single.readWith(rules.normalize),
  coerce: single.coerce,
  isEmpty: single.isEmpty,
  parse: (field, answer) => parseWith(rules, field.id, answer),
  summary: (_field, answer) => answer,
};
