/**
 * What the form's routes share (form.tsx, files.tsx, correct.tsx): reading a page's POST (strings,
 * checkbox lists and chosen files), the field errors as messages in the page's language, the
 * addresses of the screens, and the upload size limit of the paths that may carry a file.
 */
import {
  MAX_APPLICATION_FILES_MB,
  MAX_FILE_MB,
  type FieldDefinition,
} from '../../../domain/procedures/definition.js';
import { MB } from '../../../domain/procedures/fields/file.js';
import type { FileMeta, FormInput } from '../../../domain/procedures/fields/types.js';
import type { AnswerError } from '../../../domain/procedures/validate.js';
import type { ProcedureForm } from '../../../domain/procedures/form.js';
import { answerOf } from '../../../domain/procedures/registry.js';
import { LABELS } from '../../../messages/field-labels.js';
import type { Lang } from '../../../messages/i18n.js';
import type { Ctx } from '../../shared/context.js';
import { fieldMessageFor } from '../../shared/messages.js';
import { radioId, type Errors } from '../../views/shared/components.js';
import { isUuid } from '../../../domain/ids.js';

export const pagePath = (id: string, pageId: string) => `/applications/${id}/pages/${pageId}`;
export const reviewPath = (id: string) => `/applications/${id}/review`;
export const completePath = (id: string) => `/applications/${id}/complete`;
export const correctPath = (id: string) => `/mypage/applications/${id}/correct`;

/**
 * The body limit of a POST that may carry a file (a page with a file input, 添付する, 削除, the
 * correction): one file of MAX_FILE_MB and the page's other answers. Every other POST keeps the
 * app's 64 KB.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_MB * MB + 512 * 1024;

const UPLOAD_PATHS = [
  /^\/applications\/[^/]+\/(files|files\/[^/]+\/delete|pages\/[^/]+)$/,
  /^\/mypage\/applications\/[^/]+\/correct$/,
];
/** A path whose multipart POST gets MAX_UPLOAD_BODY_BYTES (src/web/app.tsx). */
export const mayCarryFile = (path: string): boolean => UPLOAD_PATHS.some((re) => re.test(path));
/** An application's or a file's id as the store makes them (anything else is a 404, not a query). */
export const isId = (s: string | undefined): boolean => s !== undefined && isUuid(s);

/** What a page's form sent: its text inputs (a list for a name sent several times) and its files. */
export type PostedPage = { input: Record<string, string | string[]>; files: Map<string, File> };

/** The posted form (urlencoded or multipart), or null when it is not a well-formed one. */
export async function readPage(c: Ctx): Promise<PostedPage | null> {
  let data: FormData;
  try {
    data = await c.req.formData();
  } catch {
    return null;
  }
  const input: Record<string, string | string[]> = {};
  const files = new Map<string, File>();
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') {
      if (value.size > 0) files.set(name, value);
      continue;
    }
    if (value.includes('\u0000') || value.length > 20000) return null;
    const had = input[name];
    input[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return { input, files };
}

/** The first string of a posted name ('' when none). */
export const posted = (p: PostedPage, name: string): string => {
  const v = p.input[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/** A page's input for the use cases: what was typed, and for file fields the files kept so far. */
export function pageInput(
  fields: readonly FieldDefinition[],
  typed: PostedPage['input'],
  filesOf: (fieldId: string) => FileMeta[],
): FormInput {
  const input: Record<string, string | readonly string[] | readonly FileMeta[]> = { ...typed };
  for (const f of fields) if (f.type === 'file') input[f.id] = filesOf(f.id);
  return input;
}

/** The files of a file field in a draft's answers. */
export const draftFiles = (form: ProcedureForm, answers: Record<string, unknown>, fieldId: string) => {
  const field = form.field(fieldId)?.field;
  return field?.type === 'file' ? (answerOf(field, answers) as FileMeta[]) : [];
};

/** The message of an error code on a field (a part of 氏名/住所 named by its own label). */
export function messageOf(
  lang: Lang,
  field: FieldDefinition | undefined,
  e: Pick<AnswerError, 'code' | 'params' | 'subfield'>,
): string {
  const part = e.subfield ? LABELS[e.subfield] : undefined;
  const label = part ? (lang === 'en' ? part.en : part.label) : (field?.label[lang] ?? '');
  return fieldMessageFor(lang, e.code, { ...e.params, label, det: part?.det ?? null });
}

/** The errors for the summary (linked to their input) and by input for the fields. */
export function errorsOf(lang: Lang, form: ProcedureForm, errors: readonly AnswerError[]) {
  const byInput: Record<string, string> = {};
  const summary: Errors = [];
  for (const e of errors) {
    const field = form.field(e.field)?.field;
    const message = messageOf(lang, field, e);
    if (byInput[e.input] !== undefined) continue;
    byInput[e.input] = message;
    const choice = field && (field.type === 'radio' || field.type === 'checkbox');
    summary.push({
      field: e.input,
      message,
      inputId: choice ? radioId(field.id, field.options[0]?.value ?? '') : undefined,
    });
  }
  return { summary, byInput };
}

/** A refused upload's code as a field error (empty: no file chosen). */
export function uploadError(
  lang: Lang,
  field: FieldDefinition,
  code: string,
): { summary: Errors; byInput: Record<string, string> } {
  const params =
    field.type === 'file'
      ? {
          maxMb: code === 'files_too_large' ? MAX_APPLICATION_FILES_MB : field.maxFileMb,
          max: field.maxFiles,
        }
      : {};
  const kinds = field.type === 'file' ? field.kinds.map((k) => k.toUpperCase()) : [];
  const message = messageOf(lang, field, {
    code: code === 'empty' ? 'required' : code,
    params: { ...params, kinds, select: true },
  });
  return { summary: [{ field: field.id, message }], byInput: { [field.id]: message } };
}

/** Only codes the upload sends back are read from the address. */
export const UPLOAD_CODES = ['file_kind', 'file_too_large', 'files_too_large', 'file_too_many', 'empty'];
