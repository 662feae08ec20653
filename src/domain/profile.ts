/**
 * The profile of screen 5 (利用者情報の入力) for both kinds of user: field names, normalisation,
 * validation and the stored shape, built from the field building blocks of fields.ts. Pure: the
 * caller passes "today" (from its injected clock, in Japan time).
 *
 * Choices:
 * - Every error is a `{ field, code }` (the codes of fields.ts); at most one error per field, the
 *   first rule that fails. Errors come in display order (INDIVIDUAL_FIELDS / BUSINESS_FIELDS), ready
 *   for an error summary.
 * - The date of birth (three inputs) yields at most one error for the group, reported on the part
 *   that is wrong (birthYear / birthMonth / birthDay; see parseDate in fields.ts for which), so
 *   that the error summary can link to that input. It must be from 1900 and before today.
 *   A view highlights the date group when any of BIRTH_DATE_FIELDS has an error.
 * - Lengths are counted in Unicode code points (𠮷 is one character).
 * - Phone, postal code and フリガナ: the rules of fields.ts (phoneDigits, postalCodeDigits, kana).
 * - 建物名など is optional; stored as null when empty.
 * - toWareki gives a year in which the era changed the era that covers most of that year.
 */
import {
  birthDateRules,
  choice,
  kana,
  normalizeDatePart,
  optionalText,
  parseDate,
  phone,
  postalCode,
  prefecture,
  text,
  type DatePart,
  type Field,
  type FieldCode,
  type SimpleDate,
} from './fields.js';

export { MIN_BIRTH_YEAR, PREFECTURES, postalCodeDigits, phoneDigits } from './fields.js';
export type { Prefecture, SimpleDate } from './fields.js';

export type UserKind = 'individual' | 'business';
export const USER_KINDS: readonly UserKind[] = ['individual', 'business'];

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
type BirthDateField = (typeof BIRTH_DATE_FIELDS)[number];
const BIRTH_DATE_FIELD: Record<DatePart, BirthDateField> = {
  year: 'birthYear',
  month: 'birthMonth',
  day: 'birthDay',
};

const MAX = {
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
} as const;

/** Maximum length (code points) of each free-text field. */
export const FIELD_MAX_LENGTH: Readonly<Record<string, number>> = MAX;

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

/** The codes a profile field can give (a subset of fields.ts's). */
export type FieldErrorCode = Extract<
  FieldCode,
  | 'required'
  | 'too_long'
  | 'katakana'
  | 'postal_code'
  | 'phone'
  | 'prefecture'
  | 'date_invalid'
  | 'date_future'
  | 'date_too_old'
  | 'choice'
>;

export type FieldError = { field: string; code: string };

export type ProfileParseResult =
  | { ok: true; profile: Profile; values: Record<string, string> }
  | { ok: false; errors: FieldError[]; values: Record<string, string> };

// ---------------------------------------------------------------------------------------------
// the fields of each kind (the date of birth apart: three inputs, one value)

const notify: Field<boolean> = (() => {
  const yesNo = choice(NOTIFY_VALUES);
  return {
    normalize: yesNo.normalize,
    parse: (s) => {
      const r = yesNo.parse(s);
      return r.ok ? { ok: true, value: r.value === 'yes' } : r;
    },
  };
})();

const address = {
  postalCode: postalCode(),
  prefecture: prefecture(),
  cityAddress: text({ max: MAX.cityAddress }),
  building: optionalText({ max: MAX.building }),
};

const individualFields = {
  familyName: text({ max: MAX.familyName }),
  givenName: text({ max: MAX.givenName }),
  familyNameKana: kana({ max: MAX.familyNameKana }),
  givenNameKana: kana({ max: MAX.givenNameKana }),
  ...address,
  phone: phone(),
  gender: choice(GENDERS),
  notify,
};

const businessFields = {
  orgName: text({ max: MAX.orgName }),
  orgNameKana: kana({ max: MAX.orgNameKana }),
  ...address,
  representativeName: text({ max: MAX.representativeName }),
  phone: phone(),
  department: text({ max: MAX.department }),
  contactName: text({ max: MAX.contactName }),
  notify,
};

type Shape = Record<string, Field<unknown>>;
type ValuesOf<S extends Shape> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Each field of `shape` read from the normalised `values`: the data, or every field's first error. */
function parseShape<S extends Shape>(
  shape: S,
  values: Record<string, string>,
): { ok: true; data: ValuesOf<S> } | { ok: false; errors: FieldError[] } {
  const data: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(shape)) {
    const r = field.parse(values[name] ?? '');
    if (r.ok) data[name] = r.value;
    else errors.push({ field: name, code: r.issue.code });
  }
  // the loop gave every key of S a value of its field's type
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data: data as ValuesOf<S> };
}

function normalizerOf(kind: UserKind, field: string): (raw: string) => string {
  if ((BIRTH_DATE_FIELDS as readonly string[]).includes(field)) return normalizeDatePart;
  const shape: Shape = kind === 'business' ? businessFields : individualFields;
  return Object.prototype.hasOwnProperty.call(shape, field)
    ? (shape[field]?.normalize ?? ((s) => s.trim()))
    : (s) => s.trim();
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
    values[field] = normalizerOf(kind, field)(typeof v === 'string' ? v : '');
  }

  const birth = parseDate(
    values.birthYear ?? '',
    values.birthMonth ?? '',
    values.birthDay ?? '',
    birthDateRules(today),
  );
  const birthErrors: FieldError[] = birth.ok
    ? []
    : [{ field: BIRTH_DATE_FIELD[birth.part], code: birth.issue.code }];

  if (kind === 'business') {
    const r = parseShape(businessFields, values);
    if (r.ok && birth.ok) return { ok: true, profile: { kind, ...r.data, birthDate: birth.value }, values };
    return { ok: false, errors: inDisplayOrder(fields, [...(r.ok ? [] : r.errors), ...birthErrors]), values };
  }
  const r = parseShape(individualFields, values);
  if (r.ok && birth.ok) return { ok: true, profile: { kind, ...r.data, birthDate: birth.value }, values };
  return { ok: false, errors: inDisplayOrder(fields, [...(r.ok ? [] : r.errors), ...birthErrors]), values };
}

function inDisplayOrder(fields: readonly string[], errors: FieldError[]): FieldError[] {
  return errors.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
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
