/**
 * A moment as people here read it: always in Japan's time, whatever the server's zone — 2026年12月4日
 * 19:10 or 4 December 2026 at 19:10, and a day as 令和8年12月4日 or 4 December 2026. The formatters
 * are made once (making one costs far more than using it) and shared by the screens and the mails.
 */
import type { Lang } from './i18n.js';

const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const JAPAN_DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', DATE_TIME_OPTIONS),
  en: new Intl.DateTimeFormat('en-GB', DATE_TIME_OPTIONS),
};

/**
 * `format` remembering what it gave for the last moments asked (a bounded map, emptied when full):
 * a page shows the same few moments again and again (the person's registration, their drafts), and
 * formatting one with a calendar and a zone costs several microseconds.
 */
export function remembered(format: Intl.DateTimeFormat, size = 1000): (at: Date) => string {
  const seen = new Map<number, string>();
  return (at) => {
    const key = at.getTime();
    let text = seen.get(key);
    if (text === undefined) {
      if (seen.size >= size) seen.clear();
      text = format.format(at);
      seen.set(key, text);
    }
    return text;
  };
}

const DATE_TIME_TEXT: Record<Lang, (at: Date) => string> = {
  ja: remembered(JAPAN_DATE_TIME.ja),
  en: remembered(JAPAN_DATE_TIME.en),
};

/** The date and time in Japan, in the language's words. */
export const japanDateTime = (at: Date, lang: Lang): string => DATE_TIME_TEXT[lang](at);

const ERA_DATE_TEXT: Record<Lang, (at: Date) => string> = {
  ja: remembered(
    new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }),
  ),
  en: remembered(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long' })),
};

/** Japan's date of a moment: in the Japanese era for Japanese (令和8年12月4日), day month year for English. */
export const japanEraDate = (at: Date, lang: Lang): string => ERA_DATE_TEXT[lang](at);
