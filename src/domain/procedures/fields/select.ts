/** select: one option among many, as a drop-down list. */
import { oneOf } from './choice.js';
import type { FieldTypeModule } from './types.js';

export const selectField: FieldTypeModule<'select'> = oneOf;
