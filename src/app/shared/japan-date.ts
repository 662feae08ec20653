/** The calendar date in Japan, for rules such as "a birth date in the past". */
export function japanToday(now: Date): { year: number; month: number; day: number } {
  const jst = new Date(now.getTime() + 9 * 3600 * 1000);
  return { year: jst.getUTCFullYear(), month: jst.getUTCMonth() + 1, day: jst.getUTCDate() };
}
