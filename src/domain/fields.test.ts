import { describe, it, expect } from 'vitest';
import {
  birthDateRules,
  choice,
  email,
  kana,
  optionalText,
  parseDate,
  phone,
  postalCode,
  prefecture,
  text,
  type Field,
} from './fields.js';

/** What a field makes of raw input: normalised, then parsed. */
const read = <T>(field: Field<T>, raw: string) => field.parse(field.normalize(raw));

describe('text', () => {
  const name = text({ max: 5 });
  it('normalises like a name and keeps the value', () => {
    expect(read(name, '　ｶﾜｻｷ ')).toEqual({ ok: true, value: 'カワサキ' });
  });
  it.each([
    ['', { code: 'required' }],
    ['   ', { code: 'required' }],
    ['あいうえおか', { code: 'too_long', max: 5 }],
    ['𠮷𠮷𠮷𠮷𠮷𠮷', { code: 'too_long', max: 5 }],
  ])('%j → %j', (raw, issue) => {
    expect(read(name, raw)).toEqual({ ok: false, issue });
  });
  it('counts code points, limit inclusive', () => {
    expect(read(name, '𠮷𠮷𠮷𠮷𠮷')).toEqual({ ok: true, value: '𠮷𠮷𠮷𠮷𠮷' });
  });
  it('optional text is null when empty, still limited', () => {
    const building = optionalText({ max: 3 });
    expect(read(building, ' ')).toEqual({ ok: true, value: null });
    expect(read(building, 'ABCD')).toEqual({ ok: false, issue: { code: 'too_long', max: 3 } });
  });
});

describe('kana', () => {
  const k = kana({ max: 4 });
  it('turns hiragana and half-width kana into katakana', () => {
    expect(read(k, 'やまだ')).toEqual({ ok: true, value: 'ヤマダ' });
    expect(read(k, 'ﾀﾛｳ')).toEqual({ ok: true, value: 'タロウ' });
  });
  it.each([
    ['', 'required'],
    ['山田', 'katakana'],
    ['ヤマダ・', 'katakana'],
    ['yamada', 'katakana'],
  ])('%j → %s', (raw, code) => {
    expect(read(k, raw)).toEqual({ ok: false, issue: { code } });
  });
  it('checks katakana before the length', () => {
    expect(read(k, 'アイウエオ')).toEqual({ ok: false, issue: { code: 'too_long', max: 4 } });
    expect(read(k, '山田山田山')).toEqual({ ok: false, issue: { code: 'katakana' } });
  });
});

describe('postal code and phone', () => {
  it.each([
    ['〒２１０－８５７７', '2108577'],
    ['210 8577', '2108577'],
  ])('postal code %s → %s', (raw, digits) => {
    expect(read(postalCode(), raw)).toEqual({ ok: true, value: digits });
  });
  it.each([
    ['', 'required'],
    ['210-857', 'postal_code'],
  ])('postal code %j → %s', (raw, code) => {
    expect(read(postalCode(), raw)).toEqual({ ok: false, issue: { code } });
  });
  it.each([
    ['+81 90-1234-5678', '09012345678'],
    ['０４４ー２００ー２１１１', '0442002111'],
  ])('phone %s → %s', (raw, digits) => {
    expect(read(phone(), raw)).toEqual({ ok: true, value: digits });
  });
  it.each([
    ['', 'required'],
    ['0042002111', 'phone'],
    ['01012345678', 'phone'],
  ])('phone %j → %s', (raw, code) => {
    expect(read(phone(), raw)).toEqual({ ok: false, issue: { code } });
  });
});

describe('choices', () => {
  it('prefecture: one of the 47', () => {
    expect(read(prefecture(), ' 東京都 ')).toEqual({ ok: true, value: '東京都' });
    expect(read(prefecture(), '')).toEqual({ ok: false, issue: { code: 'required' } });
    expect(read(prefecture(), '東京')).toEqual({ ok: false, issue: { code: 'prefecture' } });
  });
  it('choice: one of the options, never a prototype key', () => {
    const c = choice(['a', 'b'] as const);
    expect(read(c, 'b')).toEqual({ ok: true, value: 'b' });
    expect(read(c, '')).toEqual({ ok: false, issue: { code: 'required' } });
    expect(read(c, 'toString')).toEqual({ ok: false, issue: { code: 'choice' } });
  });
});

describe('email', () => {
  it('normalises full-width input and keeps the case', () => {
    expect(read(email(), 'Ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toEqual({ ok: true, value: 'Taro@example.jp' });
  });
  it.each([
    ['', { code: 'required' }],
    ['taro..x@example.jp', { code: 'consecutive_dots' }],
    ['taro@example', { code: 'bad_domain' }],
    [`${'a'.repeat(250)}@example.jp`, { code: 'too_long', max: 255 }],
  ])('%j → %j', (raw, issue) => {
    expect(read(email(), raw)).toEqual({ ok: false, issue });
  });
});

describe('dates', () => {
  const today = { year: 2025, month: 6, day: 15 };
  it('a real date gives its ISO form', () => {
    expect(parseDate('2024', '2', '29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('0999', '1', '1')).toEqual({ ok: true, value: '0999-01-01' });
    expect(parseDate('2030', '1', '1')).toEqual({ ok: true, value: '2030-01-01' });
  });
  it.each([
    ['', '', '', 'year', { code: 'required' }],
    ['1985', '', '1', 'month', { code: 'required' }],
    ['1985', '4', '', 'day', { code: 'required' }],
    ['85', '4', '1', 'year', { code: 'date_invalid' }],
    ['1985', '13', '1', 'month', { code: 'date_invalid' }],
    ['1985', '4', '31', 'day', { code: 'date_invalid' }],
    ['2023', '2', '29', 'day', { code: 'date_invalid' }],
  ])('%j/%j/%j → %s %j', (y, m, d, part, issue) => {
    expect(parseDate(y, m, d)).toEqual({ ok: false, part, issue });
  });
  it('birth date: from 1900, before today (the clock is the caller’s)', () => {
    const rules = birthDateRules(today);
    expect(parseDate('1899', '12', '31', rules)).toEqual({
      ok: false,
      part: 'year',
      issue: { code: 'date_too_old', minYear: 1900 },
    });
    expect(parseDate('1900', '1', '1', rules)).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDate('2025', '6', '14', rules)).toEqual({ ok: true, value: '2025-06-14' });
    expect(parseDate('2025', '6', '15', rules)).toEqual({
      ok: false,
      part: 'year',
      issue: { code: 'date_future' },
    });
    expect(parseDate('2025', '6', '15', birthDateRules({ year: 2025, month: 6, day: 16 }))).toEqual({
      ok: true,
      value: '2025-06-15',
    });
  });
});
