import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BUSINESS_FIELDS,
  displayName,
  INDIVIDUAL_FIELDS,
  parseProfile,
  PREFECTURES,
  profileToFormValues,
  toWareki,
  type Profile,
  type UserKind,
} from './profile.js';

const TODAY = { year: 2025, month: 6, day: 15 };

const individualRaw = (): Record<string, string> => ({
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  postalCode: '210-8577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1',
  building: '',
  phone: '044-200-2111',
  birthYear: '1985',
  birthMonth: '4',
  birthDay: '1',
  gender: 'male',
  notify: 'yes',
});

const businessRaw = (): Record<string, string> => ({
  orgName: '株式会社かわさき商事',
  orgNameKana: 'カブシキガイシャカワサキショウジ',
  postalCode: '2108577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1',
  building: '川崎ビル3階',
  representativeName: '川崎 一郎',
  phone: '090-1234-5678',
  department: '総務部',
  contactName: '川崎 花子',
  birthYear: '1990',
  birthMonth: '12',
  birthDay: '31',
  notify: 'no',
});

const INDIVIDUAL: Profile = {
  kind: 'individual',
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  postalCode: '2108577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1',
  building: null,
  phone: '0442002111',
  birthDate: '1985-04-01',
  gender: 'male',
  notify: true,
};

const BUSINESS: Profile = {
  kind: 'business',
  orgName: '株式会社かわさき商事',
  orgNameKana: 'カブシキガイシャカワサキショウジ',
  postalCode: '2108577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1',
  building: '川崎ビル3階',
  representativeName: '川崎 一郎',
  phone: '09012345678',
  department: '総務部',
  contactName: '川崎 花子',
  birthDate: '1990-12-31',
  notify: false,
};

/** The errors of parsing `raw` with some fields replaced. */
function errorsWith(kind: UserKind, patch: Record<string, string | undefined>) {
  const raw = { ...(kind === 'individual' ? individualRaw() : businessRaw()), ...patch };
  const r = parseProfile(kind, raw, TODAY);
  return r.ok ? [] : r.errors;
}

describe('field lists', () => {
  it('individual, in display order', () => {
    expect(INDIVIDUAL_FIELDS).toEqual([
      'familyName',
      'givenName',
      'familyNameKana',
      'givenNameKana',
      'postalCode',
      'prefecture',
      'cityAddress',
      'building',
      'phone',
      'birthYear',
      'birthMonth',
      'birthDay',
      'gender',
      'notify',
    ]);
  });
  it('business, in display order', () => {
    expect(BUSINESS_FIELDS).toEqual([
      'orgName',
      'orgNameKana',
      'postalCode',
      'prefecture',
      'cityAddress',
      'building',
      'representativeName',
      'phone',
      'department',
      'contactName',
      'birthYear',
      'birthMonth',
      'birthDay',
      'notify',
    ]);
  });
  it('47 prefectures in JIS order', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    expect(PREFECTURES[0]).toBe('北海道');
    expect(PREFECTURES[12]).toBe('東京都');
    expect(PREFECTURES[13]).toBe('神奈川県');
    expect(PREFECTURES[25]).toBe('京都府');
    expect(PREFECTURES[26]).toBe('大阪府');
    expect(PREFECTURES[46]).toBe('沖縄県');
  });
});

