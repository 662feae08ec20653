import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REFERENCE_ALPHABET,
  REFERENCE_RANDOM_BYTES,
  normalizeReferenceNumber,
  referenceNumber,
} from './reference-number.js';

describe('受付番号', () => {
  it('the alphabet has no 0, O, 1, I or L, and no repeats', () => {
    for (const c of '0O1IL') expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
    expect(REFERENCE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
    expect(REFERENCE_ALPHABET.length).toBe(31);
  });

  it('is 8 characters of the alphabet, for any bytes', () =>
    fc.assert(
      fc.property(fc.uint8Array({ minLength: REFERENCE_RANDOM_BYTES, maxLength: 32 }), (bytes) => {
        const n = referenceNumber(bytes);
        expect(n).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
        expect(normalizeReferenceNumber(n)).toBe(n);
      }),
    ));

  it('depends on the bytes, and uses every character', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(16).map((_, j) => (i * 31 + j * 7) & 255);
      for (const c of referenceNumber(bytes)) seen.add(c);
    }
    expect(seen.size).toBe(31);
    expect(referenceNumber(new Uint8Array(16))).toBe('22222222');
    expect(referenceNumber(new Uint8Array(16).fill(255))).not.toBe('22222222');
  });

  it('refuses too few bytes', () => expect(() => referenceNumber(new Uint8Array(8))).toThrow(RangeError));

  it('as typed: full width, lower case, hyphens', () => {
    expect(normalizeReferenceNumber('ａｂｃｄ－２３４５')).toBe('ABCD2345');
    expect(normalizeReferenceNumber(' abcd 2345 ')).toBe('ABCD2345');
    expect(normalizeReferenceNumber('ABCD0345')).toBeNull();
    expect(normalizeReferenceNumber('ABCD234')).toBeNull();
  });
});
