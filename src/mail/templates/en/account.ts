/**
 * The account mails in English, for users whose language is English (`users.lang`). Plain text,
 * the same content as ../ja/account.ts: each names the service, none ever contains a
 * password, and the security notices say what to do when it was not the person.
 */
import type { AccountMailTemplates } from '../../../app/account/ports.js';
import { formatDuration } from '../../../domain/duration.js';
import { CONTACT_EN, FOOTER_EN, SERVICE_EN, SUBJECT_EN } from './shared.js';
import { japanDateTime } from '../../../messages/japan-time.js';

const SERVICE = SERVICE_EN;
const SUBJECT = SUBJECT_EN;

const footer = FOOTER_EN;

function jst(at: Date): string {
  return `${japanDateTime(at, 'en')} (Japan time)`;
}

const notYou = (resetUrl: string) => [
  'If you did not do this, someone else may be using your account.',
  'Please reset your password here and contact us:',
  resetUrl,
  `Contact: ${CONTACT_EN}`,
];

export const englishAccountMailTemplates: AccountMailTemplates = {
  emailChangeCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'en');
    return {
      subject: `${SUBJECT} Your verification code to change your email address`,
      body: [
        `Someone asked to change their user ID (email address) for ${SERVICE} to this email address.`,
        '',
        'Enter this verification code on the “Enter the verification code” page of the email address change:',
        '',
        `Verification code: ${code}`,
        '',
        `The code works for ${limit} after this email was sent.`,
        'The email address is not changed until the code is entered.',
        '',
        `If you use a spam filter, please allow email from “@${mailDomain}”.`,
        '* If you did not expect this email, please delete it. No email address will be changed.',
        footer,
      ].join('\n'),
    };
  },

  emailChangeAttemptOnExistingAccount({ signInUrl, resetUrl }) {
    return {
      subject: `${SUBJECT} About a request to change an email address`,
      body: [
        `Someone asked to change the user ID (email address) of another user of ${SERVICE} to this email address.`,
        '',
        'This address is already registered as a user ID, so nothing was changed.',
        'Your details have not been changed.',
        '',
        'If it was you, please sign in here with the user ID of this email address:',
        signInUrl,
        '',
        'If you have forgotten your password, you can reset it here:',
        resetUrl,
        '',
        'If it was not you, please delete this email.',
        footer,
      ].join('\n'),
    };
  },

  emailChangedOld({ name, newEmailMasked, at, resetUrl }) {
    return {
      subject: `${SUBJECT} Your email address (user ID) has been changed`,
      body: [
        `Dear ${name},`,
        '',
        `On ${jst(at)}, your user ID (email address) for ${SERVICE} was changed.`,
        `New email address: ${newEmailMasked}`,
        '',
        'This email address can no longer be used as your user ID. Notices and other emails will be sent to the new address.',
        '',
        ...notYou(resetUrl),
        '(A password can only be reset with the new email address. If you cannot sign in, please contact us.)',
        footer,
      ].join('\n'),
    };
  },

  emailChangedNew({ name, myPageUrl }) {
    return {
      subject: `${SUBJECT} Your email address (user ID) change is complete`,
      body: [
        `Dear ${name},`,
        '',
        `Your user ID (email address) for ${SERVICE} is now this email address.`,
        'From now on, please sign in with this email address.',
        '',
        'My page:',
        myPageUrl,
        footer,
      ].join('\n'),
    };
  },

  passwordResetCode({ code, ttlSeconds, mailDomain }) {
    const limit = formatDuration(ttlSeconds, 'en');
    return {
      subject: `${SUBJECT} Your verification code to reset your password`,
      body: [
        `Someone asked to reset the password for ${SERVICE}.`,
        '',
        'Enter this verification code on the “Enter the verification code” page of the password reset:',
        '',
        `Verification code: ${code}`,
        '',
        `The code works for ${limit} after this email was sent.`,
        '',
        `If you use a spam filter, please allow email from “@${mailDomain}”.`,
        '* If you did not ask for this, please delete this email. Your password will not be changed.',
        footer,
      ].join('\n'),
    };
  },

  passwordChanged({ name, at, how, resetUrl }) {
    return {
      subject: `${SUBJECT} Your password has been changed`,
      body: [
        `Dear ${name},`,
        '',
        `On ${jst(at)}, your password for ${SERVICE} was ${how === 'reset' ? 'reset' : 'changed'}.`,
        'For your security, you have been signed out on all other devices.',
        '',
        ...notYou(resetUrl),
        footer,
      ].join('\n'),
    };
  },

  signInLocked({ name, at, minutes, resetUrl }) {
    return {
      subject: `${SUBJECT} Signing in has been paused for a while`,
      body: [
        `Dear ${name},`,
        '',
        `On ${jst(at)}, there were too many failed attempts to sign in to ${SERVICE}, so for your security signing in has been paused for ${minutes} minutes.`,
        `You can sign in again after ${minutes} minutes.`,
        '',
        'If you have forgotten your password, you can reset it here (also while signing in is paused):',
        resetUrl,
        '',
        'If you did not try to sign in, someone else may have tried. If you use the same password for other services, we recommend that you change it.',
        `Contact: ${CONTACT_EN}`,
        footer,
      ].join('\n'),
    };
  },

  accountDeleted({ at, registerUrl }) {
    return {
      subject: `${SUBJECT} Your account has been deleted`,
      body: [
        `On ${jst(at)}, your account for ${SERVICE} was deleted. Thank you for using the service.`,
        'Your registered details and your email address (user ID) have been deleted.',
        '',
        'If you want to use the service again, please register again here:',
        registerUrl,
        '',
        `If you did not ask to delete your account, please contact the ${CONTACT_EN}.`,
        footer,
      ].join('\n'),
    };
  },
};
