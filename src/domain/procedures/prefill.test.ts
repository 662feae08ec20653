import { describe, expect, it } from 'vitest';
import { loadProcedures } from '../../../procedures/index.js';
import type { Profile } from '../profile.js';
import { prefillAnswers } from './prefill.js';
import { compileForm } from './form.js';

const individual: Profile = {
  kind: 'individual',
  familyName: '川崎',
  givenName: '太郎',
  familyNameKana: 'カワサキ',
  givenNameKana: 'タロウ',
  postalCode: '2108577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1',
  building: null,
  phone: '0442002111',
  birthDate: '1985-04-01',
  gender: 'unanswered',
  notify: true,
};
const defs = loadProcedures();
const certificate = defs.find((d) => d.id === 'resident-certificate-by-mail')!;

describe('prefill from 利用者情報', () => {
  it('fills 氏名, 住所, 生年月日 and 電話番号 as the inputs show them, and they are valid', () => {
    const answers = prefillAnswers(certificate, { profile: individual, email: 'taro@example.jp' });
    expect(answers).toEqual({
      name: { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' },
      address: {
        postalCode: '210-8577',
        prefecture: '神奈川県',
        cityAddress: '川崎市川崎区宮本町1',
        building: '',
      },
      birthDate: { year: '1985', month: '4', day: '1' },
      phone: '0442002111',
    });
    const page = compileForm(certificate).validatePage(
      'applicant',
      { ...answers, relation: 'self' },
      {
        today: { year: 2026, month: 5, day: 20 },
      },
    );
    expect(page.ok).toBe(true);
  });

  it('a guest gets only what they gave (the e-mail address)', () => {
    const course = defs.find((d) => d.id === 'citizen-course-application')!;
    expect(prefillAnswers(course, { profile: null, email: 'guest@example.jp' })).toEqual({
      email: 'guest@example.jp',
    });
  });

  it('a business profile fills the address but not a person’s name', () => {
    const business: Profile = {
      kind: 'business',
      orgName: '川崎商事株式会社',
      orgNameKana: 'カワサキショウジ',
      postalCode: '2108577',
      prefecture: '神奈川県',
      cityAddress: '川崎市川崎区宮本町1',
      building: 'ビル',
      representativeName: '川崎 一郎',
      phone: '0442002111',
      department: '総務部',
      contactName: '川崎 花子',
      birthDate: '1980-01-01',
      notify: false,
    };
    const letter = defs.find((d) => d.id === 'letter-to-mayor')!;
    const answers = prefillAnswers(letter, { profile: business, email: null });
    expect(Object.keys(answers).sort()).toEqual(['address', 'phone']);
  });
});
