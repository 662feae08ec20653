import { describe, it, expect } from 'vitest';
import { fieldLabel, FIELD_LABELS, validationMessage } from './validation-ja.js';
import { BUSINESS_FIELDS, INDIVIDUAL_FIELDS } from '../domain/profile.js';

describe('labels', () => {
  it.each([
    ['familyName', '姓', '姓'],
    ['givenNameKana', 'メイ', 'メイ'],
    ['orgNameKana', '法人名/事業者名（フリガナ）', '法人名/事業者名（フリガナ）'],
    ['cityAddress', '市区町村・番地', '市区町村・番地'],
    ['phone', '電話番号', '連絡先電話番号'],
    ['birthYear', '生年月日', '担当者生年月日'],
    ['birthDay', '生年月日', '担当者生年月日'],
    ['notify', 'お知らせ・通知メール', 'お知らせ・通知メール'],
  ])('%s: %s / %s', (field, individual, business) => {
    expect(fieldLabel('individual', field)).toBe(individual);
    expect(fieldLabel(undefined, field)).toBe(individual);
    expect(fieldLabel('business', field)).toBe(business);
  });
  it('every profile field has a label', () => {
    for (const f of [...INDIVIDUAL_FIELDS, ...BUSINESS_FIELDS]) expect(FIELD_LABELS[f]).toBeTruthy();
  });
  it('an unknown field is its own label; prototype keys are not labels', () => {
    expect(fieldLabel('individual', 'unknown')).toBe('unknown');
    expect(fieldLabel('business', 'toString')).toBe('toString');
  });
});

describe('email', () => {
  it.each([
    ['required', 'メールアドレスを入力してください'],
    [
      'invalid_chars',
      "メールアドレスに使用できない文字が含まれています。半角英数字と記号 ! # $ % & ' * + - / = ? ^ _ ` { | } ~ . のみ使用できます",
    ],
    ['consecutive_dots', 'メールアドレスに「.」を2文字以上続けて使用することはできません'],
    ['bad_edge', 'メールアドレスの最初の文字と「@」の直前の文字は、半角英数字にしてください'],
    ['too_long', 'メールアドレスは255文字以内で入力してください'],
    ['bad_format', 'メールアドレスは「taro@example.jp」のような形式で入力してください'],
    ['bad_domain', 'メールアドレスの「@」より後ろ（ドメイン）を「example.jp」のような形式で入力してください'],
  ])('%s', (code, message) => {
    expect(validationMessage('email', code)).toBe(message);
  });
});

describe('password', () => {
  it.each([
    ['password', 'required', 'パスワードを入力してください'],
    ['password', 'full_width', 'パスワードは半角で入力してください'],
    [
      'password',
      'invalid_chars',
      'パスワードに空白や制御文字は使用できません。半角の英字、数字、記号で入力してください',
    ],
    ['password', 'too_short', 'パスワードは8文字以上で入力してください'],
    ['password', 'too_long', 'パスワードは128文字以内で入力してください'],
    [
      'password',
      'too_few_kinds',
      'パスワードは、英字（大文字）、英字（小文字）、数字、記号のうち2種類以上を組み合わせてください',
    ],
    [
      'password',
      'same_as_email',
      'パスワードにメールアドレスと同じ文字列は使用できません。別のパスワードを入力してください',
    ],
    [
      'password',
      'contains_service_name',
      'パスワードにサービス名や市の名前（kawasaki、madoguchi など）を含めることはできません。別のパスワードを入力してください',
    ],
    [
      'password',
      'common',
      'このパスワードはよく使われていて推測されやすいため使用できません。別のパスワードを入力してください',
    ],
    ['passwordConfirm', 'confirm_required', 'パスワード（確認用）を入力してください'],
    ['passwordConfirm', 'required', 'パスワード（確認用）を入力してください'],
    [
      'passwordConfirm',
      'confirm_mismatch',
      'パスワード（確認用）がパスワードと一致しません。同じパスワードを入力してください',
    ],
    [
      'confirm',
      'confirm_mismatch',
      'パスワード（確認用）がパスワードと一致しません。同じパスワードを入力してください',
    ],
  ])('%s %s', (field, code, message) => {
    expect(validationMessage(field, code)).toBe(message);
  });
});

describe('認証コード', () => {
  it.each([
    ['required', '認証コードを入力してください'],
    ['format', '認証コードは6桁の数字で入力してください'],
  ])('%s', (code, message) => {
    expect(validationMessage('code', code)).toBe(message);
  });
});

