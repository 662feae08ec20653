/**
 * Field building blocks: the typed fields a form is made of (the profile of screen 5 today, the
 * online procedures' forms defined as data tomorrow). Pure; no text.
 *
 * Each field knows how to normalise what was typed (what is shown back to the person) and how to
 * read the normalised value: the value, or the first rule that fails as a stable error CODE with
 * its parameters (`{ code: 'too_long', max: 50 }`). Messages are made from codes elsewhere
 * (src/messages/fields-ja.ts, fields-en.ts), so a form defined as data gets the same messages.
 *
 * Codes (each field lists the ones it can give, in the order it checks them):
 *   required        nothing given (after normalisation)
 *   too_long        more than `max` characters, counted in Unicode code points (𠮷 is one)
 *   katakana        not full-width katakana (ァ–ヺ), ー, ヽ ヾ and single spaces (・ and ＝ refused)
 *   postal_code     not 7 digits (a hyphen, spaces and a leading 〒 are accepted)
 *   phone           not a Japanese phone number (see phoneDigits)
 *   prefecture      not one of the 47 prefectures
 *   choice          not one of the options
 *   date_invalid    a part of a date is not a number in range, or no such day (2月30日)
 *   date_too_old    a date before 1 January `minYear`
 *   date_future     a date not before `before` (for a birth date: today or later)
 *   the email codes of email.ts (invalid_chars, consecutive_dots, bad_edge, too_long, bad_format,
 *   bad_domain)
 */
import { EMAIL_MAX_LENGTH, parseEmail, type EmailErrorCode } from './email.js';
import { normalizeKana, normalizeName, toHalfWidthAscii } from './normalize.js';

/** An error of one field: a stable code and the parameters its message needs. */
export type FieldIssue =
  | {
      code:
        | 'required'
        | 'katakana'
        | 'postal_code'
        | 'phone'
        | 'prefecture'
        | 'choice'
        | 'date_invalid'
        | 'date_future'
        | Exclude<EmailErrorCode, 'too_long'>;
    }
  | { code: 'too_long'; max: number }
  | { code: 'date_too_old'; minYear: number };

export type FieldCode = FieldIssue['code'];

export type FieldResult<T> = { ok: true; value: T } | { ok: false; issue: FieldIssue };

/** A field of one input. */
export type Field<T> = {
  /** What was typed, normalised (０９０ → 090, ひらがな → カタカナ in フリガナ); shown back as is. */
  normalize: (raw: string) => string;
  /** The value of a normalised input, or its first failing rule. */
  parse: (value: string) => FieldResult<T>;
};

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (issue: FieldIssue): FieldResult<never> => ({ ok: false, issue });
const REQUIRED: FieldIssue = { code: 'required' };

/** Length in Unicode code points (𠮷 is one character). */
export const charLength = (s: string): number => [...s].length;

/** Free text (氏名, 住所, 担当部署 …), required, at most `max` characters. */
export function text(opts: { max: number }): Field<string> {
  return {
    normalize: normalizeName,
    parse: (s) =>
      s === ''
        ? fail(REQUIRED)
        : charLength(s) > opts.max
          ? fail({ code: 'too_long', max: opts.max })
          : ok(s),
  };
}

/** Free text that may be left empty (建物名など): null when empty. */
export function optionalText(opts: { max: number }): Field<string | null> {
  return {
    normalize: normalizeName,
    parse: (s) =>
      charLength(s) > opts.max ? fail({ code: 'too_long', max: opts.max }) : ok(s === '' ? null : s),
  };
}

/** Full-width katakana (ァ–ヺ), ー, ヽ ヾ, and single spaces (after normalizeKana). */
const KATAKANA = /^[\u30A1-\u30FA\u30FC-\u30FE ]+$/;

/** フリガナ, required, at most `max` characters: hiragana and half-width kana are converted. */
export function kana(opts: { max: number }): Field<string> {
  return {
    normalize: normalizeKana,
    parse: (s) => {
      if (s === '') return fail(REQUIRED);
      if (!KATAKANA.test(s)) return fail({ code: 'katakana' });
      return charLength(s) > opts.max ? fail({ code: 'too_long', max: opts.max }) : ok(s);
    },
  };
}

/** The 7 digits of a postal code, or null. */
export function postalCodeDigits(value: string): string | null {
  const s = value.replace(/^〒/, '').replace(/[-\s]/g, '');
  return /^[0-9]{7}$/.test(s) ? s : null;
}

/** 郵便番号, required: its 7 digits. */
export function postalCode(): Field<string> {
  return {
    normalize: toHalfWidthAscii,
    parse: (s) => {
      if (s === '') return fail(REQUIRED);
      const digits = postalCodeDigits(s);
      return digits === null ? fail({ code: 'postal_code' }) : ok(digits);
    },
  };
}

/**
 * The digits of a Japanese phone number, or null: 10 digits starting with 0 and not 00
 * (landlines, 0120, 0570), or 11 digits starting with 0[2-9]0 (070/080/090 mobiles, 050 IP phones,
 * 020, 0800). Hyphens, spaces, parentheses and a leading +81 (read as 0) are accepted.
 */
