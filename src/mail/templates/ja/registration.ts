/** The registration mails in Japanese, plain text. Each names the service; none ever contains a password. */
import type { MailTemplates } from '../../../app/registration/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { FOOTER_JA, SERVICE_NAME } from './shared.js';

// A registration mail may reach someone who never asked for it.
const footer = `${FOOTER_JA}\n※このメールに心当たりのない方は、お手数ですがこのメールを削除してください。`;

export const japaneseMailTemplates: MailTemplates = {
  registrationCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'ja');
    return {
      subject: `【${SERVICE_NAME}】認証コードのお知らせ`,
      body: [
        `${SERVICE_NAME}の利用者登録をお申し込みいただき、ありがとうございます。`,
        '',
        '利用者登録の画面（メールアドレスの登録完了）に、次の認証コードを入力してください。',
        '',
        `認証コード：${code}`,
        '',
        `このメールの送信から${limit}以内に、本登録（利用者情報の入力と登録）を完了してください。`,
        `${limit}を過ぎると、入力された情報は削除されます。その場合は、改めて利用者登録を行ってください。`,
        '',
        `迷惑メール対策をされている方は、「@${mailDomain}」からのメールを受信できるよう設定してください。`,
        footer,
      ].join('\n'),
    };
  },

  registrationAttemptOnExistingAccount({ signInUrl, resetUrl }) {
    return {
      subject: `【${SERVICE_NAME}】利用者登録のお申し込みについて`,
      body: [
        `このメールアドレスで${SERVICE_NAME}の利用者登録のお申し込みがありました。`,
        '',
        'このメールアドレスは、すでに利用者IDとして登録されています。そのため、新たな登録は行っていません。',
        '',
        'ご本人がお申し込みになった場合は、次の画面からログインしてください。',
        signInUrl,
        '',
        'パスワードをお忘れの場合は、次の画面から再設定できます。',
        resetUrl,
        '',
        'お申し込みに心当たりがない場合は、このメールを削除してください。あなたの登録情報は変更されていません。',
        footer,
      ].join('\n'),
    };
  },

  registrationComplete({ name, kind, myPageUrl }) {
    return {
      subject: `【${SERVICE_NAME}】本登録完了のお知らせ`,
      body: [
        `${name} 様${kind === 'business' ? '（事業者）' : ''}`,
        '',
        `${SERVICE_NAME}の利用者登録（本登録）が完了しました。`,
        'ご登録いただいたメールアドレスが利用者IDになります。',
        '',
        '利用者情報は、マイページから確認・変更することができます。',
        myPageUrl,
        footer,
      ].join('\n'),
    };
  },
};
