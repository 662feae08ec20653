/**
 * The email address that becomes the user ID: the seed FAQ's four rules plus rule 5 (see
 * shared/spec/registration.md, "Email address (user ID)").
 *
 * Checks run in this order and the first failure is reported:
 *   required → invalid_chars (rule 1) → too_long (rule 4) → consecutive_dots (rule 2)
 *   → bad_format (not exactly one `@`) → bad_edge (rule 3) → bad_format (local part > 64)
 *   → bad_domain (rule 5).
 */
import { toHalfWidthAscii } from './normalize.js';

export type EmailErrorCode =
  'required' | 'invalid_chars' | 'consecutive_dots' | 'bad_edge' | 'too_long' | 'bad_format' | 'bad_domain';

export type ParsedEmail = { ok: true; email: string; key: string } | { ok: false; code: EmailErrorCode };

/** Total length must be below this (FAQ rule 4: 「256文字未満」). */
export const EMAIL_MAX_LENGTH = 255;
const LOCAL_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

/** Rule 1: half-width letters, digits, ! # $ % & ' * + - / = ? ^ _ ` { | } ~ . and `@`. */
const ALLOWED = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.@]+$/;
const ALNUM = /^[A-Za-z0-9]$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

/**
 * Normalises (NFKC, hyphen rule, trim) and checks an address. `email` keeps the user's case;
 * `key` is its lower-cased form, the one used for uniqueness (one user ID however it is cased).
 */
export function parseEmail(input: string): ParsedEmail {
  const email = toHalfWidthAscii(input);
  if (email === '') return { ok: false, code: 'required' };
  if (!ALLOWED.test(email)) return { ok: false, code: 'invalid_chars' };
  if (email.length > EMAIL_MAX_LENGTH) return { ok: false, code: 'too_long' };
  if (email.includes('..')) return { ok: false, code: 'consecutive_dots' };

  const parts = email.split('@');
  if (parts.length !== 2) return { ok: false, code: 'bad_format' };
  const local = parts[0] ?? '';
  const domain = parts[1] ?? '';

  if (!ALNUM.test(email.charAt(0)) || !ALNUM.test(local.charAt(local.length - 1))) {
    return { ok: false, code: 'bad_edge' };
  }
  if (local.length > LOCAL_MAX_LENGTH) return { ok: false, code: 'bad_format' };

  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (
    labels.length < 2 ||
    !labels.every((l) => l.length <= LABEL_MAX_LENGTH && LABEL.test(l)) ||
    !TLD.test(tld)
  ) {
    return { ok: false, code: 'bad_domain' };
  }
  return { ok: true, email, key: email.toLowerCase() };
}

/**
 * A masked address for logs and audit entries: the first 2 characters of the local part (1 when
 * the local part is 2 characters or shorter), `***`, then `@` and the domain.
 * `taro@example.jp` → `ta***@example.jp`, `ab@example.jp` → `a***@example.jp`.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const rest = at < 0 ? '' : email.slice(at);
  const keep = local.length <= 2 ? 1 : 2;
  return `${local.slice(0, keep)}***${rest}`;
}
