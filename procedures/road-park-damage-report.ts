/** 道路・公園の損傷の通報: a guest may report, with photos (JPEG/PNG). */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'road-park-damage-report',
  name: { ja: '道路・公園の損傷の通報', en: 'Report damage to a road or park' },
  kana: 'どうろこうえんのそんしょうのつうほう',
  category: 'roadsParks',
  department: {
    ja: '建設緑政局 道路河川整備部 道路施設課',
    en: 'Road Facilities Section, Construction and Green Bureau',
  },
  contact: {
    phone: '044-200-2812',
    hours: {
      ja: '平日 8時30分から17時15分（緊急時は各区の道路公園センターへ）',
      en: 'Weekdays, 8:30 to 17:15 (in an emergency, call your ward’s road and park centre)',
    },
  },
  audience: 'both',
  guestAllowed: true,
  withdrawalAllowed: false,
  applicationsPerPerson: 'many',
  acceptance: { text: { ja: '通年・24時間', en: 'All year round, at any time' } },
  retentionYears: 3,
  fee: { ja: '無料', en: 'Free' },
  requirements: [{ ja: '損傷箇所の写真（あれば）', en: 'Photos of the damage (if you have them)' }],
  summary: {
    ja: '道路の穴、ガードレールの破損、公園の遊具の故障などを通報します。危険な場合はすぐに電話してください。',
    en: 'Report potholes, broken guard rails, broken playground equipment and the like. If it is dangerous, phone us at once.',
  },
  eligibility: { ja: 'どなたでも', en: 'Anyone' },
  pages: [
    {
      id: 'place',
      title: { ja: '場所と状況', en: 'Place and damage' },
      fields: [
        {
          id: 'facility',
          type: 'radio',
          label: { ja: '場所の種類', en: 'Type of place' },
          options: [
            { value: 'road', label: { ja: '道路', en: 'Road' } },
            { value: 'park', label: { ja: '公園', en: 'Park' } },
          ],
        },
        {
          id: 'location',
          type: 'text',
          label: { ja: '場所', en: 'Location' },
          hint: { ja: '住所や目印（例：中原区小杉町3丁目の交差点付近）', en: 'An address or landmark' },
          maxLength: 200,
        },
        {
          id: 'description',
          type: 'textarea',
          label: { ja: '損傷の状況', en: 'What is damaged' },
          maxLength: 1000,
        },
      ],
    },
    {
      id: 'photos',
      title: { ja: '写真', en: 'Photos' },
      fields: [
        {
          id: 'photos',
          type: 'file',
          label: { ja: '損傷箇所の写真', en: 'Photos of the damage' },
          hint: { ja: 'JPEGまたはPNG、3枚まで', en: 'JPEG or PNG, up to 3' },
          required: false,
          kinds: ['jpeg', 'png'],
          maxFiles: 3,
        },
      ],
    },
    {
      id: 'reporter',
      title: { ja: '通報者', en: 'You' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name', kana: false },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email address' },
          prefill: 'email',
        },
        {
          id: 'phone',
          type: 'tel',
          label: { ja: '電話番号', en: 'Phone number' },
          required: false,
          prefill: 'phone',
        },
      ],
    },
  ],
});
