/**
 * address (住所): 郵便番号, 都道府県, 市区町村・番地 and 建物名など (optional), named like the profile's
 * fields (postalCode, prefecture, cityAddress, building) with their rules and limits; inputs
 * `<id>-<part>`; errors name the part (subfield). The view may fill 都道府県 and 市区町村 from the
 * postal code (the postal-codes capability); the server only validates.
 */
import { optionalText, postalCode, postalCodeDigits, prefecture, text, type Field } from '../../fields.js';
import { FIELD_MAX_LENGTH } from '../../profile.js';
import type { FieldTypeModule, Issue, ValueByType } from './types.js';
import { coerceParts, formString, inputName } from './types.js';

export const ADDRESS_PARTS = ['postalCode', 'prefecture', 'cityAddress', 'building'] as const;
type Part = (typeof ADDRESS_PARTS)[number];

const RULES: Record<Part, Field<string | null>> = {
  postalCode: postalCode(),
  prefecture: prefecture(),
  cityAddress: text({ max: FIELD_MAX_LENGTH.cityAddress ?? 100 }),
  building: optionalText({ max: FIELD_MAX_LENGTH.building ?? 100 }),
};

export const formatPostalCode = (digits: string): string =>
  /^[0-9]{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits;

export const addressField: FieldTypeModule<'address'> = {
  inputs: (field) => ADDRESS_PARTS.map((p) => inputName(field.id, p)),
  read: (field, form) => {
    const a = { postalCode: '', prefecture: '', cityAddress: '', building: '' };
    for (const p of ADDRESS_PARTS) a[p] = RULES[p].normalize(formString(form, inputName(field.id, p)));
    return a;
  },
  coerce: (stored) => coerceParts(stored, ADDRESS_PARTS),
  isEmpty: (a) => ADDRESS_PARTS.every((p) => a[p] === ''),
  parse: (field, a) => {
    const issues: Issue[] = [];
    const value: Record<string, string | null> = {};
    for (const p of ADDRESS_PARTS) {
      const r = RULES[p].parse(a[p]);
      if (r.ok) value[p] = r.value;
      else {
        const { code, ...params } = r.issue;
        issues.push({
          input: inputName(field.id, p),
          subfield: p,
          code,
          params: p === 'prefecture' ? { ...params, select: true } : params,
        });
      }
    }
    // every part was read by its rule: postalCode, prefecture and cityAddress strings, building nullable
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as ValueByType['address'] };
  },
  summary: (_field, a) =>
    [
      `〒${formatPostalCode(postalCodeDigits(a.postalCode) ?? a.postalCode)}`,
      `${a.prefecture}${a.cityAddress}`,
      a.building,
    ]
      .filter((line) => line !== '' && line !== '〒')
      .join('\n'),
};
