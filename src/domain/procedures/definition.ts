/**
 * The definition format of a procedure (オンライン手続): its metadata and its pages of typed fields,
 * as one zod v4 schema. Definitions are TypeScript data in `procedures/` (`defineProcedure({...})`),
 * checked against this schema at start-up by `parseProcedure` (check.ts), which adds the checks a
 * schema of one field cannot make (unique ids, conditions over earlier fields only, …).
 *
 * Every text shown to people is given in Japanese and English (`{ ja, en }`). Ids are
 * lowerCamelCase so that an input's HTML name (`<fieldId>-<part>`, see fields/) is unambiguous.
 *
 * Field types (the `type` of a field; one module each in fields/):
 *   text, textarea, number, email, tel, date (年/月/日), radio, checkbox (several), select,
 *   name (氏名: 姓/名 + セイ/メイ), address (住所: 郵便番号, 都道府県, 市区町村・番地, 建物名など), file.
 */
import { z } from 'zod';

/** A text in both languages of the site. */
export const localizedSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;
export type Lang = keyof Localized;

/** A page or field id: lowerCamelCase (no hyphen: `-` separates a field's id from its part). */
const idSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be lowerCamelCase (a-z, A-Z, 0-9)');

/**
 * A JSON Logic rule over earlier answers (conditions.ts says which operators are allowed and checks
 * that each `var` names a field of an earlier page). Shown when the rule is truthy.
 */
export const conditionSchema = z.record(z.string(), z.unknown());
export type Condition = z.infer<typeof conditionSchema>;

/**
 * Where a field's initial value can come from (利用者情報). The keys are the profile's names:
 * `name` and `address` are the groups of profile fields (GROUP_LABELS; their parts are the profile
 * fields familyName … building), `phone` and `birthDate` the profile fields, `email` the account's.
 */
export const PREFILL_KEYS = ['name', 'address', 'phone', 'email', 'birthDate'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/** The file kinds an attachment may be (its content is checked later, by the app). */
export const FILE_KINDS = ['pdf', 'jpeg', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Attachments: at most this many MB each … */
export const MAX_FILE_MB = 10;
/** … and this many MB in all the files of one application. */
export const MAX_APPLICATION_FILES_MB = 20;

const common = {
  id: idSchema,
  label: localizedSchema,
  hint: localizedSchema.optional(),
  /** false: the field may be left empty */
  required: z.boolean().default(true),
  /** shown only when this rule over earlier pages' answers holds */
  condition: conditionSchema.optional(),
  prefill: z.enum(PREFILL_KEYS).optional(),
};

const optionSchema = z.strictObject({ value: idSchema, label: localizedSchema });
export type FieldOption = z.infer<typeof optionSchema>;
const options = z.array(optionSchema).min(1);

const positiveInt = z.number().int().positive();

export const textFieldSchema = z.strictObject({
  ...common,
  type: z.literal('text'),
  /** in Unicode code points */
  maxLength: positiveInt.max(1000).default(100),
});
export const textareaFieldSchema = z.strictObject({
  ...common,
  type: z.literal('textarea'),
  maxLength: positiveInt.max(10000).default(1000),
  rows: positiveInt.max(30).default(5),
});
export const numberFieldSchema = z.strictObject({
  ...common,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  /** whole numbers only (the default) */
  integer: z.boolean().default(true),
  /** shown after the input and in the summary (点, 通, 枚) */
  unit: localizedSchema.optional(),
});
export const emailFieldSchema = z.strictObject({ ...common, type: z.literal('email') });
export const telFieldSchema = z.strictObject({ ...common, type: z.literal('tel') });
export const dateFieldSchema = z.strictObject({
  ...common,
  type: z.literal('date'),
  /** past: before today (a birth date); future: after today (a collection day); any */
  when: z.enum(['any', 'past', 'future']).default('any'),
  /** the earliest year accepted */
  minYear: z.number().int().min(1868).max(2100).default(1900),
});
export const radioFieldSchema = z.strictObject({ ...common, type: z.literal('radio'), options });
export const selectFieldSchema = z.strictObject({ ...common, type: z.literal('select'), options });
export const checkboxFieldSchema = z.strictObject({
  ...common,
  type: z.literal('checkbox'),
  options,
  /** when required: at least this many (1 by default) */
  minSelected: positiveInt.optional(),
  maxSelected: positiveInt.optional(),
});
export const nameFieldSchema = z.strictObject({
  ...common,
  type: z.literal('name'),
  /** ask for セイ/メイ too (the default) */
  kana: z.boolean().default(true),
});
export const addressFieldSchema = z.strictObject({ ...common, type: z.literal('address') });
export const fileFieldSchema = z.strictObject({
  ...common,
  type: z.literal('file'),
  /** the kinds accepted, among PDF, JPEG, PNG */
  kinds: z.array(z.enum(FILE_KINDS)).min(1),
  maxFiles: positiveInt.max(10).default(1),
  /** per file, at most MAX_FILE_MB */
  maxFileMb: positiveInt.max(MAX_FILE_MB).default(MAX_FILE_MB),
});

export const fieldSchema = z.discriminatedUnion('type', [
  textFieldSchema,
  textareaFieldSchema,
  numberFieldSchema,
  emailFieldSchema,
  telFieldSchema,
  dateFieldSchema,
  radioFieldSchema,
  checkboxFieldSchema,
  selectFieldSchema,
  nameFieldSchema,
  addressFieldSchema,
  fileFieldSchema,
]);

/** A field as checked (defaults applied). */
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type FieldType = FieldDefinition['type'];
export type FieldOf<T extends FieldType> = Extract<FieldDefinition, { type: T }>;

export const pageSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  /** shown only when this rule over earlier pages' answers holds */
  condition: conditionSchema.optional(),
  fields: z.array(fieldSchema).min(1),
});
export type PageDefinition = z.infer<typeof pageSchema>;

