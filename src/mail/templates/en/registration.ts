/** The registration mails in English, for people who used the English pages. Plain text, no password. */
import type { MailTemplates } from '../../../app/registration/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { FOOTER_EN, SERVICE_EN, SUBJECT_EN } from './shared.js';

const SERVICE = SERVICE_EN;

// A registration mail may reach someone who never asked for it.
const footer = `${FOOTER_EN}\n* If you did not expect this email, please delete it.`;

export const englishMailTemplates: MailTemplates = {
  registrationCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'en');
    return {
      subject: `${SUBJECT_EN} Your verification code`,
      body: [
        `Thank you for registering with ${SERVICE}.`,
        '',
        'Enter this verification code on the “Check your email” page of the registration:',
        '',
        `Verification code: ${code}`,
        '',
        `Please finish your registration within ${limit} of this email.`,
        `After ${limit} the details you entered are deleted, and you will need to register again.`,
        '',
        `If you use a spam filter, please allow email from “@${mailDomain}”.`,
        footer,
      ].join('\n'),
    };
  },

  registrationAttemptOnExistingAccount({ signInUrl, resetUrl }) {
    return {
      subject: `${SUBJECT_EN} About a registration with your address`,
      body: [
        `Someone asked to register with ${SERVICE} using this email address.`,
        '',
        'This address is already registered as a user ID, so no new registration was made.',
        '',
        'If it was you, please sign in here:',
        signInUrl,
        '',
        'If you have forgotten your password, you can reset it here:',
        resetUrl,
        '',
        'If it was not you, please delete this email. Your details have not been changed.',
        footer,
      ].join('\n'),
    };
  },

  registrationComplete({ name, kind, myPageUrl }) {
    return {
      subject: `${SUBJECT_EN} Your registration is complete`,
      body: [
        `Dear ${name}${kind === 'business' ? ' (business)' : ''},`,
        '',
        `Your registration with ${SERVICE} is complete.`,
        'Your registered email address is your user ID.',
        '',
        'You can check and change your details on My page:',
        myPageUrl,
        footer,
      ].join('\n'),
    };
  },
};
