/**
 * What a file IS, from its content (the `file-type` package reads its magic numbers and structure),
 * whatever its name or declared type says. Only PDF, JPEG and PNG are ever accepted.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '../../domain/procedures/definition.js';

/** The media type stored and served for each kind. */
export const MEDIA_TYPE_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const KIND_OF = new Map<string, FileKind>(
  (Object.entries(MEDIA_TYPE_OF) as [FileKind, string][]).map(([kind, mime]) => [mime, kind]),
);

/** The kind of a file by its content, or null when it is none of PDF, JPEG, PNG. */
export async function sniffFileKind(bytes: Uint8Array): Promise<FileKind | null> {
  const found = await fileTypeFromBuffer(bytes);
  return (found && KIND_OF.get(found.mime)) ?? null;
}
