/**
 * TEST SUPPORT (unit and, later, integration tests): valid answers GENERATED from a definition's
 * field types, the form input a browser would send for them, and a walk of the form through every
 * branch of its conditions. Pure; not used by the app.
 */
import { fieldsReadBy } from './conditions.js';
import type { FieldDefinition, FieldOf, FieldType, ProcedureDefinition } from './definition.js';
import type { SimpleDate } from '../fields.js';
import { MEDIA_TYPES } from './fields/file.js';
import type { Answer, AnswerOf, FormInput } from './fields/types.js';
import { inputName } from './fields/types.js';
import { compileForm } from './form.js';

const addDays = (d: SimpleDate, days: number): SimpleDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const dateAnswer = (d: SimpleDate) => ({ year: String(d.year), month: String(d.month), day: String(d.day) });

type Generators = { [T in FieldType]: (field: FieldOf<T>, today: SimpleDate) => AnswerOf<T> };

/** A valid answer for each field type. */
export const SAMPLE_ANSWERS: Generators = {
  text: (f) => '川崎市役所'.slice(0, f.maxLength),
  textarea: (f) => '一行目の内容\n二行目の内容'.slice(0, f.maxLength),
  number: (f) => String(f.integer ? Math.ceil(f.min ?? 1) : (f.min ?? 1)),
  email: () => 'taro@example.jp',
  tel: () => '044-200-2111',
  date: (f, today) =>
    dateAnswer(
      f.when === 'future'
        ? addDays(today, 10)
        : f.when === 'past'
          ? { year: Math.max(f.minYear, 1985), month: 4, day: 1 }
          : today,
    ),
  radio: (f) => f.options[0]?.value ?? '',
  select: (f) => f.options[f.options.length - 1]?.value ?? '',
  checkbox: (f) => f.options.slice(0, f.minSelected ?? 1).map((o) => o.value),
  name: (f) => ({
    familyName: '川崎',
    givenName: '太郎',
    familyNameKana: f.kana ? 'カワサキ' : '',
    givenNameKana: f.kana ? 'タロウ' : '',
  }),
  address: () => ({
    postalCode: '210-8577',
    prefecture: '神奈川県',
    cityAddress: '川崎市川崎区宮本町1',
    building: '',
  }),
  file: (f) =>
    Array.from({ length: Math.min(f.maxFiles, 2) }, (_, i) => {
      const kind = f.kinds[i % f.kinds.length] ?? 'pdf';
      return {
        id: `file-${f.id}-${i}`,
        name: `${f.id}-${i}.${kind}`,
        mediaType: MEDIA_TYPES[kind][0] ?? '',
        size: 200 * 1024,
      };
    }),
};

/** A valid answer for a field. */
export function sampleAnswer(field: FieldDefinition, today: SimpleDate): Answer {
  // the generator is looked up by the field's own type (see registry.ts moduleOf)
  const generate = SAMPLE_ANSWERS[field.type] as (f: FieldDefinition, t: SimpleDate) => Answer;
  return generate(field, today);
}

/** What a browser sends for a field's answer (file metadata as the app would give it). */
export function formInputOf(field: FieldDefinition, answer: Answer): FormInput {
  if (typeof answer === 'string' || Array.isArray(answer)) return { [field.id]: answer };
  return Object.fromEntries(Object.entries(answer).map(([part, v]) => [inputName(field.id, part), v]));
}

/** The answers that steer a branch: every option of a radio or select, each option of a checkbox. */
function branchAnswers(field: FieldDefinition, today: SimpleDate): Answer[] {
  if (field.type === 'radio' || field.type === 'select') return field.options.map((o) => o.value);
  if (field.type === 'checkbox' && (field.minSelected ?? 1) === 1) return field.options.map((o) => [o.value]);
  return [sampleAnswer(field, today)];
}

export type Walk = {
  /** the answers that steer the walk's branch (field id → answer) */
  choices: Record<string, Answer>;
  /** the pages visited, in order */
  pages: string[];
  /** the answers at the end, every page sent through readPage */
  answers: Record<string, Answer>;
  /** the errors met on the way, by page (none on a good walk) */
  pageErrors: Record<string, unknown[]>;
};

/**
 * A walk of the form from its first page to the last, for every combination of the answers of the
 * fields that conditions read: each visible page is "sent" (its form input read by readPage), its
 * errors noted, and the next page taken from the journey.
 */
export function walkEveryBranch(def: ProcedureDefinition, today: SimpleDate, maxWalks = 512): Walk[] {
  const form = compileForm(def);
  const read = new Set(
    def.pages.flatMap((p) => [p, ...p.fields].flatMap((x) => (x.condition ? fieldsReadBy(x.condition) : []))),
  );
  const steering = def.pages.flatMap((p) => p.fields).filter((f) => read.has(f.id));
  let combos: Record<string, Answer>[] = [{}];
  for (const f of steering) {
    combos = combos.flatMap((c) => branchAnswers(f, today).map((a) => ({ ...c, [f.id]: a })));
    if (combos.length > maxWalks) throw new Error(`${def.id}: more than ${maxWalks} branches`);
  }
  return combos.map((choices) => {
    let answers: Record<string, Answer> = {};
    const pages: string[] = [];
    const pageErrors: Record<string, unknown[]> = {};
    let page: string | null = form.firstPage();
    while (page !== null && pages.length <= def.pages.length) {
      pages.push(page);
      const fields = form.visiblePage(answers, page)?.fields ?? [];
      let input: FormInput = {};
      for (const f of fields) {
        const answer = Object.prototype.hasOwnProperty.call(choices, f.id)
          ? choices[f.id]
          : sampleAnswer(f, today);
        input = { ...input, ...formInputOf(f, answer as Answer) };
      }
      answers = { ...answers, ...form.readPage(page, input, answers) };
      const check = form.validatePage(page, answers, { today });
      if (!check.ok) pageErrors[page] = check.errors;
      page = form.nextPage(answers, page);
    }
    return { choices, pages, answers, pageErrors };
  });
}
