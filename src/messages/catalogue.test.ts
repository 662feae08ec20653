import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFECTURES } from '../domain/fields.js';
import { catalogueKeys } from './catalogue-keys.js';
import { EN } from './en.js';
import { translator } from './i18n.js';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

/**
 * Screens in Japanese only: the staff back office (its folders and the notices' admin screens).
 */
const JAPANESE_ONLY = [/\/staff\//, /\/notices\/admin[\w-]*\.tsx$/];

/**
 * The resident-facing screens, which are in Japanese and English: every route and view module but
 * the Japanese-only ones, tests, and the documents that have an English twin (`x.tsx` beside `x-en.tsx`,
 * translated as a whole rather than text by text), plus the application's own error pages.
 */
function residentFacingFiles(): string[] {
  const files = ['src/web/routes', 'src/web/views'].flatMap((dir) =>
    readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => `${dir}/${f.split(sep).join('/')}`),
  );
  const all = new Set(files);
  return [
    'src/web/app.tsx',
    'src/messages/field-labels.ts',
    ...files
      .filter((f) => !JAPANESE_ONLY.some((re) => re.test(f)))
      .filter(
        (f) => !f.endsWith('-en.tsx') && !(f.endsWith('.tsx') && all.has(f.replace(/\.tsx$/, '-en.tsx'))),
      )
      .sort(),
  ];
}

const TRANSLATED = residentFacingFiles();

/** Japanese outside comments: a module with such text must show it through the catalogue. */
const hasJapaneseText = (source: string) =>
  /[\u3040-\u30ff\u4e00-\u9fff]/.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));

describe('message catalogues', () => {
  it('finds the resident screens and leaves out the back office and the documents', () => {
    expect(TRANSLATED).toContain('src/web/routes/account/password.tsx');
    expect(TRANSLATED).toContain('src/web/routes/account/shared.ts');
    expect(TRANSLATED).toContain('src/web/views/shared/layout.tsx');
    expect(TRANSLATED).toContain('src/web/views/notices/public-notices.tsx');
    expect(TRANSLATED).toContain('src/web/views/content/dev-mailbox.tsx');
    expect(
      TRANSLATED.filter((f) =>
        /\/staff\/|\/notices\/admin|\/(terms|faq|privacy|accessibility)(-en)?\.tsx$/.test(f),
      ),
    ).toEqual([]);
  });

  it.each(TRANSLATED)('every Japanese text of %s has an English entry', (file) => {
    const source = read(file);
    const keys = catalogueKeys(source);
    // A module that shows Japanese must show it in a form the key finder reads.
    if (hasJapaneseText(source)) expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !(k in EN))).toEqual([]);
  });

  it('finds keys in every form the views use', () => {
    const source = `t('一') k('二') <T>三</T> <T params={{ a: 1 }}>{'四{a}'}</T> title: '五' label="六" translator(x)('七')`;
    expect(catalogueKeys(source).sort()).toEqual(['一', '七', '三', '二', '五', '六', '四{a}'].sort());
  });

  it('translates with parameters, falls back to Japanese for an unknown text, and keeps Japanese as is', () => {
    const en = translator('en');
    const ja = translator('ja');
    expect(
      en(
        '認証コードが正しくありません。メールに記載された6桁の認証コードを入力してください（あと{n}回まで入力できます）',
        { n: 3 },
      ),
    ).toBe('The verification code is not correct. Enter the 6-digit code in the email (3 tries left).');
    expect(en('未知の文')).toBe('未知の文');
    expect(ja('あと{n}回', { n: 2 })).toBe('あと2回');
  });

  it('keeps the English catalogue free of entries that no screen uses', () => {
    // The prefectures are the options of a select, translated from the list in domain/fields.ts.
    const used = new Set([...TRANSLATED.flatMap((f) => catalogueKeys(read(f))), ...PREFECTURES]);
    const unused = Object.keys(EN).filter((k) => !used.has(k) && !['OK', '（e-KAWASAKI）'].includes(k));
    expect(unused).toEqual([]);
  });
});
