import { describe, expect, it } from 'vitest';
import { japanDayStart, listQuery, parseListQuery } from './application-filter.js';

const query = (q: Record<string, string>) => listQuery((n) => q[n]);

describe("申請一覧's filters", () => {
  it('reads a Japan day as from its 00:00 JST, and refuses dates that do not exist', () => {
    expect(japanDayStart('2026-12-04')?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-13-01', '20261204', '2026-12-4', '', '1899-01-01'])
      expect(japanDayStart(bad), bad).toBeNull();
  });

  it('makes the filter: the 受付番号 as typed, 申請日（まで） up to the end of that day', () => {
    expect(
      parseListQuery(
        query({ procedure: 'p', state: 'returned', ref: 'abcd-efgh', from: '2026-12-01', to: '2026-12-04' }),
        ['p'],
      ),
    ).toEqual({
      ok: true,
      filter: {
        procedureId: 'p',
        state: 'returned',
        referenceNumber: 'abcd-efgh',
        submittedFrom: new Date('2026-11-30T15:00:00Z'),
        submittedBefore: new Date('2026-12-04T15:00:00Z'),
      },
    });
    expect(parseListQuery(query({}), [])).toEqual({ ok: true, filter: {} });
  });

  it('names each bad value by its field', () => {
    const r = parseListQuery(
      query({ procedure: 'x', state: 'draft', ref: '0000', from: '2026-12-05', to: '2026-12-01' }),
      ['p'],
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['procedure', 'state', 'ref', 'to']);
  });
});
