/** Validation messages in the page's language. */
import type { UserKind } from '../../domain/profile.js';
import type { Lang } from '../../messages/i18n.js';
import { validationMessageEn } from '../../messages/validation-en.js';
import { validationMessage } from '../../messages/validation-ja.js';

export function validationMessageFor(lang: Lang, field: string, code: string, kind?: UserKind): string {
  return lang === 'en' ? validationMessageEn(field, code, kind) : validationMessage(field, code, kind);
}
