/** 市税証明書の交付請求: a fee notice, a certificate type and year, delivery by post. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'city-tax-certificate',
  name: { ja: '市税証明書の交付請求', en: 'Request a city tax certificate' },
  kana: 'しぜいしょうめいしょのこうふせいきゅう',
  category: 'taxes',
  department: { ja: '財政局 税務部 市民税管理課', en: 'Municipal Tax Section, Finance Bureau' },
  contact: {
    phone: '044-200-2214',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'both',
  guestAllowed: false,
  withdrawalAllowed: true,
  applicationsPerPerson: 'many',
  acceptance: { text: { ja: '通年', en: 'All year round' } },
  retentionYears: 5,
  fee: {
    ja: '1通300円（同一年度・同一内容）。定額小為替を郵送してください。',
    en: '300 yen per copy, paid by postal money order.',
  },
  requirements: [{ ja: '定額小為替（手数料分）', en: 'Postal money orders for the fee' }],
  summary: {
    ja: '課税（所得）証明書、非課税証明書、納税証明書を郵送で請求します。',
    en: 'Ask for a certificate of taxation (income), of non-taxation or of tax payment, sent by post.',
  },
  eligibility: {
    ja: '証明の対象となる本人（法人の場合は代表者）',
    en: 'The taxpayer (for a company, its representative)',
  },
  declaration: { ja: '記載内容に相違ありません。', en: 'The information I have given is correct.' },
  pages: [
    {
      id: 'taxpayer',
      title: { ja: '証明が必要な方', en: 'Taxpayer' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name' },
        { id: 'address', type: 'address', label: { ja: '住所', en: 'Address' }, prefill: 'address' },
        {
          id: 'birthDate',
          type: 'date',
          label: { ja: '生年月日', en: 'Date of birth' },
          when: 'past',
          prefill: 'birthDate',
        },
        { id: 'phone', type: 'tel', label: { ja: '電話番号', en: 'Phone number' }, prefill: 'phone' },
      ],
    },
    {
      id: 'certificate',
      title: { ja: '証明書の種類', en: 'Certificate' },
      fields: [
        {
          id: 'certificateType',
          type: 'radio',
          label: { ja: '証明書の種類', en: 'Certificate' },
          options: [
            {
              value: 'taxation',
              label: { ja: '課税（所得）証明書', en: 'Certificate of taxation (income)' },
            },
            { value: 'nonTaxation', label: { ja: '非課税証明書', en: 'Certificate of non-taxation' } },
            { value: 'payment', label: { ja: '納税証明書', en: 'Certificate of tax payment' } },
          ],
        },
        {
          id: 'fiscalYear',
          type: 'select',
          label: { ja: '年度', en: 'Fiscal year' },
          options: [
            { value: 'r8', label: { ja: '令和8年度（令和7年中の所得）', en: 'FY2026 (income of 2025)' } },
            { value: 'r7', label: { ja: '令和7年度（令和6年中の所得）', en: 'FY2025 (income of 2024)' } },
            { value: 'r6', label: { ja: '令和6年度（令和5年中の所得）', en: 'FY2024 (income of 2023)' } },
          ],
        },
        {
          id: 'copies',
          type: 'number',
          label: { ja: '通数', en: 'Number of copies' },
          min: 1,
          max: 5,
          unit: { ja: '通', en: 'copies' },
        },
        {
          id: 'purpose',
          type: 'text',
          label: { ja: '使用目的', en: 'Purpose' },
          hint: { ja: '例：保育園の入園手続', en: 'For example, a nursery school application' },
          maxLength: 100,
        },
      ],
    },
  ],
});
