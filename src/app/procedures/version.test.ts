import { describe, expect, it } from 'vitest';
import { loadProcedures } from '../../../procedures/index.js';
import { canonicalJson } from '../../domain/procedures/canonical-json.js';
import { procedureVersion } from './version.js';

describe('a definition’s version', () => {
  const [def] = loadProcedures();

  it('is the SHA-256 of its canonical JSON', () => {
    expect(procedureVersion(def!)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalJson({ b: [1, { d: 1, c: undefined, a: 'x' }], a: null })).toBe(
      '{"a":null,"b":[1,{"a":"x","d":1}]}',
    );
  });

  it('does not change when keys are reordered, and changes with any content', () => {
    const reordered = Object.fromEntries(Object.entries(def!).reverse()) as typeof def & object;
    expect(procedureVersion(reordered)).toBe(procedureVersion(def!));
    expect(procedureVersion({ ...def!, retentionYears: def!.retentionYears + 1 })).not.toBe(
      procedureVersion(def!),
    );
  });

  it('every starter has its own', () => {
    const versions = loadProcedures().map(procedureVersion);
    expect(new Set(versions).size).toBe(8);
  });
});
