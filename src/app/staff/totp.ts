/**
 * The staff's second factor: TOTP per RFC 6238 (HOTP of RFC 4226 over 30-second steps), SHA-1,
 * 6 digits, one step either side accepted, and a step once used never accepted again (the caller
 * keeps the last step in `staff.totp_last_step`). The shared secret is stored encrypted with
 * AES-256-GCM under a key derived from SESSION_SECRET with HKDF, never in the clear.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** steps accepted either side of the current one (clock drift, a code typed as it changed) */
export const TOTP_WINDOW = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32 without padding (what authenticator apps expect in `secret=`). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes Base32, ignoring case, spaces, hyphens and padding; throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error('invalid base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226): HMAC of the 8-byte counter, dynamic truncation, the last `digits` digits. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 30-second step a moment falls in (T in RFC 6238, with T0 = 0). */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code for a moment (or for a given step). */
export function totpCode(secret: Uint8Array, at: Date | { step: number }): string {
  return hotp(secret, at instanceof Date ? totpStep(at) : at.step);
}

/**
 * Checks a code typed by a person: half-width digits, spaces ignored. Returns the step it matched
 * — the caller must store it and pass it back as `lastStep` — or null when it matches no step in
 * the window, or only steps at or before `lastStep` (a code is never accepted twice).
 */
export function verifyTotp(
  secret: Uint8Array,
  typed: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const code = typed.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = Buffer.from(hotp(secret, step));
    // Compare every candidate in constant time; keep the latest step that matches.
    if (timingSafeEqual(expected, Buffer.from(code))) matched = step;
  }
  return matched;
}

/** A new 160-bit secret (RFC 4226 recommends 160 bits for HMAC-SHA-1). */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** The enrolment URI authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUri(secret: Uint8Array, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

/** The AES-256 key for TOTP secrets, derived from the session secret (a separate key per purpose). */
export function totpKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'madoguchi', 'staff-totp-secret:v1', 32));
}

/** AES-256-GCM with a random 96-bit nonce: `v1.<nonce>.<ciphertext>.<tag>` in base64url. */
export function encryptSecret(key: Buffer, secret: Uint8Array, associated: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return ['v1', iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts what `encryptSecret` wrote for the same `associated` value; throws when tampered with. */
export function decryptSecret(key: Buffer, stored: string, associated: string): Buffer {
  const [version, iv, body, tag] = stored.split('.');
  if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}
