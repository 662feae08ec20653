/**
 * Normalisation of Japanese input, before validation.
 *
 * Two families, on purpose (see docs "Japanese text" in shared/design/architecture.md):
 * - machine-readable values (email, postal code, phone, digits): NFKC plus the hyphen rule;
 * - human text (names, フリガナ, addresses): width conversion only, never NFKC, because NFKC rewrites
 *   compatibility kanji that people use in their names (神 U+FA19 → 神 U+795E) and ㈱ → (株).
 *
 * Every function is pure and total (never throws) and idempotent: f(f(s)) === f(s).
 */
import jaconvImport from 'jaconv';

type Jaconv = { toKatakana(s: string): string; toZenKana(s: string): string };
// jaconv ships an ES module (default export = the API) but a CommonJS-style .d.ts, so under
// NodeNext TypeScript sees the default import as `{ default: API }`. Accept both shapes.
const jaconvModule = jaconvImport as unknown as Jaconv & { default?: Jaconv };
const jaconv: Jaconv = jaconvModule.default ?? jaconvModule;

/** Characters that people type where they mean a hyphen (after NFKC, which already maps －, ｰ). */
const HYPHEN_LIKE = /[ーｰ−‐‑‒–—―－﹣⁃]/g;

/**
 * For email, postal code, phone and digits: NFKC (full-width → half-width), the hyphen rule
 * (ー ｰ − ‐ ‑ – — ― － → `-`), then trim.
 */
export function toHalfWidthAscii(s: string): string {
  return s.normalize('NFKC').replace(HYPHEN_LIKE, '-').trim();
}

/** Full-width ASCII letters and digits (Ａ-Ｚ ａ-ｚ ０-９) → half-width; nothing else. */
function fullWidthAlnumToHalf(s: string): string {
  return s.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** C0/C1 control characters that are not whitespace (tab, newline … are collapsed instead). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;

/** Runs of whitespace (including U+3000 full-width space) become one half-width space; trimmed. */
function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * For フリガナ: half-width katakana → full-width (ｶﾞ → ガ), hiragana → katakana, full-width space →
 * space, runs of spaces collapsed, trimmed. No NFKC. The result is not checked here: a フリガナ field
 * then accepts only katakana, spaces and ー (see profile.ts).
 */
export function normalizeKana(s: string): string {
  return collapseSpaces(jaconv.toKatakana(jaconv.toZenKana(s)));
}

/**
 * For names and free text (氏名, 法人名, 住所, 担当部署 …): half-width katakana → full-width,
 * full-width ASCII letters and digits → half-width, whitespace runs → one space, trimmed.
 * Control characters other than whitespace are dropped. Never NFKC: compatibility kanji
 * (U+FA19 神) and other characters survive as typed.
 */
export function normalizeName(s: string): string {
  return collapseSpaces(fullWidthAlnumToHalf(jaconv.toZenKana(s)).replace(CONTROL, ''));
}

/**
 * The ASCII digits of `s`, after NFKC (so full-width ０-９ count as digits); everything else
 * (hyphens, spaces, parentheses, letters) is dropped.
 */
export function digitsOnly(s: string): string {
  return s.normalize('NFKC').replace(/[^0-9]/g, '');
}
