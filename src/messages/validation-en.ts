/**
 * Validation messages in plain, instruction-style English (GOV.UK pattern: say what to do, name the
 * field by its visible label). The English counterpart of validation-ja.ts, with the same coverage:
 * one message per field × code produced by the domain layer (profile.ts, email.ts, password.ts) and
 * the verification code field. An unknown pair gets a generic but still instructive message, never
 * an exception.
 *
 * Japanese name fields keep their Japanese label as a parenthesised hint, e.g. "Family name (姓)";
 * nothing else in a message is Japanese.
 */
import { EMAIL_MAX_LENGTH, type EmailErrorCode } from '../domain/email.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordErrorCode } from '../domain/password.js';
import { FIELD_MAX_LENGTH, MIN_BIRTH_YEAR, type UserKind } from '../domain/profile.js';

/** Visible labels (individual kind). The date parts share the group's legend. */
export const FIELD_LABELS_EN: Record<string, string> = {
  email: 'Email address',
  code: 'Verification code',
  password: 'Password',
  passwordConfirm: 'Password (confirmation)',
  confirm: 'Password (confirmation)',
  familyName: 'Family name (姓)',
  givenName: 'Given name (名)',
  familyNameKana: 'Family name in katakana (セイ)',
  givenNameKana: 'Given name in katakana (メイ)',
  orgName: 'Company or business name',
  orgNameKana: 'Company or business name in katakana',
  postalCode: 'Postal code',
  prefecture: 'Prefecture',
  cityAddress: 'City, ward and street address',
  building: 'Building name, room number',
  phone: 'Phone number',
  representativeName: "Representative's name",
  department: 'Department',
  contactName: "Contact person's name",
  birthYear: 'Date of birth',
  birthMonth: 'Date of birth',
  birthDay: 'Date of birth',
  gender: 'Gender',
  notify: 'Notices and notification e-mails',
};

/** Labels that differ for the business kind. */
export const BUSINESS_LABELS_EN: Record<string, string> = {
  phone: 'Contact phone number',
  birthYear: "Contact person's date of birth",
  birthMonth: "Contact person's date of birth",
  birthDay: "Contact person's date of birth",
};

