/**
 * Validation messages in plain, instruction-style Japanese (the GOV.UK / Digital Agency pattern:
 * say what to do, name the field by its visible label), by HTML field name: the account and
 * profile fields (labels in field-labels.ts, messages by code in fields-ja.ts), plus what is
 * registration's own wording (password, 認証コード, お知らせ・通知メール).
 * An unknown pair gets a generic but still instructive message, never an exception.
 */
import type { PasswordErrorCode } from '../domain/password.js';
import type { UserKind } from '../domain/profile.js';
import { jaLabel, LABELS, messageParams } from './field-labels.js';
import { fieldMessageJa } from './fields-ja.js';

/** Visible labels (individual kind) by field name. The date parts share the group's legend. */
export const FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LABELS).map(([field, l]) => [field, l.label]),
);

/** The visible label of a field for a kind of user (the individual label when kind is omitted). */
export function fieldLabel(kind: UserKind | undefined, field: string): string {
  return jaLabel(kind, field);
}

const PASSWORD_MESSAGES: Record<PasswordErrorCode, string> = {
  required: 'パスワードを入力してください',
  full_width: 'パスワードは半角で入力してください',
  invalid_chars: 'パスワードに空白や制御文字は使用できません。半角の英字、数字、記号で入力してください',
  too_short: 'パスワードは8文字以上で入力してください',
  too_long: 'パスワードは128文字以内で入力してください',
  too_few_kinds:
    'パスワードは、英字（大文字）、英字（小文字）、数字、記号のうち2種類以上を組み合わせてください',
  same_as_email: 'パスワードにメールアドレスと同じ文字列は使用できません。別のパスワードを入力してください',
  contains_service_name:
    'パスワードにサービス名や市の名前（kawasaki、madoguchi など）を含めることはできません。別のパスワードを入力してください',
  common:
    'このパスワードはよく使われていて推測されやすいため使用できません。別のパスワードを入力してください',
  confirm_required: 'パスワード（確認用）を入力してください',
  confirm_mismatch: 'パスワード（確認用）がパスワードと一致しません。同じパスワードを入力してください',
};

const CONFIRM_MESSAGES: Record<string, string> = {
  required: PASSWORD_MESSAGES.confirm_required,
  confirm_required: PASSWORD_MESSAGES.confirm_required,
  confirm_mismatch: PASSWORD_MESSAGES.confirm_mismatch,
};

const CODE_MESSAGES: Record<string, string> = {
  required: '認証コードを入力してください',
  format: '認証コードは6桁の数字で入力してください',
};

function has(obj: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * The message for an error `code` on `field`, naming the field by its label for `kind`
 * (individual when omitted).
 */
export function validationMessage(field: string, code: string, kind?: UserKind): string {
  if (field === 'password' && has(PASSWORD_MESSAGES, code))
    return PASSWORD_MESSAGES[code as PasswordErrorCode];
  if ((field === 'passwordConfirm' || field === 'confirm') && has(CONFIRM_MESSAGES, code)) {
    return CONFIRM_MESSAGES[code] ?? '';
  }
  if (field === 'code' && has(CODE_MESSAGES, code)) return CODE_MESSAGES[code] ?? '';
  if (field === 'notify' && code === 'required')
    return 'お知らせ・通知メールを希望するかどうかを選択してください';

  const { label, ...params } = messageParams(kind, field);
  return fieldMessageJa(code, { ...params, label: label?.label ?? field });
}
