/**
 * Languages. Japanese is the default and the source of truth: a text's Japanese wording is its key
 * (gettext style), so views read naturally and the spec's labels stay verbatim. The English
 * catalogue maps each Japanese text to its translation; a missing entry falls back to Japanese
 * (a test makes sure there are none).
 */
import { EN } from './en.js';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export type Params = Record<string, string | number>;
export type Translate = (text: string, params?: Params) => string;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translator(lang: Lang): Translate {
  if (lang === 'ja') return fill;
  return (text, params) => fill(EN[text] ?? text, params);
}

export function parseLang(value: string | undefined | null): Lang | null {
  return value === 'ja' || value === 'en' ? value : null;
}

/** Marks a catalogue key written as a plain string (translated later, where it is shown). */
export function k(text: string): string {
  return text;
}
