/**
 * Conditions (a page or field shown only when …) as JSON Logic rules, evaluated by json-logic-js.
 * This is the only module that touches the library (its types are loose).
 *
 * A rule may use only the operators of ALLOWED_OPERATIONS, and each `var` must be a literal name of
 * a field the rule is allowed to see (a field of an earlier page): `checkCondition` says what is
 * wrong, with the path inside the rule, and the start-up check refuses the definition. Evaluation
 * only ever sees the answers of earlier visible fields (journey.ts), so a hidden field reads as null.
 */
import jsonLogicImport from 'json-logic-js';

type JsonLogic = { apply(rule: unknown, data: unknown): unknown };
// json-logic-js is CommonJS; depending on the loader the default import is the API or { default: API }.
const jsonLogicModule = jsonLogicImport as unknown as JsonLogic & { default?: JsonLogic };
const jsonLogic: JsonLogic = jsonLogicModule.default ?? jsonLogicModule;

/**
 * The operators a condition may use: reading an answer, comparing, combining, and `in` (an option
 * ticked among a checkbox's, or a substring). No arithmetic, no map/reduce, no `log`.
 */
export const ALLOWED_OPERATIONS = [
  'var',
  '==',
  '!=',
  '===',
  '!==',
  '!',
  '!!',
  'and',
  'or',
  'in',
  '<',
  '<=',
  '>',
  '>=',
] as const;
const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_OPERATIONS);

export type ConditionProblem = { path: (string | number)[]; message: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The field id a `var` names (`dog` or `dog.part` both name field `dog`). */
const fieldOfVar = (name: string): string => name.split('.')[0] ?? name;

/**
 * What is wrong with a rule: operators not allowed, objects of more than one key, `var`s that are not
 * literal names or that name a field outside `visibleFields`. Empty when the rule is fine.
 */
export function checkCondition(rule: unknown, visibleFields: ReadonlySet<string>): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (!isPlainObject(node)) return; // a literal
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      problems.push({ path, message: `an operation has exactly one key, not ${keys.length}` });
      return;
    }
    const op = keys[0] as string;
    const args = node[op];
    if (!ALLOWED.has(op)) {
      problems.push({ path: [...path, op], message: `operator "${op}" is not allowed` });
      return;
    }
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name !== 'string' || name === '') {
        problems.push({ path: [...path, op], message: 'var must name a field' });
      } else if (!visibleFields.has(fieldOfVar(name))) {
        problems.push({
          path: [...path, op],
          message: `var "${name}" is not a field of an earlier page`,
        });
      }
      return;
    }
    walk(args, [...path, op]);
  };
  walk(rule, []);
  return problems;
}

/** The field ids a rule reads (its `var`s). */
export function fieldsReadBy(rule: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isPlainObject(node)) {
      for (const [op, args] of Object.entries(node)) {
        const name = Array.isArray(args) ? args[0] : args;
        if (op === 'var' && typeof name === 'string') found.add(fieldOfVar(name));
        else walk(args);
      }
    }
  };
  walk(rule);
  return [...found];
}

/** Whether a (checked) rule holds over `data` (field id → answer). JSON Logic truthiness. */
export function evaluateCondition(rule: unknown, data: Readonly<Record<string, unknown>>): boolean {
  const result = jsonLogic.apply(rule, data);
  // JSON Logic's truthiness: an empty array is false
  return Array.isArray(result) ? result.length > 0 : Boolean(result);
}
