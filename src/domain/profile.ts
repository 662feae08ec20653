/**
 * The profile of screen 5 (利用者情報の入力) for both kinds of user: field names, normalisation,
 * validation and the stored shape. Pure: the caller passes "today" (from its injected clock, in
 * Japan time).
 *
 * Choices:
 * - Every error is a `{ field, code }`; at most one error per field, the first rule that fails.
 *   Errors come in display order (INDIVIDUAL_FIELDS / BUSINESS_FIELDS), ready for an error summary.
 * - The date of birth (three inputs) yields at most one error for the group, reported on the part
 *   that is wrong, so that the error summary can link to that input:
 *     all three empty                         → birthYear  'required'
 *     some empty                              → the first empty part, 'required'
 *     year not 4 digits                       → birthYear  'date_invalid'
 *     month not 1–12                          → birthMonth 'date_invalid'
 *     day not 1–31, or no such day (2月30日) → birthDay   'date_invalid'
 *     year < 1900                             → birthYear  'date_too_old'
 *     today or later                          → birthYear  'date_future'
 *   A view highlights the date group when any of BIRTH_DATE_FIELDS has an error.
 * - Lengths are counted in Unicode code points (𠮷 is one character).
 * - Phone: digits only, 10 digits starting with 0 and not 00 (landlines, 0120, 0570), or 11 digits
 *   starting with 0[2-9]0 (070/080/090 mobiles, 050 IP phones, 020, 0800). Hyphens, spaces,
 *   parentheses and a leading +81 (read as 0) are accepted in the input.
 * - Postal code: 7 digits; a hyphen, spaces and a leading 〒 are accepted in the input.
 * - 建物名など is optional; stored as null when empty.
 * - フリガナ (after normalizeKana) accepts full-width katakana (ァ–ヺ), ー, ヽ ヾ and single spaces;
 *   ・ and ＝ are refused ('katakana').
 * - toWareki gives a year in which the era changed the era that covers most of that year.
 */
import { z } from 'zod';
import { normalizeKana, normalizeName, toHalfWidthAscii } from './normalize.js';

export type UserKind = 'individual' | 'business';
export const USER_KINDS: readonly UserKind[] = ['individual', 'business'];

/** The 47 prefectures in JIS X 0401 order. */
export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;
export type Prefecture = (typeof PREFECTURES)[number];

export const GENDERS = ['male', 'female', 'unanswered'] as const;
export type Gender = (typeof GENDERS)[number];
export const NOTIFY_VALUES = ['yes', 'no'] as const;

/** The HTML `name`s of the individual form, in display order. */
export const INDIVIDUAL_FIELDS = [
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
] as const;

/** The HTML `name`s of the business form, in display order. */
export const BUSINESS_FIELDS = [
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
] as const;

export type IndividualField = (typeof INDIVIDUAL_FIELDS)[number];
export type BusinessField = (typeof BUSINESS_FIELDS)[number];
export type ProfileField = IndividualField | BusinessField;

/** The three inputs of 生年月日 / 担当者生年月日. */
export const BIRTH_DATE_FIELDS = ['birthYear', 'birthMonth', 'birthDay'] as const;

/** Maximum length (code points) of each free-text field. */
export const FIELD_MAX_LENGTH: Readonly<Record<string, number>> = {
  familyName: 50,
  givenName: 50,
  familyNameKana: 100,
  givenNameKana: 100,
  orgName: 100,
  orgNameKana: 100,
  representativeName: 50,
  contactName: 50,
  department: 50,
  cityAddress: 100,
  building: 100,
};

/** The oldest year of birth accepted. */
export const MIN_BIRTH_YEAR = 1900;

type Address = {
  /** 7 digits, no hyphen */
  postalCode: string;
  /** one of PREFECTURES */
  prefecture: string;
  cityAddress: string;
  /** 建物名など; null when not given */
  building: string | null;
};

export type IndividualProfile = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
} & Address & {
    /** digits only, 10 or 11, starting with 0 */
    phone: string;
    /** ISO `YYYY-MM-DD` */
    birthDate: string;
    gender: Gender;
    notify: boolean;
  };

export type BusinessProfile = {
  orgName: string;
  orgNameKana: string;
} & Address & {
    representativeName: string;
    /** 連絡先電話番号: digits only, 10 or 11, starting with 0 */
    phone: string;
    department: string;
    contactName: string;
    /** 担当者生年月日, ISO `YYYY-MM-DD` */
    birthDate: string;
    notify: boolean;
  };

export type Profile = ({ kind: 'individual' } & IndividualProfile) | ({ kind: 'business' } & BusinessProfile);

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'katakana'
  | 'postal_code'
  | 'phone'
  | 'prefecture'
  | 'date_invalid'
  | 'date_future'
  | 'date_too_old'
  | 'choice';

