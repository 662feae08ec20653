/**
 * The visible labels of the account and profile fields, each written once: its Japanese label
 * (the spec's, verbatim; also the key of the English catalogue, which takes its entries from here)
 * and its English. Used by the profile form and its confirmation table, the validation messages
 * and the staff user screen.
 *
 * `det` is the English determiner when the label is used inside a sentence ("Enter your date of
 * birth", "Enter the contact person's name"); without it, "a" or "an".
 */
import { EMAIL_MAX_LENGTH } from '../domain/email.js';
import { FIELD_MAX_LENGTH, MIN_BIRTH_YEAR, type UserKind } from '../domain/profile.js';
import type { Determiner } from './fields-en.js';

export type Label = { label: string; en: string; det?: Determiner };

const EMAIL: Label = { label: 'メールアドレス', en: 'Email address', det: 'your' };
const PASSWORD_CONFIRM: Label = { label: 'パスワード（確認用）', en: 'Password (confirmation)', det: 'your' };
const BIRTH_DATE: Label = { label: '生年月日', en: 'Date of birth', det: 'your' };
const CONTACT_BIRTH_DATE: Label = {
  label: '担当者生年月日',
  en: "Contact person's date of birth",
  det: 'the',
};

/** Labels by HTML field name (individual kind). The date parts share the group's legend. */
export const LABELS: Readonly<Record<string, Label>> = {
  email: EMAIL,
  code: { label: '認証コード', en: 'Verification code', det: 'the' },
  password: { label: 'パスワード', en: 'Password', det: 'your' },
  passwordConfirm: PASSWORD_CONFIRM,
  confirm: PASSWORD_CONFIRM,
  familyName: { label: '姓', en: 'Family name (姓)' },
  givenName: { label: '名', en: 'Given name (名)' },
  familyNameKana: { label: 'セイ', en: 'Family name in katakana (セイ)' },
  givenNameKana: { label: 'メイ', en: 'Given name in katakana (メイ)' },
  orgName: { label: '法人名/事業者名', en: 'Company or business name' },
  orgNameKana: { label: '法人名/事業者名（フリガナ）', en: 'Company or business name in katakana' },
  postalCode: { label: '郵便番号', en: 'Postal code' },
  prefecture: { label: '都道府県', en: 'Prefecture' },
  cityAddress: { label: '市区町村・番地', en: 'City, ward and street address' },
  building: { label: '建物名など', en: 'Building name, room number' },
  phone: { label: '電話番号', en: 'Phone number' },
  representativeName: { label: '代表者名', en: "Representative's name", det: 'the' },
  department: { label: '担当部署', en: 'Department' },
  contactName: { label: '担当者名', en: "Contact person's name", det: 'the' },
  birthYear: BIRTH_DATE,
  birthMonth: BIRTH_DATE,
  birthDay: BIRTH_DATE,
  gender: { label: '性別', en: 'Gender', det: 'your' },
  notify: { label: 'お知らせ・通知メール', en: 'Notices and notification emails' },
};

/** Labels that differ for the business kind. */
export const BUSINESS_LABELS: Readonly<Record<string, Label>> = {
  phone: { label: '連絡先電話番号', en: 'Contact phone number' },
  birthYear: CONTACT_BIRTH_DATE,
  birthMonth: CONTACT_BIRTH_DATE,
  birthDay: CONTACT_BIRTH_DATE,
};

/** The legends of the profile form's groups, also the rows of its confirmation table. */
export const GROUP_LABELS = {
  name: { label: '氏名', en: 'Name' },
  nameKana: { label: '氏名（フリガナ）', en: 'Name in katakana (フリガナ)' },
  address: { label: '住所', en: 'Address' },
} as const satisfies Record<string, Label>;

/** The options of 性別 and お知らせ・通知メール, by value. */
export const OPTION_LABELS = {
  gender: {
    male: { label: '男性', en: 'Male' },
    female: { label: '女性', en: 'Female' },
    unanswered: { label: '回答しない', en: 'Prefer not to say' },
  },
  notify: {
    yes: { label: '希望する', en: 'Yes, send them' },
    no: { label: '希望しない', en: 'No, thank you' },
  },
} as const satisfies Record<string, Record<string, Label>>;

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** The label of a field for a kind of user (individual when omitted); undefined for an unknown field. */
export function labelOf(kind: UserKind | undefined, field: string): Label | undefined {
  if (kind === 'business' && has(BUSINESS_LABELS, field)) return BUSINESS_LABELS[field];
  return has(LABELS, field) ? LABELS[field] : undefined;
}

/** The Japanese label of a field for a kind of user; an unknown field is its own label. */
export function jaLabel(kind: UserKind | undefined, field: string): string {
  return labelOf(kind, field)?.label ?? field;
}

/** The Japanese labels of `fields`, in that order (for a table of a stored profile). */
export function jaLabels(fields: readonly string[], kind?: UserKind): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, jaLabel(kind, f)]));
}

/** Every label above as an entry of the English catalogue (Japanese → English). */
export function englishEntries(): Record<string, string> {
  const all: Label[] = [
    ...Object.values(LABELS),
    ...Object.values(BUSINESS_LABELS),
    ...Object.values(GROUP_LABELS),
    ...Object.values(OPTION_LABELS).flatMap((o) => Object.values<Label>(o)),
  ];
  return Object.fromEntries(all.map((l) => [l.label, l.en]));
}

/** The fields whose value is picked (select, radio) rather than typed. */
const PICKED = new Set(['prefecture', 'gender', 'notify']);
const DATE_PARTS: Record<string, 'year' | 'month' | 'day'> = {
  birthYear: 'year',
  birthMonth: 'month',
  birthDay: 'day',
};

/**
 * What the message of an error on `field` needs besides its code (fields-ja.ts / fields-en.ts):
 * the label (undefined for an unknown field), whether it is picked, its date part, its maximum
 * length and the earliest year of birth.
 */
export function messageParams(
  kind: UserKind | undefined,
  field: string,
): {
  label: Label | undefined;
  select?: boolean;
  part?: 'year' | 'month' | 'day';
  max?: number;
  minYear?: number;
} {
  const label = labelOf(kind, field);
  if (has(DATE_PARTS, field)) return { label, part: DATE_PARTS[field], minYear: MIN_BIRTH_YEAR };
  return {
    label,
    select: PICKED.has(field) || undefined,
    max: has(FIELD_MAX_LENGTH, field)
      ? FIELD_MAX_LENGTH[field]
      : field === 'email'
        ? EMAIL_MAX_LENGTH
        : undefined,
  };
}
