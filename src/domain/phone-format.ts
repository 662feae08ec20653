/**
 * A Japanese phone number as people write it, hyphenated, from its digits (as `phoneDigits` stores
 * them). The rule, by the number's first digits:
 *
 * - 11 digits, 0X0 (070/080/090 mobile, 050 IP, 020 and the like): 0X0-XXXX-XXXX.
 * - 0120 (toll-free, 10 digits): 0120-XXX-XXX; 0800 (toll-free, 11 digits): 0800-XXX-XXXX;
 *   0570 (navi dial, 10 digits): 0570-XXX-XXX.
 * - Fixed lines (10 digits) by the length of the area code:
 *   - 2 digits, 03 (Tokyo's 23 wards) and 06 (Osaka): 0X-XXXX-XXXX;
 *   - 4 digits, for the area codes listed in FOUR_DIGIT_AREA_CODES (Kanagawa's outside the big
 *     cities, e.g. 0466 Fujisawa, 0465 Odawara): 0XXX-XX-XXXX;
 *   - otherwise 3 digits (044 Kawasaki, 045 Yokohama, 042, 046, 011, 052, 075, 092 …):
 *     0XX-XXX-XXXX. A number whose real area code is longer and not listed is still grouped
 *     readably; nothing is dialled from it.
 * - Anything else (not 10 or 11 digits from 0): shown as given.
 */

/** Area codes of 4 digits near Kawasaki (the residents' own prefecture first). */
const FOUR_DIGIT_AREA_CODES = new Set(['0460', '0463', '0465', '0466', '0467']);

export function formatPhone(value: string): string {
  const d = value;
  if (!/^0\d{9,10}$/.test(d)) return value;
  const group = (...lengths: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const n of lengths) {
      parts.push(d.slice(at, at + n));
      at += n;
    }
    return parts.join('-');
  };
  if (d.length === 11) {
    if (d.startsWith('0800')) return group(4, 3, 4);
    if (/^0\d0/.test(d)) return group(3, 4, 4);
    return value;
  }
  if (d.startsWith('0120') || d.startsWith('0570')) return group(4, 3, 3);
  if (d.startsWith('03') || d.startsWith('06')) return group(2, 4, 4);
  if (FOUR_DIGIT_AREA_CODES.has(d.slice(0, 4))) return group(4, 2, 4);
  return group(3, 3, 4);
}
