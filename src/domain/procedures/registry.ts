/**
 * The field types, each registered once with its module (fields/<type>.ts). The mapped type makes
 * a type of definition.ts without its module a compile error, and `moduleOf` is the one place
 * where a field and its module are matched.
 */
import type { FieldDefinition, FieldType } from './definition.js';
import { addressField } from './fields/address.js';
import { checkboxField } from './fields/checkbox.js';
import { dateField } from './fields/date.js';
import { emailField } from './fields/email.js';
import { fileField } from './fields/file.js';
import { nameField } from './fields/name.js';
import { numberField } from './fields/number.js';
import { radioField } from './fields/radio.js';
import { selectField } from './fields/select.js';
import { telField } from './fields/tel.js';
import { textField } from './fields/text.js';
import { textareaField } from './fields/textarea.js';
import type { Answer, FieldTypeModule, FormInput, ParseResult, ValidationContext } from './fields/types.js';

export const FIELD_TYPES: { readonly [T in FieldType]: FieldTypeModule<T> } = {
  text: textField,
  textarea: textareaField,
  number: numberField,
  email: emailField,
  tel: telField,
  date: dateField,
  radio: radioField,
  checkbox: checkboxField,
  select: selectField,
  name: nameField,
  address: addressField,
  file: fileField,
};

/** A field's module, with the field and answer types widened (each module checks its own shapes). */
export type AnyFieldModule = {
  inputs(field: FieldDefinition): string[];
  read(field: FieldDefinition, form: FormInput): Answer;
  coerce(stored: unknown): Answer;
  isEmpty(answer: Answer): boolean;
  parse(field: FieldDefinition, answer: Answer, ctx: ValidationContext): ParseResult<unknown>;
  summary(field: FieldDefinition, answer: Answer, lang: 'ja' | 'en'): string;
};

/**
 * The module of a field. TypeScript cannot correlate `FIELD_TYPES[field.type]` with `field`, so the
 * module is widened here: sound because the module is looked up by the field's own type and every
 * answer passed to it goes through that module's `coerce` first (see `answerOf`).
 */
export function moduleOf(field: FieldDefinition): AnyFieldModule {
  return FIELD_TYPES[field.type] as unknown as AnyFieldModule;
}

/** A field's answer from stored answers, of the field's shape (empty when missing or malformed). */
export function answerOf(field: FieldDefinition, answers: Readonly<Record<string, unknown>>): Answer {
  const stored = Object.prototype.hasOwnProperty.call(answers, field.id) ? answers[field.id] : undefined;
  return moduleOf(field).coerce(stored);
}
