/**
 * The procedures' mails in English (users whose language is English): the same content as
 * ../ja/procedures.ts.
 */
import type { MailAnswerSection, ProcedureMailTemplates } from '../../../app/procedures/ports.js';
import { STATE_LABELS } from '../../../domain/procedures/states.js';
import { CONTACT_EN, FOOTER_EN, SUBJECT_EN } from './shared.js';
import { japanDateTime } from '../../../messages/japan-time.js';

function answersText(sections: MailAnswerSection[]): string[] {
  return sections.flatMap((s) => [
    `* ${s.title}`,
    ...s.rows.map((r) => `${r.label}: ${r.value.replace(/\n/g, '\n  ')}`),
    '',
  ]);
}

export const englishProcedureMailTemplates: ProcedureMailTemplates = {
  received({ procedureName, referenceNumber, submittedAt, sections, detailUrl, resubmitted }) {
    return {
      subject: `${SUBJECT_EN} Application received (reference ${referenceNumber})`,
      body: [
        resubmitted
          ? `We have received your corrected application for "${procedureName}".`
          : `We have received your application for "${procedureName}".`,
        '',
        `Reference number: ${referenceNumber}`,
        `Sent: ${japanDateTime(submittedAt, 'en')} (Japan time)`,
        '',
        'Please quote the reference number when you contact us. You can follow your application here:',
        detailUrl,
        '',
        '-- A copy of your answers --',
        '',
        ...answersText(sections),
        `Contact: ${CONTACT_EN}`,
        FOOTER_EN,
      ].join('\n'),
    };
  },
  stateChanged({ procedureName, referenceNumber, state, message, markedLabels, detailUrl }) {
    const label = STATE_LABELS[state].en;
    return {
      subject: `${SUBJECT_EN} Your application is now "${label}" (reference ${referenceNumber})`,
      body: [
        `Your application for "${procedureName}" (reference ${referenceNumber}) is now "${label}".`,
        '',
        ...(message ? ['Message from the department:', message, ''] : []),
        ...(markedLabels.length > 0
          ? [
              'Please correct:',
              ...markedLabels.map((l) => `- ${l}`),
              '',
              'Use "Correct and send again" on the application page.',
              '',
            ]
          : []),
        'You can see the details here:',
        detailUrl,
        '',
        `Contact: ${CONTACT_EN}`,
        FOOTER_EN,
      ].join('\n'),
    };
  },
};
