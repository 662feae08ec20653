/**
 * name (氏名): 姓/名, and セイ/メイ unless `kana: false`. The parts are the profile's field names
 * (familyName, givenName, familyNameKana, givenNameKana), their inputs `<id>-<part>`, their limits
 * the profile's (50 characters, フリガナ 100) and their errors name the part (subfield), whose
 * label is in field-labels.ts (姓を入力してください).
 */
import { kana, text, type Field } from '../../fields.js';
import { FIELD_MAX_LENGTH } from '../../profile.js';
import type { FieldOf } from '../definition.js';
import type { FieldTypeModule, Issue, NameAnswer } from './types.js';
import { coerceParts, formString, inputName } from './types.js';

export const NAME_PARTS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'] as const;
type Part = (typeof NAME_PARTS)[number];

const RULES: Record<Part, Field<string>> = {
  familyName: text({ max: FIELD_MAX_LENGTH.familyName ?? 50 }),
  givenName: text({ max: FIELD_MAX_LENGTH.givenName ?? 50 }),
  familyNameKana: kana({ max: FIELD_MAX_LENGTH.familyNameKana ?? 100 }),
  givenNameKana: kana({ max: FIELD_MAX_LENGTH.givenNameKana ?? 100 }),
};

const partsOf = (field: FieldOf<'name'>): readonly Part[] =>
  field.kana ? NAME_PARTS : NAME_PARTS.slice(0, 2);

export const nameField: FieldTypeModule<'name'> = {
  inputs: (field) => partsOf(field).map((p) => inputName(field.id, p)),
  read: (field, form) => {
    const a = { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '' };
    for (const p of partsOf(field)) a[p] = RULES[p].normalize(formString(form, inputName(field.id, p)));
    return a;
  },
  coerce: (stored) => coerceParts(stored, NAME_PARTS),
  isEmpty: (a) => NAME_PARTS.every((p) => a[p] === ''),
  parse: (field, a) => {
    const issues: Issue[] = [];
    const value = { familyName: '', givenName: '', familyNameKana: null, givenNameKana: null } as {
      familyName: string;
      givenName: string;
      familyNameKana: string | null;
      givenNameKana: string | null;
    };
    for (const p of partsOf(field)) {
      const r = RULES[p].parse(a[p]);
      if (r.ok) value[p] = r.value;
      else {
        const { code, ...params } = r.issue;
        issues.push({ input: inputName(field.id, p), subfield: p, code, params });
      }
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
  },
  summary: (field, a: NameAnswer) => {
    const name = `${a.familyName} ${a.givenName}`.trim();
    const reading = `${a.familyNameKana} ${a.givenNameKana}`.trim();
    return field.kana && reading !== '' ? `${name}\n${reading}` : name;
  },
};
