import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../../domain/procedures/registry.js';
import { fieldSchema, type FieldDefinition, type FieldType } from '../../../domain/procedures/definition.js';
import type { Answer } from '../../../domain/procedures/fields/types.js';
import { answerOf, moduleOf } from '../../../domain/procedures/registry.js';
import type { Lang } from '../../../messages/i18n.js';
import { InLanguage } from '../../shared/i18n.js';
import { FIELD_VIEWS, FieldView, type FieldContext } from './fields.js';

const options = [
  { value: 'one', label: { ja: '一つ目', en: 'First' } },
  { value: 'two', label: { ja: '二つ目', en: 'Second' } },
];

/** One field of each type, as the start-up check leaves it. */
const SAMPLES: Record<FieldType, FieldDefinition> = Object.fromEntries(
  (Object.keys(FIELD_TYPES) as FieldType[]).map((type) => [
    type,
    fieldSchema.parse({
      id: `f${type}`,
      type,
      label: { ja: `項目${type}`, en: `Item ${type}` },
      hint: { ja: '説明です', en: 'A hint' },
      ...(type === 'radio' || type === 'select' || type === 'checkbox' ? { options } : {}),
      ...(type === 'file' ? { kinds: ['pdf', 'png'], maxFiles: 2 } : {}),
    }),
  ]),
) as Record<FieldType, FieldDefinition>;

async function render(field: FieldDefinition, answer: Answer, ctx: FieldContext, lang: Lang = 'ja') {
  const node = (
    <InLanguage lang={lang}>
      <FieldView field={field} answer={answer as never} ctx={ctx} />
    </InLanguage>
  );
  return String(await (node as unknown as { toString(): string | Promise<string> }).toString());
}

const ctx: FieldContext = {
  errors: {},
  files: {
    uploadAction: '/applications/a/files',
    deleteAction: (id) => `/applications/a/files/${id}/delete`,
  },
};

describe('the field renderers', () => {
  it('has a renderer for every field type of the engine', () => {
    expect(Object.keys(FIELD_VIEWS).sort()).toEqual(Object.keys(FIELD_TYPES).sort());
  });

  it.each(Object.keys(FIELD_TYPES) as FieldType[])(
    '%s: every input of the field is labelled',
    async (type) => {
      const field = SAMPLES[type];
      const html = await render(field, answerOf(field, {}), ctx);
      expect(html).toContain(`項目${type}`);
      expect(html).toContain('※必須');
      expect(html).toContain('説明です');
      for (const name of moduleOf(field).inputs(field)) {
        expect(html, name).toContain(`name="${name}"`);
        const ids = [
          ...html.matchAll(
            new RegExp(
              `<input[^>]*name="${name}"[^>]*>|<select[^>]*name="${name}"[^>]*>|<textarea[^>]*name="${name}"[^>]*>`,
              'g',
            ),
          ),
        ].map((m) => m[0].match(/id="([^"]+)"/)?.[1]);
        expect(ids.length, name).toBeGreaterThan(0);
        for (const id of ids) expect(html, `label for ${id}`).toContain(`for="${id}"`);
      }
    },
  );

  it('shows an error next to its input, tied by aria-describedby, and keeps the answer', async () => {
    const field = SAMPLES.text;
    const html = await render(field, 'かわさき', { errors: { ftext: '項目textを入力してください' } });
    expect(html).toContain('id="ftext-error"');
    expect(html).toMatch(/aria-describedby="ftext-hint ftext-error"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="かわさき"');
  });

  it('shows a file field’s limits before upload and each attached file with 削除', async () => {
    const field = SAMPLES.file;
    const html = await render(
      field,
      [{ id: 'x1', name: '図面.pdf', mediaType: 'application/pdf', size: 2048 }],
      ctx,
    );
    expect(html).toContain(
      '添付できるファイル：PDF、PNG（1ファイル10MBまで、2ファイルまで。1件の申請の添付ファイルは合計20MBまで）',
    );
    expect(html).toContain('図面.pdf');
    expect(html).toContain('formaction="/applications/a/files/x1/delete"');
    expect(html).toContain('formaction="/applications/a/files"');
    expect(html).toContain('type="file"');
  });

  it('shows the labels in English', async () => {
    const html = await render(SAMPLES.name, answerOf(SAMPLES.name, {}), ctx, 'en');
    expect(html).toContain('Item name');
    expect(html).toContain('Family name (姓)');
    expect(html).toContain('Required');
  });
});
