/** 市長への手紙: opinions and proposals to the mayor, with a reply if wanted. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'letter-to-mayor',
  name: { ja: '市長への手紙', en: 'Letter to the mayor' },
  kana: 'しちょうへのてがみ',
  category: 'opinions',
  department: { ja: '市民文化局 市民生活部 広聴課', en: 'Public Hearing Section, Civic Affairs Bureau' },
  contact: {
    phone: '044-200-2287',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'both',
  guestAllowed: false,
  withdrawalAllowed: false,
  applicationsPerPerson: 'many',
  acceptance: { text: { ja: '通年', en: 'All year round' } },
  retentionYears: 3,
  fee: { ja: '無料', en: 'Free' },
  requirements: [],
  summary: {
    ja: '市政についてのご意見・ご提案を市長にお寄せください。回答を希望する場合は、担当課から回答します。',
    en: 'Send the mayor your opinions and proposals about the city. If you ask for a reply, the section in charge replies.',
  },
  eligibility: { ja: 'どなたでも', en: 'Anyone' },
  pages: [
    {
      id: 'letter',
      title: { ja: '手紙', en: 'Your letter' },
      fields: [
        {
          id: 'theme',
          type: 'select',
          label: { ja: '分野', en: 'Subject area' },
          options: [
            { value: 'welfare', label: { ja: '福祉・医療', en: 'Welfare and health' } },
            { value: 'children', label: { ja: '子育て・教育', en: 'Children and education' } },
            { value: 'environment', label: { ja: '環境・ごみ', en: 'Environment and waste' } },
            { value: 'town', label: { ja: 'まちづくり・交通', en: 'Town planning and transport' } },
            { value: 'other', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        { id: 'subject', type: 'text', label: { ja: '件名', en: 'Subject' }, maxLength: 100 },
        {
          id: 'body',
          type: 'textarea',
          label: { ja: '本文', en: 'Your letter' },
          maxLength: 2000,
          rows: 12,
        },
        {
          id: 'reply',
          type: 'radio',
          label: { ja: '回答の希望', en: 'Do you want a reply?' },
          options: [
            { value: 'yes', label: { ja: '希望する', en: 'Yes' } },
            { value: 'no', label: { ja: '希望しない', en: 'No' } },
          ],
        },
      ],
    },
    {
      id: 'sender',
      title: { ja: '差出人', en: 'Sender' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name' },
        {
          id: 'address',
          type: 'address',
          label: { ja: '住所', en: 'Address' },
          hint: { ja: '回答を郵送する場合があります', en: 'We may send the reply by post' },
          prefill: 'address',
          // asked only of those who want a reply
          condition: { '==': [{ var: 'reply' }, 'yes'] },
        },
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
