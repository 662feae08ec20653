import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  decryptSecret,
  encryptSecret,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpKey,
  totpStep,
  verifyTotp,
} from './totp.js';

// RFC 6238 Appendix B: the seed for SHA-1 is the ASCII string "12345678901234567890"; the table
// gives 8-digit codes, whose last 6 digits are the 6-digit codes (truncation is modulo 10^digits).
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, expected) => {
    const step = Math.floor(seconds / 30);
    expect(hotp(RFC_SEED, step, 8)).toBe(expected);
    expect(totpCode(RFC_SEED, new Date(seconds * 1000))).toBe(expected.slice(2));
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expected.forEach((code, counter) => expect(hotp(RFC_SEED, counter)).toBe(code));
  });

  it('accepts one step either side and nothing further', () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, { step: step + offset }), now, null)).toBe(
        step + offset,
      );
    }
    for (const offset of [-3, -2, 2, 3]) {
      expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, { step: step + offset }), now, null)).toBeNull();
    }
  });

  it('never accepts a step again once used, nor an earlier one', () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const code = totpCode(RFC_SEED, now);
    const used = verifyTotp(RFC_SEED, code, now, null);
    expect(used).toBe(step);
    expect(verifyTotp(RFC_SEED, code, now, used)).toBeNull();
    expect(verifyTotp(RFC_SEED, code, new Date(now.getTime() + 30_000), used)).toBeNull();
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, { step: step - 1 }), now, used)).toBeNull();
    // The next step is still good.
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, { step: step + 1 }), now, used)).toBe(step + 1);
  });

  it('reads full-width digits and spaces, refuses anything that is not six digits', () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SEED, now);
    const wide = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(verifyTotp(RFC_SEED, wide, now, null)).toBe(totpStep(now));
    expect(verifyTotp(RFC_SEED, code.slice(1), now, null)).toBeNull();
    expect(verifyTotp(RFC_SEED, `${code}0`, now, null)).toBeNull();
    expect(verifyTotp(RFC_SEED, 'abcdef', now, null)).toBeNull();
  });

  it('round-trips Base32 (RFC 4648 vectors) and writes an otpauth URI', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('mzxw 6ytb-oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1')).toThrow();
    const secret = newTotpSecret();
    expect(secret).toHaveLength(20);
    expect(base32Decode(base32Encode(secret)).equals(secret)).toBe(true);
    const uri = otpauthUri(RFC_SEED, 'オンライン手続かわさき', 'staff@city.example.jp');
    expect(uri).toMatch(
      /^otpauth:\/\/totp\/[^?]+:staff%40city\.example\.jp\?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&/,
    );
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});

describe('the TOTP secret at rest (AES-256-GCM, key from HKDF)', () => {
  const key = totpKey('a-session-secret-of-some-length-0123456789');

  it('round-trips and never stores the secret in the clear', () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(key, secret, 'staff-1');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(base32Encode(secret));
    expect(stored).not.toContain(secret.toString('base64url'));
    expect(decryptSecret(key, stored, 'staff-1').equals(secret)).toBe(true);
    // A fresh nonce every time.
    expect(encryptSecret(key, secret, 'staff-1')).not.toBe(stored);
  });

  it('refuses another key, another owner, or a changed byte', () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(key, secret, 'staff-1');
    expect(() => decryptSecret(totpKey('another-secret-another-secret-0000'), stored, 'staff-1')).toThrow();
    expect(() => decryptSecret(key, stored, 'staff-2')).toThrow();
    const parts = stored.split('.');
    const body = Buffer.from(parts[2] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[2] = body.toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'), 'staff-1')).toThrow();
  });

  it('derives a 32-byte key that depends on the session secret', () => {
    expect(key).toHaveLength(32);
    expect(totpKey('a-session-secret-of-some-length-0123456789').equals(key)).toBe(true);
    expect(totpKey('b-session-secret-of-some-length-0123456789').equals(key)).toBe(false);
  });
});
