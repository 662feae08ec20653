/**
 * file: attachments. The engine sees only their METADATA as the app gives it (the app checks the
 * content with file-type and stores the bytes). Codes: required (select), file_too_many {max},
 * file_kind {kinds} (a declared media type not among the field's kinds), file_too_large {maxMb}
 * (one file over the field's limit, at most MAX_FILE_MB). The total per application
 * (MAX_APPLICATION_FILES_MB) is the engine's check ('files_too_large'), as it spans fields.
 * 1 MB = 1,048,576 bytes.
 */
import type { FileKind } from '../definition.js';
import type { FieldTypeModule, FileMeta, Issue } from './types.js';

export const MB = 1024 * 1024;

export const MEDIA_TYPES: Record<FileKind, readonly string[]> = {
  pdf: ['application/pdf'],
  jpeg: ['image/jpeg', 'image/pjpeg'],
  png: ['image/png'],
};

/** The kind of a declared media type, or null. */
export function fileKindOf(mediaType: string): FileKind | null {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  for (const [kind, types] of Object.entries(MEDIA_TYPES) as [FileKind, readonly string[]][]) {
    if (types.includes(type)) return kind;
  }
  return null;
}

const isFileMeta = (v: unknown): v is FileMeta => {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.id === 'string' &&
    typeof f.name === 'string' &&
    typeof f.mediaType === 'string' &&
    typeof f.size === 'number' &&
    Number.isFinite(f.size) &&
    f.size >= 0
  );
};

const coerceFiles = (v: unknown): FileMeta[] =>
  Array.isArray(v)
    ? v.filter(isFileMeta).map(({ id, name, mediaType, size }) => ({ id, name, mediaType, size }))
    : [];

/** A size for people: 820 KB, 1.2 MB. */
export const formatSize = (bytes: number): string =>
  bytes < MB ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;

export const fileField: FieldTypeModule<'file'> = {
  inputs: (field) => [field.id],
  read: (field, form) =>
    coerceFiles(Object.prototype.hasOwnProperty.call(form, field.id) ? form[field.id] : []),
  coerce: coerceFiles,
  isEmpty: (files) => files.length === 0,
  parse: (field, files) => {
    const fail = (code: string, params: Issue['params'] = {}) => ({
      ok: false as const,
      issues: [{ input: field.id, code, params: { ...params, select: true } }],
    });
    if (files.length === 0) return fail('required');
    if (files.length > field.maxFiles) return fail('file_too_many', { max: field.maxFiles });
    if (files.some((f) => !field.kinds.includes(fileKindOf(f.mediaType) as FileKind))) {
      return fail('file_kind', { kinds: field.kinds.map((k) => k.toUpperCase()) });
    }
    if (files.some((f) => f.size > field.maxFileMb * MB))
      return fail('file_too_large', { maxMb: field.maxFileMb });
    return { ok: true, value: files };
  },
  summary: (_field, files, lang) =>
    files
      .map((f) =>
        lang === 'ja' ? `${f.name}（${formatSize(f.size)}）` : `${f.name} (${formatSize(f.size)})`,
      )
      .join('\n'),
};
