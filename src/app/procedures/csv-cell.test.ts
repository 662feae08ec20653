import { describe, expect, it } from 'vitest';
import { csvCell } from './procedures.js';

describe('a CSV cell of the applications export', () => {
  it('defuses what a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const s of ['=1+2', '+81 44', '-5', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '').startsWith(`'`), JSON.stringify(s)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves other text as it is, quoted only when it holds a comma, a quote or a line break', () => {
    expect(csvCell('川崎市役所')).toBe('川崎市役所');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
    expect(csvCell('1,2')).toBe('"1,2"');
    expect(csvCell('二行\n目')).toBe('"二行\n目"');
  });
});