describe('valid profiles', () => {
  it('individual', () => {
    expect(parseProfile('individual', individualRaw(), TODAY)).toEqual({
      ok: true,
      profile: INDIVIDUAL,
      values: individualRaw(),
    });
  });
  it('business', () => {
    expect(parseProfile('business', businessRaw(), TODAY)).toEqual({
      ok: true,
      profile: BUSINESS,
      values: { ...businessRaw(), postalCode: '2108577' },
    });
  });
  it('full-width digits and hyphens, hiragana and half-width kana are normalised', () => {
    const r = parseProfile(
      'individual',
      {
        ...individualRaw(),
        familyName: '　山田 ',
        familyNameKana: 'やまだ',
        givenNameKana: 'ﾀﾛｳ',
        postalCode: '〒２１０－８５７７',
        phone: '０４４ー２００ー２１１１',
        birthYear: '１９８５',
        birthMonth: '０４',
        birthDay: '０１',
        building: 'ｶﾜｻｷﾋﾞﾙ　１０１',
      },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      profile: { ...INDIVIDUAL, building: 'カワサキビル 101' },
      values: {
        ...individualRaw(),
        postalCode: '〒210-8577',
        phone: '044-200-2111',
        birthMonth: '04',
        birthDay: '01',
        building: 'カワサキビル 101',
      },
    });
  });
  it('keeps compatibility kanji in names (no NFKC)', () => {
    const r = parseProfile('individual', { ...individualRaw(), familyName: '\uFA19田' }, TODAY);
    expect(r.ok && r.profile.kind === 'individual' && r.profile.familyName).toBe('\uFA19田');
  });
  it.each([
    ['+81 90-1234-5678', '09012345678'],
    ['(044)200-2111', '0442002111'],
    ['0120-123-456', '0120123456'],
    ['050 1234 5678', '05012345678'],
    ['0800-123-4567', '08001234567'],
  ])('phone %s → %s', (phone, digits) => {
    const r = parseProfile('individual', { ...individualRaw(), phone }, TODAY);
    expect(r.ok && r.profile.phone).toBe(digits);
  });
  it.each(['male', 'female', 'unanswered'])('gender %s', (gender) => {
    const r = parseProfile('individual', { ...individualRaw(), gender }, TODAY);
    expect(r.ok && r.profile.kind === 'individual' && r.profile.gender).toBe(gender);
  });
  it('ignores fields of the other kind and unknown keys (password is never copied)', () => {
    const r = parseProfile('individual', { ...individualRaw(), orgName: 'x', password: 'secret' }, TODAY);
    expect(r.ok).toBe(true);
    expect(Object.keys(r.values)).toEqual([...INDIVIDUAL_FIELDS]);
  });
  it('kana may hold spaces and ー', () => {
    const r = parseProfile('individual', { ...individualRaw(), givenNameKana: 'メアリー　アン' }, TODAY);
    expect(r.ok && r.profile.kind === 'individual' && r.profile.givenNameKana).toBe('メアリー アン');
  });
});

describe('errors of each individual field', () => {
  const long = (n: number) => 'あ'.repeat(n);
  it.each([
    ['familyName', '', 'required'],
    ['familyName', '  ', 'required'],
    ['familyName', long(51), 'too_long'],
    ['givenName', '', 'required'],
    ['givenName', long(51), 'too_long'],
    ['familyNameKana', '', 'required'],
    ['familyNameKana', '山田', 'katakana'],
    ['familyNameKana', 'yamada', 'katakana'],
    ['familyNameKana', 'ヤマダ・', 'katakana'],
    ['familyNameKana', 'ア'.repeat(101), 'too_long'],
    ['givenNameKana', '', 'required'],
    ['givenNameKana', 'タロウ1', 'katakana'],
    ['givenNameKana', 'ア'.repeat(101), 'too_long'],
    ['postalCode', '', 'required'],
    ['postalCode', '210-857', 'postal_code'],
    ['postalCode', '210-85777', 'postal_code'],
    ['postalCode', 'abc-defg', 'postal_code'],
    ['prefecture', '', 'required'],
    ['prefecture', '神奈川', 'prefecture'],
    ['prefecture', 'Tokyo', 'prefecture'],
    ['cityAddress', '', 'required'],
    ['cityAddress', long(101), 'too_long'],
    ['building', long(101), 'too_long'],
    ['phone', '', 'required'],
    ['phone', '044-200-211', 'phone'],
    ['phone', '044-200-21111', 'phone'],
    ['phone', '1442002111', 'phone'],
    ['phone', '0042002111', 'phone'],
    ['phone', '01012345678', 'phone'],
    ['phone', '090-1234-567a', 'phone'],
    ['gender', '', 'required'],
    ['gender', 'other', 'choice'],
    ['notify', '', 'required'],
    ['notify', 'true', 'choice'],
  ])('%s = %j → %s', (field, value, code) => {
    expect(errorsWith('individual', { [field]: value })).toEqual([{ field, code }]);
  });
  it('limits are inclusive', () => {
    expect(
      errorsWith('individual', {
        familyName: long(50),
        givenName: long(50),
        familyNameKana: 'ア'.repeat(100),
        givenNameKana: 'ア'.repeat(100),
        cityAddress: long(100),
        building: long(100),
      }),
    ).toEqual([]);
  });
  it('counts code points: 50 × 𠮷 is 50 characters', () => {
    expect(errorsWith('individual', { familyName: '𠮷'.repeat(50) })).toEqual([]);
    expect(errorsWith('individual', { familyName: '𠮷'.repeat(51) })).toEqual([
      { field: 'familyName', code: 'too_long' },
    ]);
  });
  it('missing keys are required fields', () => {
    expect(errorsWith('individual', { familyName: undefined, gender: undefined })).toEqual([
      { field: 'familyName', code: 'required' },
      { field: 'gender', code: 'required' },
    ]);
  });
});

