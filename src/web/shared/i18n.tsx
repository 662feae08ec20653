/**
 * The page's language for components deep in the tree, and the one way views are turned into HTML.
 *
 * Every view is synchronous, so a page is rendered in one go and the language can be a variable
 * set around that render (`renderHtml`). hono/jsx's own context would do the same through an
 * AsyncLocalStorage on every render, which in Node 20 turns on a hook for every promise of the
 * process from then on: it cost 9 % of マイページ's throughput (decision 017).
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { translator, type Lang, type Translate } from '../../messages/i18n.js';

/** The language of the render under way; 'ja' outside of one (as the guide's screens are). */
let current: Lang = 'ja';

export function useLang(): Lang {
  return current;
}

export function useT(): Translate {
  return translator(current);
}

/** What hono/jsx's element nodes (elements, fragments, components) have: render into a buffer. */
type Node = { toStringToBuffer(buffer: string[] & { callbacks?: unknown[] }): void };
const isNode = (child: unknown): child is Node =>
  typeof (child as Partial<Node> | null)?.toStringToBuffer === 'function';

/**
 * `node` as HTML in `lang`. Throws if a view is asynchronous (none is: the data is read before
 * the view is rendered), which every test that renders a page would show.
 */
export function renderHtml(lang: Lang, node: Child): string {
  const before = current;
  current = lang;
  try {
    const buffer: string[] & { callbacks?: unknown[] } = [''];
    // A fragment renders whatever it is given as hono/jsx would (text escaped, arrays joined).
    const root: unknown = isNode(node) ? node : <>{node}</>;
    (root as Node).toStringToBuffer(buffer);
    if (buffer.length !== 1 || buffer.callbacks) throw new Error('a view must render synchronously');
    return buffer[0] as string;
  } finally {
    current = before;
  }
}

/** Its children rendered in `lang`: for a part of a page in another language, and for tests. */
export function InLanguage({ lang, children }: { lang: Lang; children?: Child }) {
  return raw(renderHtml(lang, children));
}

/** Translates its text child at render time: `<T>利用者の区分を選んでください。</T>`. */
export function T({ children, params }: { children?: Child; params?: Record<string, string | number> }) {
  const t = useT();
  const text = Array.isArray(children) ? children.join('') : String(children ?? '');
  return <>{t(text.trim(), params)}</>;
}

/** A string prop that may be a catalogue key: translated; anything else is passed through. */
export function useTr(): <V>(value: V) => V | string {
  const t = useT();
  return (value) => (typeof value === 'string' ? t(value) : value);
}
