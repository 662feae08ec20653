/** 犬の登録事項変更届: conditional pages by kind of change (所在地, 所有者, 死亡). */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'dog-registration-change',
  name: { ja: '犬の登録事項変更届', en: 'Change of dog registration details' },
  kana: 'いぬのとうろくじこうへんこうとどけ',
  category: 'pets',
  department: {
    ja: '健康福祉局 保健所 生活衛生課',
    en: 'Environmental Health Section, Public Health Centre',
  },
  contact: {
    phone: '044-200-2448',
    email: 'dog-registration@example.jp',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'individual',
  guestAllowed: false,
  withdrawalAllowed: true,
  applicationsPerPerson: 'many',
  acceptance: {
    text: { ja: '通年（変更から30日以内）', en: 'All year round (within 30 days of the change)' },
  },
  retentionYears: 5,
  fee: { ja: '無料', en: 'Free' },
  requirements: [{ ja: '犬の鑑札番号', en: 'The dog’s licence number' }],
  summary: {
    ja: '登録している犬の所在地や所有者が変わったとき、または犬が死亡したときに届け出ます。',
    en: 'Tell us when a registered dog moves, changes owner or dies.',
  },
  eligibility: { ja: '川崎市で犬を登録している所有者', en: 'Owners of dogs registered in Kawasaki' },
  declaration: { ja: '記載内容に相違ありません。', en: 'The information I have given is correct.' },
  pages: [
    {
      id: 'owner',
      title: { ja: '届出者（現在の所有者）', en: 'You (the present owner)' },
      fields: [
        { id: 'ownerName', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name' },
        { id: 'ownerAddress', type: 'address', label: { ja: '住所', en: 'Address' }, prefill: 'address' },
        { id: 'ownerPhone', type: 'tel', label: { ja: '電話番号', en: 'Phone number' }, prefill: 'phone' },
      ],
    },
    {
      id: 'dog',
      title: { ja: '犬と変更の内容', en: 'The dog and the change' },
      fields: [
        { id: 'dogName', type: 'text', label: { ja: '犬の名前', en: 'Dog’s name' }, maxLength: 30 },
        {
          id: 'licenseNumber',
          type: 'text',
          label: { ja: '鑑札番号', en: 'Licence number' },
          hint: { ja: '例：川崎 第12345号', en: 'For example, 川崎 第12345号' },
          maxLength: 20,
        },
        {
          id: 'changeKind',
          type: 'radio',
          label: { ja: '変更の種類', en: 'What changed' },
          options: [
            { value: 'moved', label: { ja: '所在地の変更（転居）', en: 'The dog moved' } },
            { value: 'newOwner', label: { ja: '所有者の変更', en: 'The dog has a new owner' } },
            { value: 'death', label: { ja: '死亡', en: 'The dog died' } },
          ],
        },
      ],
    },
    {
      id: 'moved',
      title: { ja: '新しい所在地', en: 'New address' },
      condition: { '==': [{ var: 'changeKind' }, 'moved'] },
      fields: [
        { id: 'newAddress', type: 'address', label: { ja: '新しい所在地', en: 'New address' } },
        {
          id: 'movedOn',
          type: 'date',
          label: { ja: '転居した日', en: 'Date of the move' },
          when: 'past',
          minYear: 2000,
        },
      ],
    },
    {
      id: 'newOwner',
      title: { ja: '新しい所有者', en: 'New owner' },
      condition: { '==': [{ var: 'changeKind' }, 'newOwner'] },
      fields: [
        { id: 'newOwnerName', type: 'name', label: { ja: '新しい所有者の氏名', en: 'New owner’s name' } },
        {
          id: 'newOwnerAddress',
          type: 'address',
          label: { ja: '新しい所有者の住所', en: 'New owner’s address' },
        },
        {
          id: 'newOwnerPhone',
          type: 'tel',
          label: { ja: '新しい所有者の電話番号', en: 'New owner’s phone number' },
        },
      ],
    },
    {
      id: 'death',
      title: { ja: '死亡の届出', en: 'Death of the dog' },
      condition: { '==': [{ var: 'changeKind' }, 'death'] },
      fields: [
        {
          id: 'diedOn',
          type: 'date',
          label: { ja: '死亡した日', en: 'Date of death' },
          when: 'past',
          minYear: 2000,
        },
        {
          id: 'deathNotes',
          type: 'textarea',
          label: { ja: '備考', en: 'Notes' },
          required: false,
          maxLength: 500,
        },
      ],
    },
  ],
});
