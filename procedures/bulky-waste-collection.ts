/** 粗大ごみ収集の申込み: a fee notice (粗大ごみ処理券), a collection day in the future, several items. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'bulky-waste-collection',
  name: { ja: '粗大ごみ収集の申込み', en: 'Bulky waste collection request' },
  kana: 'そだいごみしゅうしゅうのもうしこみ',
  category: 'waste',
  department: {
    ja: '環境局 生活環境部 収集計画課',
    en: 'Waste Collection Planning Section, Environment Bureau',
  },
  contact: {
    phone: '044-930-5300',
    hours: { ja: '月曜日から土曜日 8時から16時30分', en: 'Monday to Saturday, 8:00 to 16:30' },
  },
  audience: 'individual',
  guestAllowed: false,
  withdrawalAllowed: true,
  applicationsPerPerson: 'many',
  acceptance: {
    text: {
      ja: '通年（収集希望日の7日前まで）',
      en: 'All year round (at least 7 days before the collection day you want)',
    },
  },
  retentionYears: 1,
  fee: {
    ja: '1品目につき200円から1,000円。コンビニエンスストア等で粗大ごみ処理券を購入し、品目に貼って出してください。',
    en: 'From 200 to 1,000 yen per item. Buy bulky waste stickers at a convenience store and put one on each item.',
  },
  requirements: [
    {
      ja: '粗大ごみ処理券（収集日までに購入）',
      en: 'Bulky waste stickers (bought before the collection day)',
    },
  ],
  summary: {
    ja: '家具や家電製品など、一辺が50センチメートルを超えるごみの収集を申し込みます。エアコン・テレビ・冷蔵庫・洗濯機は収集できません。',
    en: 'Ask for the collection of furniture, appliances and other waste longer than 50 cm on any side. Air conditioners, TVs, refrigerators and washing machines cannot be collected.',
  },
  eligibility: { ja: '川崎市内にお住まいの方', en: 'People living in Kawasaki' },
  declaration: {
    ja: '記載内容に相違ありません。収集日の朝8時30分までに指定の場所に出します。',
    en: 'The information I have given is correct. I will put the items out at the agreed place by 8:30 on the collection day.',
  },
  pages: [
    {
      id: 'applicant',
      title: { ja: '申込者', en: 'Applicant' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name' },
        {
          id: 'address',
          type: 'address',
          label: { ja: '収集場所の住所', en: 'Collection address' },
          hint: { ja: '川崎市内の住所を入力してください', en: 'An address in Kawasaki' },
          prefill: 'address',
        },
        { id: 'phone', type: 'tel', label: { ja: '電話番号', en: 'Phone number' }, prefill: 'phone' },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email address' },
          prefill: 'email',
        },
      ],
    },
    {
      id: 'items',
      title: { ja: '出す品目', en: 'Items' },
      fields: [
        {
          id: 'itemKinds',
          type: 'checkbox',
          label: { ja: '品目', en: 'Items' },
          hint: { ja: '当てはまるものをすべて選択してください', en: 'Select all that apply' },
          options: [
            { value: 'sofa', label: { ja: 'ソファ', en: 'Sofa' } },
            { value: 'bed', label: { ja: 'ベッド・マットレス', en: 'Bed or mattress' } },
            { value: 'wardrobe', label: { ja: 'たんす・棚', en: 'Wardrobe or shelf' } },
            { value: 'bicycle', label: { ja: '自転車', en: 'Bicycle' } },
            { value: 'other', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        {
          id: 'itemCount',
          type: 'number',
          label: { ja: '点数', en: 'Number of items' },
          min: 1,
          max: 10,
          unit: { ja: '点', en: 'items' },
          hint: { ja: '1回に10点まで申し込めます', en: 'Up to 10 items at a time' },
        },
        {
          id: 'itemNotes',
          type: 'textarea',
          label: { ja: '品目の詳細', en: 'Details of the items' },
          hint: { ja: '大きさや「その他」の品目名など', en: 'Sizes, and what the "other" items are' },
          required: false,
          maxLength: 500,
        },
      ],
    },
    {
      id: 'collection',
      title: { ja: '収集希望日', en: 'Collection day' },
      fields: [
        {
          id: 'collectionDate',
          type: 'date',
          label: { ja: '収集希望日', en: 'Collection day' },
          hint: {
            ja: '7日後以降の平日。例：2026年4月15日',
            en: 'A weekday at least 7 days from now. For example, 2026 4 15',
          },
          when: 'future',
        },
        {
          id: 'placement',
          type: 'select',
          label: { ja: '出す場所', en: 'Where you will put the items' },
          options: [
            { value: 'gate', label: { ja: '戸建ての門の前', en: 'In front of the gate of a house' } },
            {
              value: 'collectionPoint',
              label: { ja: '集合住宅のごみ集積所', en: 'The waste point of a block of flats' },
            },
            {
              value: 'other',
              label: { ja: 'その他（品目の詳細に記入）', en: 'Elsewhere (say where in the details)' },
            },
          ],
        },
      ],
    },
  ],
});