describe('errors of each business field', () => {
  const long = (n: number) => 'か'.repeat(n);
  it.each([
    ['orgName', '', 'required'],
    ['orgName', long(101), 'too_long'],
    ['orgNameKana', '', 'required'],
    ['orgNameKana', '株式会社', 'katakana'],
    ['orgNameKana', 'ア'.repeat(101), 'too_long'],
    ['postalCode', '', 'required'],
    ['postalCode', '12345678', 'postal_code'],
    ['prefecture', '', 'required'],
    ['prefecture', 'かながわ', 'prefecture'],
    ['cityAddress', '', 'required'],
    ['cityAddress', long(101), 'too_long'],
    ['building', long(101), 'too_long'],
    ['representativeName', '', 'required'],
    ['representativeName', long(51), 'too_long'],
    ['phone', '', 'required'],
    ['phone', '12345', 'phone'],
    ['department', '', 'required'],
    ['department', long(51), 'too_long'],
    ['contactName', '', 'required'],
    ['contactName', long(51), 'too_long'],
    ['notify', '', 'required'],
    ['notify', 'maybe', 'choice'],
    ['birthYear', '', 'required'],
  ])('%s = %j → %s', (field, value, code) => {
    expect(errorsWith('business', { [field]: value })).toEqual([{ field, code }]);
  });
  it('orgName up to 100 and the other limits are inclusive', () => {
    expect(
      errorsWith('business', {
        orgName: long(100),
        orgNameKana: 'ア'.repeat(100),
        representativeName: long(50),
        department: long(50),
        contactName: long(50),
      }),
    ).toEqual([]);
  });
  it('a business has no gender field', () => {
    const r = parseProfile('business', businessRaw(), TODAY);
    expect(r.ok && 'gender' in r.profile).toBe(false);
  });
});

describe('date of birth', () => {
  const date = (birthYear: string, birthMonth: string, birthDay: string) =>
    errorsWith('individual', { birthYear, birthMonth, birthDay });
  it.each([
    ['', '', '', 'birthYear', 'required'],
    ['', '4', '1', 'birthYear', 'required'],
    ['1985', '', '1', 'birthMonth', 'required'],
    ['1985', '4', '', 'birthDay', 'required'],
    ['1985', '', '', 'birthMonth', 'required'],
    ['85', '4', '1', 'birthYear', 'date_invalid'],
    ['昭和60', '4', '1', 'birthYear', 'date_invalid'],
    ['1985', '13', '1', 'birthMonth', 'date_invalid'],
    ['1985', '0', '1', 'birthMonth', 'date_invalid'],
    ['1985', '四', '1', 'birthMonth', 'date_invalid'],
    ['1985', '4', '0', 'birthDay', 'date_invalid'],
    ['1985', '4', '32', 'birthDay', 'date_invalid'],
    ['1985', '4', '31', 'birthDay', 'date_invalid'],
    ['1985', '2', '30', 'birthDay', 'date_invalid'],
    ['1985', '4', '1.5', 'birthDay', 'date_invalid'],
    ['2023', '2', '29', 'birthDay', 'date_invalid'],
    ['1900', '2', '29', 'birthDay', 'date_invalid'],
    ['2100', '2', '29', 'birthDay', 'date_invalid'],
    ['1899', '12', '31', 'birthYear', 'date_too_old'],
    ['2025', '6', '15', 'birthYear', 'date_future'],
    ['2025', '6', '16', 'birthYear', 'date_future'],
    ['2026', '1', '1', 'birthYear', 'date_future'],
  ])('%j/%j/%j → %s %s', (y, m, d, field, code) => {
    expect(date(y, m, d)).toEqual([{ field, code }]);
  });
  it.each([
    ['2024', '2', '29', '2024-02-29'],
    ['2000', '2', '29', '2000-02-29'],
    ['1996', '02', '29', '1996-02-29'],
    ['1900', '1', '1', '1900-01-01'],
    ['2025', '6', '14', '2025-06-14'],
    ['１９８５', '１２', '３１', '1985-12-31'],
  ])('%s/%s/%s → %s', (birthYear, birthMonth, birthDay, iso) => {
    const r = parseProfile('individual', { ...individualRaw(), birthYear, birthMonth, birthDay }, TODAY);
    expect(r.ok && r.profile.birthDate).toBe(iso);
  });
  it('business: 担当者生年月日 has the same rules', () => {
    expect(errorsWith('business', { birthYear: '2030' })).toEqual([
      { field: 'birthYear', code: 'date_future' },
    ]);
  });
});

