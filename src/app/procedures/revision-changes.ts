/**
 * 申請の詳細 for staff: what each 再申請 changed, field by field, as text (before → after). The
 * events keep the changed fields and their previous answers; the answers of each revision are
 * rebuilt from the current ones, going back one 再申請 at a time.
 */
import type { Answer } from '../../domain/procedures/fields/types.js';
import type { ProcedureForm } from '../../domain/procedures/form.js';
import { moduleOf } from '../../domain/procedures/registry.js';
import type { ApplicationEventRecord, StoredAnswers } from './ports.js';

export type FieldChange = { field: string; label: string; before: string; after: string };
export type RevisionChange = { revision: number; at: Date; fields: FieldChange[] };

/** What an empty answer reads as. */
export const EMPTY_ANSWER = '（未入力）';

function answerText(form: ProcedureForm, fieldId: string, stored: unknown): string {
  const field = form.field(fieldId)?.field;
  if (!field) return stored === undefined || stored === null ? EMPTY_ANSWER : JSON.stringify(stored);
  const m = moduleOf(field);
  const answer: Answer = m.coerce(stored ?? undefined);
  return m.isEmpty(answer) ? EMPTY_ANSWER : m.summary(field, answer, 'ja');
}

/** Every 再申請's changes, oldest first; fields in the order of the form. */
export function revisionChanges(
  form: ProcedureForm,
  current: StoredAnswers,
  events: readonly ApplicationEventRecord[],
): RevisionChange[] {
  const order = form.definition.pages.flatMap((p) => p.fields.map((f) => f.id));
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const resubmits = events.filter((e) => e.action === 'resubmit').sort((a, b) => b.id - a.id);
  let after: StoredAnswers = { ...current };
  const out: RevisionChange[] = [];
  for (const e of resubmits) {
    const previous = e.previousAnswers ?? {};
    const fields = [...e.changedFields]
      .sort((a, b) => rank(a) - rank(b))
      .map((f) => ({
        field: f,
        label: form.field(f)?.field.label.ja ?? f,
        before: answerText(form, f, previous[f]),
        after: answerText(form, f, after[f]),
      }));
    out.push({ revision: e.revision, at: e.at, fields });
    const before: StoredAnswers = { ...after };
    for (const f of e.changedFields) {
      if (previous[f] === undefined || previous[f] === null) delete before[f];
      else before[f] = previous[f];
    }
    after = before;
  }
  return out.reverse();
}
