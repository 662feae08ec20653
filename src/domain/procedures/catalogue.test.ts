import { describe, expect, it } from 'vitest';
import { loadProcedures } from '../../../procedures/index.js';
import { isAccepting, romajiOf, searchProcedures } from './catalogue.js';

const defs = loadProcedures();
const ids = (q: Parameters<typeof searchProcedures>[1]) => searchProcedures(defs, q).map((d) => d.id);

describe('手続一覧 search', () => {
  it.each([
    ['粗大ごみ', ['bulky-waste-collection']],
    ['住民票', ['resident-certificate-by-mail']],
    ['そだい', ['bulky-waste-collection']],
    ['ソダイゴミ', ['bulky-waste-collection']],
    ['sodaigomi', ['bulky-waste-collection']],
    ['SODAI', ['bulky-waste-collection']],
    ['ｊｕｕｍｉｎｈｙｏｕ', ['resident-certificate-by-mail']],
    ['juminhyo', ['resident-certificate-by-mail']],
    ['inu', ['dog-registration-change']],
    ['Letter', ['letter-to-mayor']],
    ['証明', ['city-tax-certificate']],
    ['  ', defs.map((d) => d.id)],
    ['存在しない手続', []],
  ])('%j', (keyword, expected) => expect(ids({ keyword })).toEqual(expected));

  it('filters by 分類 and 対象', () => {
    expect(ids({ category: 'pets' })).toEqual(['dog-registration-change']);
    expect(ids({ audience: 'business' })).toEqual([
      'road-park-damage-report',
      'outdoor-advertisement-permit',
      'city-tax-certificate',
      'letter-to-mayor',
    ]);
    expect(ids({ audience: 'individual' })).not.toContain('outdoor-advertisement-permit');
    expect(ids({ audience: 'individual', keyword: 'しょうめい' })).toEqual(['city-tax-certificate']);
  });

  it('romaji of a kana reading', () => expect(romajiOf('いぬのとうろく')).toBe('inunotouroku'));

  it('受付期間', () => {
    const course = defs.find((d) => d.id === 'citizen-course-application')!;
    expect(isAccepting(course, '2026-03-31')).toBe(false);
    expect(isAccepting(course, '2026-04-01')).toBe(true);
    expect(isAccepting(course, '2027-03-31')).toBe(true);
    expect(isAccepting(course, '2027-04-01')).toBe(false);
    expect(isAccepting(defs[0]!, '1999-01-01')).toBe(true);
  });
});
