/**
 * 申請内容の確認 (and the receipt mail, the print copy, 申請の詳細): the visible answers by page,
 * each as its label and summary text (fields/<type>.ts `summary`), with the page to change it on.
 */
import type { Lang, ProcedureDefinition } from './definition.js';
import type { Answers } from './fields/types.js';
import { visiblePages } from './journey.js';
import { answerOf, moduleOf } from './registry.js';

export type SummaryRow = {
  field: string;
  /** the field's first input: the `変更` link goes to `<page>#<input>` */
  input: string;
  label: string;
  /** lines separated by \n; '' when an optional field was left empty */
  text: string;
};
export type SummarySection = { page: string; title: string; rows: SummaryRow[] };

/** Every visible field's answer as text, page by page (hidden pages and fields left out). */
export function visibleAnswers(def: ProcedureDefinition, answers: Answers, lang: Lang): SummarySection[] {
  return visiblePages(def, answers).map(({ page, fields }) => ({
    page: page.id,
    title: page.title[lang],
    rows: fields.map((field) => {
      const module = moduleOf(field);
      const answer = answerOf(field, answers);
      return {
        field: field.id,
        input: module.inputs(field)[0] ?? field.id,
        label: field.label[lang],
        text: module.isEmpty(answer) ? '' : module.summary(field, answer, lang),
      };
    }),
  }));
}
