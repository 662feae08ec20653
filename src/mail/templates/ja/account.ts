/**
 * The account mails in Japanese, plain text. Each names the service; none ever contains a password.
 * The security notices (changed address, changed password, sign-in on hold, 退会) say what to do
 * when it was not the person.
 */
import type { AccountMailTemplates } from '../../../app/account/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { CONTACT, FOOTER_JA, SERVICE_NAME } from './shared.js';
import { japanDateTime } from '../../../messages/japan-time.js';

const footer = FOOTER_JA;

function jst(at: Date): string {
  return `${japanDateTime(at, 'ja')}（日本時間）`;
}

const notYou = (resetUrl: string) => [
  'この操作に心当たりがない場合は、第三者があなたのアカウントを使用している可能性があります。',
  '次の画面からパスワードを再設定し、下記までご連絡ください。',
  resetUrl,
  `お問い合わせ先：${CONTACT}`,
];

export const japaneseAccountMailTemplates: AccountMailTemplates = {
  emailChangeCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'ja');
    return {
      subject: `【${SERVICE_NAME}】メールアドレス変更の認証コードのお知らせ`,
      body: [
        `${SERVICE_NAME}で、利用者ID（メールアドレス）をこのメールアドレスに変更するお手続きがありました。`,
        '',
        'メールアドレスの変更画面（認証コードの入力）に、次の認証コードを入力してください。',
        '',
        `認証コード：${code}`,
        '',
        `認証コードの有効期限は、このメールの送信から${limit}です。`,
        '認証コードを入力するまで、メールアドレスは変更されません。',
        '',
        `迷惑メール対策をされている方は、「@${mailDomain}」からのメールを受信できるよう設定してください。`,
        '※このメールに心当たりのない方は、お手数ですがこのメールを削除してください。メールアドレスは変更されません。',
        footer,
      ].join('\n'),
    };
  },

  emailChangeAttemptOnExistingAccount({ signInUrl, resetUrl }) {
    return {
      subject: `【${SERVICE_NAME}】メールアドレス変更のお手続きについて`,
      body: [
        `${SERVICE_NAME}で、別の利用者の利用者ID（メールアドレス）をこのメールアドレスに変更するお手続きがありました。`,
        '',
        'このメールアドレスは、すでに利用者IDとして登録されています。そのため、変更は行っていません。',
        'あなたの登録情報は変更されていません。',
        '',
        'ご本人が操作された場合は、このメールアドレスの利用者IDで次の画面からログインしてください。',
        signInUrl,
        '',
        'パスワードをお忘れの場合は、次の画面から再設定できます。',
        resetUrl,
        '',
        'お手続きに心当たりがない場合は、このメールを削除してください。',
        footer,
      ].join('\n'),
    };
  },

  emailChangedOld({ name, newEmailMasked, at, resetUrl }) {
    return {
      subject: `【${SERVICE_NAME}】メールアドレス（利用者ID）変更のお知らせ`,
      body: [
        `${name} 様`,
        '',
        `${jst(at)}に、${SERVICE_NAME}の利用者ID（メールアドレス）が変更されました。`,
        `変更後のメールアドレス：${newEmailMasked}`,
        '',
        'このメールアドレスは、今後は利用者IDとして使えません。お知らせなどのメールも、変更後のメールアドレスに送られます。',
        '',
        ...notYou(resetUrl),
        '（パスワードの再設定は、変更後のメールアドレスでのみ行えます。ログインできない場合は、お問い合わせ先へご連絡ください。）',
        footer,
      ].join('\n'),
    };
  },

  emailChangedNew({ name, myPageUrl }) {
    return {
      subject: `【${SERVICE_NAME}】メールアドレス（利用者ID）の変更完了のお知らせ`,
      body: [
        `${name} 様`,
        '',
        `${SERVICE_NAME}の利用者ID（メールアドレス）を、このメールアドレスに変更しました。`,
        '次回から、このメールアドレスでログインしてください。',
        '',
        'マイページ',
        myPageUrl,
        footer,
      ].join('\n'),
    };
  },

  passwordResetCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'ja');
    return {
      subject: `【${SERVICE_NAME}】パスワード再設定の認証コードのお知らせ`,
      body: [
        `${SERVICE_NAME}で、パスワードの再設定のお手続きがありました。`,
        '',
        'パスワードの再設定画面（認証コードの入力）に、次の認証コードを入力してください。',
        '',
        `認証コード：${code}`,
        '',
        `認証コードの有効期限は、このメールの送信から${limit}です。`,
        '',
        `迷惑メール対策をされている方は、「@${mailDomain}」からのメールを受信できるよう設定してください。`,
        '※お手続きに心当たりのない方は、このメールを削除してください。パスワードは変更されません。',
        footer,
      ].join('\n'),
    };
  },

  passwordChanged({ name, at, how, resetUrl }) {
    return {
      subject: `【${SERVICE_NAME}】パスワード変更のお知らせ`,
      body: [
        `${name} 様`,
        '',
        `${jst(at)}に、${SERVICE_NAME}のパスワードを${how === 'reset' ? '再設定' : '変更'}しました。`,
        '安全のため、ほかの端末でのログインはすべて終了しました。',
        '',
        ...notYou(resetUrl),
        footer,
      ].join('\n'),
    };
  },

  signInLocked({ name, at, minutes, resetUrl }) {
    return {
      subject: `【${SERVICE_NAME}】ログインを一時的に停止しました`,
      body: [
        `${name} 様`,
        '',
        `${jst(at)}に、${SERVICE_NAME}へのログインが続けて失敗したため、安全のため${minutes}分間ログインを停止しました。`,
        `${minutes}分後には、再びログインできます。`,
        '',
        'パスワードをお忘れの場合は、次の画面から再設定できます（ログインの停止中でも再設定できます）。',
        resetUrl,
        '',
        'ログインを試みた覚えがない場合は、第三者がログインを試みた可能性があります。ほかのサービスと同じパスワードを使っている場合は、パスワードの変更をおすすめします。',
        `お問い合わせ先：${CONTACT}`,
        footer,
      ].join('\n'),
    };
  },

  accountDeleted({ at, registerUrl }) {
    return {
      subject: `【${SERVICE_NAME}】退会手続完了のお知らせ`,
      body: [
        `${jst(at)}に、${SERVICE_NAME}の退会手続が完了しました。これまでのご利用ありがとうございました。`,
        '登録されていた利用者情報とメールアドレス（利用者ID）は削除しました。',
        '',
        '再びご利用になる場合は、次の画面から改めて利用者登録を行ってください。',
        registerUrl,
        '',
        `退会の手続に心当たりがない場合は、お手数ですが、${CONTACT}までご連絡ください。`,
        footer,
      ].join('\n'),
    };
  },
};
