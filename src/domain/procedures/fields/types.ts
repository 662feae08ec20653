/**
 * What a field type module provides (one module per type in this folder, registered in
 * registry.ts under a `{ [T in FieldType]: FieldTypeModule<T> }`, so a type without its inputs,
 * reader, validator or summary does not compile).
 *
 * Words:
 * - form input: what the browser sent for one page (HTML name → string, or strings for a checkbox,
 *   or the metadata of the files the app has received for a file input);
 * - answer: a field's normalised input (shown back as typed; kept in a draft; JSON);
 * - value: what a valid answer means (a number, an ISO date, the digits of a phone number …).
 */
import type { FieldOf, FieldType, Lang } from '../definition.js';
import type { SimpleDate } from '../../fields.js';

/** The metadata of one attached file, as the app gives it (the content is the app's business). */
export type FileMeta = {
  /** the app's id of the stored file */
  id: string;
  /** the file name as uploaded (shown only) */
  name: string;
  /** the media type declared by the browser (application/pdf, image/jpeg, image/png) */
  mediaType: string;
  /** bytes */
  size: number;
};

/** What the browser sent for one page (the web layer adds the metadata of uploaded files). */
export type FormInput = Readonly<
  Record<string, string | readonly string[] | readonly FileMeta[] | undefined>
>;

export type DateAnswer = { year: string; month: string; day: string };
export type NameAnswer = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
};
export type AddressAnswer = { postalCode: string; prefecture: string; cityAddress: string; building: string };

/** The answer of each field type. */
export type AnswerByType = {
  text: string;
  textarea: string;
  number: string;
  email: string;
  tel: string;
  date: DateAnswer;
  radio: string;
  checkbox: string[];
  select: string;
  name: NameAnswer;
  address: AddressAnswer;
  file: FileMeta[];
};
export type AnswerOf<T extends FieldType> = AnswerByType[T];
export type Answer = AnswerByType[FieldType];

/** A form's answers: field id → answer (only fields that were answered). */
export type Answers = Readonly<Record<string, Answer>>;

/** The value of each field type once valid. */
export type ValueByType = {
  text: string;
  textarea: string;
  number: number;
  email: string;
  /** digits */
  tel: string;
  /** ISO YYYY-MM-DD */
  date: string;
  radio: string;
  checkbox: string[];
  select: string;
  name: {
    familyName: string;
    givenName: string;
    familyNameKana: string | null;
    givenNameKana: string | null;
  };
  address: { postalCode: string; prefecture: string; cityAddress: string; building: string | null };
  file: FileMeta[];
};

/**
 * The parameters of an error's message (src/messages/fields-ja.ts FieldMessageParams, without the
 * label, which the view takes from the field or, for a part of 氏名/住所, from field-labels.ts).
 */
export type IssueParams = {
  /** the person picks rather than types: 「…を選択してください」 */
  select?: boolean;
  /** the input of a date the error is on */
  part?: 'year' | 'month' | 'day';
  max?: number;
  min?: number;
  minYear?: number;
  /** file sizes, in MB */
  maxMb?: number;
  /** the file kinds accepted, upper case (PDF, JPEG, PNG) */
  kinds?: readonly string[];
};

/** One error of a field, before the engine adds the field's id. */
export type Issue = {
  /** the HTML input it is on (the error summary links to it) */
  input: string;
  /**
   * for 氏名 and 住所: the part the message names, a profile field name (familyName … building)
   * whose label is in src/messages/field-labels.ts; otherwise the message names the field's label
   */
  subfield?: string;
  code: string;
  params: IssueParams;
};

export type ParseResult<V> = { ok: true; value: V } | { ok: false; issues: Issue[] };

export type ValidationContext = {
  /** today in Japan time, from the caller's clock (date rules) */
  today: SimpleDate;
};

export type FieldTypeModule<T extends FieldType> = {
  /** The HTML input names the field reads, in display order. */
  inputs(field: FieldOf<T>): string[];
  /** The answer from what the browser sent for the field's page (normalised; shown back as is). */
  read(field: FieldOf<T>, form: FormInput): AnswerOf<T>;
  /** A stored answer of the right shape, or the empty answer (a draft is JSON from the database). */
  coerce(stored: unknown): AnswerOf<T>;
  /** Nothing given: an optional field left empty is valid (no value). */
  isEmpty(answer: AnswerOf<T>): boolean;
  /** The value of an answer, or its errors (at most one per input). Empty answers come here only when required. */
  parse(field: FieldOf<T>, answer: AnswerOf<T>, ctx: ValidationContext): ParseResult<ValueByType[T]>;
  /** The answer as shown on 申請内容の確認 (lines separated by \n). */
  summary(field: FieldOf<T>, answer: AnswerOf<T>, lang: Lang): string;
};

/** `<fieldId>-<part>`: the HTML name of a part of a field of several inputs. */
export const inputName = (fieldId: string, part: string): string => `${fieldId}-${part}`;

/** The first string sent for an input ('' when none). */
export function formString(form: FormInput, name: string): string {
  const v = Object.prototype.hasOwnProperty.call(form, name) ? form[name] : undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

export const isString = (v: unknown): v is string => typeof v === 'string';

/** A stored record's string parts (missing or wrong ones become ''). */
export function coerceParts<K extends string>(stored: unknown, keys: readonly K[]): Record<K, string> {
  const rec = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = rec[k];
    out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}
