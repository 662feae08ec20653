import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone-format.js';

describe('formatPhone', () => {
  it.each([
    ['0442002111', '044-200-2111', 'Kawasaki (3-digit area code)'],
    ['0456712121', '045-671-2121', 'Yokohama'],
    ['0353211111', '03-5321-1111', 'Tokyo (2-digit area code)'],
    ['0662082121', '06-6208-2121', 'Osaka'],
    ['0466251111', '0466-25-1111', 'Fujisawa (4-digit area code)'],
    ['09012345678', '090-1234-5678', 'mobile'],
    ['08012345678', '080-1234-5678', 'mobile'],
    ['07012345678', '070-1234-5678', 'mobile'],
    ['05012345678', '050-1234-5678', 'IP phone'],
    ['0120123456', '0120-123-456', 'toll-free 0120'],
    ['08001234567', '0800-123-4567', 'toll-free 0800'],
    ['0570123456', '0570-123-456', 'navi dial'],
  ])('%s → %s (%s)', (digits, shown) => {
    expect(formatPhone(digits)).toBe(shown);
  });

  it('leaves what is not a Japanese number of 10 or 11 digits as it is', () => {
    for (const v of ['', '123', '044-200-2111', '+81442002111', '044200211', '044200211122'])
      expect(formatPhone(v)).toBe(v);
  });
});
