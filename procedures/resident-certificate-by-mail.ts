/** 住民票の写しの郵送請求: a fee notice, a copy of an ID (attachment), a conditional page for a proxy. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'resident-certificate-by-mail',
  name: { ja: '住民票の写しの郵送請求', en: 'Request a copy of the residence certificate by post' },
  kana: 'じゅうみんひょうのうつしのゆうそうせいきゅう',
  category: 'certificates',
  department: {
    ja: '市民文化局 区政推進部 住民記録・戸籍課',
    en: 'Resident Records and Family Registers Section',
  },
  contact: {
    phone: '044-200-2315',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'individual',
  guestAllowed: false,
  withdrawalAllowed: true,
  applicationsPerPerson: 'many',
  acceptance: { text: { ja: '通年', en: 'All year round' } },
  retentionYears: 5,
  fee: {
    ja: '1通300円。定額小為替を郵送してください（申請後にご案内する宛先へ）。',
    en: '300 yen per copy, paid by postal money order sent to the address we give you after you apply.',
  },
  requirements: [
    {
      ja: '本人確認書類の画像（運転免許証、マイナンバーカードの表面など）',
      en: 'A picture of your ID (driving licence, front of your My Number card …)',
    },
    { ja: '定額小為替（手数料分）', en: 'Postal money orders for the fee' },
    { ja: '委任状（代理人が請求する場合）', en: 'A letter of authorisation (when you ask for someone else)' },
  ],
  summary: {
    ja: '住民票の写しを郵送で請求します。写しは住民登録の住所に郵送します。',
    en: 'Ask for copies of a residence certificate by post. They are sent to the registered address.',
  },
  eligibility: {
    ja: '川崎市に住民登録のある方と同一世帯の方、またはその代理人',
    en: 'People registered in Kawasaki and members of their household, or their representatives',
  },
  declaration: { ja: '記載内容に相違ありません。', en: 'The information I have given is correct.' },
  pages: [
    {
      id: 'applicant',
      title: { ja: '請求者', en: 'Applicant' },
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
        {
          id: 'phone',
          type: 'tel',
          label: { ja: '日中の連絡先電話番号', en: 'Daytime phone number' },
          prefill: 'phone',
        },
        {
          id: 'relation',
          type: 'radio',
          label: { ja: '必要な方との関係', en: 'Whose certificate you need' },
          options: [
            { value: 'self', label: { ja: '本人・同一世帯', en: 'Mine or my household’s' } },
            { value: 'proxy', label: { ja: '代理人', en: 'Someone else’s, as their representative' } },
          ],
        },
      ],
    },
    {
      id: 'proxy',
      title: { ja: '委任状', en: 'Letter of authorisation' },
      condition: { '==': [{ var: 'relation' }, 'proxy'] },
      fields: [
        {
          id: 'principalName',
          type: 'name',
          label: { ja: '必要な方の氏名', en: 'Name of the person' },
          kana: false,
        },
        {
          id: 'authorisation',
          type: 'file',
          label: { ja: '委任状', en: 'Letter of authorisation' },
          kinds: ['pdf', 'jpeg', 'png'],
        },
      ],
    },
    {
      id: 'request',
      title: { ja: '請求の内容', en: 'What you need' },
      fields: [
        {
          id: 'copies',
          type: 'number',
          label: { ja: '必要な通数', en: 'Number of copies' },
          min: 1,
          max: 10,
          unit: { ja: '通', en: 'copies' },
        },
        {
          id: 'entries',
          type: 'checkbox',
          label: { ja: '記載を希望する事項', en: 'Entries to include' },
          required: false,
          hint: {
            ja: '選択しない場合は省略した写しになります',
            en: 'If you select none, the copy leaves them out',
          },
          options: [
            { value: 'household', label: { ja: '世帯主・続柄', en: 'Head of household and relationship' } },
            { value: 'domicile', label: { ja: '本籍・筆頭者', en: 'Registered domicile' } },
            { value: 'history', label: { ja: '前住所', en: 'Previous address' } },
          ],
        },
        {
          id: 'purpose',
          type: 'select',
          label: { ja: '使用目的', en: 'Purpose' },
          options: [
            { value: 'employment', label: { ja: '就職・勤務先への提出', en: 'For an employer' } },
            { value: 'license', label: { ja: '免許・資格の手続', en: 'For a licence or qualification' } },
            { value: 'pension', label: { ja: '年金・保険の手続', en: 'For a pension or insurance' } },
            { value: 'other', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        {
          id: 'identity',
          type: 'file',
          label: { ja: '本人確認書類', en: 'Proof of identity' },
          hint: {
            ja: '写真付きのものは表面のみ、それ以外は2点',
            en: 'The front of a photo ID, or two other documents',
          },
          kinds: ['pdf', 'jpeg', 'png'],
          maxFiles: 2,
        },
      ],
    },
  ],
});
