import { describe, expect, it } from 'vitest';
import { loadProcedures } from '../../../procedures/index.js';
import { compileForm } from './form.js';
import type { Answers } from './fields/types.js';

const TODAY = { year: 2026, month: 5, day: 20 };
const dog = loadProcedures().find((d) => d.id === 'dog-registration-change')!;
const form = compileForm(dog);

const owner: Answers = {
  ownerName: { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' },
  ownerAddress: {
    postalCode: '2108577',
    prefecture: '神奈川県',
    cityAddress: '川崎市川崎区宮本町1',
    building: '',
  },
  ownerPhone: '0442002111',
};
const dogPage = (changeKind: string): Answers => ({
  dogName: 'ポチ',
  licenseNumber: '川崎 第12345号',
  changeKind,
});
const death: Answers = { diedOn: { year: '2026', month: '5', day: '1' } };

describe('the journey, derived from the answers', () => {
  it('with no answers: the pages without conditions', () =>
    expect(form.visiblePages({}).map((v) => v.page.id)).toEqual(['owner', 'dog']));

  it.each([
    ['moved', ['owner', 'dog', 'moved']],
    ['newOwner', ['owner', 'dog', 'newOwner']],
    ['death', ['owner', 'dog', 'death']],
  ])('changeKind %s shows its page only', (kind, pages) =>
    expect(form.visiblePages({ ...owner, ...dogPage(kind) }).map((v) => v.page.id)).toEqual(pages),
  );

  it('next and previous skip hidden pages', () => {
    const answers = { ...owner, ...dogPage('death'), ...death };
    expect(form.firstPage()).toBe('owner');
    expect(form.nextPage(answers, 'owner')).toBe('dog');
    expect(form.nextPage(answers, 'dog')).toBe('death');
    expect(form.nextPage(answers, 'death')).toBeNull();
    expect(form.previousPage(answers, 'death')).toBe('dog');
    expect(form.previousPage(answers, 'owner')).toBeNull();
    // from a page that is now hidden, the neighbours are still found
    expect(form.previousPage(answers, 'newOwner')).toBe('dog');
    expect(form.nextPage(answers, 'moved')).toBe('death');
    expect(form.nextPage(answers, 'nonsense')).toBeNull();
  });

  it('the first incomplete page', () => {
    expect(form.firstIncompletePage({}, { today: TODAY })).toBe('owner');
    expect(form.firstIncompletePage(owner, { today: TODAY })).toBe('dog');
    expect(form.firstIncompletePage({ ...owner, ...dogPage('death') }, { today: TODAY })).toBe('death');
    expect(
      form.firstIncompletePage({ ...owner, ...dogPage('death'), ...death }, { today: TODAY }),
    ).toBeNull();
  });

  it('a hidden page is not validated, and its answers are dropped when sent', () => {
    const answers = {
      ...owner,
      ...dogPage('death'),
      ...death,
      newAddress: { postalCode: 'bad', prefecture: '', cityAddress: '', building: '' },
    };
    expect(form.validatePage('moved', answers, { today: TODAY })).toEqual({ ok: true, values: {} });
    const sent = form.validateApplication(answers, { today: TODAY });
    expect(sent.ok).toBe(true);
    if (sent.ok) {
      expect(Object.keys(sent.answers)).not.toContain('newAddress');
      expect(sent.values.diedOn).toBe('2026-05-01');
      expect(sent.values).not.toHaveProperty('deathNotes'); // optional, empty: no value
    }
    expect(Object.keys(form.pruneHidden(answers))).not.toContain('newAddress');
  });

  it('readPage reads only the page’s visible fields, normalised', () => {
    const read = form.readPage(
      'dog',
      { dogName: ' ﾎﾟﾁ ', licenseNumber: 'x', changeKind: 'death', ownerPhone: '0' },
      owner,
    );
    expect(read).toEqual({ dogName: 'ポチ', licenseNumber: 'x', changeKind: 'death' });
    expect(form.readPage('death', { diedOn: 'x' }, owner)).toEqual({});
  });

  it('the application’s errors carry the page, field, input and code', () => {
    const r = form.validateApplication({ ...owner, ...dogPage('moved') }, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.page, e.field, e.input, e.code])).toEqual([
        ['moved', 'newAddress', 'newAddress-postalCode', 'required'],
        ['moved', 'newAddress', 'newAddress-prefecture', 'required'],
        ['moved', 'newAddress', 'newAddress-cityAddress', 'required'],
        ['moved', 'movedOn', 'movedOn-year', 'required'],
      ]);
      expect(r.errors[0]?.subfield).toBe('postalCode');
    }
  });

  it('visibleAnswers: the check page’s rows, hidden ones left out', () => {
    const sections = form.visibleAnswers({ ...owner, ...dogPage('death'), ...death }, 'ja');
    expect(sections.map((s) => s.page)).toEqual(['owner', 'dog', 'death']);
    expect(sections[1]?.rows.find((r) => r.field === 'changeKind')).toEqual({
      field: 'changeKind',
      input: 'changeKind',
      label: '変更の種類',
      text: '死亡',
    });
    expect(sections[2]?.rows.map((r) => [r.input, r.text])).toEqual([
      ['diedOn-year', '2026年5月1日'],
      ['deathNotes', ''],
    ]);
    expect(form.visibleAnswers({ ...owner, ...dogPage('death') }, 'en')[1]?.rows[2]?.text).toBe(
      'The dog died',
    );
  });
});

describe('attachments in total', () => {
  const road = compileForm(loadProcedures().find((d) => d.id === 'road-park-damage-report')!);
  const MB = 1024 * 1024;
  const photo = (i: number, mb: number) => ({
    id: String(i),
    name: `${i}.jpg`,
    mediaType: 'image/jpeg',
    size: mb * MB,
  });
  it('20 MB per application, on the file field', () => {
    expect(road.validatePage('photos', { photos: [photo(1, 10), photo(2, 10)] }, { today: TODAY }).ok).toBe(
      true,
    );
    const r = road.validatePage(
      'photos',
      { photos: [photo(1, 10), photo(2, 10), photo(3, 0.01)] },
      { today: TODAY },
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.params])).toEqual([
      ['files_too_large', { maxMb: 20, select: true }],
    ]);
  });
  it('an optional file field left empty is valid', () =>
    expect(road.validatePage('photos', {}, { today: TODAY }).ok).toBe(true));
});

describe('a field shown only when an earlier answer holds', () => {
  const letter = compileForm(loadProcedures().find((d) => d.id === 'letter-to-mayor')!);
  const fieldsOf = (reply: string) => letter.visiblePage({ reply }, 'sender')?.fields.map((f) => f.id);
  it('住所 is asked only of those who want a reply', () => {
    expect(fieldsOf('yes')).toEqual(['name', 'address', 'email', 'phone']);
    expect(fieldsOf('no')).toEqual(['name', 'email', 'phone']);
  });
  it('a hidden field is neither read, validated nor kept', () => {
    const answers = {
      reply: 'no',
      address: { postalCode: 'x', prefecture: '', cityAddress: '', building: '' },
    };
    expect(letter.readPage('sender', { 'address-postalCode': '2108577' }, answers)).not.toHaveProperty(
      'address',
    );
    const page = letter.validatePage('sender', answers, { today: TODAY });
    expect(page.ok ? [] : page.errors.map((e) => e.field)).not.toContain('address');
    expect(letter.pruneHidden(answers)).toEqual({ reply: 'no' });
  });
});
