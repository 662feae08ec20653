/**
 * The journey through a procedure's form, derived from the answers on every request and never
 * stored (GOV.UK Forms' runner): which pages and fields are visible, the next and previous page,
 * the first page still incomplete, and the answers that count (those of visible fields).
 *
 * A page or field with a condition is visible when the condition holds over the answers of the
 * visible fields of EARLIER pages (conditions.ts; the start-up check refuses any other `var`), so
 * visibility is computed in one pass in page order, and an answer on a page that became hidden
 * neither shows nor counts. Answers are kept as they are in a draft (going back and choosing
 * again brings them back) until `pruneHidden` drops them when the application is sent.
 */
import { evaluateCondition } from './conditions.js';
import type { FieldDefinition, PageDefinition, ProcedureDefinition } from './definition.js';
import type { Answer, Answers } from './fields/types.js';
import { answerOf } from './registry.js';

/** A visible page and its visible fields. */
export type VisiblePage = { page: PageDefinition; fields: FieldDefinition[] };

/** The visible pages, in order, with their visible fields. */
export function visiblePages(def: ProcedureDefinition, answers: Answers): VisiblePage[] {
  const earlier: Record<string, Answer> = {};
  const visible: VisiblePage[] = [];
  for (const page of def.pages) {
    if (page.condition && !evaluateCondition(page.condition, earlier)) continue;
    const fields = page.fields.filter((f) => !f.condition || evaluateCondition(f.condition, earlier));
    visible.push({ page, fields });
    for (const f of fields) earlier[f.id] = answerOf(f, answers);
  }
  return visible;
}

/** The visible page of this id (with its visible fields), or null when hidden or unknown. */
export function visiblePage(def: ProcedureDefinition, answers: Answers, pageId: string): VisiblePage | null {
  return visiblePages(def, answers).find((v) => v.page.id === pageId) ?? null;
}

function neighbour(def: ProcedureDefinition, answers: Answers, pageId: string, step: 1 | -1): string | null {
  const index = def.pages.findIndex((p) => p.id === pageId);
  if (index < 0) return null;
  const visible = new Set(visiblePages(def, answers).map((v) => v.page.id));
  for (let i = index + step; i >= 0 && i < def.pages.length; i += step) {
    const id = def.pages[i]?.id;
    if (id !== undefined && visible.has(id)) return id;
  }
  return null;
}

/** The visible page after `pageId`, or null when it is the last (next: 申請内容の確認). */
export function nextPage(def: ProcedureDefinition, answers: Answers, pageId: string): string | null {
  return neighbour(def, answers, pageId, 1);
}

/** The visible page before `pageId`, or null when it is the first (back: the procedure's page). */
export function previousPage(def: ProcedureDefinition, answers: Answers, pageId: string): string | null {
  return neighbour(def, answers, pageId, -1);
}

/** The first visible page (a procedure's first page has no condition; see check.ts). */
export function firstPage(def: ProcedureDefinition): string {
  return def.pages[0]?.id ?? '';
}

/** The answers of visible fields only: what an application keeps when it is sent. */
export function pruneHidden(def: ProcedureDefinition, answers: Answers): Record<string, Answer> {
  const kept: Record<string, Answer> = {};
  for (const { fields } of visiblePages(def, answers)) {
    for (const f of fields) {
      if (Object.prototype.hasOwnProperty.call(answers, f.id)) kept[f.id] = answerOf(f, answers);
    }
  }
  return kept;
}