function has(obj: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The visible label of a field for a kind of user (the individual label when kind is omitted). */
export function fieldLabelEn(kind: UserKind | undefined, field: string): string {
  if (kind === 'business' && has(BUSINESS_LABELS_EN, field)) return BUSINESS_LABELS_EN[field] ?? field;
  return has(FIELD_LABELS_EN, field) ? (FIELD_LABELS_EN[field] ?? field) : field;
}

/** Determiners that are not "a"/"an" (business overrides in BUSINESS_DETERMINERS). */
const DETERMINERS: Record<string, string> = {
  email: 'your',
  code: 'the',
  password: 'your',
  passwordConfirm: 'your',
  confirm: 'your',
  representativeName: 'the',
  contactName: 'the',
  birthYear: 'your',
  birthMonth: 'your',
  birthDay: 'your',
  gender: 'your',
};
const BUSINESS_DETERMINERS: Record<string, string> = { birthYear: 'the', birthMonth: 'the', birthDay: 'the' };

/** The label inside a sentence, without a determiner: "family name (姓)". Unknown fields as they are. */
function inlineLabel(kind: UserKind | undefined, field: string): string {
  const label = fieldLabelEn(kind, field);
  return has(FIELD_LABELS_EN, field) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * The label as a noun phrase inside a sentence: "a family name (姓)", "your date of birth",
 * "the contact person's date of birth". An unknown field is used as it is.
 */
function phrase(kind: UserKind | undefined, field: string): string {
  const noun = inlineLabel(kind, field);
  if (!has(FIELD_LABELS_EN, field)) return noun;
  const det =
    kind === 'business' && has(BUSINESS_DETERMINERS, field)
      ? BUSINESS_DETERMINERS[field]
      : has(DETERMINERS, field)
        ? DETERMINERS[field]
        : /^[aeiou]/.test(noun)
          ? 'an'
          : 'a';
  return `${det ?? 'a'} ${noun}`;
}

const EMAIL_SYMBOLS = "! # $ % & ' * + - / = ? ^ _ ` { | } ~ .";

const EMAIL_MESSAGES: Record<EmailErrorCode, string> = {
  required: 'Enter your email address',
  invalid_chars: `Email address must only include letters a to z, numbers 0 to 9 and the symbols ${EMAIL_SYMBOLS}`,
  consecutive_dots: 'Email address must not include 2 or more dots (.) in a row',
  bad_edge:
    'Email address must start with a letter or number, and the character just before the @ must be a letter or number',
  too_long: `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`,
  bad_format: 'Enter an email address in the correct format, like taro@example.jp',
  bad_domain:
    'Enter the part of the email address after the @ (the domain) in the correct format, like example.jp',
};

const PASSWORD_MESSAGES: Record<PasswordErrorCode, string> = {
  required: 'Enter a password',
  full_width: 'Password must only include half-width characters',
  invalid_chars:
    'Password must not include spaces or control characters. Use only half-width letters, numbers and symbols',
  too_short: `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
  too_long: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  too_few_kinds:
    'Password must include at least 2 of the following: capital letters, lower case letters, numbers and symbols',
  same_as_email: 'Password must not be the same as your email address. Enter a different password',
  contains_service_name:
    "Password must not include the service name or the city's name (such as kawasaki or madoguchi). Enter a different password",
  common: 'This password is commonly used and easy to guess. Enter a different password',
  confirm_required: 'Enter your password again in Password (confirmation)',
  confirm_mismatch: 'Password (confirmation) does not match the password. Enter the same password again',
};

const CONFIRM_MESSAGES: Record<string, string> = {
  required: PASSWORD_MESSAGES.confirm_required,
  confirm_required: PASSWORD_MESSAGES.confirm_required,
  confirm_mismatch: PASSWORD_MESSAGES.confirm_mismatch,
};

const CODE_MESSAGES: Record<string, string> = {
  required: 'Enter the verification code',
  format: 'Verification code must be 6 digits',
};

const SELECT_FIELDS = new Set(['prefecture', 'gender', 'notify']);
const DATE_PART_NAMES: Record<string, string> = { birthYear: 'year', birthMonth: 'month', birthDay: 'day' };
const NOTIFY_CHOICE = 'Select whether you want to receive notices and notification e-mails';

function dateMessage(kind: UserKind | undefined, field: string, code: string): string {
  const label = fieldLabelEn(kind, field);
  const noun = phrase(kind, field);
  const part = DATE_PART_NAMES[field] ?? '';
  switch (code) {
    case 'required':
      // birthYear 'required' is also the error for an empty date (all three parts)
      return field === 'birthYear' ? `Enter ${noun}` : `${label} must include a ${part}`;
    case 'date_invalid':
      if (field === 'birthYear') return `Enter the year of ${noun} as 4 digits, like 1985`;
      if (field === 'birthMonth') return `Enter the month of ${noun} as a number from 1 to 12`;
      return `${label} must be a real date`;
    case 'date_future':
      return `${label} must be in the past`;
    case 'date_too_old':
      return `${label} must be on or after 1 January ${MIN_BIRTH_YEAR}`;
    default:
      return `Enter ${noun} in the correct format`;
  }
}

/**
 * The message for an error `code` on `field`, naming the field by its label for `kind`
 * (individual when omitted).
 */
export function validationMessageEn(field: string, code: string, kind?: UserKind): string {
  if (field === 'email' && has(EMAIL_MESSAGES, code)) return EMAIL_MESSAGES[code as EmailErrorCode];
  if (field === 'password' && has(PASSWORD_MESSAGES, code))
    return PASSWORD_MESSAGES[code as PasswordErrorCode];
  if ((field === 'passwordConfirm' || field === 'confirm') && has(CONFIRM_MESSAGES, code)) {
    return CONFIRM_MESSAGES[code] ?? '';
  }
  if (field === 'code' && has(CODE_MESSAGES, code)) return CODE_MESSAGES[code] ?? '';

  if (has(DATE_PART_NAMES, field)) return dateMessage(kind, field, code);

  const label = fieldLabelEn(kind, field);
  const noun = phrase(kind, field);
  switch (code) {
    case 'required':
      if (field === 'notify') return NOTIFY_CHOICE;
      return SELECT_FIELDS.has(field) ? `Select ${noun}` : `Enter ${noun}`;
    case 'too_long': {
      const max = FIELD_MAX_LENGTH[field];
      return max === undefined ? `${label} must be shorter` : `${label} must be ${max} characters or fewer`;
    }
    case 'katakana':
      return `${label} must only include katakana`;
    case 'postal_code':
      return `Enter ${noun} as 7 digits, like 210-8577`;
    case 'phone':
      return `Enter ${noun} with the area code, as 10 or 11 digits, like 044-200-2111`;
    case 'prefecture':
      return `Select ${noun} from the list`;
    case 'choice':
      return `Select one of the options for ${inlineLabel(kind, field)}`;
    default:
      if (field === 'notify') return NOTIFY_CHOICE;
      return SELECT_FIELDS.has(field) ? `Select ${noun}` : `Enter ${noun} in the correct format`;
  }
}
