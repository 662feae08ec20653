/** Debian's Chromium through Playwright (no downloaded browsers here), with the flags this machine needs. */
import { chromium, type Browser } from '@playwright/test';
import { testEnv } from '../../src/config.js';

/** Without the background-networking flags, Chromium's calls home are refused here, many at a time. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: testEnv().chromiumPath, args: CHROMIUM_FLAGS });
}
