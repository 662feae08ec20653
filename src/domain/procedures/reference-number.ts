/**
 * 受付番号: 8 characters from an alphabet without the look-alikes 0/O, 1/I/L (31 characters, about
 * 8.5 × 10^11 numbers). Pure: the caller gives random bytes from a secure generator (crypto) and
 * retries on a unique violation. The bytes are read as one big number taken modulo 31^8, so with
 * 16 bytes the bias is below 2^-88.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;
/** How many random bytes to give `referenceNumber`. */
export const REFERENCE_RANDOM_BYTES = 16;

export function referenceNumber(randomBytes: Uint8Array): string {
  if (randomBytes.length < REFERENCE_RANDOM_BYTES) {
    throw new RangeError(`referenceNumber needs ${REFERENCE_RANDOM_BYTES} random bytes`);
  }
  let n = 0n;
  for (const b of randomBytes) n = (n << 8n) | BigInt(b);
  const base = BigInt(REFERENCE_ALPHABET.length);
  let out = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    out += REFERENCE_ALPHABET[Number(n % base)];
    n /= base;
  }
  return out;
}

/**
 * A 受付番号 as typed (full-width, lower case, spaces or a hyphen 1234-ABCD) in its canonical form,
 * or null when it cannot be one.
 */
export function normalizeReferenceNumber(input: string): string | null {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  return s.length === REFERENCE_LENGTH && [...s].every((c) => REFERENCE_ALPHABET.includes(c)) ? s : null;
}
