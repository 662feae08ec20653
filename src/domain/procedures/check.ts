/**
 * The start-up check of a definition: the schema (definition.ts), then what a schema of one field
 * cannot see:
 *   - page ids unique, field ids unique in the whole procedure, option values unique in a field;
 *   - the first page has no condition (a form starts somewhere);
 *   - conditions use allowed operators only and read only fields of EARLIER pages (conditions.ts);
 *   - a prefill key fits the field's type (name → name, address → address, phone → tel,
 *     email → email, birthDate → date);
 *   - limits that make sense (number min ≤ max; checkbox min ≤ max ≤ number of options).
 * A refused definition throws a ProcedureDefinitionError naming the file and the path of each
 * error (`procedures/dog-registration-change.ts: pages[1].condition.==[0].var: …`).
 */
import { checkCondition } from './conditions.js';
import {
  procedureSchema,
  type FieldDefinition,
  type FieldType,
  type PrefillKey,
  type ProcedureDefinition,
} from './definition.js';

export type DefinitionIssue = { path: string; message: string };

export class ProcedureDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly DefinitionIssue[],
  ) {
    super(
      `${file}: invalid procedure definition\n` +
        issues.map((i) => `  ${file}: ${i.path || '(root)'}: ${i.message}`).join('\n'),
    );
    this.name = 'ProcedureDefinitionError';
  }
}

/** `pages[1].fields[0].label.en` from a zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

const PREFILL_TYPE: Record<PrefillKey, FieldType> = {
  name: 'name',
  address: 'address',
  phone: 'tel',
  email: 'email',
  birthDate: 'date',
};

function fieldIssues(field: FieldDefinition, add: (path: PropertyKey[], message: string) => void): void {
  if (field.prefill && PREFILL_TYPE[field.prefill] !== field.type) {
    add(
      ['prefill'],
      `prefill "${field.prefill}" needs a ${PREFILL_TYPE[field.prefill]} field, not ${field.type}`,
    );
  }
  if ('options' in field) {
    const seen = new Set<string>();
    field.options.forEach((o, i) => {
      if (seen.has(o.value)) add(['options', i, 'value'], `duplicate option value "${o.value}"`);
      seen.add(o.value);
    });
  }
  if (
    field.type === 'number' &&
    field.min !== undefined &&
    field.max !== undefined &&
    field.min > field.max
  ) {
    add(['min'], 'min is greater than max');
  }
  if (field.type === 'checkbox') {
    const min = field.minSelected ?? 1;
    const max = field.maxSelected ?? field.options.length;
    if (min > max) add(['minSelected'], 'minSelected is greater than maxSelected');
    if (max > field.options.length) add(['maxSelected'], 'maxSelected is more than the number of options');
  }
  if (field.type === 'file' && new Set(field.kinds).size !== field.kinds.length) {
    add(['kinds'], 'duplicate file kind');
  }
}

/** What the schema cannot see (see the module comment). */
export function crossCheck(def: ProcedureDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const pageIds = new Set<string>();
  const fieldIds = new Set<string>();
  /** fields of the pages before the one being checked */
  const earlier = new Set<string>();
  def.pages.forEach((page, p) => {
    const at = (path: PropertyKey[], message: string) =>
      issues.push({ path: formatPath(['pages', p, ...path]), message });
    if (pageIds.has(page.id)) at(['id'], `duplicate page id "${page.id}"`);
    pageIds.add(page.id);
    if (p === 0 && page.condition) at(['condition'], 'the first page cannot have a condition');
    const conditionAt = (path: PropertyKey[], rule: unknown) => {
      for (const problem of checkCondition(rule, earlier)) at([...path, ...problem.path], problem.message);
    };
    if (page.condition) conditionAt(['condition'], page.condition);
    page.fields.forEach((field, f) => {
      const base: PropertyKey[] = ['fields', f];
      if (fieldIds.has(field.id)) at([...base, 'id'], `duplicate field id "${field.id}"`);
      fieldIds.add(field.id);
      if (field.condition) conditionAt([...base, 'condition'], field.condition);
      fieldIssues(field, (path, message) => at([...base, ...path], message));
    });
    for (const field of page.fields) earlier.add(field.id);
  });
  return issues;
}

/** A definition checked (defaults applied), or a ProcedureDefinitionError naming `file` and the paths. */
export function parseProcedure(input: unknown, file: string): ProcedureDefinition {
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProcedureDefinitionError(
      file,
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  const issues = crossCheck(parsed.data);
  const expected = file.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  if (parsed.data.id !== expected)
    issues.unshift({ path: 'id', message: `must be the file's name "${expected}"` });
  if (issues.length > 0) throw new ProcedureDefinitionError(file, issues);
  return parsed.data;
}

/** Every definition checked, ids unique across files; the first refused one throws. */
export function parseProcedures(
  entries: readonly { file: string; definition: unknown }[],
): ProcedureDefinition[] {
  const seen = new Map<string, string>();
  return entries.map(({ file, definition }) => {
    const def = parseProcedure(definition, file);
    const other = seen.get(def.id);
    if (other)
      throw new ProcedureDefinitionError(file, [
        { path: 'id', message: `"${def.id}" is also ${other}'s id` },
      ]);
    seen.set(def.id, file);
    return def;
  });
}
