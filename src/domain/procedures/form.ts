/**
 * A procedure's form compiled from its definition: what the web layer's one page controller and the
 * app's use cases call. Everything is derived from the definition and the answers passed in (the
 * journey is never stored), and `today` comes from the caller's clock.
 *
 *   const form = compileForm(def);
 *   const pageAnswers = form.readPage('dog', body, draft.answers);    // normalised, shown back
 *   const answers = { ...draft.answers, ...pageAnswers };               // saved as the draft
 *   const check = form.validatePage('dog', answers, { today });        // errors → the page again
 *   form.nextPage(answers, 'dog') ?? '申請内容の確認';
 *   form.validateApplication(answers, { today });                      // 申請する
 */
import type { FieldDefinition, PageDefinition, ProcedureDefinition } from './definition.js';
import type { Answer, Answers, FormInput, ValidationContext } from './fields/types.js';
import {
  firstPage,
  nextPage,
  previousPage,
  pruneHidden,
  visiblePage,
  visiblePages,
  type VisiblePage,
} from './journey.js';
import { moduleOf } from './registry.js';
import { visibleAnswers, type SummarySection } from './summary.js';
import {
  firstIncompletePage,
  validateApplication,
  validatePage,
  type ApplicationValidation,
  type PageValidation,
} from './validate.js';

export type ProcedureForm = {
  readonly definition: ProcedureDefinition;
  /** a page by id */
  page(pageId: string): PageDefinition | undefined;
  /** a field by id, and the page it is on */
  field(fieldId: string): { field: FieldDefinition; page: PageDefinition } | undefined;
  /** the HTML input names of a field, in display order */
  inputs(fieldId: string): string[];
  /** the answers of a page's visible fields from what the browser sent (normalised) */
  readPage(pageId: string, form: FormInput, answers: Answers): Record<string, Answer>;
  visiblePages(answers: Answers): VisiblePage[];
  /** the visible page of this id, or null when hidden (the controller then redirects) */
  visiblePage(answers: Answers, pageId: string): VisiblePage | null;
  firstPage(): string;
  nextPage(answers: Answers, pageId: string): string | null;
  previousPage(answers: Answers, pageId: string): string | null;
  firstIncompletePage(answers: Answers, ctx: ValidationContext): string | null;
  validatePage(pageId: string, answers: Answers, ctx: ValidationContext): PageValidation;
  validateApplication(answers: Answers, ctx: ValidationContext): ApplicationValidation;
  visibleAnswers(answers: Answers, lang: 'ja' | 'en'): SummarySection[];
  pruneHidden(answers: Answers): Record<string, Answer>;
};

export function compileForm(def: ProcedureDefinition): ProcedureForm {
  const fields = new Map<string, { field: FieldDefinition; page: PageDefinition }>();
  for (const page of def.pages) for (const field of page.fields) fields.set(field.id, { field, page });
  const pages = new Map(def.pages.map((p) => [p.id, p]));
  return {
    definition: def,
    page: (id) => pages.get(id),
    field: (id) => fields.get(id),
    inputs: (id) => {
      const f = fields.get(id)?.field;
      return f ? moduleOf(f).inputs(f) : [];
    },
    readPage: (pageId, form, answers) => {
      const read: Record<string, Answer> = {};
      for (const f of visiblePage(def, answers, pageId)?.fields ?? []) read[f.id] = moduleOf(f).read(f, form);
      return read;
    },
    visiblePages: (answers) => visiblePages(def, answers),
    visiblePage: (answers, pageId) => visiblePage(def, answers, pageId),
    firstPage: () => firstPage(def),
    nextPage: (answers, pageId) => nextPage(def, answers, pageId),
    previousPage: (answers, pageId) => previousPage(def, answers, pageId),
    firstIncompletePage: (answers, ctx) => firstIncompletePage(def, answers, ctx),
    validatePage: (pageId, answers, ctx) => validatePage(def, pageId, answers, ctx),
    validateApplication: (answers, ctx) => validateApplication(def, answers, ctx),
    visibleAnswers: (answers, lang) => visibleAnswers(def, answers, lang),
    pruneHidden: (answers) => pruneHidden(def, answers),
  };
}
