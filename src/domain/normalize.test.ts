import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { digitsOnly, normalizeKana, normalizeName, toHalfWidthAscii } from './normalize.js';

describe('toHalfWidthAscii', () => {
  it.each([
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['２１０－８５７７', '210-8577'],
    ['０４４ー２００ー２１１１', '044-200-2111'],
    ['044ｰ200−2111', '044-200-2111'],
    ['1‐2‑3–4—5―6－7', '1-2-3-4-5-6-7'],
    ['  abc\u3000', 'abc'],
    ['ＡＢＣ', 'ABC'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(toHalfWidthAscii(input)).toBe(out);
  });
});

describe('normalizeKana', () => {
  it.each([
    ['やまだ', 'ヤマダ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ｶﾞｷﾞｸﾞｹﾞｺﾞﾊﾟﾋﾟ', 'ガギグゲゴパピ'],
    ['ｰ', 'ー'],
    ['すずき　いちろう', 'スズキ イチロウ'],
    ['  カワサキ   タロウ  ', 'カワサキ タロウ'],
    ['ヴぁ', 'ヴァ'],
    ['ＡＢＣ', 'ＡＢＣ'],
  ])('%j → %j', (input, out) => {
    expect(normalizeKana(input)).toBe(out);
  });
  it('does not apply NFKC (㈱ and compatibility kanji survive)', () => {
    expect(normalizeKana('㈱')).toBe('㈱');
    expect(normalizeKana('\uFA19')).toBe('\uFA19');
  });
});

describe('normalizeName', () => {
  it('keeps compatibility kanji such as U+FA19 (神)', () => {
    const out = normalizeName('\uFA19田');
    expect(out).toBe('\uFA19田');
    expect(out.codePointAt(0)).toBe(0xfa19);
  });
  it.each([
    ['山田　太郎', '山田 太郎'],
    ['  川崎   花子 ', '川崎 花子'],
    ['ｶﾜｻｷ', 'カワサキ'],
    ['ＡＢＣ商事１２３', 'ABC商事123'],
    ['㈱かわさき', '㈱かわさき'],
    ['髙橋', '髙橋'],
    ['𠮷野', '𠮷野'],
    ['a\tb\nc', 'a b c'],
    ['a\u0000b\u0085c', 'abc'],
    ['１－２－３', '1－2－3'],
  ])('%j → %j', (input, out) => {
    expect(normalizeName(input)).toBe(out);
  });
});

describe('digitsOnly', () => {
  it.each([
    ['090-1234-5678', '09012345678'],
    ['０９０－１２３４', '0901234'],
    ['(044) 200 2111', '0442002111'],
    ['abc', ''],
  ])('%j → %j', (input, out) => {
    expect(digitsOnly(input)).toBe(out);
  });
});

describe('properties', () => {
  const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
  it('every function is idempotent and never throws', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        for (const f of [toHalfWidthAscii, normalizeKana, normalizeName, digitsOnly]) {
          const once = f(s);
          expect(f(once)).toBe(once);
        }
        expect(digitsOnly(s)).toMatch(/^[0-9]*$/);
      }),
      { numRuns: 1000 },
    );
  });
});
