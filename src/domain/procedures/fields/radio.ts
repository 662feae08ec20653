/** radio: one option among a few, as radio buttons (the group's first button carries the input's id). */
import { oneOf } from './choice.js';
import type { FieldTypeModule } from './types.js';

export const radioField: FieldTypeModule<'radio'> = oneOf;