describe('profile fields', () => {
  it.each([
    ['familyName', 'required', undefined, '姓を入力してください'],
    ['familyName', 'too_long', undefined, '姓は50文字以内で入力してください'],
    ['givenName', 'required', undefined, '名を入力してください'],
    ['givenName', 'too_long', undefined, '名は50文字以内で入力してください'],
    ['familyNameKana', 'required', undefined, 'セイを入力してください'],
    ['familyNameKana', 'katakana', undefined, 'セイはカタカナで入力してください'],
    ['familyNameKana', 'too_long', undefined, 'セイは100文字以内で入力してください'],
    ['givenNameKana', 'katakana', undefined, 'メイはカタカナで入力してください'],
    ['orgName', 'required', 'business', '法人名/事業者名を入力してください'],
    ['orgName', 'too_long', 'business', '法人名/事業者名は100文字以内で入力してください'],
    ['orgNameKana', 'katakana', 'business', '法人名/事業者名（フリガナ）はカタカナで入力してください'],
    ['postalCode', 'required', undefined, '郵便番号を入力してください'],
    ['postalCode', 'postal_code', undefined, '郵便番号は7桁の数字で入力してください（例：210-8577）'],
    ['prefecture', 'required', undefined, '都道府県を選択してください'],
    ['prefecture', 'prefecture', undefined, '都道府県は一覧から選択してください'],
    ['cityAddress', 'required', undefined, '市区町村・番地を入力してください'],
    ['cityAddress', 'too_long', undefined, '市区町村・番地は100文字以内で入力してください'],
    ['building', 'too_long', undefined, '建物名などは100文字以内で入力してください'],
    ['phone', 'required', 'individual', '電話番号を入力してください'],
    ['phone', 'required', 'business', '連絡先電話番号を入力してください'],
    [
      'phone',
      'phone',
      'individual',
      '電話番号は市外局番から、10桁または11桁の数字で入力してください（例：044-200-2111）',
    ],
    [
      'phone',
      'phone',
      'business',
      '連絡先電話番号は市外局番から、10桁または11桁の数字で入力してください（例：044-200-2111）',
    ],
    ['representativeName', 'required', 'business', '代表者名を入力してください'],
    ['representativeName', 'too_long', 'business', '代表者名は50文字以内で入力してください'],
    ['department', 'required', 'business', '担当部署を入力してください'],
    ['department', 'too_long', 'business', '担当部署は50文字以内で入力してください'],
    ['contactName', 'required', 'business', '担当者名を入力してください'],
    ['contactName', 'too_long', 'business', '担当者名は50文字以内で入力してください'],
    ['gender', 'required', undefined, '性別を選択してください'],
    ['gender', 'choice', undefined, '性別は選択肢の中から選択してください'],
    ['notify', 'required', undefined, 'お知らせ・通知メールを希望するかどうかを選択してください'],
    ['notify', 'choice', 'business', 'お知らせ・通知メールは選択肢の中から選択してください'],
    ['birthYear', 'required', undefined, '生年月日を入力してください'],
    ['birthYear', 'required', 'business', '担当者生年月日を入力してください'],
    ['birthMonth', 'required', undefined, '生年月日の月を入力してください'],
    ['birthDay', 'required', 'business', '担当者生年月日の日を入力してください'],
    ['birthYear', 'date_invalid', undefined, '生年月日の年は西暦4桁の数字で入力してください（例：1985）'],
    ['birthMonth', 'date_invalid', undefined, '生年月日の月は1から12までの数字で入力してください'],
    ['birthDay', 'date_invalid', undefined, '生年月日は実在する日付を入力してください'],
    ['birthDay', 'date_invalid', 'business', '担当者生年月日は実在する日付を入力してください'],
    ['birthYear', 'date_future', undefined, '生年月日は今日より前の日付を入力してください'],
    ['birthYear', 'date_too_old', 'business', '担当者生年月日は1900年以降の日付を入力してください'],
  ] as const)('%s %s (%s)', (field, code, kind, message) => {
    expect(validationMessage(field, code, kind)).toBe(message);
  });
  it('unknown pairs get a generic instruction, never an exception', () => {
    expect(validationMessage('familyName', 'whatever')).toBe('姓を正しく入力してください');
    expect(validationMessage('gender', 'whatever')).toBe('性別を選択してください');
    expect(validationMessage('email', 'toString')).toBe('メールアドレスを正しく入力してください');
    expect(validationMessage('nothing', 'required')).toBe('nothingを入力してください');
  });
});
