import { describe, it, expect } from 'vitest';
import { TermsContent } from './terms.js';
import { PrivacyContent } from './privacy.js';
import { FaqContent } from './faq.js';

/** hono/jsx elements render with toString(), which may return a Promise. */
async function render(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

function expectStaticOnly(html: string) {
  expect(html).not.toMatch(/<h1[\s>]/);
  expect(html).not.toMatch(/<html[\s>]/);
  expect(html).not.toMatch(/<script[\s>]/);
  expect(html).not.toMatch(/\sstyle=/);
  for (const [, classes] of html.matchAll(/\sclass="([^"]*)"/g)) {
    for (const name of classes!.split(/\s+/)) expect(['prose', 'note']).toContain(name);
  }
}

describe('TermsContent', () => {
  it('is a complete 利用規約 for the city with the 30-minute rule', async () => {
    const html = await render(<TermsContent />);
    expect(html).toContain('第1条（目的）');
    expect(html).toContain('川崎市');
    expect(html).toContain('30分');
    expect(html).toContain('@dx.city.kawasaki.jp');
    expect(html).toContain('利用者ID');
    expect(html).toContain('メールアドレスをもってこれに充てる');
    expect(html).toContain('令和5年3月1日から施行する');
    expect((html.match(/<h2>第\d+条/g) ?? []).length).toBeGreaterThanOrEqual(12);
    expectStaticOnly(html);
  });

  it('follows the configured mail domain and time limit', async () => {
    const html = await render(<TermsContent mailDomain="mail.example.jp" registrationTtlSeconds={600} />);
    expect(html).toContain('@mail.example.jp');
    expect(html).toContain('10分以内');
  });
});

describe('PrivacyContent', () => {
  it('explains the handling of 個人情報', async () => {
    const html = await render(<PrivacyContent />);
    expect(html).toContain('個人情報');
    expect(html).toContain('個人情報の保護に関する法律');
    expect(html).toContain('<caption>');
    expect(html).toContain('scope="col"');
    expect(html).toContain('30分');
    expect(html).toContain('Cookie');
    expect(html).toContain('class="note"');
    expect(html).toContain('デジタル化推進室');
    expectStaticOnly(html);
  });
});

describe('FaqContent', () => {
  it("contains each of the seed's questions and answers", async () => {
    const html = await render(<FaqContent />);
    expect(html).toContain('PC用と携帯電話用');
    expect(html).toContain('使用できない文字');
    expect(html).toContain('認証コードが記載されたメールが届きません');
    expect(html).toContain('ネット窓口かわさき');
    expect(html).toContain('@dx.city.kawasaki.jp');
    expect(html).toContain('256文字以上');
    expect(html).toContain('「.」を2文字以上連続使用している場合');
    expect(html).toContain('30分が経過すると');
    expectStaticOnly(html);
  });

  it('lists the allowed symbols, each in 「」, with { and } intact', async () => {
    const html = await render(<FaqContent />);
    expect(html).toContain(
      '「!」「#」「$」「%」「&amp;」「&#39;」「*」「+」「-」「/」「=」「?」「^」「_」「`」「{」「|」「}」「~」「.」',
    );
  });

  it('lists the four disallowed patterns as an ordered list', async () => {
    const html = await render(<FaqContent />);
    const list = html.match(/使用できません。<\/p><ol>([\s\S]*?)<\/ol>/);
    expect(list).not.toBeNull();
    expect(list![1]!.match(/<li>/g)).toHaveLength(4);
  });

  it('adds the practical questions', async () => {
    const html = await render(<FaqContent />);
    expect(html).toContain('認証コードを再送する');
    expect(html).toContain('8文字以上の半角文字列');
    expect(html).toContain('別のメールアドレスで登録する');
    expect(html).toContain('退会');
    for (const id of [
      'faq-mobile',
      'faq-characters',
      'faq-no-mail',
      'faq-old-id',
      'faq-code-expiry',
      'faq-password',
      'faq-other-address',
      'faq-withdraw',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
  });
});
