/**
 * The online procedures' form engine (issue 13), pure. What the rest of the app uses:
 *
 * - definition.ts   the definition format (zod v4), `defineProcedure`, types (ProcedureDefinition,
 *                   FieldDefinition, FieldType, Localized …), CATEGORIES, limits of attachments
 * - check.ts        `parseProcedure(s)`: the start-up check with cross-checks; ProcedureDefinitionError
 * - fields/         one module per field type (inputs, read, parse, summary); fields/types.ts has
 *                   the shapes of answers and values, FormInput, Issue
 * - registry.ts     FIELD_TYPES (a module per type, enforced by the type), moduleOf
 * - conditions.ts   JSON Logic conditions: allowed operators, checks, evaluation
 * - journey.ts      visible pages, next / previous, pruneHidden (derived, never stored)
 * - validate.ts     page and application validation (errors as codes + params)
 * - summary.ts      visibleAnswers: 申請内容の確認's rows
 * - form.ts         compileForm(def): all of the above bound to one definition
 * - prefill.ts      initial answers from 利用者情報
 * - states.ts       the states and the transition table of an application
 * - reference-number.ts  受付番号
 * - catalogue.ts    手続一覧's search and filters, 受付期間
 * - canonical-json.ts    the text hashed into a version (src/app/procedures/version.ts)
 * - sample-answers.ts    TEST SUPPORT: valid answers generated from a definition, every branch
 */
export * from './definition.js';
export * from './check.js';
export * from './fields/types.js';
export { FIELD_TYPES, moduleOf, answerOf } from './registry.js';
export { ALLOWED_OPERATIONS, checkCondition, evaluateCondition, fieldsReadBy } from './conditions.js';
export * from './journey.js';
export * from './validate.js';
export * from './summary.js';
export * from './form.js';
export * from './prefill.js';
export * from './states.js';
export * from './reference-number.js';
export * from './catalogue.js';
export { canonicalJson } from './canonical-json.js';
export { fileKindOf, formatSize, MEDIA_TYPES } from './fields/file.js';