export type FieldError = { field: string; code: string };

export type SimpleDate = { year: number; month: number; day: number };

export type ProfileParseResult =
  | { ok: true; profile: Profile; values: Record<string, string> }
  | { ok: false; errors: FieldError[]; values: Record<string, string> };

// ---------------------------------------------------------------------------------------------
// normalisation of each field (what is re-displayed)

const NAME_FIELDS = new Set<string>([
  'familyName',
  'givenName',
  'orgName',
  'representativeName',
  'department',
  'contactName',
  'cityAddress',
  'building',
]);
const KANA_FIELDS = new Set<string>(['familyNameKana', 'givenNameKana', 'orgNameKana']);
const ASCII_FIELDS = new Set<string>(['postalCode', 'phone', 'birthYear', 'birthMonth', 'birthDay']);

function normalizeField(field: string, value: string): string {
  if (NAME_FIELDS.has(field)) return normalizeName(value);
  if (KANA_FIELDS.has(field)) return normalizeKana(value);
  if (ASCII_FIELDS.has(field)) return toHalfWidthAscii(value);
  return value.trim();
}

// ---------------------------------------------------------------------------------------------
// rules

const charLength = (s: string): number => [...s].length;

/** Full-width katakana (ァ–ヺ), ー, ヽ ヾ, and single spaces (after normalizeKana). */
const KATAKANA = /^[\u30A1-\u30FA\u30FC-\u30FE ]+$/;

/** The 7 digits of a postal code, or null. */
export function postalCodeDigits(value: string): string | null {
  const s = value.replace(/^〒/, '').replace(/[-\s]/g, '');
  return /^[0-9]{7}$/.test(s) ? s : null;
}

/** The digits of a Japanese phone number (see the rules at the top), or null. */
export function phoneDigits(value: string): string | null {
  let s = value.replace(/[-\s()]/g, '');
  if (s.startsWith('+81')) s = '0' + s.slice(3).replace(/^0/, '');
  if (/^0[1-9][0-9]{8}$/.test(s) || /^0[2-9]0[0-9]{8}$/.test(s)) return s;
  return null;
}

const required = { error: 'required', abort: true } as const;

const requiredText = (max: number) =>
  z
    .string()
    .min(1, required)
    .refine((s) => charLength(s) <= max, { error: 'too_long' });

const kanaText = (max: number) =>
  z
    .string()
    .min(1, required)
    .regex(KATAKANA, { error: 'katakana', abort: true })
    .refine((s) => charLength(s) <= max, { error: 'too_long' });

const optionalText = (max: number) =>
  z
    .string()
    .refine((s) => charLength(s) <= max, { error: 'too_long' })
    .transform((s) => (s === '' ? null : s));

const postalCode = z
  .string()
  .min(1, required)
  .refine((s) => postalCodeDigits(s) !== null, { error: 'postal_code', abort: true })
  .transform((s) => postalCodeDigits(s) ?? '');

const phone = z
  .string()
  .min(1, required)
  .refine((s) => phoneDigits(s) !== null, { error: 'phone', abort: true })
  .transform((s) => phoneDigits(s) ?? '');

const prefecture = z
  .string()
  .min(1, required)
  .refine((s) => (PREFECTURES as readonly string[]).includes(s), { error: 'prefecture' });

const choice = <const T extends readonly string[]>(options: T) =>
  z
    .string()
    .min(1, required)
    .refine((s) => options.includes(s), { error: 'choice', abort: true })
    .transform((s) => s as T[number]);

const notify = choice(NOTIFY_VALUES).transform((s) => s === 'yes');

const addressShape = {
  postalCode,
  prefecture,
  cityAddress: requiredText(100),
  building: optionalText(100),
};

const individualSchema = z.object({
  familyName: requiredText(50),
  givenName: requiredText(50),
  familyNameKana: kanaText(100),
  givenNameKana: kanaText(100),
  ...addressShape,
  phone,
  gender: choice(GENDERS),
  notify,
});

