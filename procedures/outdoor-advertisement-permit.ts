/** 屋外広告物の表示許可申請: for businesses, with PDF drawings and a fee notice. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'outdoor-advertisement-permit',
  name: { ja: '屋外広告物の表示許可申請', en: 'Outdoor advertisement permit' },
  kana: 'おくがいこうこくぶつのひょうじきょかしんせい',
  category: 'business',
  department: {
    ja: 'まちづくり局 計画部 景観・地区まちづくり支援課',
    en: 'Townscape Section, Urban Development Bureau',
  },
  contact: {
    phone: '044-200-2721',
    email: 'outdoor-ads@example.jp',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'business',
  guestAllowed: false,
  withdrawalAllowed: true,
  applicationsPerPerson: 'many',
  acceptance: {
    text: { ja: '通年（表示の10日前まで）', en: 'All year round (at least 10 days before display)' },
  },
  retentionYears: 10,
  fee: {
    ja: '広告物の種類と面積に応じて1件あたり数百円から。許可後に納付書をお送りします。',
    en: 'From a few hundred yen per sign, by type and area. We send you a payment slip once the permit is granted.',
  },
  requirements: [
    { ja: '付近見取図・配置図・立面図（PDF）', en: 'Location map, site plan and elevations (PDF)' },
    { ja: '表示する場所の所有者の承諾書（PDF）', en: 'Consent of the owner of the place (PDF)' },
  ],
  summary: {
    ja: '看板などの屋外広告物を市内に表示するときに、許可を申請します。',
    en: 'Apply for a permit to display a sign or other outdoor advertisement in Kawasaki.',
  },
  eligibility: { ja: '屋外広告物を表示する事業者', en: 'Businesses displaying outdoor advertisements' },
  declaration: {
    ja: '記載内容に相違ありません。川崎市屋外広告物条例を遵守します。',
    en: 'The information I have given is correct. We will comply with the Kawasaki Outdoor Advertisement Ordinance.',
  },
  pages: [
    {
      id: 'applicant',
      title: { ja: '申請者', en: 'Applicant' },
      fields: [
        {
          id: 'companyName',
          type: 'text',
          label: { ja: '法人名/事業者名', en: 'Company or business name' },
          maxLength: 100,
        },
        {
          id: 'representative',
          type: 'name',
          label: { ja: '代表者名', en: 'Representative’s name' },
          kana: false,
        },
        { id: 'companyAddress', type: 'address', label: { ja: '所在地', en: 'Address' }, prefill: 'address' },
        {
          id: 'phone',
          type: 'tel',
          label: { ja: '連絡先電話番号', en: 'Contact phone number' },
          prefill: 'phone',
        },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email address' },
          prefill: 'email',
        },
      ],
    },
    {
      id: 'advertisement',
      title: { ja: '広告物', en: 'Advertisement' },
      fields: [
        {
          id: 'adType',
          type: 'select',
          label: { ja: '広告物の種類', en: 'Type of advertisement' },
          options: [
            { value: 'rooftop', label: { ja: '屋上広告物', en: 'Rooftop sign' } },
            { value: 'wall', label: { ja: '壁面広告物', en: 'Wall sign' } },
            { value: 'projecting', label: { ja: '突出広告物', en: 'Projecting sign' } },
            { value: 'freestanding', label: { ja: '野立広告物', en: 'Free-standing sign' } },
          ],
        },
        {
          id: 'siteAddress',
          type: 'address',
          label: { ja: '表示する場所', en: 'Where it will be displayed' },
        },
        {
          id: 'area',
          type: 'number',
          label: { ja: '表示面積', en: 'Display area' },
          integer: false,
          min: 0.1,
          max: 500,
          unit: { ja: '平方メートル', en: 'm²' },
        },
        {
          id: 'startDate',
          type: 'date',
          label: { ja: '表示開始予定日', en: 'Planned start of display' },
          when: 'future',
        },
        {
          id: 'years',
          type: 'number',
          label: { ja: '表示期間', en: 'Display period' },
          min: 1,
          max: 3,
          unit: { ja: '年', en: 'years' },
        },
      ],
    },
    {
      id: 'documents',
      title: { ja: '添付書類', en: 'Documents' },
      fields: [
        {
          id: 'drawings',
          type: 'file',
          label: { ja: '図面', en: 'Drawings' },
          hint: {
            ja: '付近見取図・配置図・立面図（PDF、5ファイルまで）',
            en: 'Location map, site plan and elevations (PDF, up to 5 files)',
          },
          kinds: ['pdf'],
          maxFiles: 5,
        },
        {
          id: 'consent',
          type: 'file',
          label: { ja: '土地・建物所有者の承諾書', en: 'Owner’s consent' },
          kinds: ['pdf'],
        },
      ],
    },
  ],
});
