/** The back office's mail to a resident in Japanese, plain text: the deletion of an account by the city. */
import type { StaffUserMailTemplates } from '../../../app/staff/ports.js';
import { CONTACT, FOOTER_JA, SERVICE_NAME } from './shared.js';

const footer = FOOTER_JA;

export const japaneseStaffUserMailTemplates: StaffUserMailTemplates = {
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
        `お心当たりのない場合は、${CONTACT}までお問い合わせください。`,
        footer,
      ].join('\n'),
    };
  },
};
