/**
 * Validation messages in plain, instruction-style English (GOV.UK pattern: say what to do, name the
 * field by its visible label). The English counterpart of validation-ja.ts, with the same coverage:
 * the account and profile fields (labels in field-labels.ts, messages by code in fields-en.ts) and
 * registration's own wording (password, verification code, notices). An unknown pair gets a
 * generic but still instructive message, never an exception.
 *
 * Japanese name fields keep their Japanese label as a parenthesised hint, e.g. "Family name (姓)";
 * nothing else in a message is Japanese.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordErrorCode } from '../domain/password.js';
import type { UserKind } from '../domain/profile.js';
import { BUSINESS_LABELS, LABELS, labelOf, messageParams } from './field-labels.js';
import { fieldMessageEn } from './fields-en.js';

/** Visible labels (individual kind) by field name. The date parts share the group's legend. */
export const FIELD_LABELS_EN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LABELS).map(([field, l]) => [field, l.en]),
);

/** Labels that differ for the business kind. */
export const BUSINESS_LABELS_EN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BUSINESS_LABELS).map(([field, l]) => [field, l.en]),
);

function has(obj: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The visible label of a field for a kind of user (the individual label when kind is omitted). */
export function fieldLabelEn(kind: UserKind | undefined, field: string): string {
  return labelOf(kind, field)?.en ?? field;
}

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

const NOTIFY_CHOICE = 'Select whether you want to receive notices and notification emails';

/**
 * The message for an error `code` on `field`, naming the field by its label for `kind`
 * (individual when omitted).
 */
export function validationMessageEn(field: string, code: string, kind?: UserKind): string {
  if (field === 'password' && has(PASSWORD_MESSAGES, code))
    return PASSWORD_MESSAGES[code as PasswordErrorCode];
  if ((field === 'passwordConfirm' || field === 'confirm') && has(CONFIRM_MESSAGES, code)) {
    return CONFIRM_MESSAGES[code] ?? '';
  }
  if (field === 'code' && has(CODE_MESSAGES, code)) return CODE_MESSAGES[code] ?? '';
  const { label, ...rest } = messageParams(kind, field);
  const params = { ...rest, label: label?.en ?? field, det: label ? label.det : null };
  const message = fieldMessageEn(code, params);
  // お知らせ・通知メール is a yes/no question: its 'required' and its fallback (an unknown code,
  // which gives the same message as the empty code) ask it
  if (field === 'notify' && (code === 'required' || message === fieldMessageEn('', params)))
    return NOTIFY_CHOICE;
  return message;
}