/** 分類: the categories of the catalogue, with their labels. */
export const CATEGORIES = {
  waste: { ja: 'ごみ・リサイクル', en: 'Waste and recycling' },
  certificates: { ja: '証明書', en: 'Certificates' },
  pets: { ja: '動物・ペット', en: 'Animals and pets' },
  learning: { ja: '生涯学習・講座', en: 'Learning and courses' },
  roadsParks: { ja: '道路・公園', en: 'Roads and parks' },
  business: { ja: '事業者向け', en: 'For businesses' },
  taxes: { ja: '税金', en: 'Taxes' },
  opinions: { ja: '市政への意見', en: 'Opinions to the city' },
} as const satisfies Record<string, Localized>;
export type Category = keyof typeof CATEGORIES;
const categoryIds = Object.keys(CATEGORIES) as [Category, ...Category[]];

/** 対象: individuals (個人), businesses (事業者) or both. */
export const AUDIENCES = ['individual', 'business', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];

const isoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'must be YYYY-MM-DD');

export const procedureSchema = z.strictObject({
  /** the URL slug: lower-case words joined by hyphens; also the file's name */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug (a-z, 0-9, hyphens)'),
  name: localizedSchema,
  /** the reading of the name, in hiragana or katakana (for the search by kana and romaji) */
  kana: z.string().regex(/^[\u3041-\u3096\u30A1-\u30FA\u30FC・ ]+$/, 'must be kana'),
  /** 分類 */
  category: z.enum(categoryIds),
  /** 担当課 */
  department: localizedSchema,
  /** 問い合わせ先 */
  contact: z.strictObject({
    phone: z.string().regex(/^0[0-9-]{9,12}$/, 'must be a phone number like 044-200-2111'),
    email: z.email().optional(),
    hours: localizedSchema,
  }),
  /** 対象 */
  audience: z.enum(AUDIENCES),
  /** an application can be made without an account (ログインせずに申請する) */
  guestAllowed: z.boolean(),
  /** the applicant may withdraw (取下げる) while 送信済 or 差し戻し */
  withdrawalAllowed: z.boolean(),
  /** one open application per person, or any number */
  applicationsPerPerson: z.enum(['one', 'many']),
  /** 受付期間: the text shown, and the dates (inclusive, Japan time) when it has any */
  acceptance: z.strictObject({
    from: isoDate.optional(),
    until: isoDate.optional(),
    text: localizedSchema,
  }),
  /** 保存年限: years a closed application is kept */
  retentionYears: z.number().int().min(1).max(30),
  /** 手数料 (a notice; the fee is paid elsewhere) */
  fee: localizedSchema,
  /** 必要なもの */
  requirements: z.array(localizedSchema),
  /** 概要 */
  summary: localizedSchema,
  /** 対象となる方 */
  eligibility: localizedSchema,
  /** the declaration ticked on 申請内容の確認 (記載内容に相違ありません), when the procedure has one */
  declaration: localizedSchema.optional(),
  pages: z.array(pageSchema).min(1),
});

/** A procedure as checked (defaults applied): what the app uses and what an application keeps a copy of. */
export type ProcedureDefinition = z.infer<typeof procedureSchema>;
/** A procedure as written in `procedures/` (defaults may be left out). */
export type ProcedureInput = z.input<typeof procedureSchema>;

/**
 * Marks a definition file's export: the type checks the definition as it is written (an editor
 * shows a wrong key at once); the start-up check (loadProcedures) is what makes it trusted.
 */
export function defineProcedure(definition: ProcedureInput): ProcedureInput {
  return definition;
}