describe('values are kept on error', () => {
  it('every field comes back normalised, errors in display order', () => {
    const raw = {
      familyName: 'ｶﾜｻｷ',
      givenName: '',
      familyNameKana: 'かわさき',
      givenNameKana: 'Hanako',
      postalCode: '２１０',
      prefecture: '神奈川県',
      cityAddress: '川崎区１－２',
      building: '',
      phone: '０９０',
      birthYear: '１９８５',
      birthMonth: '２',
      birthDay: '３０',
      gender: 'female',
      notify: '',
    };
    expect(parseProfile('individual', raw, TODAY)).toEqual({
      ok: false,
      errors: [
        { field: 'givenName', code: 'required' },
        { field: 'givenNameKana', code: 'katakana' },
        { field: 'postalCode', code: 'postal_code' },
        { field: 'phone', code: 'phone' },
        { field: 'birthDay', code: 'date_invalid' },
        { field: 'notify', code: 'required' },
      ],
      values: {
        familyName: 'カワサキ',
        givenName: '',
        familyNameKana: 'カワサキ',
        givenNameKana: 'Hanako',
        postalCode: '210',
        prefecture: '神奈川県',
        cityAddress: '川崎区1－2',
        building: '',
        phone: '090',
        birthYear: '1985',
        birthMonth: '2',
        birthDay: '30',
        gender: 'female',
        notify: '',
      },
    });
  });
  it('an empty form gives every required error and empty values', () => {
    const r = parseProfile('business', {}, TODAY);
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'orgName', code: 'required' },
        { field: 'orgNameKana', code: 'required' },
        { field: 'postalCode', code: 'required' },
        { field: 'prefecture', code: 'required' },
        { field: 'cityAddress', code: 'required' },
        { field: 'representativeName', code: 'required' },
        { field: 'phone', code: 'required' },
        { field: 'department', code: 'required' },
        { field: 'contactName', code: 'required' },
        { field: 'birthYear', code: 'required' },
        { field: 'notify', code: 'required' },
      ],
      values: Object.fromEntries(BUSINESS_FIELDS.map((f) => [f, ''])),
    });
  });
});

describe('profileToFormValues, displayName', () => {
  it('individual form values', () => {
    expect(profileToFormValues(INDIVIDUAL)).toEqual({ ...individualRaw(), phone: '0442002111' });
  });
  it('business form values', () => {
    expect(profileToFormValues(BUSINESS)).toEqual({
      ...businessRaw(),
      postalCode: '210-8577',
      phone: '09012345678',
    });
  });
  it.each([INDIVIDUAL, BUSINESS])('round trip %#', (p) => {
    const r = parseProfile(p.kind, profileToFormValues(p), TODAY);
    expect(r.ok && r.profile).toEqual(p);
  });
  it('displayName', () => {
    expect(displayName(INDIVIDUAL)).toBe('山田 太郎');
    expect(displayName(BUSINESS)).toBe('株式会社かわさき商事');
  });
});

describe('toWareki', () => {
  it.each([
    [1985, '昭和60年'],
    [1926, '大正15年'],
    [1927, '昭和2年'],
    [1988, '昭和63年'],
    [1989, '平成元年'],
    [1990, '平成2年'],
    [2018, '平成30年'],
    [2019, '令和元年'],
    [2025, '令和7年'],
    [1912, '明治45年'],
    [1913, '大正2年'],
    [1868, '明治元年'],
    [1900, '明治33年'],
  ])('%d → %s', (year, wareki) => {
    expect(toWareki(year)).toBe(wareki);
  });
  it.each([1867, 0, -5, 1985.5, Number.NaN])('%d → null', (year) => {
    expect(toWareki(year)).toBe(null);
  });
});

describe('properties', () => {
  const fieldNames = [
    ...new Set([...INDIVIDUAL_FIELDS, ...BUSINESS_FIELDS, 'password', '__proto__', 'constructor']),
  ];
  const rawRecord = fc.dictionary(
    fc.oneof(fc.constantFrom(...fieldNames), fc.string()),
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constant(undefined),
    ),
  );
  const today = fc.record({
    year: fc.integer({ min: 1800, max: 2200 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  });
  it('parseProfile never throws; values hold exactly the fields of the kind', () => {
    fc.assert(
      fc.property(fc.constantFrom<UserKind>('individual', 'business'), rawRecord, today, (kind, raw, t) => {
        const r = parseProfile(kind, raw, t);
        const fields = kind === 'individual' ? INDIVIDUAL_FIELDS : BUSINESS_FIELDS;
        expect(Object.keys(r.values)).toEqual([...fields]);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(fields).toContain(e.field);
        }
      }),
      { numRuns: 1000 },
    );
  });
  it('normalised values parse to the same result', () => {
    fc.assert(
      fc.property(fc.constantFrom<UserKind>('individual', 'business'), rawRecord, (kind, raw) => {
        const r = parseProfile(kind, raw, TODAY);
        expect(parseProfile(kind, r.values, TODAY)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });
});
