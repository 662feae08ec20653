/**
 * Prefill from 利用者情報: the initial answers of a form's fields that have a prefill key, from the
 * applicant's profile and account e-mail (the person can change them for this application).
 * A guest, or a business profile for 氏名 (a company has no 姓/名), gets nothing for that field.
 */
import type { PrefillKey, ProcedureDefinition } from './definition.js';
import type { Answer } from './fields/types.js';
import { formatPostalCode } from './fields/address.js';
import type { Profile } from '../profile.js';

export type PrefillSource = { profile: Profile | null; email: string | null };

function prefillValue(key: PrefillKey, { profile, email }: PrefillSource): Answer | null {
  switch (key) {
    case 'email':
      return email;
    case 'phone':
      return profile?.phone ?? null;
    case 'name':
      return profile?.kind === 'individual'
        ? {
            familyName: profile.familyName,
            givenName: profile.givenName,
            familyNameKana: profile.familyNameKana,
            givenNameKana: profile.givenNameKana,
          }
        : null;
    case 'address':
      return profile
        ? {
            postalCode: formatPostalCode(profile.postalCode),
            prefecture: profile.prefecture,
            cityAddress: profile.cityAddress,
            building: profile.building ?? '',
          }
        : null;
    case 'birthDate': {
      const m = profile ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(profile.birthDate) : null;
      return m ? { year: m[1] ?? '', month: String(Number(m[2])), day: String(Number(m[3])) } : null;
    }
  }
}

/** The answers to start a draft with (only fields with a prefill key and something to fill). */
export function prefillAnswers(def: ProcedureDefinition, source: PrefillSource): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const page of def.pages) {
    for (const field of page.fields) {
      const value = field.prefill ? prefillValue(field.prefill, source) : null;
      if (value !== null) answers[field.id] = value;
    }
  }
  return answers;
}
