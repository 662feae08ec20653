/** Debian's Chromium through Playwright (no downloaded browsers here), with the flags this machine needs. */
import { chromium, type Browser } from '@playwright/test';
import { testEnv } from '../../src/config.js';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: testEnv().chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
