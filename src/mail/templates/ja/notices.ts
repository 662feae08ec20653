/** The notices' mail in Japanese, plain text: a notice sent to residents. */
import type { NoticeMailTemplates } from '../../../app/notices/ports.js';
import { FOOTER_JA, SERVICE_NAME } from './shared.js';

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
};
