import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueKeys } from './catalogue-keys.js';
import { EN } from './en.js';
import { translator } from './i18n.js';

/** The resident-facing screens, which are in Japanese and English (the staff back office is Japanese only). */
const TRANSLATED = [
  'src/web/views/shared/layout.tsx',
  'src/web/views/shared/components.tsx',
  'src/web/views/shared/profile-form.tsx',
  'src/web/routes/registration/registration.tsx',
  'src/web/routes/content/pages.tsx',
  'src/web/app.tsx',
  'src/web/views/shared/code-entry.tsx',
  'src/messages/field-labels.ts',
  'src/web/views/notices/public-notices.tsx',
  'src/web/routes/notices/public.tsx',
  'src/web/routes/account/account.tsx',
  'src/web/routes/account/shared.tsx',
  'src/web/routes/account/profile.tsx',
  'src/web/routes/account/email.tsx',
  'src/web/routes/account/password.tsx',
  'src/web/routes/account/delete.tsx',
];

describe('message catalogues', () => {
  it.each(TRANSLATED)('every Japanese text of %s has an English entry', (file) => {
    const keys = catalogueKeys(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    expect(keys.length).toBeGreaterThan(0);
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
    ).toBe('The verification code is not correct. Enter the 6-digit code in the e-mail (3 tries left).');
    expect(en('未知の文')).toBe('未知の文');
    expect(ja('あと{n}回', { n: 2 })).toBe('あと2回');
  });

  it('keeps the English catalogue free of entries that no screen uses', () => {
    const used = new Set(
      TRANSLATED.flatMap((f) => catalogueKeys(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'))),
    );
    const unused = Object.keys(EN).filter((k) => !used.has(k) && !['OK', '（e-KAWASAKI）'].includes(k));
    expect(unused).toEqual([]);
  });
});
