/**
 * A time limit as people read it, in Japanese or English: 25 → 25秒 / 25 seconds,
 * 90 → 1分30秒 / 1 minute 30 seconds, 1800 → 30分 / 30 minutes, 3600 → 1時間 / 1 hour,
 * 5400 → 1時間30分 / 1 hour 30 minutes.
 *
 * The rule: under 10 minutes the limit is shown exactly (minutes and seconds); from 10 minutes on,
 * in whole minutes (and hours from 60 minutes), leftover seconds dropped. The number is rounded
 * down, never up: a person told "29 minutes" for 29 minutes 50 seconds is never caught out by it.
 */
export type DurationLang = 'ja' | 'en';

type Parts = { hours: number; minutes: number; seconds: number };

function parts(totalSeconds: number): Parts {
  const total = Math.max(0, Math.floor(totalSeconds));
  const exact = total < 600;
  const hours = exact ? 0 : Math.floor(total / 3600);
  const minutes = Math.floor((total - hours * 3600) / 60);
  const seconds = exact ? total % 60 : 0;
  return { hours, minutes, seconds };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function formatDuration(totalSeconds: number, lang: DurationLang): string {
  const { hours, minutes, seconds } = parts(totalSeconds);
  if (lang === 'ja') {
    const text = `${hours ? `${hours}時間` : ''}${minutes ? `${minutes}分` : ''}${seconds ? `${seconds}秒` : ''}`;
    return text || '0秒';
  }
  const words = [
    hours ? plural(hours, 'hour') : '',
    minutes ? plural(minutes, 'minute') : '',
    seconds ? plural(seconds, 'second') : '',
  ].filter(Boolean);
  return words.length ? words.join(' ') : '0 seconds';
}
