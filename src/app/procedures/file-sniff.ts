/**
 * What a file IS, from its first bytes (magic numbers), whatever its name or declared type says:
 * PDF (%PDF-), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A). Pure and tiny on purpose: the
 * `file-type` package could replace it (fileTypeFromBuffer) if more kinds are ever needed.
 */
import type { FileKind } from '../../domain/procedures/definition.js';

const SIGNATURES: Record<FileKind, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The media type stored and served for each kind. */
export const MEDIA_TYPE_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The kind of a file by its content, or null when it is none of PDF, JPEG, PNG. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  for (const [kind, sig] of Object.entries(SIGNATURES) as [FileKind, readonly number[]][]) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return kind;
  }
  return null;
}
