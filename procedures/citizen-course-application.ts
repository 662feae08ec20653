/** 市民講座の参加申込み: a guest may apply (ログインせずに申請する); one application per person. */
import { defineProcedure } from '../src/domain/procedures/definition.js';

export default defineProcedure({
  id: 'citizen-course-application',
  name: { ja: '市民講座の参加申込み', en: 'Apply for a citizens’ course' },
  kana: 'しみんこうざのさんかもうしこみ',
  category: 'learning',
  department: { ja: '教育委員会 生涯学習推進課', en: 'Lifelong Learning Section, Board of Education' },
  contact: {
    phone: '044-200-3302',
    email: 'courses@example.jp',
    hours: { ja: '平日 8時30分から17時15分', en: 'Weekdays, 8:30 to 17:15' },
  },
  audience: 'individual',
  guestAllowed: true,
  withdrawalAllowed: true,
  applicationsPerPerson: 'one',
  acceptance: {
    from: '2026-04-01',
    until: '2027-03-31',
    text: { ja: '2026年4月1日から2027年3月31日まで', en: 'From 1 April 2026 to 31 March 2027' },
  },
  retentionYears: 1,
  fee: { ja: '無料（教材費が必要な講座があります）', en: 'Free (some courses charge for materials)' },
  requirements: [],
  summary: {
    ja: '市民館で開く講座に申し込みます。応募多数の場合は抽選となり、結果をメールでお知らせします。',
    en: 'Apply for a course at a civic centre. If there are more applicants than places, we draw lots and tell you the result by email.',
  },
  eligibility: { ja: '市内在住・在勤・在学の方', en: 'People who live, work or study in Kawasaki' },
  pages: [
    {
      id: 'course',
      title: { ja: '講座', en: 'Course' },
      fields: [
        {
          id: 'course',
          type: 'select',
          label: { ja: '講座名', en: 'Course' },
          options: [
            {
              value: 'localHistory',
              label: { ja: '川崎の歴史を歩く', en: 'Walking through Kawasaki’s history' },
            },
            { value: 'smartphone', label: { ja: 'はじめてのスマートフォン', en: 'Your first smartphone' } },
            { value: 'disasterPrep', label: { ja: '家庭でできる防災', en: 'Disaster preparedness at home' } },
          ],
        },
        {
          id: 'session',
          type: 'radio',
          label: { ja: '希望する回', en: 'Session' },
          options: [
            { value: 'weekdayMorning', label: { ja: '平日午前', en: 'Weekday morning' } },
            { value: 'weekendAfternoon', label: { ja: '土曜日午後', en: 'Saturday afternoon' } },
          ],
        },
      ],
    },
    {
      id: 'participant',
      title: { ja: '参加者', en: 'Participant' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名', en: 'Name' }, prefill: 'name' },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email address' },
          prefill: 'email',
        },
        { id: 'phone', type: 'tel', label: { ja: '電話番号', en: 'Phone number' }, prefill: 'phone' },
        {
          id: 'residence',
          type: 'radio',
          label: { ja: '市との関係', en: 'Your link with Kawasaki' },
          options: [
            { value: 'live', label: { ja: '在住', en: 'I live here' } },
            { value: 'work', label: { ja: '在勤', en: 'I work here' } },
            { value: 'study', label: { ja: '在学', en: 'I study here' } },
          ],
        },
        {
          id: 'support',
          type: 'checkbox',
          label: { ja: '希望する配慮', en: 'Support you need' },
          required: false,
          options: [
            { value: 'childcare', label: { ja: '保育（1歳以上）', en: 'Childcare (from age 1)' } },
            { value: 'wheelchair', label: { ja: '車いす席', en: 'Wheelchair space' } },
            { value: 'captions', label: { ja: '要約筆記', en: 'Live captions' } },
          ],
        },
      ],
    },
  ],
});
