/** What every Japanese mail shares: the service's name, whom to contact, and the footer. */

export const SERVICE_NAME = 'オンライン手続かわさき';

/** Whom to contact (the same words as on the sign-in screen for a stopped account). */
export const CONTACT = '川崎市 オンライン手続かわさき担当（電話 044-200-2111）';

/** The end of every Japanese mail: who sent it, and that replies go nowhere. */
export const FOOTER_JA = [
  '',
  '──────────────────────────',
  `${SERVICE_NAME}（e-KAWASAKI）`,
  '川崎市',
  '※このメールは送信専用のアドレスから送信しています。返信はできません。',
].join('\n');
