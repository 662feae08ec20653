import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';

describe('formatDuration', () => {
  it.each([
    [25, '25秒', '25 seconds'],
    [1, '1秒', '1 second'],
    [60, '1分', '1 minute'],
    [90, '1分30秒', '1 minute 30 seconds'],
    [599, '9分59秒', '9 minutes 59 seconds'],
    [600, '10分', '10 minutes'],
    [1799, '29分', '29 minutes'],
    [1800, '30分', '30 minutes'],
    [3600, '1時間', '1 hour'],
    [5400, '1時間30分', '1 hour 30 minutes'],
    [7200, '2時間', '2 hours'],
    [0, '0秒', '0 seconds'],
  ])('%i seconds read %s / %s', (seconds, ja, en) => {
    expect(formatDuration(seconds, 'ja')).toBe(ja);
    expect(formatDuration(seconds, 'en')).toBe(en);
  });
});
