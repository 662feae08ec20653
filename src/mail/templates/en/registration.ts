/** The registration mails in English, for people who used the English pages. Plain text, no password. */
import type { MailTemplates } from '../../../app/registration/ports.js';

export const SERVICE_EN = 'Online Procedures Kawasaki (オンライン手続かわさき)';
const SERVICE = SERVICE_EN;

/** The end of every English mail: who sent it, and that replies go nowhere. */
export const FOOTER_EN = [
  '',
  '--------------------------------',
  `${SERVICE_EN}, e-KAWASAKI`,
  'Kawasaki City (川崎市)',
  '* This e-mail was sent from a send-only address. Replies cannot be received.',
].join('\n');

// A registration mail may reach someone who never asked for it.
const footer = `${FOOTER_EN}\n* If you did not expect this e-mail, please delete it.`;

export const englishMailTemplates: MailTemplates = {
  registrationCode({ code, ttlMinutes, mailDomain }) {
    return {
      subject: '[Online Procedures Kawasaki] Your verification code',
      body: [
        `Thank you for registering with ${SERVICE}.`,
        '',
        'Enter this verification code on the “Check your e-mail” page of the registration:',
        '',
        `Verification code: ${code}`,
        '',
        `Please finish your registration within ${ttlMinutes} minutes of this e-mail.`,
        `After ${ttlMinutes} minutes the details you entered are deleted, and you will need to register again.`,
        '',
        `If you use a spam filter, please allow e-mail from “@${mailDomain}”.`,
        footer,
      ].join('\n'),
    };
  },

  registrationAttemptOnExistingAccount({ signInUrl, resetUrl }) {
    return {
      subject: '[Online Procedures Kawasaki] About a registration with your address',
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
        'If it was not you, please delete this e-mail. Your details have not been changed.',
        footer,
      ].join('\n'),
    };
  },

  registrationComplete({ name, kind, myPageUrl }) {
    return {
      subject: '[Online Procedures Kawasaki] Your registration is complete',
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
