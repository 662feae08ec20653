import { describe, expect, it } from 'vitest';
import { InLanguage, renderHtml, T, useLang } from './i18n.js';

function Deep() {
  return <span>{useLang()}</span>;
}

describe('renderHtml', () => {
  it('gives components deep in the tree the language of the render, and "ja" again after it', () => {
    expect(
      renderHtml(
        'en',
        <div>
          <p>
            <Deep />
          </p>
        </div>,
      ),
    ).toBe('<div><p><span>en</span></p></div>');
    expect(useLang()).toBe('ja');
  });

  it('translates with the catalogue of the language rendered', () => {
    expect(renderHtml('en', <T>ログイン</T>)).toBe('Sign in');
    expect(renderHtml('ja', <T>ログイン</T>)).toBe('ログイン');
  });

  it('renders a part in another language with InLanguage, and the rest in the page language', () => {
    const html = renderHtml(
      'ja',
      <div>
        <Deep />
        <InLanguage lang="en">
          <Deep />
        </InLanguage>
        <Deep />
      </div>,
    );
    expect(html).toBe('<div><span>ja</span><span>en</span><span>ja</span></div>');
  });

  it('escapes text that is not markup', () => {
    expect(renderHtml('ja', '<b>&"')).toBe('&lt;b&gt;&amp;&quot;');
  });

  it('refuses an asynchronous view (the data is read before a view renders)', () => {
    async function Late() {
      return <span>late</span>;
    }
    expect(() => renderHtml('ja', <Late />)).toThrow(/synchronously/);
    expect(useLang()).toBe('ja');
  });
});
