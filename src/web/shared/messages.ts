/** Validation messages in the page's language. */
import type { UserKind } from '../../domain/profile.js';
import { fieldMessageEn, type FieldMessageParamsEn } from '../../messages/fields-en.js';
import { fieldMessageJa } from '../../messages/fields-ja.js';
import type { Lang } from '../../messages/i18n.js';
import { validationMessageEn } from '../../messages/validation-en.js';
import { validationMessage } from '../../messages/validation-ja.js';

/** The message of an error on an account or profile field, by its HTML name. */
export function validationMessageFor(lang: Lang, field: string, code: string, kind?: UserKind): string {
  return lang === 'en' ? validationMessageEn(field, code, kind) : validationMessage(field, code, kind);
}

/** The message of a field error by code (domain/fields.ts), for a form defined as data. */
export function fieldMessageFor(lang: Lang, code: string, params: FieldMessageParamsEn): string {
  return lang === 'en' ? fieldMessageEn(code, params) : fieldMessageJa(code, params);
}
