/**
 * Sealed values for the browser: AES-256-GCM with a key derived from the app secret and a purpose,
 * so a sealed value can be neither read nor altered nor used for another purpose. Used for what
 * must survive one redirect without a table: the pending profile edit and the 退会 ticket.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

function keyFor(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`seal:${purpose}`).digest();
}

export function seal(secret: string, purpose: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or null when it was altered, sealed for another purpose or is not ours. */
export function unseal(secret: string, purpose: string, sealed: string | undefined): unknown {
  if (!sealed || sealed.length > 8000 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
