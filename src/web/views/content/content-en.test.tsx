import { describe, it, expect } from 'vitest';
import { TermsContent } from './terms.js';
import { PrivacyContent } from './privacy.js';
import { FaqContent } from './faq.js';
import { AccessibilityContent } from './accessibility.js';
import { TermsContentEn } from './terms-en.js';
import { PrivacyContentEn } from './privacy-en.js';
import { FaqContentEn } from './faq-en.js';
import { AccessibilityContentEn } from './accessibility-en.js';

/** hono/jsx elements render with toString(), which may return a Promise. */
async function render(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

const NOTE =
  '<p class="note">This is a translation for reference. The Japanese text is the authoritative version.</p>';

/** Hiragana, katakana (full- and half-width), CJK ideographs, CJK punctuation and full-width forms. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

function expectStaticOnly(html: string) {
  expect(html).not.toMatch(/<h1[\s>]/);
  expect(html).not.toMatch(/<html[\s>]/);
  expect(html).not.toMatch(/<script[\s>]/);
  expect(html).not.toMatch(/\sstyle=/);
  for (const [, classes] of html.matchAll(/\sclass="([^"]*)"/g)) {
    for (const name of classes!.split(/\s+/)) expect(['prose', 'note']).toContain(name);
  }
}

/** Starts with the prose wrapper (in English) and the translation note. */
function expectTranslationNote(html: string) {
  expect(html.startsWith(`<div class="prose" lang="en">${NOTE}`)).toBe(true);
}

/** Every piece of Japanese text is inside a <span lang="ja">, and each such span holds Japanese. */
function expectJapaneseMarkedUp(html: string) {
  const spans = [...html.matchAll(/<span lang="ja">([^<]*)<\/span>/g)].map((m) => m[1]!);
  for (const text of spans) expect(text).toMatch(JAPANESE);
  const rest = html.replace(/<span lang="ja">[^<]*<\/span>/g, '');
  expect(rest).not.toMatch(JAPANESE);
  return spans;
}

const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length;

/** The translation has the same sections, list items and table rows as the Japanese text. */
function expectSameShape(en: string, ja: string) {
  for (const tag of ['h2', 'li', 'tr', 'th', 'td', 'dt', 'dd', 'table', 'address', 'dfn']) {
    expect(count(en, tag), tag).toBe(count(ja, tag));
  }
}

describe('TermsContentEn', () => {
  it('is a complete translation of the 利用規約 with the 30-minute rule', async () => {
    const html = await render(<TermsContentEn />);
    expectTranslationNote(html);
    expect(html).toContain('Article 1 (Purpose)');
    expect(html).toContain('Kawasaki City (<span lang="ja">川崎市</span>)');
    expect(html).toContain(
      'Online Procedures Kawasaki (<span lang="ja">オンライン手続かわさき</span>, e-KAWASAKI)',
    );
    expect(html).toContain('within 30 minutes');
    expect(html).toContain('“@dx.city.kawasaki.jp”');
    expect(html).toContain('User ID');
    expect(html).toContain('the email address registered at user registration serves as the User ID');
    expect(html).toContain('“<span lang="ja">利用規約に同意します</span>” (I agree to the Terms of Use)');
    expect(html).toContain('Net Madoguchi Kawasaki (<span lang="ja">ネット窓口かわさき</span>)');
    expect(html).toContain('Yokohama District Court');
    expect(html).toContain('1 March 2023');
    expect((html.match(/<h2>Article \d+ /g) ?? []).length).toBe(16);
    expectStaticOnly(html);
    expectJapaneseMarkedUp(html);
    expectSameShape(html, await render(<TermsContent />));
  });

  it('follows the configured mail domain and time limit', async () => {
    const html = await render(<TermsContentEn mailDomain="mail.example.jp" registrationTtlSeconds={600} />);
    expect(html).toContain('“@mail.example.jp”');
    expect(html).toContain('within 10 minutes');
    expect(html).not.toContain('dx.city.kawasaki.jp');
    expect(await render(<TermsContentEn registrationTtlSeconds={60} />)).toContain('within 1 minute of');
    expect(await render(<TermsContentEn registrationTtlSeconds={90} />)).toContain(
      'within 1 minute 30 seconds',
    );
  });
});

describe('PrivacyContentEn', () => {
  it('explains the handling of personal information', async () => {
    const html = await render(<PrivacyContentEn />);
    expectTranslationNote(html);
    expect(html).toContain('Kawasaki City (<span lang="ja">川崎市</span>)');
    expect(html).toContain('personal information');
    expect(html).toContain(
      'Act on the Protection of Personal Information (<span lang="ja">個人情報の保護に関する法律</span>',
    );
    expect(html).toContain('<caption>Information collected at user registration</caption>');
    expect(html).toContain('scope="col"');
    expect(html).toContain('30 minutes after the verification code was last sent');
    expect(html).toContain('cookies');
    expect(html).toContain('<p class="note">* This contact is shown as an example');
    expect(html).toContain('<span lang="ja">デジタル化推進室</span>');
    expect(html).toContain('<span lang="ja">〒210-8577 川崎市川崎区宮本町1番地</span>');
    expectStaticOnly(html);
    expectJapaneseMarkedUp(html);
    expectSameShape(html, await render(<PrivacyContent />));
  });

  it('marks each item as collected or not, as in the Japanese table', async () => {
    const en = await render(<PrivacyContentEn />);
    const ja = await render(<PrivacyContent />);
    const cells = (html: string) => [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
    const asJa = cells(en).map(
      (cell) => ({ Collected: '取得します', 'Not collected': '取得しません' })[cell],
    );
    expect(asJa).toEqual(cells(ja));
  });

  it('follows the configured time limit', async () => {
    const html = await render(<PrivacyContentEn registrationTtlSeconds={600} />);
    expect(html).toContain('10 minutes after the verification code was last sent');
  });
});

describe('FaqContentEn', () => {
  it("contains each of the seed's four questions and answers", async () => {
    const html = await render(<FaqContentEn />);
    expectTranslationNote(html);
    expect(html).toContain('computer email address or a mobile phone email address');
    expect(html).toContain('characters that cannot be used in the email address');
    expect(html).toContain('the email with the verification code has not arrived');
    expect(html).toContain('Net Madoguchi Kawasaki (<span lang="ja">ネット窓口かわさき</span>)');
    expect(html).toContain('“@dx.city.kawasaki.jp”');
    expect(html).toContain('256 characters or longer');
    expect(html).toContain('two or more dots (<code>.</code>) in a row');
    expect(html).toContain('deleted 30 minutes after the verification code is sent');
    expectStaticOnly(html);
    expectJapaneseMarkedUp(html);
    expectSameShape(html, await render(<FaqContent />));
  });

  it('lists the allowed symbols, each in <code>, with { and } intact', async () => {
    const html = await render(<FaqContentEn />);
    expect(html).toContain(
      [
        '!',
        '#',
        '$',
        '%',
        '&amp;',
        '&#39;',
        '*',
        '+',
        '-',
        '/',
        '=',
        '?',
        '^',
        '_',
        '`',
        '{',
        '|',
        '}',
        '~',
        '.',
      ]
        .map((symbol) => `<code>${symbol}</code>`)
        .join(' '),
    );
  });

  it('lists the four disallowed patterns as an ordered list', async () => {
    const html = await render(<FaqContentEn />);
    const list = html.match(/if any of the following applies:<\/p><ol>([\s\S]*?)<\/ol>/);
    expect(list).not.toBeNull();
    expect(list![1]!.match(/<li>/g)).toHaveLength(4);
  });

  it('adds the practical questions, naming the Japanese buttons and screens', async () => {
    const html = await render(<FaqContentEn />);
    const spans = expectJapaneseMarkedUp(html);
    expect(spans).toEqual(
      expect.arrayContaining([
        '認証コードを再送する',
        '別のメールアドレスで登録する',
        'メールアドレスの登録完了',
        '本登録の完了',
        'メールアドレスの登録',
        'マイページ',
      ]),
    );
    expect(html).toContain('at least 8 half-width characters');
    expect(html).toContain('up to 5 times');
    expect(html).toContain('withdraw');
  });

  it('has the same question ids, in the same order, as the Japanese FAQ', async () => {
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    const ja = ids(await render(<FaqContent />));
    expect(ja).toHaveLength(8);
    expect(ids(await render(<FaqContentEn />))).toEqual(ja);
  });

  it('follows the configured mail domain and time limit', async () => {
    const html = await render(<FaqContentEn mailDomain="mail.example.jp" registrationTtlSeconds={600} />);
    expect(html).toContain('“@mail.example.jp”');
    expect(html).toContain('deleted 10 minutes after');
    expect(html).not.toContain('dx.city.kawasaki.jp');
  });
});

describe('AccessibilityContentEn', () => {
  it('states the target, the measures and the test results', async () => {
    const html = await render(<AccessibilityContentEn />);
    expectTranslationNote(html);
    expect(html).toContain('Kawasaki City (<span lang="ja">川崎市</span>)');
    expect(html).toContain('JIS X 8341-3:2016');
    expect(html).toContain('WCAG 2.2');
    expect(html).toContain('“<span lang="ja">※必須</span>” (Required)');
    expect(html).toContain('<caption>Test results</caption>');
    expect(html).toContain('320 pixels');
    expect(html).toContain('0 violations');
    expectStaticOnly(html);
    expectJapaneseMarkedUp(html);
    expectSameShape(html, await render(<AccessibilityContent />));
  });
});
