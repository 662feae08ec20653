/**
 * A moment as people here read it: always in Japan's time, whatever the server's zone — 2026年12月4日
 * 19:10 or 4 December 2026 at 19:10. The formatters are made once (making one costs far more than
 * using it) and shared by the screens and the mails.
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

export const JAPAN_DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', DATE_TIME_OPTIONS),
  en: new Intl.DateTimeFormat('en-GB', DATE_TIME_OPTIONS),
};

/** The date and time in Japan, in the language's words. */
export const japanDateTime = (at: Date, lang: Lang): string => JAPAN_DATE_TIME[lang].format(at);
