/** The page's language for components deep in the tree (hono/jsx context), set by renderPage. */
import { createContext, useContext, type Child } from 'hono/jsx';
import { translator, type Lang, type Translate } from '../../messages/i18n.js';

export const LangContext = createContext<Lang>('ja');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  return translator(useContext(LangContext));
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