const businessSchema = z.object({
  orgName: requiredText(100),
  orgNameKana: kanaText(100),
  ...addressShape,
  representativeName: requiredText(50),
  phone,
  department: requiredText(50),
  contactName: requiredText(50),
  notify,
});

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The date of birth from its three (normalised) parts: an ISO date or the group's one error. */
export function parseBirthDate(
  yearText: string,
  monthText: string,
  dayText: string,
  today: SimpleDate,
): { ok: true; date: string } | { ok: false; error: FieldError } {
  const fail = (field: string, code: FieldErrorCode) => ({ ok: false as const, error: { field, code } });
  if (yearText === '') return fail('birthYear', 'required');
  if (monthText === '') return fail('birthMonth', 'required');
  if (dayText === '') return fail('birthDay', 'required');
  if (!/^[0-9]{4}$/.test(yearText)) return fail('birthYear', 'date_invalid');
  const year = Number(yearText);
  const month = /^[0-9]{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  if (!(month >= 1 && month <= 12)) return fail('birthMonth', 'date_invalid');
  const day = /^[0-9]{1,2}$/.test(dayText) ? Number(dayText) : NaN;
  if (!(day >= 1 && day <= 31)) return fail('birthDay', 'date_invalid');
  if (year < MIN_BIRTH_YEAR) return fail('birthYear', 'date_too_old');
  if (day > daysInMonth(year, month)) return fail('birthDay', 'date_invalid');
  const key = year * 10000 + month * 100 + day;
  const todayKey = today.year * 10000 + today.month * 100 + today.day;
  if (key >= todayKey) return fail('birthYear', 'date_future');
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

// ---------------------------------------------------------------------------------------------
// the contract

/**
 * Normalises and validates the profile form of one kind. `values` always holds every field of
 * that kind, normalised (０９０ → 090, ひらがな → カタカナ in フリガナ), to show back to the user.
 * Other keys of `raw` (password, CSRF token …) are ignored and never copied into `values`.
 */
export function parseProfile(
  kind: UserKind,
  raw: Record<string, string | undefined>,
  today: SimpleDate,
): ProfileParseResult {
  const fields: readonly string[] = kind === 'business' ? BUSINESS_FIELDS : INDIVIDUAL_FIELDS;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const v: unknown = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
    values[field] = normalizeField(field, typeof v === 'string' ? v : '');
  }

  const errors: FieldError[] = [];
  const result = (kind === 'business' ? businessSchema : individualSchema).safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!errors.some((e) => e.field === field)) errors.push({ field, code: issue.message });
    }
  }
  const birth = parseBirthDate(values.birthYear ?? '', values.birthMonth ?? '', values.birthDay ?? '', today);
  if (!birth.ok) errors.push(birth.error);

  if (!result.success || !birth.ok) {
    errors.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
    return { ok: false, errors, values };
  }
  const data = result.data;
  const profile: Profile =
    'orgName' in data
      ? { kind: 'business', ...data, birthDate: birth.date }
      : { kind: 'individual', ...data, birthDate: birth.date };
  return { ok: true, profile, values };
}

function formatPostalCode(digits: string): string {
  return /^[0-9]{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits;
}

/** The form values that show a stored profile (for prefilling); parseProfile reads them back. */
export function profileToFormValues(p: Profile): Record<string, string> {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(p.birthDate);
  const birth = m
    ? { birthYear: m[1] ?? '', birthMonth: String(Number(m[2])), birthDay: String(Number(m[3])) }
    : { birthYear: '', birthMonth: '', birthDay: '' };
  const address = {
    postalCode: formatPostalCode(p.postalCode),
    prefecture: p.prefecture,
    cityAddress: p.cityAddress,
    building: p.building ?? '',
  };
  const notifyValue = p.notify ? 'yes' : 'no';
  if (p.kind === 'individual') {
    return {
      familyName: p.familyName,
      givenName: p.givenName,
      familyNameKana: p.familyNameKana,
      givenNameKana: p.givenNameKana,
      ...address,
      phone: p.phone,
      ...birth,
      gender: p.gender,
      notify: notifyValue,
    };
  }
  return {
    orgName: p.orgName,
    orgNameKana: p.orgNameKana,
    ...address,
    representativeName: p.representativeName,
    phone: p.phone,
    department: p.department,
    contactName: p.contactName,
    ...birth,
    notify: notifyValue,
  };
}

/** The name shown for a user (e.g. left of ログアウト): 「姓 名」 or 法人名/事業者名. */
export function displayName(p: Profile): string {
  return p.kind === 'individual' ? `${p.familyName} ${p.givenName}` : p.orgName;
}

/**
 * The Japanese era year of a Gregorian year, e.g. 1985 → '昭和60年', 2019 → '令和元年'.
 * A year in which the era changed gets the era that covers most of it: 1912 → 明治45年,
 * 1926 → 大正15年, 1989 → 平成元年, 2019 → 令和元年. Before 1868 (or not an integer): null.
 */
export function toWareki(year: number): string | null {
  if (!Number.isInteger(year) || year < 1868) return null;
  // [era, its first year (元年), the first Gregorian year given to it by the "most of the year" rule]
  const eras: readonly (readonly [string, number, number])[] = [
    ['令和', 2019, 2019],
    ['平成', 1989, 1989],
    ['昭和', 1926, 1927],
    ['大正', 1912, 1913],
    ['明治', 1868, 1868],
  ];
  for (const [name, start, from] of eras) {
    if (year >= from) {
      const n = year - start + 1;
      return `${name}${n === 1 ? '元' : String(n)}年`;
    }
  }
  return null;
}
