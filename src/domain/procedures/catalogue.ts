/**
 * 手続一覧: the catalogue's search, pure. A keyword matches a procedure when it is found in its
 * name (kanji, or the English name), in its kana reading (hiragana and katakana alike), or in the
 * romaji of that reading (wanakana; long vowels are matched loosely: "jumin", "juumin" and
 * "juumin" all find じゅうみん). Filters: 分類 (category) and 対象 (a procedure for both matches
 * either).
 */
import { toHiragana, toRomaji } from 'wanakana';
import type { Audience, Category, ProcedureDefinition } from './definition.js';

export type CatalogueQuery = {
  keyword?: string;
  category?: Category;
  /** individual: procedures for 個人 or both; business: for 事業者 or both */
  audience?: Exclude<Audience, 'both'>;
};

/** NFKC, lower case, without spaces and 「・」. */
const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・]/g, '');

/** Romaji with long vowels folded (ou, oo, uu → o/u; ā → a) and no punctuation. */
const looseRomaji = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ou|oo/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ii/g, 'i')
    .replace(/ee|ei/g, 'e');

/** The romaji of a kana reading: そだいごみ → sodaigomi. */
export const romajiOf = (kana: string): string => toRomaji(toHiragana(kana.replace(/[\s・]/g, '')));

export function matchesKeyword(def: ProcedureDefinition, keyword: string): boolean {
  const k = fold(keyword);
  if (k === '') return true;
  if (fold(def.name.ja).includes(k) || fold(def.name.en).includes(k)) return true;
  const reading = toHiragana(fold(def.kana));
  if (reading.includes(toHiragana(k))) return true;
  const romaji = looseRomaji(k);
  return /^[a-z]+$/.test(k) && romaji !== '' && looseRomaji(romajiOf(def.kana)).includes(romaji);
}

export function matchesQuery(def: ProcedureDefinition, q: CatalogueQuery): boolean {
  if (q.category && def.category !== q.category) return false;
  if (q.audience && def.audience !== 'both' && def.audience !== q.audience) return false;
  return q.keyword === undefined || matchesKeyword(def, q.keyword);
}

/** The procedures matching the query, in the catalogue's order. */
export function searchProcedures<D extends ProcedureDefinition>(defs: readonly D[], q: CatalogueQuery): D[] {
  return defs.filter((d) => matchesQuery(d, q));
}

/** Whether a procedure accepts applications on `today` (ISO YYYY-MM-DD, Japan time): its 受付期間. */
export function isAccepting(def: ProcedureDefinition, today: string): boolean {
  const { from, until } = def.acceptance;
  return (from === undefined || from <= today) && (until === undefined || today <= until);
}
