/**
 * The staff password rule (shared/spec/back-office.md): at least 12 characters, not a common
 * password, not the email address. The resident rule about the service and city name does not
 * apply. Any printable characters are allowed; the password is never normalised or trimmed.
 */
import { COMMON_PASSWORDS } from '../../domain/common-passwords.js';

export const STAFF_PASSWORD_MIN = 12;
export const STAFF_PASSWORD_MAX = 128;

export type StaffPasswordError =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'invalid_chars'
  | 'same_as_email'
  | 'common'
  | 'confirm_required'
  | 'confirm_mismatch';

export const STAFF_PASSWORD_MESSAGES: Record<StaffPasswordError, string> = {
  required: 'パスワードを入力してください',
  too_short: `パスワードは${STAFF_PASSWORD_MIN}文字以上で入力してください`,
  too_long: `パスワードは${STAFF_PASSWORD_MAX}文字以内で入力してください`,
  invalid_chars: 'パスワードに使用できない文字（改行などの制御文字）が含まれています',
  same_as_email: 'メールアドレスと同じパスワードは使用できません',
  common: 'よく使われているパスワードは使用できません。推測されにくいパスワードにしてください',
  confirm_required: 'パスワード（確認用）を入力してください',
  confirm_mismatch: '「パスワード」と「パスワード（確認用）」が一致しません',
};

export function checkStaffPassword(
  password: string,
  confirm: string,
  email: string,
): { password?: StaffPasswordError; confirm?: StaffPasswordError } {
  const out: { password?: StaffPasswordError; confirm?: StaffPasswordError } = {};
  const length = [...password].length;
  const lower = password.toLowerCase();
  const emailLower = email.toLowerCase();
  const local = emailLower.slice(0, Math.max(0, emailLower.lastIndexOf('@')));
  if (password === '') out.password = 'required';
  // eslint-disable-next-line no-control-regex
  else if (/[\x00-\x1f\x7f]/.test(password)) out.password = 'invalid_chars';
  else if (length < STAFF_PASSWORD_MIN) out.password = 'too_short';
  else if (length > STAFF_PASSWORD_MAX) out.password = 'too_long';
  else if (lower === emailLower || (local !== '' && lower === local)) out.password = 'same_as_email';
  else if (COMMON_PASSWORDS.has(lower)) out.password = 'common';
  if (confirm === '') out.confirm = 'confirm_required';
  else if (password !== '' && confirm !== password) out.confirm = 'confirm_mismatch';
  return out;
}
