import { describe, expect, it } from 'vitest';
import { japanDateTime, japanEraDate, remembered } from './japan-time.js';

describe('remembered formatting', () => {
  it('gives what the formatter gives, for each moment asked', () => {
    const format = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });
    const text = remembered(format, 2);
    const days = [0, 1, 2, 3, 1, 0].map((d) => new Date(Date.UTC(2026, 11, 4 + d, 3)));
    expect(days.map(text)).toEqual(days.map((d) => format.format(d)));
  });

  it('formats a moment once while it is remembered, and again after the memory is full', () => {
    let calls = 0;
    const format = { format: (at: Date) => `${++calls}:${at.getTime()}` } as Intl.DateTimeFormat;
    const text = remembered(format, 2);
    const a = new Date(1);
    const b = new Date(2);
    expect([text(a), text(a), text(b), text(b)]).toEqual(['1:1', '1:1', '2:2', '2:2']);
    text(new Date(3)); // full: forgets a and b
    expect(text(a)).toBe('4:1');
  });

  it('says a moment in Japan time whatever the zone, in either language', () => {
    const at = new Date(Date.UTC(2026, 11, 4, 10, 10));
    expect(japanDateTime(at, 'ja')).toBe('2026年12月4日 19:10');
    expect(japanDateTime(at, 'en')).toBe('4 December 2026 at 19:10');
  });

  it('says a day as Japan’s date, in the Japanese era for Japanese', () => {
    // 16:30 UTC on 4 December is 5 December in Japan.
    const at = new Date(Date.UTC(2026, 11, 4, 16, 30));
    expect(japanEraDate(at, 'ja')).toBe('令和8年12月5日');
    expect(japanEraDate(at, 'en')).toBe('5 December 2026');
  });
});
