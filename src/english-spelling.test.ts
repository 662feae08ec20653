/**
 * One spelling of "email" in every English text a resident reads (GOV.UK style): the catalogue, the
 * field labels and validation messages, the English mails and the English documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EN } from './messages/en.js';
import { englishMailTemplates } from './mail/templates/en/registration.js';
import { englishAccountMailTemplates } from './mail/templates/en/account.js';

const root = new URL('../', import.meta.url);
const HYPHENATED = /\be-mails?\b/i;

function sources(): string[] {
  const dir = (d: string, keep: (f: string) => boolean) =>
    readdirSync(new URL(d, root))
      .filter((f) => keep(f) && !f.includes('.test.'))
      .map((f) => `${d}/${f}`);
  return [
    ...dir('src/messages', (f) => /(^en|-en)\.ts$|field-labels\.ts$/.test(f)),
    ...dir('src/mail/templates/en', (f) => f.endsWith('.ts')),
    ...dir('src/web/views/content', (f) => f.endsWith('-en.tsx')),
  ];
}

describe('English spelling of "email"', () => {
  it('no catalogue entry says "e-mail"', () => {
    expect(Object.values(EN).filter((text) => HYPHENATED.test(text))).toEqual([]);
  });

  it('no mail written in English says "e-mail"', () => {
    const v = { code: '123456', ttlSeconds: 1800, mailDomain: 'dx.city.kawasaki.jp' };
    const mails = [
      englishMailTemplates.registrationCode(v),
      englishAccountMailTemplates.emailChangeCode(v),
      englishAccountMailTemplates.passwordResetCode(v),
    ];
    for (const m of mails) expect(`${m.subject}\n${m.body}`).not.toMatch(HYPHENATED);
  });

  it.each(sources())('%s has no "e-mail" in its text', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(text.split('\n').filter((line) => HYPHENATED.test(line))).toEqual([]);
  });
});
