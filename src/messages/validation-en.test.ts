import { describe, it, expect } from 'vitest';
import { BUSINESS_LABELS_EN, fieldLabelEn, FIELD_LABELS_EN, validationMessageEn } from './validation-en.js';
import { FIELD_LABELS } from './validation-ja.js';
import { BUSINESS_FIELDS, INDIVIDUAL_FIELDS, type UserKind } from '../domain/profile.js';
import type { EmailErrorCode } from '../domain/email.js';
import type { PasswordErrorCode } from '../domain/password.js';

const EMAIL_CODES: readonly EmailErrorCode[] = [
  'required',
  'invalid_chars',
  'consecutive_dots',
  'bad_edge',
  'too_long',
  'bad_format',
  'bad_domain',
];
const PASSWORD_CODES: readonly PasswordErrorCode[] = [
  'required',
  'full_width',
  'invalid_chars',
  'too_short',
  'too_long',
  'too_few_kinds',
  'same_as_email',
  'contains_service_name',
  'common',
];

/** Every field × code × kind the Japanese test covers (validation-ja.test.ts). */
const PROFILE_CASES: readonly (readonly [string, string, UserKind | undefined])[] = [
  ['familyName', 'required', undefined],
  ['familyName', 'too_long', undefined],
  ['givenName', 'required', undefined],
  ['givenName', 'too_long', undefined],
  ['familyNameKana', 'required', undefined],
  ['familyNameKana', 'katakana', undefined],
  ['familyNameKana', 'too_long', undefined],
  ['givenNameKana', 'katakana', undefined],
  ['orgName', 'required', 'business'],
  ['orgName', 'too_long', 'business'],
  ['orgNameKana', 'katakana', 'business'],
  ['postalCode', 'required', undefined],
  ['postalCode', 'postal_code', undefined],
  ['prefecture', 'required', undefined],
  ['prefecture', 'prefecture', undefined],
  ['cityAddress', 'required', undefined],
  ['cityAddress', 'too_long', undefined],
  ['building', 'too_long', undefined],
  ['phone', 'required', 'individual'],
  ['phone', 'required', 'business'],
  ['phone', 'phone', 'individual'],
  ['phone', 'phone', 'business'],
  ['representativeName', 'required', 'business'],
  ['representativeName', 'too_long', 'business'],
  ['department', 'required', 'business'],
  ['department', 'too_long', 'business'],
  ['contactName', 'required', 'business'],
  ['contactName', 'too_long', 'business'],
  ['gender', 'required', undefined],
  ['gender', 'choice', undefined],
  ['notify', 'required', undefined],
  ['notify', 'choice', 'business'],
  ['birthYear', 'required', undefined],
  ['birthYear', 'required', 'business'],
  ['birthMonth', 'required', undefined],
  ['birthDay', 'required', 'business'],
  ['birthYear', 'date_invalid', undefined],
  ['birthMonth', 'date_invalid', undefined],
  ['birthDay', 'date_invalid', undefined],
  ['birthDay', 'date_invalid', 'business'],
  ['birthYear', 'date_future', undefined],
  ['birthYear', 'date_too_old', 'business'],
];

const ALL_CASES: readonly (readonly [string, string, UserKind | undefined])[] = [
  ...EMAIL_CODES.map((c) => ['email', c, undefined] as const),
  ...PASSWORD_CODES.map((c) => ['password', c, undefined] as const),
  ['passwordConfirm', 'confirm_required', undefined],
  ['passwordConfirm', 'required', undefined],
  ['passwordConfirm', 'confirm_mismatch', undefined],
  ['confirm', 'confirm_mismatch', undefined],
  ['code', 'required', undefined],
  ['code', 'format', undefined],
  ...PROFILE_CASES,
];

/** The generic fallback for a field (what an unknown code gives). */
const fallback = (field: string, kind?: UserKind) => validationMessageEn(field, '__unknown__', kind);

