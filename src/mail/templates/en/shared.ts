/** What every English mail shares: the service's name, the subject's prefix, whom to contact, the footer. */

export const SERVICE_EN = 'Online Procedures Kawasaki (オンライン手続かわさき)';

/** How every English subject starts. */
export const SUBJECT_EN = '[Online Procedures Kawasaki]';

/** Whom to contact (the same words as on the sign-in screen for a stopped account). */
export const CONTACT_EN = 'Online Procedures Kawasaki team, Kawasaki City (phone 044-200-2111)';

/** The end of every English mail: who sent it, and that replies go nowhere. */
export const FOOTER_EN = [
  '',
  '--------------------------------',
  `${SERVICE_EN}, e-KAWASAKI`,
  'Kawasaki City (川崎市)',
  '* This email was sent from a send-only address. Replies cannot be received.',
].join('\n');
