import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, started the way this machine needs (no sandbox as root, no background networking). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
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

/** A phone: 390×844 (iPhone 12–14), touch, 3× pixels; each context is a fresh profile. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Signs in on the local cloud's 登录 page as a demo user (`.demo-user-<key>`), waiting for 我的 to show the name. */
export async function signInAs(page: Page, cloudUrl: string, key: string): Promise<Page> {
  await page.goto(`${cloudUrl}/pages/login/index`);
  await page.locator(`.demo-user-${key}:visible`).click();
  await page.locator('.me-name:visible').waitFor();
  return page;
}