describe('labels', () => {
  it.each([
    ['familyName', 'Family name (姓)', 'Family name (姓)'],
    ['givenNameKana', 'Given name in katakana (メイ)', 'Given name in katakana (メイ)'],
    ['orgNameKana', 'Company or business name in katakana', 'Company or business name in katakana'],
    ['cityAddress', 'City, ward and street address', 'City, ward and street address'],
    ['phone', 'Phone number', 'Contact phone number'],
    ['birthYear', 'Date of birth', "Contact person's date of birth"],
    ['birthDay', 'Date of birth', "Contact person's date of birth"],
    ['notify', 'Notices and notification emails', 'Notices and notification emails'],
    ['passwordConfirm', 'Password (confirmation)', 'Password (confirmation)'],
    ['code', 'Verification code', 'Verification code'],
  ])('%s: %s / %s', (field, individual, business) => {
    expect(fieldLabelEn('individual', field)).toBe(individual);
    expect(fieldLabelEn(undefined, field)).toBe(individual);
    expect(fieldLabelEn('business', field)).toBe(business);
  });
  it('every profile field has a label', () => {
    for (const f of [...INDIVIDUAL_FIELDS, ...BUSINESS_FIELDS]) expect(FIELD_LABELS_EN[f]).toBeTruthy();
  });
  it('labels the same fields as the Japanese', () => {
    expect(Object.keys(FIELD_LABELS_EN).sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    for (const f of Object.keys(BUSINESS_LABELS_EN)) expect(FIELD_LABELS_EN[f]).toBeTruthy();
  });
  it('an unknown field is its own label; prototype keys are not labels', () => {
    expect(fieldLabelEn('individual', 'unknown')).toBe('unknown');
    expect(fieldLabelEn('business', 'toString')).toBe('toString');
  });
});

describe('every code the Japanese messages cover', () => {
  it.each(ALL_CASES)('%s %s (%s) has its own message', (field, code, kind) => {
    const message = validationMessageEn(field, code, kind);
    expect(message).toMatch(/\S/);
    // a specific message, not the generic fallback (a select field's fallback is its 'required')
    const isSelect = ['prefecture', 'gender', 'notify'].includes(field);
    if (!(isSelect && code === 'required')) expect(message).not.toBe(fallback(field, kind));
  });
  it('distinct codes of a field give distinct messages', () => {
    for (const [field, codes] of [
      ['email', EMAIL_CODES],
      ['password', PASSWORD_CODES],
    ] as const) {
      const messages = codes.map((c) => validationMessageEn(field, c));
      expect(new Set(messages).size).toBe(codes.length);
    }
  });
});

describe('exact messages', () => {
  it.each([
    ['email', 'required', undefined, 'Enter your email address'],
    ['email', 'too_long', undefined, 'Email address must be 255 characters or fewer'],
    ['email', 'bad_format', undefined, 'Enter an email address in the correct format, like taro@example.jp'],
    [
      'email',
      'invalid_chars',
      undefined,
      "Email address must only include letters a to z, numbers 0 to 9 and the symbols ! # $ % & ' * + - / = ? ^ _ ` { | } ~ .",
    ],
    ['password', 'required', undefined, 'Enter a password'],
    ['password', 'too_short', undefined, 'Password must be 8 characters or more'],
    ['password', 'too_long', undefined, 'Password must be 128 characters or fewer'],
    ['passwordConfirm', 'required', undefined, 'Enter your password again in Password (confirmation)'],
    [
      'confirm',
      'confirm_mismatch',
      undefined,
      'Password (confirmation) does not match the password. Enter the same password again',
    ],
    ['code', 'required', undefined, 'Enter the verification code'],
    ['code', 'format', undefined, 'Verification code must be 6 digits'],
    ['familyName', 'required', undefined, 'Enter a family name (姓)'],
    ['familyName', 'too_long', undefined, 'Family name (姓) must be 50 characters or fewer'],
    ['familyNameKana', 'required', undefined, 'Enter a family name in katakana (セイ)'],
    ['familyNameKana', 'katakana', undefined, 'Family name in katakana (セイ) must only include katakana'],
    [
      'familyNameKana',
      'too_long',
      undefined,
      'Family name in katakana (セイ) must be 100 characters or fewer',
    ],
    ['orgName', 'too_long', 'business', 'Company or business name must be 100 characters or fewer'],
    ['contactName', 'required', 'business', "Enter the contact person's name"],
    ['postalCode', 'postal_code', undefined, 'Enter a postal code as 7 digits, like 210-8577'],
    ['prefecture', 'required', undefined, 'Select a prefecture'],
    ['prefecture', 'prefecture', undefined, 'Select a prefecture from the list'],
    [
      'phone',
      'phone',
      'business',
      'Enter a contact phone number with the area code, as 10 or 11 digits, like 044-200-2111',
    ],
    ['gender', 'choice', undefined, 'Select one of the options for gender'],
    ['notify', 'required', undefined, 'Select whether you want to receive notices and notification emails'],
  ] as const)('%s %s (%s)', (field, code, kind, message) => {
    expect(validationMessageEn(field, code, kind)).toBe(message);
  });
});

describe('date of birth', () => {
  it.each([
    ['birthYear', 'required', undefined, 'Enter your date of birth'],
    ['birthYear', 'required', 'business', "Enter the contact person's date of birth"],
    ['birthMonth', 'required', undefined, 'Date of birth must include a month'],
    ['birthDay', 'required', 'business', "Contact person's date of birth must include a day"],
    ['birthYear', 'date_invalid', undefined, 'Enter the year of your date of birth as 4 digits, like 1985'],
    [
      'birthMonth',
      'date_invalid',
      undefined,
      'Enter the month of your date of birth as a number from 1 to 12',
    ],
    ['birthDay', 'date_invalid', undefined, 'Date of birth must be a real date'],
    ['birthDay', 'date_invalid', 'business', "Contact person's date of birth must be a real date"],
    ['birthYear', 'date_future', undefined, 'Date of birth must be in the past'],
    [
      'birthYear',
      'date_too_old',
      'business',
      "Contact person's date of birth must be on or after 1 January 1900",
    ],
  ] as const)('%s %s (%s)', (field, code, kind, message) => {
    expect(validationMessageEn(field, code, kind)).toBe(message);
  });
});

describe('business labels in messages', () => {
  it('phone and date of birth are named by their business labels', () => {
    expect(validationMessageEn('phone', 'required', 'business')).toBe('Enter a contact phone number');
    expect(validationMessageEn('phone', 'required', 'individual')).toBe('Enter a phone number');
    expect(validationMessageEn('birthYear', 'date_future', 'business')).toBe(
      "Contact person's date of birth must be in the past",
    );
    expect(validationMessageEn('representativeName', 'too_long', 'business')).toBe(
      "Representative's name must be 50 characters or fewer",
    );
  });
});

describe('fallback', () => {
  it('unknown pairs get a generic instruction, never an exception', () => {
    expect(validationMessageEn('familyName', 'whatever')).toBe(
      'Enter a family name (姓) in the correct format',
    );
    expect(validationMessageEn('gender', 'whatever')).toBe('Select your gender');
    expect(validationMessageEn('email', 'toString')).toBe('Enter your email address in the correct format');
    expect(validationMessageEn('birthDay', 'whatever')).toBe(
      'Enter your date of birth in the correct format',
    );
    expect(validationMessageEn('postalCode', 'too_long')).toBe('Postal code must be shorter');
    expect(validationMessageEn('nothing', 'required')).toBe('Enter nothing');
    expect(validationMessageEn('nothing', 'whatever')).toBe('Enter nothing in the correct format');
  });
});

describe('no Japanese outside the label hints', () => {
  // Hiragana, katakana, CJK ideographs, CJK punctuation and full-width forms.
  const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
  /** Removes the parenthesised hints, e.g. "(姓)", "(セイ)". */
  const withoutHints = (s: string) => s.replace(/\([\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+\)/g, '');

  it('the pattern catches Japanese', () => {
    expect(JAPANESE.test('姓を入力してください')).toBe(true);
    expect(JAPANESE.test(withoutHints('Enter a family name (姓)'))).toBe(false);
    expect(JAPANESE.test(withoutHints('Enter (姓) 名'))).toBe(true);
  });

  it('in every label', () => {
    for (const label of [...Object.values(FIELD_LABELS_EN), ...Object.values(BUSINESS_LABELS_EN)]) {
      expect(withoutHints(label)).not.toMatch(JAPANESE);
    }
  });

  it('in every message, for every field, code and kind', () => {
    const fields = new Set([...Object.keys(FIELD_LABELS_EN), ...ALL_CASES.map(([f]) => f)]);
    const codes = new Set([...ALL_CASES.map(([, c]) => c), 'confirm_required', 'whatever']);
    for (const field of fields) {
      for (const code of codes) {
        for (const kind of [undefined, 'individual', 'business'] as const) {
          const message = validationMessageEn(field, code, kind);
          expect(message, `${field} ${code} ${kind}`).toMatch(/\S/);
          expect(withoutHints(message), `${field} ${code} ${kind}`).not.toMatch(JAPANESE);
        }
      }
    }
  });
});
