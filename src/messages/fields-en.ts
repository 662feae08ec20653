/**
 * The English message of a field error, from its code (domain/fields.ts) and parameters, in plain
 * instruction-style English (GOV.UK pattern). The counterpart of fields-ja.ts, with the same codes.
 * An unknown code gets a generic but still instructive message, never an exception.
 */
import type { FieldMessageParams } from './fields-ja.js';

/** The word before a label used inside a sentence: "your date of birth", "the contact person's name". */
export type Determiner = 'a' | 'an' | 'the' | 'your';

export type FieldMessageParamsEn = FieldMessageParams & {
  /** the determiner of the label inside a sentence: "a"/"an" when omitted, none when null */
  det?: Determiner | null;
};

const EMAIL_SYMBOLS = "! # $ % & ' * + - / = ? ^ _ ` { | } ~ .";

/** The label inside a sentence: "family name (姓)". */
const inline = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

/** The label as a noun phrase: "a family name (姓)", "your date of birth", or the label alone. */
function phrase(p: FieldMessageParamsEn): string {
  const noun = inline(p.label);
  if (p.det === null) return noun;
  return `${p.det ?? (/^[aeiou]/.test(noun) ? 'an' : 'a')} ${noun}`;
}

function dateMessage(code: string, p: FieldMessageParamsEn): string {
  const { label, part } = p;
  switch (code) {
    case 'required':
      // 'required' on the year is also the error for an empty date (all three parts)
      return part === 'month' || part === 'day' ? `${label} must include a ${part}` : `Enter ${phrase(p)}`;
    case 'date_invalid':
      if (part === 'year') return `Enter the year of ${phrase(p)} as 4 digits, like 1985`;
      if (part === 'month') return `Enter the month of ${phrase(p)} as a number from 1 to 12`;
      return `${label} must be a real date`;
    case 'date_future':
      return `${label} must be in the past`;
    case 'date_past':
      return `${label} must be in the future`;
    case 'date_too_old':
      return p.minYear === undefined
        ? `Enter ${phrase(p)} in the correct format`
        : `${label} must be on or after 1 January ${p.minYear}`;
    default:
      return `Enter ${phrase(p)} in the correct format`;
  }
}

/** The message for error `code` on a field labelled `p.label`. */
export function fieldMessageEn(code: string, p: FieldMessageParamsEn): string {
  const { label } = p;
  if (p.part !== undefined) return dateMessage(code, p);
  switch (code) {
    case 'required':
      return p.select ? `Select ${phrase(p)}` : `Enter ${phrase(p)}`;
    case 'too_long':
      return p.max === undefined
        ? `${label} must be shorter`
        : `${label} must be ${p.max} characters or fewer`;
    case 'katakana':
      return `${label} must only include katakana`;
    case 'postal_code':
      return `Enter ${phrase(p)} as 7 digits, like 210-8577`;
    case 'phone':
      return `Enter ${phrase(p)} with the area code, as 10 or 11 digits, like 044-200-2111`;
    case 'prefecture':
      return `Select ${phrase(p)} from the list`;
    case 'choice':
      return `Select one of the options for ${inline(label)}`;
    case 'invalid_chars':
      return `${label} must only include letters a to z, numbers 0 to 9 and the symbols ${EMAIL_SYMBOLS}`;
    case 'consecutive_dots':
      return `${label} must not include 2 or more dots (.) in a row`;
    case 'bad_edge':
      return `${label} must start with a letter or number, and the character just before the @ must be a letter or number`;
    case 'bad_format':
      return `Enter ${phrase({ ...p, det: undefined })} in the correct format, like taro@example.jp`;
    case 'bad_domain':
      return `Enter the part of the ${inline(label)} after the @ (the domain) in the correct format, like example.jp`;
    // online procedures (domain/procedures/fields): numbers, checkboxes, attachments
    case 'number':
      return `${label} must be a number`;
    case 'number_integer':
      return `${label} must be a whole number`;
    case 'number_min':
      return p.min === undefined
        ? `Enter ${phrase(p)} in the correct format`
        : `${label} must be ${p.min} or more`;
    case 'number_max':
      return p.max === undefined
        ? `Enter ${phrase(p)} in the correct format`
        : `${label} must be ${p.max} or less`;
    case 'too_few':
      return `Select at least ${p.min ?? 1} options for ${inline(label)}`;
    case 'too_many':
      return p.max === undefined
        ? `Select fewer options for ${inline(label)}`
        : `Select up to ${p.max} options for ${inline(label)}`;
    case 'file_too_many':
      return p.max === undefined
        ? `Attach fewer files for ${inline(label)}`
        : `Attach up to ${p.max} files for ${inline(label)}`;
    case 'file_kind':
      return `${label} must be a ${(p.kinds ?? ['PDF', 'JPEG', 'PNG']).join(', ')} file`;
    case 'file_too_large':
      return `Each file for ${inline(label)} must be ${p.maxMb ?? 10} MB or smaller`;
    case 'files_too_large':
      return `The attached files must be ${p.maxMb ?? 20} MB or smaller in total`;
    default:
      return p.select ? `Select ${phrase(p)}` : `Enter ${phrase(p)} in the correct format`;
  }
}
