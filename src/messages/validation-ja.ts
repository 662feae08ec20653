/**
 * Validation messages in plain, instruction-style Japanese (the GOV.UK / Digital Agency pattern:
 * say what to do, name the field by its visible label). One message per field × code produced by
 * the domain layer (profile.ts, email.ts, password.ts) and the 認証コード field.
 * An unknown pair gets a generic but still instructive message, never an exception.
 */
import type { EmailErrorCode } from '../domain/email.js';
import type { PasswordErrorCode } from '../domain/password.js';
import { FIELD_MAX_LENGTH, MIN_BIRTH_YEAR, type UserKind } from '../domain/profile.js';

/** Visible labels (individual kind). The date parts share the group's legend. */
export const FIELD_LABELS: Record<string, string> = {
  email: 'メールアドレス',
  code: '認証コード',
  password: 'パスワード',
  passwordConfirm: 'パスワード（確認用）',
  confirm: 'パスワード（確認用）',
  familyName: '姓',
  givenName: '名',
  familyNameKana: 'セイ',
  givenNameKana: 'メイ',
  orgName: '法人名/事業者名',
  orgNameKana: '法人名/事業者名（フリガナ）',
  postalCode: '郵便番号',
  prefecture: '都道府県',
  cityAddress: '市区町村・番地',
  building: '建物名など',
  phone: '電話番号',
  representativeName: '代表者名',
  department: '担当部署',
  contactName: '担当者名',
  birthYear: '生年月日',
  birthMonth: '生年月日',
  birthDay: '生年月日',
  gender: '性別',
  notify: 'お知らせ・通知メール',
};

/** Labels that differ for the business kind. */
const BUSINESS_LABELS: Record<string, string> = {
  phone: '連絡先電話番号',
  birthYear: '担当者生年月日',
  birthMonth: '担当者生年月日',
  birthDay: '担当者生年月日',
};

/** The visible label of a field for a kind of user (the individual label when kind is omitted). */
export function fieldLabel(kind: UserKind | undefined, field: string): string {
  if (kind === 'business' && Object.prototype.hasOwnProperty.call(BUSINESS_LABELS, field)) {
    return BUSINESS_LABELS[field] ?? field;
  }
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? (FIELD_LABELS[field] ?? field) : field;
}

const EMAIL_SYMBOLS = "! # $ % & ' * + - / = ? ^ _ ` { | } ~ .";

const EMAIL_MESSAGES: Record<EmailErrorCode, string> = {
  required: 'メールアドレスを入力してください',
  invalid_chars: `メールアドレスに使用できない文字が含まれています。半角英数字と記号 ${EMAIL_SYMBOLS} のみ使用できます`,
  consecutive_dots: 'メールアドレスに「.」を2文字以上続けて使用することはできません',
  bad_edge: 'メールアドレスの最初の文字と「@」の直前の文字は、半角英数字にしてください',
  too_long: 'メールアドレスは255文字以内で入力してください',
  bad_format: 'メールアドレスは「taro@example.jp」のような形式で入力してください',
  bad_domain: 'メールアドレスの「@」より後ろ（ドメイン）を「example.jp」のような形式で入力してください',
};

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

const SELECT_FIELDS = new Set(['prefecture', 'gender', 'notify']);
const DATE_PART_NAMES: Record<string, string> = { birthYear: '年', birthMonth: '月', birthDay: '日' };

function has(obj: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function dateMessage(field: string, code: string, label: string): string {
  const part = DATE_PART_NAMES[field] ?? '';
  switch (code) {
    case 'required':
      // birthYear 'required' is also the error for an empty date (all three parts)
      return field === 'birthYear' ? `${label}を入力してください` : `${label}の${part}を入力してください`;
    case 'date_invalid':
      if (field === 'birthYear') return `${label}の年は西暦4桁の数字で入力してください（例：1985）`;
      if (field === 'birthMonth') return `${label}の月は1から12までの数字で入力してください`;
      return `${label}は実在する日付を入力してください`;
    case 'date_future':
      return `${label}は今日より前の日付を入力してください`;
    case 'date_too_old':
      return `${label}は${MIN_BIRTH_YEAR}年以降の日付を入力してください`;
    default:
      return `${label}を正しく入力してください`;
  }
}

/**
 * The message for an error `code` on `field`, naming the field by its label for `kind`
 * (individual when omitted).
 */
export function validationMessage(field: string, code: string, kind?: UserKind): string {
  if (field === 'email' && has(EMAIL_MESSAGES, code)) return EMAIL_MESSAGES[code as EmailErrorCode];
  if (field === 'password' && has(PASSWORD_MESSAGES, code))
    return PASSWORD_MESSAGES[code as PasswordErrorCode];
  if ((field === 'passwordConfirm' || field === 'confirm') && has(CONFIRM_MESSAGES, code)) {
    return CONFIRM_MESSAGES[code] ?? '';
  }
  if (field === 'code' && has(CODE_MESSAGES, code)) return CODE_MESSAGES[code] ?? '';

  const label = fieldLabel(kind, field);
  if (has(DATE_PART_NAMES, field)) return dateMessage(field, code, label);

  switch (code) {
    case 'required':
      if (field === 'notify') return 'お知らせ・通知メールを希望するかどうかを選択してください';
      return SELECT_FIELDS.has(field) ? `${label}を選択してください` : `${label}を入力してください`;
    case 'too_long': {
      const max = FIELD_MAX_LENGTH[field];
      return max === undefined ? `${label}を短くしてください` : `${label}は${max}文字以内で入力してください`;
    }
    case 'katakana':
      return `${label}はカタカナで入力してください`;
    case 'postal_code':
      return `${label}は7桁の数字で入力してください（例：210-8577）`;
    case 'phone':
      return `${label}は市外局番から、10桁または11桁の数字で入力してください（例：044-200-2111）`;
    case 'prefecture':
      return `${label}は一覧から選択してください`;
    case 'choice':
      return `${label}は選択肢の中から選択してください`;
    default:
      return SELECT_FIELDS.has(field) ? `${label}を選択してください` : `${label}を正しく入力してください`;
  }
}
