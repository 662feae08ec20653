import { describe, expect, it } from 'vitest';
import { ALLOWED_OPERATIONS, checkCondition, evaluateCondition, fieldsReadBy } from './conditions.js';

const earlier = new Set(['kind', 'items', 'count']);

describe('conditions (JSON Logic)', () => {
  it.each([
    [{ '==': [{ var: 'kind' }, 'moved'] }, { kind: 'moved' }, true],
    [{ '==': [{ var: 'kind' }, 'moved'] }, { kind: 'death' }, false],
    [{ in: ['sofa', { var: 'items' }] }, { items: ['bed', 'sofa'] }, true],
    [{ in: ['sofa', { var: 'items' }] }, { items: [] }, false],
    [{ and: [{ '>=': [{ var: 'count' }, 3] }, { '!': [{ var: 'missing' }] }] }, { count: '4' }, true],
    [{ or: [{ '==': [{ var: 'kind' }, 'a'] }, { '!=': [{ var: 'kind' }, 'b'] }] }, {}, true],
  ])('%j over %j is %s', (rule, data, expected) => expect(evaluateCondition(rule, data)).toBe(expected));

  it('a hidden (absent) field reads as null', () =>
    expect(evaluateCondition({ '==': [{ var: 'kind' }, null] }, {})).toBe(true));

  it('allowed operators and earlier fields pass the check', () => {
    const rule = {
      and: [
        { '==': [{ var: 'kind' }, 'x'] },
        { in: ['a', { var: ['items', []] }] },
        { '<': [1, { var: 'count' }] },
      ],
    };
    expect(checkCondition(rule, earlier)).toEqual([]);
    expect(fieldsReadBy(rule).sort()).toEqual(['count', 'items', 'kind']);
  });

  it.each(['map', 'reduce', 'filter', 'log', 'cat', '+', 'merge', 'missing', 'if', 'substr', 'whatever'])(
    'operator %s is refused, with its path',
    (op) => {
      expect(ALLOWED_OPERATIONS as readonly string[]).not.toContain(op);
      const problems = checkCondition({ and: [true, { [op]: [{ var: 'kind' }] }] }, earlier);
      expect(problems).toEqual([{ path: ['and', 1, op], message: `operator "${op}" is not allowed` }]);
    },
  );

  it('a var naming a field not seen earlier, or not a literal, is refused', () => {
    expect(checkCondition({ '==': [{ var: 'later' }, 1] }, earlier)).toEqual([
      { path: ['==', 0, 'var'], message: 'var "later" is not a field of an earlier page' },
    ]);
    expect(checkCondition({ '==': [{ var: { var: 'kind' } }, 1] }, earlier)[0]?.message).toBe(
      'var must name a field',
    );
    expect(checkCondition({ '==': [1, 1], '!=': [1, 2] }, earlier)[0]?.message).toMatch(/exactly one key/);
  });
});
