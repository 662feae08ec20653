/**
 * The procedures' mails in Japanese, plain text: 申請を受け付けました (the 受付番号 and a copy of the
 * answers) and each change of state the applicant sees, with the city's message. Sent whatever the
 * person's お知らせ・通知メール choice: they are about their own application.
 */
import type { MailAnswerSection, ProcedureMailTemplates } from '../../../app/procedures/ports.js';
import { STATE_LABELS } from '../../../domain/procedures/states.js';
import { CONTACT, FOOTER_JA, SERVICE_NAME } from './shared.js';
import { japanDateTime } from '../../../messages/japan-time.js';

function answersText(sections: MailAnswerSection[]): string[] {
  return sections.flatMap((s) => [
    `■ ${s.title}`,
    ...s.rows.map((r) => `${r.label}：${r.value.replace(/\n/g, '\n　')}`),
    '',
  ]);
}

export const japaneseProcedureMailTemplates: ProcedureMailTemplates = {
  received({ procedureName, referenceNumber, submittedAt, sections, detailUrl, resubmitted }) {
    return {
      subject: `【${SERVICE_NAME}】申請を受け付けました（受付番号 ${referenceNumber}）`,
      body: [
        resubmitted
          ? `「${procedureName}」の修正された申請を受け付けました。`
          : `「${procedureName}」の申請を受け付けました。`,
        '',
        `受付番号：${referenceNumber}`,
        `申請日時：${japanDateTime(submittedAt, 'ja')}（日本時間）`,
        '',
        'お問い合わせの際は、受付番号をお知らせください。申請の状況は次の画面でご確認いただけます。',
        detailUrl,
        '',
        '―― 申請内容の控え ――',
        '',
        ...answersText(sections),
        `お問い合わせ先：${CONTACT}`,
        FOOTER_JA,
      ].join('\n'),
    };
  },
  stateChanged({ procedureName, referenceNumber, state, message, markedLabels, detailUrl }) {
    const label = STATE_LABELS[state].ja;
    return {
      subject: `【${SERVICE_NAME}】申請の状況が「${label}」になりました（受付番号 ${referenceNumber}）`,
      body: [
        `「${procedureName}」の申請（受付番号 ${referenceNumber}）の状況が「${label}」になりました。`,
        '',
        ...(message ? ['担当課からのメッセージ：', message, ''] : []),
        ...(markedLabels.length > 0
          ? [
              '修正をお願いする項目：',
              ...markedLabels.map((l) => `・${l}`),
              '',
              '申請の詳細の「修正して再申請する」から修正してください。',
              '',
            ]
          : []),
        '申請の詳細は次の画面でご確認いただけます。',
        detailUrl,
        '',
        `お問い合わせ先：${CONTACT}`,
        FOOTER_JA,
      ].join('\n'),
    };
  },
};
