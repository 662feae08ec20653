import { describe, expect, it } from 'vitest';
import { fieldSchema, type FieldDefinition } from './definition.js';
import type { Answer, FormInput } from './fields/types.js';
import { FIELD_TYPES, moduleOf } from './registry.js';
import { MB } from './fields/file.js';

const TODAY = { year: 2026, month: 5, day: 20 };
const label = { ja: '項目', en: 'Item' };
const field = (def: Record<string, unknown>): FieldDefinition =>
  fieldSchema.parse({ id: 'f', label, ...def });

/** The field's answer read from a form, then its value or its codes. */
function check(def: FieldDefinition, form: FormInput) {
  const m = moduleOf(def);
  const answer = m.read(def, form);
  const r = m.parse(def, answer, { today: TODAY });
  return r.ok ? { value: r.value } : { codes: r.issues.map((i) => [i.input, i.code, i.params] as const) };
}
const codesOf = (def: FieldDefinition, form: FormInput) =>
  check(def, form).codes?.map(([input, code]) => `${input}:${code}`);

const options = [
  { value: 'a', label: { ja: 'あ', en: 'A' } },
  { value: 'b', label: { ja: 'い', en: 'B' } },
  { value: 'c', label: { ja: 'う', en: 'C' } },
];

describe('text', () => {
  const f = field({ type: 'text', maxLength: 5 });
  it('normalises and accepts', () => expect(check(f, { f: ' ＡＢ　ｶﾅ ' })).toEqual({ value: 'AB カナ' }));
  it('required', () => expect(codesOf(f, { f: '  ' })).toEqual(['f:required']));
  it('too_long counts code points', () => {
    expect(check(f, { f: '𠮷𠮷𠮷𠮷𠮷' })).toEqual({ value: '𠮷𠮷𠮷𠮷𠮷' });
    expect(check(f, { f: '123456' }).codes).toEqual([['f', 'too_long', { max: 5 }]]);
  });
});

describe('textarea', () => {
  const f = field({ type: 'textarea', maxLength: 20 });
  it('keeps line breaks, folds runs of empty lines', () =>
    expect(check(f, { f: 'a\r\n\r\n\r\n\r\nb　 c\n' })).toEqual({ value: 'a\n\nb c' }));
  it('required and too_long', () => {
    expect(codesOf(f, { f: '\n \n' })).toEqual(['f:required']);
    expect(codesOf(f, { f: 'x'.repeat(21) })).toEqual(['f:too_long']);
  });
});

describe('number', () => {
  const f = field({ type: 'number', min: 1, max: 1000 });
  it('accepts full-width digits and separators', () =>
    expect(check(f, { f: '１，０００' })).toEqual({ value: 1000 }));
  it.each([
    ['', 'required'],
    ['abc', 'number'],
    ['1e3', 'number'],
    ['2.5', 'number_integer'],
    ['0', 'number_min'],
    ['1001', 'number_max'],
  ])('%j → %s', (typed, code) => expect(codesOf(f, { f: typed })).toEqual([`f:${code}`]));
  it('fractions where allowed, with min and max as parameters', () => {
    const g = field({ type: 'number', integer: false, min: 0.5, max: 2 });
    expect(check(g, { f: '1.25' })).toEqual({ value: 1.25 });
    expect(check(g, { f: '0.4' }).codes).toEqual([['f', 'number_min', { min: 0.5 }]]);
    expect(check(g, { f: '3' }).codes).toEqual([['f', 'number_max', { max: 2 }]]);
  });
});

describe('email and tel use the registration rules', () => {
  it('email', () => {
    const f = field({ type: 'email' });
    expect(check(f, { f: 'ｔａｒｏ@example.jp' })).toEqual({ value: 'taro@example.jp' });
    expect(codesOf(f, { f: '' })).toEqual(['f:required']);
    expect(codesOf(f, { f: 'taro..x@example.jp' })).toEqual(['f:consecutive_dots']);
    expect(codesOf(f, { f: 'taro' })).toEqual(['f:bad_format']);
  });
  it('tel', () => {
    const f = field({ type: 'tel' });
    expect(check(f, { f: '０４４－２００－２１１１' })).toEqual({ value: '0442002111' });
    expect(codesOf(f, { f: '' })).toEqual(['f:required']);
    expect(codesOf(f, { f: '12345' })).toEqual(['f:phone']);
  });
});

