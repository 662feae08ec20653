/**
 * The password policy: the seed's rule (8+ half-width characters, two or more kinds) plus NIST SP
 * 800-63B / ASVS 6.2.4 and 6.2.11 (not the email, no service or city name, not a common password).
 *
 * The password is never normalised, trimmed or truncated. Checks on the password run in this
 * order and the first failure is reported:
 *   required → full_width → invalid_chars → too_short → too_long → too_few_kinds
 *   → same_as_email → contains_service_name → common.
 * The confirmation is checked on its own: confirm_required when empty, confirm_mismatch when the
 * password is not empty and the two differ (exact comparison, case-sensitive).
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

export type PasswordErrorCode =
  | 'required'
  | 'full_width'
  | 'invalid_chars'
  | 'too_short'
  | 'too_long'
  | 'too_few_kinds'
  | 'same_as_email'
  | 'contains_service_name'
  | 'common'
  | 'confirm_required'
  | 'confirm_mismatch';

export type PasswordCheck = { password?: PasswordErrorCode; confirm?: PasswordErrorCode };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Refused anywhere inside a password, compared without regard to case. */
export const SERVICE_NAMES: readonly string[] = ['kawasaki', 'e-kawasaki', 'ekawasaki', 'madoguchi'];

function kindsOf(password: string): number {
  let kinds = 0;
  if (/[A-Z]/.test(password)) kinds++;
  if (/[a-z]/.test(password)) kinds++;
  if (/[0-9]/.test(password)) kinds++;
  if (/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(password)) kinds++;
  return kinds;
}

function passwordError(password: string, email: string): PasswordErrorCode | undefined {
  if (password === '') return 'required';
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(password)) return 'full_width';
  if (/[^\x21-\x7e]/.test(password)) return 'invalid_chars';
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (kindsOf(password) < 2) return 'too_few_kinds';

  const lower = password.toLowerCase();
  const emailLower = email.trim().toLowerCase();
  if (emailLower !== '') {
    const at = emailLower.lastIndexOf('@');
    const local = at < 0 ? emailLower : emailLower.slice(0, at);
    if (lower === emailLower || lower === local) return 'same_as_email';
  }
  if (SERVICE_NAMES.some((name) => lower.includes(name))) return 'contains_service_name';
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  return undefined;
}

/**
 * Checks a new password and its confirmation against the policy. `email` is the user ID (the
 * address as registered). Returns an empty object when both are acceptable.
 */
export function checkPassword(password: string, confirm: string, email: string): PasswordCheck {
  const result: PasswordCheck = {};
  const p = passwordError(password, email);
  if (p !== undefined) result.password = p;
  if (confirm === '') result.confirm = 'confirm_required';
  else if (password !== '' && confirm !== password) result.confirm = 'confirm_mismatch';
  return result;
}
