/** The back office's mails in Japanese, plain text: a notice, and the deletion of an account by the city. */
import type { NoticeMailTemplates } from '../../../app/staff/ports.js';
import { FOOTER_JA, SERVICE_NAME } from './registration.js';

const footer = FOOTER_JA;

export const japaneseNoticeMailTemplates: NoticeMailTemplates = {
  notice({ title, body, important, myPageUrl, noticeUrl }) {
    return {
      subject: `【${SERVICE_NAME}】${important ? '【重要】' : ''}${title}`,
      body: [
        `${SERVICE_NAME}からのお知らせです。`,
        '',
        `■ ${title}`,
        '',
        body,
        '',
        'このお知らせは、次のページでもご覧いただけます（ログインが必要な場合があります）。',
        noticeUrl,
        '',
        important
          ? '※このお知らせは重要なお知らせのため、お知らせ・通知メールを希望されていない方にもお送りしています。'
          : '※このメールは、お知らせ・通知メールを「希望する」とされた方にお送りしています。',
        'お知らせ・通知メールの受け取りの設定は、マイページの利用者情報から変更できます。',
        myPageUrl,
        footer,
      ].join('\n'),
    };
  },

  accountDeletedByCity({ name }) {
    return {
      subject: `【${SERVICE_NAME}】利用者登録の削除のお知らせ`,
      body: [
        `${name} 様`,
        '',
        `お申し出により、${SERVICE_NAME}の利用者登録を削除しました。`,
        'ご登録いただいていた利用者情報は削除され、このメールアドレスではログインできなくなりました。',
        '',
        '再びご利用になる場合は、改めて利用者登録を行ってください。',
        'お心当たりのない場合は、川崎市 オンライン手続かわさき担当（電話 044-200-2111）までお問い合わせください。',
        footer,
      ].join('\n'),
    };
  },
};
