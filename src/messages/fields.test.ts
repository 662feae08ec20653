import { describe, it, expect } from 'vitest';
import { EN } from './en.js';
import { englishEntries, jaLabels, labelOf } from './field-labels.js';
import { fieldMessageEn } from './fields-en.js';
import { fieldMessageJa } from './fields-ja.js';

describe('messages by code, for a form defined as data', () => {
  it.each([
    ['required', { label: '申込者氏名' }, '申込者氏名を入力してください'],
    ['required', { label: '収集希望日', select: true }, '収集希望日を選択してください'],
    ['too_long', { label: '内容', max: 400 }, '内容は400文字以内で入力してください'],
    ['katakana', { label: 'フリガナ' }, 'フリガナはカタカナで入力してください'],
    [
      'date_too_old',
      { label: '取得日', part: 'year', minYear: 2000 },
      '取得日は2000年以降の日付を入力してください',
    ],
    ['date_invalid', { label: '取得日', part: 'month' }, '取得日の月は1から12までの数字で入力してください'],
    [
      'bad_format',
      { label: '連絡先メールアドレス' },
      '連絡先メールアドレスは「taro@example.jp」のような形式で入力してください',
    ],
  ] as const)('%s %j', (code, params, ja) => {
    expect(fieldMessageJa(code, params)).toBe(ja);
  });
  it('English takes the label in the sentence with its determiner', () => {
    expect(fieldMessageEn('required', { label: 'Applicant name' })).toBe('Enter an applicant name');
    expect(fieldMessageEn('required', { label: 'Collection date', select: true, det: 'the' })).toBe(
      'Select the collection date',
    );
    expect(fieldMessageEn('too_long', { label: 'Message', max: 400 })).toBe(
      'Message must be 400 characters or fewer',
    );
    expect(fieldMessageEn('date_too_old', { label: 'Date obtained', part: 'year', minYear: 2000 })).toBe(
      'Date obtained must be on or after 1 January 2000',
    );
    expect(fieldMessageEn('bad_format', { label: 'Contact email address', det: 'your' })).toBe(
      'Enter a contact email address in the correct format, like taro@example.jp',
    );
  });
  it('an unknown code, or a prototype key, gets a generic instruction', () => {
    expect(fieldMessageJa('toString', { label: '件名' })).toBe('件名を正しく入力してください');
    expect(fieldMessageJa('whatever', { label: '種別', select: true })).toBe('種別を選択してください');
    expect(fieldMessageEn('__proto__', { label: 'Subject' })).toBe('Enter a subject in the correct format');
  });
});

describe('labels written once', () => {
  it('the English catalogue takes every label from field-labels.ts', () => {
    for (const [ja, en] of Object.entries(englishEntries())) expect(EN[ja]).toBe(en);
  });
  it('a business label replaces the individual one', () => {
    expect(labelOf('business', 'phone')?.label).toBe('連絡先電話番号');
    expect(labelOf(undefined, 'phone')?.label).toBe('電話番号');
    expect(labelOf('individual', 'constructor')).toBeUndefined();
  });
  it('jaLabels keeps the order asked for', () => {
    expect(Object.entries(jaLabels(['phone', 'familyName', 'unknown']))).toEqual([
      ['phone', '電話番号'],
      ['familyName', '姓'],
      ['unknown', 'unknown'],
    ]);
  });
});
