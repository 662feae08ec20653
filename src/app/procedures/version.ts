/**
 * A procedure definition's version: the SHA-256 (hex) of its canonical JSON (sorted keys), computed
 * on the checked definition (defaults applied). An application keeps the version it was made with
 * and a copy of that definition. Here rather than in the domain because the hash comes from node:crypto.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/procedures/canonical-json.js';
import type { ProcedureDefinition } from '../../domain/procedures/definition.js';

export function procedureVersion(def: ProcedureDefinition): string {
  return createHash('sha256').update(canonicalJson(def), 'utf8').digest('hex');
}
