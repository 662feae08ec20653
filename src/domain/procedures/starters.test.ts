import { describe, expect, it } from 'vitest';
import { loadProcedures, PROCEDURE_FILES } from '../../../procedures/index.js';
import { ProcedureDefinitionError, parseProcedure, parseProcedures } from './check.js';
import type { FieldType, ProcedureInput } from './definition.js';
import { FIELD_TYPES } from './registry.js';
import { walkEveryBranch } from './sample-answers.js';
import { compileForm } from './form.js';

const TODAY = { year: 2026, month: 5, day: 20 };
const defs = loadProcedures();

describe('the starter catalogue', () => {
  it('loads all eight definitions, each checked by the schema', () => {
    expect(defs.map((d) => d.id)).toEqual([
      'bulky-waste-collection',
      'resident-certificate-by-mail',
      'dog-registration-change',
      'citizen-course-application',
      'road-park-damage-report',
      'outdoor-advertisement-permit',
      'city-tax-certificate',
      'letter-to-mayor',
    ]);
  });

  it('together uses every field type, a guest procedure, withdrawal, a conditional page, attachments and a fee', () => {
    const types = new Set(defs.flatMap((d) => d.pages.flatMap((p) => p.fields.map((f) => f.type))));
    expect([...types].sort()).toEqual((Object.keys(FIELD_TYPES) as FieldType[]).sort());
    expect(defs.some((d) => d.guestAllowed)).toBe(true);
    expect(defs.some((d) => d.withdrawalAllowed)).toBe(true);
    expect(defs.some((d) => !d.withdrawalAllowed)).toBe(true);
    expect(defs.some((d) => d.pages.some((p) => p.condition))).toBe(true);
    expect(defs.some((d) => d.pages.some((p) => p.fields.some((f) => f.condition)))).toBe(true);
    expect(defs.some((d) => d.audience === 'business')).toBe(true);
    expect(defs.filter((d) => !/無料/.test(d.fee.ja)).length).toBeGreaterThan(0);
  });

  it('a conditional page in 犬の登録事項変更届 for each kind of change', () => {
    const dog = defs.find((d) => d.id === 'dog-registration-change');
    expect(dog?.pages.filter((p) => p.condition).map((p) => p.id)).toEqual(['moved', 'newOwner', 'death']);
  });
});

describe.each(defs.map((d) => [d.id, d] as const))('a walk of %s with generated answers', (_id, def) => {
  const walks = walkEveryBranch(def, TODAY);

  it('every branch reaches the end with no error on any page, and the application is valid', () => {
    for (const walk of walks) {
      expect(walk.pageErrors, JSON.stringify(walk.choices)).toEqual({});
      const form = compileForm(def);
      expect(form.firstIncompletePage(walk.answers, { today: TODAY })).toBeNull();
      const result = form.validateApplication(walk.answers, { today: TODAY });
      expect(result.ok).toBe(true);
      // the pages visited are exactly the visible ones
      expect(walk.pages).toEqual(form.visiblePages(walk.answers).map((v) => v.page.id));
    }
  });

  it('every page and every field is visible in some branch', () => {
    const visited = new Set(walks.flatMap((w) => w.pages));
    expect([...visited].sort()).toEqual(def.pages.map((p) => p.id).sort());
    const form = compileForm(def);
    const shown = new Set(
      walks.flatMap((w) => form.visiblePages(w.answers).flatMap((v) => v.fields.map((f) => f.id))),
    );
    expect([...shown].sort()).toEqual(def.pages.flatMap((p) => p.fields.map((f) => f.id)).sort());
  });
});

describe('a broken definition is refused with the file and the path of the error', () => {
  const file = 'procedures/dog-registration-change.ts';
  const original = PROCEDURE_FILES.find((f) => f.file === file)?.definition as ProcedureInput;
  const broken = (change: (d: ProcedureInput) => void): ProcedureInput => {
    const copy = structuredClone(original);
    change(copy);
    return copy;
  };
  const refusal = (input: unknown, name = file): ProcedureDefinitionError => {
    try {
      parseProcedure(input, name);
    } catch (e) {
      if (e instanceof ProcedureDefinitionError) return e;
      throw e;
    }
    throw new Error('accepted');
  };

  it('the unbroken definition is accepted', () => {
    expect(parseProcedure(original, file).id).toBe('dog-registration-change');
  });

  it.each([
    [
      'a missing English text',
      (d: ProcedureInput) => void ((d.name as { en?: string }).en = undefined),
      'name.en',
    ],
    [
      'an unknown field type',
      (d: ProcedureInput) => void ((d.pages[1]!.fields[0] as { type: string }).type = 'colour'),
      'pages[1].fields[0].type',
    ],
    [
      'a duplicate field id',
      (d: ProcedureInput) => void (d.pages[1]!.fields[0]!.id = 'ownerName'),
      'pages[1].fields[0].id',
    ],
    ['a duplicate page id', (d: ProcedureInput) => void (d.pages[2]!.id = 'owner'), 'pages[2].id'],
    [
      'a condition on a later field',
      (d: ProcedureInput) => void (d.pages[1]!.condition = { '==': [{ var: 'diedOn' }, 'x'] }),
      'pages[1].condition.==[0].var',
    ],
    [
      'a condition on a field of the same page',
      (d: ProcedureInput) => void (d.pages[1]!.fields[2]!.condition = { '!!': [{ var: 'dogName' }] }),
      'pages[1].fields[2].condition.!![0].var',
    ],
    [
      'an operator not allowed',
      (d: ProcedureInput) => void (d.pages[2]!.condition = { log: [{ var: 'changeKind' }] }),
      'pages[2].condition.log',
    ],
    [
      'a prefill key of the wrong type',
      (d: ProcedureInput) => void (d.pages[0]!.fields[2]!.prefill = 'email'),
      'pages[0].fields[2].prefill',
    ],
    [
      'a duplicate option',
      (d: ProcedureInput) => {
        const f = d.pages[1]!.fields[2] as { options: { value: string }[] };
        f.options[1]!.value = 'moved';
      },
      'pages[1].fields[2].options[1].value',
    ],
    [
      'a condition on the first page',
      (d: ProcedureInput) => void (d.pages[0]!.condition = { '!': [true] }),
      'pages[0].condition',
    ],
    ['an id other than the file name', (d: ProcedureInput) => void (d.id = 'dog-change'), 'id'],
  ])('%s', (_what, change, path) => {
    const e = refusal(broken(change));
    expect(e.file).toBe(file);
    expect(e.issues.map((i) => i.path)).toContain(path);
    expect(e.message).toContain(`${file}: ${path}: `);
  });

  it('two files with the same id', () => {
    const [first] = PROCEDURE_FILES;
    expect(() =>
      parseProcedures([
        first!,
        { file: 'procedures/copy/bulky-waste-collection.ts', definition: first!.definition },
      ]),
    ).toThrow(/procedures\/copy\/bulky-waste-collection\.ts: id: "bulky-waste-collection" is also/);
  });
});