describe('date', () => {
  const at = (y: string, m: string, d: string) => ({ 'f-year': y, 'f-month': m, 'f-day': d });
  it('any day, as ISO', () =>
    expect(check(field({ type: 'date' }), at('２０２６', '4', '1'))).toEqual({ value: '2026-04-01' }));
  it.each([
    [at('', '', ''), 'f-year:required'],
    [at('2026', '', '1'), 'f-month:required'],
    [at('26', '4', '1'), 'f-year:date_invalid'],
    [at('2026', '13', '1'), 'f-month:date_invalid'],
    [at('2026', '2', '30'), 'f-day:date_invalid'],
    [at('1899', '1', '1'), 'f-year:date_too_old'],
  ])('%j → %s', (form, code) => expect(codesOf(field({ type: 'date' }), form)).toEqual([code]));
  it('past: before today', () => {
    const f = field({ type: 'date', when: 'past' });
    expect(check(f, at('2026', '5', '19'))).toEqual({ value: '2026-05-19' });
    expect(check(f, at('2026', '5', '20')).codes).toEqual([['f-year', 'date_future', { part: 'year' }]]);
  });
  it('future: after today', () => {
    const f = field({ type: 'date', when: 'future' });
    expect(check(f, at('2026', '5', '21'))).toEqual({ value: '2026-05-21' });
    expect(check(f, at('2026', '5', '20')).codes).toEqual([['f-year', 'date_past', { part: 'year' }]]);
  });
  it('minYear is a parameter of its message', () =>
    expect(check(field({ type: 'date', minYear: 2000 }), at('1999', '1', '1')).codes).toEqual([
      ['f-year', 'date_too_old', { minYear: 2000, part: 'year' }],
    ]));
});

describe('radio, select and checkbox', () => {
  it.each(['radio', 'select'])('%s: one of the options (select messages)', (type) => {
    const f = field({ type, options });
    expect(check(f, { f: 'b' })).toEqual({ value: 'b' });
    expect(check(f, {}).codes).toEqual([['f', 'required', { select: true }]]);
    expect(codesOf(f, { f: 'z' })).toEqual(['f:choice']);
  });
  it('checkbox: several, in the options’ order', () => {
    const f = field({ type: 'checkbox', options });
    expect(check(f, { f: ['c', 'a', 'a'] })).toEqual({ value: ['a', 'c'] });
    expect(check(f, { f: 'b' })).toEqual({ value: ['b'] });
  });
  it.each([
    [{}, 'required'],
    [{ f: ['a', 'zz'] }, 'choice'],
    [{ f: ['a'] }, 'too_few'],
    [{ f: ['a', 'b', 'c'] }, 'too_many'],
  ])('checkbox %j → %s', (form, code) => {
    const f = field({ type: 'checkbox', options, minSelected: 2, maxSelected: 2 });
    expect(codesOf(f, form)).toEqual([`f:${code}`]);
  });
});

describe('name (氏名)', () => {
  const f = field({ type: 'name' });
  const form = {
    'f-familyName': '川崎',
    'f-givenName': '太郎',
    'f-familyNameKana': 'かわさき',
    'f-givenNameKana': 'ﾀﾛｳ',
  };
  it('four parts, kana normalised', () =>
    expect(check(f, form)).toEqual({
      value: { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' },
    }));
  it('each part’s error names the part', () => {
    const r = check(f, { ...form, 'f-givenName': '', 'f-familyNameKana': 'kawasaki' });
    expect(r.codes).toEqual([
      ['f-givenName', 'required', {}],
      ['f-familyNameKana', 'katakana', {}],
    ]);
    const m = moduleOf(f);
    const parsed = m.parse(f, m.read(f, { ...form, 'f-familyName': '' }), { today: TODAY });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.subfield)).toEqual(['familyName']);
  });
  it('too_long at the profile’s 50', () =>
    expect(codesOf(f, { ...form, 'f-familyName': 'あ'.repeat(51) })).toEqual(['f-familyName:too_long']));
  it('without kana: two inputs', () => {
    const g = field({ type: 'name', kana: false });
    expect(FIELD_TYPES.name.inputs(g as Extract<FieldDefinition, { type: 'name' }>)).toEqual([
      'f-familyName',
      'f-givenName',
    ]);
    expect(check(g, { 'f-familyName': '川崎', 'f-givenName': '花子' })).toEqual({
      value: { familyName: '川崎', givenName: '花子', familyNameKana: null, givenNameKana: null },
    });
  });
});

