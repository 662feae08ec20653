/**
 * Finds the catalogue keys used in the web layer's source: t('…'), k('…'), <T>…</T>, and the
 * Japanese string props that components translate (title, label, hint, legend, submitLabel).
 * Used by the catalogue test to prove every Japanese text has its English entry.
 */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const PATTERNS: RegExp[] = [
  /\b[tk]\(\s*'((?:[^'\\]|\\.)*)'/g,
  /\btr\(\s*'((?:[^'\\]|\\.)*)'/g,
  /\)\(\s*'((?:[^'\\]|\\.)*)'/g,
  /\bSERVICE_NAME = '([^']*)'/g,
  /<T(?:\s+params=\{\{[^}]*\}\})?>\s*\{?\s*'?((?:[^<'\\]|\\.)*?)'?\s*\}?\s*<\/T>/g,
  /\b(?:title|label|hint|legend|submitLabel)(?::\s*|=)["']((?:[^"'\\]|\\.)*)["']/g,
];

export function catalogueKeys(source: string): string[] {
  const keys = new Set<string>();
  for (const pattern of PATTERNS) {
    for (const m of source.matchAll(pattern)) {
      const key = (m[1] ?? '').replace(/\s*\n\s*/g, '').trim();
      if (JAPANESE.test(key)) keys.add(key);
    }
  }
  return [...keys];
}
