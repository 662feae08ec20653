/**
 * What the procedures' browser tests share: the real app sending mail to a test SMTP server and
 * Chromium, started for the file and stopped after it; pages with JavaScript on or off; mail taken
 * from the SMTP server as it arrives; Playwright's assertions patient enough for a loaded machine.
 */
import { afterAll, beforeAll } from 'vitest';
import { expect as playwrightExpect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startTestApp, type TestApp } from './app-server.js';
import { launchChromium } from './browser.js';
import { TestSmtp, type ReceivedMail } from './smtp.js';

/** 受付番号: 8 characters without 0/O/1/I/L. */
export const REFERENCE = /^[2-9A-HJKMNP-Z]{8}$/;

/** Playwright's auto-waiting assertions, patient enough for a loaded machine. */
export const pwExpect = playwrightExpect.configure({ timeout: 10_000 });

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

export function useProcedureBrowser() {
  let browser: Browser | undefined;
  let smtp: TestSmtp | undefined;
  let app: TestApp | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    app = await startTestApp({ smtpUrl: smtp.url });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await smtp?.stop();
  });
  const ready = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`${what} is not started yet`);
    return x;
  };
  return {
    get app(): TestApp {
      return ready(app, 'the app');
    },
    get smtp(): TestSmtp {
      return ready(smtp, 'the SMTP server');
    },
    /** A fresh browser context (Japanese) with one page, JavaScript on or off. */
    async newPage(js: boolean): Promise<Page> {
      const context = await ready(browser, 'Chromium').newContext({ locale: 'ja-JP', javaScriptEnabled: js });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    /** Waits for (and removes) the newest mail to `to` whose subject has `subject`. */
    async takeMail(to: string, subject: string): Promise<ReceivedMail> {
      const s = ready(smtp, 'the SMTP server');
      const mail = await s.waitFor(to, subject);
      s.mails.splice(s.mails.indexOf(mail), 1);
      return mail;
    },
  };
}