export function phoneDigits(value: string): string | null {
  let s = value.replace(/[-\s()]/g, '');
  if (s.startsWith('+81')) s = '0' + s.slice(3).replace(/^0/, '');
  if (/^0[1-9][0-9]{8}$/.test(s) || /^0[2-9]0[0-9]{8}$/.test(s)) return s;
  return null;
}

/** 電話番号, required: its digits. */
export function phone(): Field<string> {
  return {
    normalize: toHalfWidthAscii,
    parse: (s) => {
      if (s === '') return fail(REQUIRED);
      const digits = phoneDigits(s);
      return digits === null ? fail({ code: 'phone' }) : ok(digits);
    },
  };
}

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

/** 都道府県, required, chosen from the list. */
export function prefecture(): Field<Prefecture> {
  return {
    normalize: (raw) => raw.trim(),
    parse: (s) => {
      if (s === '') return fail(REQUIRED);
      const found = PREFECTURES.find((p) => p === s);
      return found === undefined ? fail({ code: 'prefecture' }) : ok(found);
    },
  };
}

/** One of `options` (radio buttons or a select), required. */
export function choice<const T extends readonly string[]>(options: T): Field<T[number]> {
  return {
    normalize: (raw) => raw.trim(),
    parse: (s) => {
      if (s === '') return fail(REQUIRED);
      const found = options.find((o) => o === s);
      return found === undefined ? fail({ code: 'choice' }) : ok(found);
    },
  };
}

/** An email address (the rules of email.ts), required: the address as typed, normalised. */
export function email(): Field<string> {
  return {
    normalize: toHalfWidthAscii,
    parse: (s) => {
      const r = parseEmail(s);
      if (r.ok) return ok(r.email);
      return r.code === 'too_long'
        ? fail({ code: 'too_long', max: EMAIL_MAX_LENGTH })
        : fail({ code: r.code });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// dates: three inputs 年/月/日

export type SimpleDate = { year: number; month: number; day: number };
export type DatePart = 'year' | 'month' | 'day';

/** The rules of a date beyond being a real one. */
export type DateRules = {
  /** the earliest year accepted ('date_too_old' before 1 January of it) */
  minYear?: number;
  /** the date must be before this day ('date_future' otherwise); for a birth date, today */
  before?: SimpleDate;
};

/** The oldest year of birth accepted. */
export const MIN_BIRTH_YEAR = 1900;

/** A date of birth: from 1 January 1900, before today (from the caller's clock, in Japan time). */
export const birthDateRules = (today: SimpleDate): DateRules => ({ minYear: MIN_BIRTH_YEAR, before: today });

export type DateResult = { ok: true; value: string } | { ok: false; part: DatePart; issue: FieldIssue };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const dayKey = (d: SimpleDate): number => d.year * 10000 + d.month * 100 + d.day;

/** Each part of a date is normalised like a number (１９８５ → 1985). */
export const normalizeDatePart: (raw: string) => string = toHalfWidthAscii;

/**
 * A date from its three normalised parts: an ISO `YYYY-MM-DD`, or the group's one error, on the
 * part that is wrong (so that an error summary can link to that input):
 *   all three empty                         → year  'required'
 *   some empty                              → the first empty part, 'required'
 *   year not 4 digits                       → year  'date_invalid'
 *   month not 1–12                          → month 'date_invalid'
 *   day not 1–31                            → day   'date_invalid'
 *   year < minYear                          → year  'date_too_old'
 *   no such day (2月30日)                   → day   'date_invalid'
 *   not before `before`                     → year  'date_future'
 */
export function parseDate(
  yearText: string,
  monthText: string,
  dayText: string,
  rules: DateRules = {},
): DateResult {
  const failOn = (part: DatePart, issue: FieldIssue) => ({ ok: false as const, part, issue });
  if (yearText === '') return failOn('year', REQUIRED);
  if (monthText === '') return failOn('month', REQUIRED);
  if (dayText === '') return failOn('day', REQUIRED);
  if (!/^[0-9]{4}$/.test(yearText)) return failOn('year', { code: 'date_invalid' });
  const year = Number(yearText);
  const month = /^[0-9]{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  if (!(month >= 1 && month <= 12)) return failOn('month', { code: 'date_invalid' });
  const day = /^[0-9]{1,2}$/.test(dayText) ? Number(dayText) : NaN;
  if (!(day >= 1 && day <= 31)) return failOn('day', { code: 'date_invalid' });
  if (rules.minYear !== undefined && year < rules.minYear) {
    return failOn('year', { code: 'date_too_old', minYear: rules.minYear });
  }
  if (day > daysInMonth(year, month)) return failOn('day', { code: 'date_invalid' });
  if (rules.before && dayKey({ year, month, day }) >= dayKey(rules.before)) {
    return failOn('year', { code: 'date_future' });
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}