describe('address (住所)', () => {
  const f = field({ type: 'address' });
  const form = {
    'f-postalCode': '〒２１０－８５７７',
    'f-prefecture': '神奈川県',
    'f-cityAddress': '川崎市川崎区宮本町1',
    'f-building': '',
  };
  it('postal code digits, building optional', () =>
    expect(check(f, form)).toEqual({
      value: {
        postalCode: '2108577',
        prefecture: '神奈川県',
        cityAddress: '川崎市川崎区宮本町1',
        building: null,
      },
    }));
  it.each([
    ['f-postalCode', '123', 'postal_code'],
    ['f-prefecture', '川崎県', 'prefecture'],
    ['f-cityAddress', '', 'required'],
    ['f-building', 'あ'.repeat(101), 'too_long'],
  ])('%s %j → %s', (input, typed, code) =>
    expect(codesOf(f, { ...form, [input]: typed })).toEqual([`${input}:${code}`]),
  );
  it('summary on three lines', () => {
    const m = moduleOf(f);
    expect(m.summary(f, m.read(f, { ...form, 'f-building': 'ビル3階' }), 'ja')).toBe(
      '〒210-8577\n神奈川県川崎市川崎区宮本町1\nビル3階',
    );
  });
});

describe('file (metadata only)', () => {
  const f = field({ type: 'file', kinds: ['pdf', 'png'], maxFiles: 2, maxFileMb: 5 });
  const pdf = { id: '1', name: '図面.pdf', mediaType: 'application/pdf', size: 1.5 * MB };
  it('accepts declared kinds within the limits', () =>
    expect(check(f, { f: [pdf] })).toEqual({ value: [pdf] }));
  it.each([
    [[], 'required', { select: true }],
    [[pdf, pdf, pdf], 'file_too_many', { max: 2, select: true }],
    [[{ ...pdf, mediaType: 'image/gif' }], 'file_kind', { kinds: ['PDF', 'PNG'], select: true }],
    [[{ ...pdf, size: 5 * MB + 1 }], 'file_too_large', { maxMb: 5, select: true }],
  ])('%j → %s', (files, code, params) => expect(check(f, { f: files }).codes).toEqual([['f', code, params]]));
  it('ignores what is not file metadata', () =>
    expect(check(f, { f: 'x.pdf' }).codes?.[0]?.[1]).toBe('required'));
  it('summary with sizes', () =>
    expect(moduleOf(f).summary(f, [pdf, { ...pdf, name: 'a.png', size: 2048 }] as Answer, 'ja')).toBe(
      '図面.pdf（1.5 MB）\na.png（2 KB）',
    ));
});

describe('summary text on 申請内容の確認', () => {
  it.each([
    [{ type: 'date' }, { year: '2026', month: '4', day: '1' }, '2026年4月1日', '1 April 2026'],
    [{ type: 'radio', options }, 'b', 'い', 'B'],
    [{ type: 'checkbox', options }, ['a', 'c'], 'あ、う', 'A, C'],
    [{ type: 'number', unit: { ja: '通', en: 'copies' } }, '2', '2 通', '2 copies'],
    [{ type: 'tel' }, '0442002111', '044-200-2111', '044-200-2111'],
    [
      { type: 'name' },
      { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' },
      '川崎 太郎\nカワサキ タロウ',
      '川崎 太郎\nカワサキ タロウ',
    ],
  ])('%j', (def, answer, ja, en) => {
    const f = field(def);
    expect(moduleOf(f).summary(f, answer as Answer, 'ja')).toBe(ja);
    expect(moduleOf(f).summary(f, answer as Answer, 'en')).toBe(en);
  });
});

describe('stored answers of the wrong shape read as empty', () => {
  it.each(Object.keys(FIELD_TYPES))('%s', (type) => {
    const m = FIELD_TYPES[type as keyof typeof FIELD_TYPES] as {
      coerce(v: unknown): unknown;
      isEmpty(a: never): boolean;
    };
    expect(m.isEmpty(m.coerce({ nonsense: 1 }) as never)).toBe(true);
    expect(m.isEmpty(m.coerce(undefined) as never)).toBe(true);
  });
});
