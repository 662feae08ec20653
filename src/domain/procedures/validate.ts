/**
 * Validation of a page's answers and of a whole application, with the field modules of the
 * registry. Errors are the fields.ts way: a stable code and its parameters, on an input, so that
 * src/messages/fields-ja.ts / fields-en.ts make the same messages as registration's.
 *
 * - An optional field left empty is valid and has no value.
 * - Hidden fields (journey.ts) are neither validated nor kept.
 * - Attachments: each file field checks its files; the total of the application's files
 *   (MAX_APPLICATION_FILES_MB) is checked here, on every file field that has files
 *   ('files_too_large' {maxMb}).
 * - 申請する validates every visible page (`validateApplication`): the application is the answers
 *   of the visible fields only, with their values.
 */
import { MAX_APPLICATION_FILES_MB, type FieldDefinition, type ProcedureDefinition } from './definition.js';
import { MB } from './fields/file.js';
import type { Answer, Answers, FileMeta, Issue, ValidationContext } from './fields/types.js';
import { pruneHidden, visiblePage, visiblePages } from './journey.js';
import { answerOf, moduleOf } from './registry.js';

/** An error of a field: its id, the page it is on, and the issue (input, code, params). */
export type AnswerError = Issue & { field: string; page: string };

export type PageValidation =
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: AnswerError[] };

export type ApplicationValidation =
  | {
      ok: true;
      /** the answers of visible fields only (what is kept) */
      answers: Record<string, Answer>;
      /** their values (number, ISO date, digits …); an optional field left empty has none */
      values: Record<string, unknown>;
    }
  | { ok: false; errors: AnswerError[] };

const filesOf = (field: FieldDefinition, answers: Answers): FileMeta[] =>
  field.type === 'file' ? (answerOf(field, answers) as FileMeta[]) : [];

/** The bytes of all the files of the visible fields. */
export function totalFileBytes(def: ProcedureDefinition, answers: Answers): number {
  let total = 0;
  for (const { fields } of visiblePages(def, answers)) {
    for (const f of fields) for (const file of filesOf(f, answers)) total += file.size;
  }
  return total;
}

function validateFields(
  def: ProcedureDefinition,
  pageId: string,
  fields: readonly FieldDefinition[],
  answers: Answers,
  ctx: ValidationContext,
  values: Record<string, unknown>,
): AnswerError[] {
  const errors: AnswerError[] = [];
  const overTotal = totalFileBytes(def, answers) > MAX_APPLICATION_FILES_MB * MB;
  for (const field of fields) {
    const module = moduleOf(field);
    const answer = answerOf(field, answers);
    if (module.isEmpty(answer) && !field.required) continue;
    const r = module.parse(field, answer, ctx);
    if (!r.ok) {
      errors.push(...r.issues.map((issue) => ({ ...issue, field: field.id, page: pageId })));
    } else if (overTotal && filesOf(field, answers).length > 0) {
      errors.push({
        field: field.id,
        page: pageId,
        input: field.id,
        code: 'files_too_large',
        params: { maxMb: MAX_APPLICATION_FILES_MB, select: true },
      });
    } else {
      values[field.id] = r.value;
    }
  }
  return errors;
}

/**
 * The errors of one page's visible fields, in display order (empty: the page is complete), given
 * all the answers (the page's new ones merged in: conditions and the file total need the others).
 * A hidden or unknown page has no errors.
 */
export function validatePage(
  def: ProcedureDefinition,
  pageId: string,
  answers: Answers,
  ctx: ValidationContext,
): PageValidation {
  const visible = visiblePage(def, answers, pageId);
  if (!visible) return { ok: true, values: {} };
  const values: Record<string, unknown> = {};
  const errors = validateFields(def, pageId, visible.fields, answers, ctx, values);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/**
 * The first visible page with an error, or null when every visible page is complete (where a
 * resumed draft goes). A page whose fields are all optional is complete before it is seen; the
 * check page lists it with its `変更` link.
 */
export function firstIncompletePage(
  def: ProcedureDefinition,
  answers: Answers,
  ctx: ValidationContext,
): string | null {
  for (const { page, fields } of visiblePages(def, answers)) {
    if (validateFields(def, page.id, fields, answers, ctx, {}).length > 0) return page.id;
  }
  return null;
}

/** Every visible page validated (申請する): the kept answers and their values, or all the errors. */
export function validateApplication(
  def: ProcedureDefinition,
  answers: Answers,
  ctx: ValidationContext,
): ApplicationValidation {
  const values: Record<string, unknown> = {};
  const errors: AnswerError[] = [];
  for (const { page, fields } of visiblePages(def, answers)) {
    errors.push(...validateFields(def, page.id, fields, answers, ctx, values));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: pruneHidden(def, answers), values };
}
