/** The code mail of applying without an account, in English, plain text (the registration's wording, adapted). */
import type { GuestMailTemplates } from '../../../app/procedures/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { FOOTER_EN, SERVICE_EN, SUBJECT_EN } from './shared.js';

// A code mail may reach someone who never asked for it.
const footer = `${FOOTER_EN}\n* If you did not expect this email, please delete it.`;

export const englishGuestMailTemplates: GuestMailTemplates = {
  guestCode({ procedureName, code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'en');
    return {
      subject: `${SUBJECT_EN} Your verification code`,
      body: [
        `Someone asked to apply for “${procedureName}” on ${SERVICE_EN} without signing in, with this email address.`,
        '',
        'Enter this verification code on the “Enter the verification code” page:',
        '',
        `Verification code: ${code}`,
        '',
        `The code is valid for ${limit} from this email.`,
        `After ${limit}, please start again.`,
        '',
        `If you use a spam filter, please allow email from “@${mailDomain}”.`,
        footer,
      ].join('\n'),
    };
  },
};
