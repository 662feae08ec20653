import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../messages/i18n.js';
import { InLanguage } from '../../shared/i18n.js';
import { ProfileForm } from './profile-form.js';

async function renderForm(lang: Lang, prefecture = ''): Promise<string> {
  const node = (
    <InLanguage lang={lang}>
      <ProfileForm
        kind="individual"
        email="taro@example.jp"
        values={{ prefecture }}
        csrfToken="t"
        action="/register/profile"
        submitLabel="入力内容を確認する"
        withPassword={false}
      />
    </InLanguage>
  );
  return String(await (node as unknown as { toString(): string | Promise<string> }).toString());
}

const select = (html: string) => html.match(/<select[^>]*id="prefecture"[\s\S]*?<\/select>/)?.[0] ?? '';

describe('the 都道府県 select', () => {
  it('shows English names in English while each value stays the Japanese name', async () => {
    const html = select(await renderForm('en', '神奈川県'));
    expect(html).toContain('<option value="北海道">Hokkaido</option>');
    expect(html).toContain('<option value="東京都">Tokyo</option>');
    expect(html).toMatch(/<option value="神奈川県" selected="">Kanagawa<\/option>/);
    expect(html).toContain('<option value="沖縄県">Okinawa</option>');
    expect(html.match(/<option value="[^"]+"/g)).toHaveLength(47);
    // No Japanese text is left in the English select.
    expect(html.replace(/value="[^"]*"/g, '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('shows the Japanese names in Japanese', async () => {
    const html = select(await renderForm('ja'));
    expect(html).toContain('<option value="神奈川県">神奈川県</option>');
  });

  it('marks the chosen prefecture on each render, in either language, and none for a value not in the list', async () => {
    const chosen = (html: string) => select(html).match(/<option value="([^"]*)" selected=""/g) ?? [];
    expect(chosen(await renderForm('ja', '北海道'))).toEqual(['<option value="北海道" selected=""']);
    expect(chosen(await renderForm('ja', '沖縄県'))).toEqual(['<option value="沖縄県" selected=""']);
    expect(chosen(await renderForm('en', '北海道'))).toEqual(['<option value="北海道" selected=""']);
    expect(chosen(await renderForm('ja'))).toEqual([]);
    expect(chosen(await renderForm('ja', '<script>'))).toEqual([]);
    expect(select(await renderForm('ja', '<script>'))).not.toContain('<script>');
  });
});
