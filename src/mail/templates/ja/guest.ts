/** ログインせずに申請する's code mail in Japanese, plain text (the registration's wording, adapted). */
import type { GuestMailTemplates } from '../../../app/procedures/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { FOOTER_JA, SERVICE_NAME } from './shared.js';

// A code mail may reach someone who never asked for it.
const footer = `${FOOTER_JA}\n※このメールに心当たりのない方は、お手数ですがこのメールを削除してください。`;

export const japaneseGuestMailTemplates: GuestMailTemplates = {
  guestCode({ procedureName, code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'ja');
    return {
      subject: `【${SERVICE_NAME}】認証コードのお知らせ`,
      body: [
        `${SERVICE_NAME}で、ログインせずに「${procedureName}」の申請を始めるお申し込みがありました。`,
        '',
        '申請の画面（認証コードの入力）に、次の認証コードを入力してください。',
        '',
        `認証コード：${code}`,
        '',
        `認証コードの有効期限は、このメールの送信から${limit}です。`,
        `${limit}を過ぎた場合は、お手数ですが最初からお手続きください。`,
        '',
        `迷惑メール対策をされている方は、「@${mailDomain}」からのメールを受信できるよう設定してください。`,
        footer,
      ].join('\n'),
    };
  },
};
