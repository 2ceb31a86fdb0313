/**
 * A group's final in 场次, end to end in Debian Chromium against the built local cloud, on the seeded demo's
 * 创客组 (three finalists, no show yet). The organizer, on a phone (390×844), opens the final's 评审看板, taps
 * 分场次 on 创客组, names the session 上午场, chooses two finalists and three judges and saves; back on the board,
 * + 添加场次 opens 下午场, where the two finalists already in 上午场 are named and locked and saving none is
 * refused in Chinese; the third finalist and two judges are saved. The board then lists both sessions; the big
 * screen (1920×1080) of 上午场, the notary's tabs and a judge's 现场评分 card name the session.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { demoOpenid } from '../../cloudfunctions/local/seed-data';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { launchChromium, phoneContext, signInAs } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';

jest.setTimeout(180_000);

const ROUND_ID = 'demo-final:final';
const MORNING = `${ROUND_ID}:maker:s1`;
const AFTERNOON = `${ROUND_ID}:maker:s2`;
const maker = (n: number) => `e-demo-final-maker-${n}`;
const judgeKey = (n: number) => personKey(demoOpenid(`judge${n}`));

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];
const SHOTS = '/tmp/shots-e2e';

beforeAll(async () => {
  cloud = await startBuiltLocalCloud({ CRON_INTERVAL_MS: '0' });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const shown = (page: Page, selector: string) => page.locator(`${selector}:visible`);

async function phone(key: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return signInAs(page, cloud.url, key);
}

/** 出场设置 of a new session: its name, finalists and panel, then 创建并保存. */
async function setUpSession(page: Page, name: string, finalists: number[], judges: number[]) {
  const nameBox = shown(page, '.live-session-name input');
  await nameBox.fill(name);
  for (const n of finalists) {
    const check = shown(page, `.live-finalist[data-entry-id="${maker(n)}"] .live-finalist-check`);
    await check.click();
    await expectAttribute(check, 'aria-checked', 'true');
  }
  for (const n of judges) {
    await shown(page, `.live-judge--free[data-key="${judgeKey(n)}"]`).click();
    await shown(page, `.live-judge--chosen[data-key="${judgeKey(n)}"]`).waitFor();
  }
  await shown(page, '.live-setup-save').click();
  await expectText(page, '.live-setup-saved', '已创建本场次现场决赛，请抽签或手动排序');
}

async function expectText(page: Page, selector: string, expected: string) {
  await shown(page, selector).first().waitFor();
  await page.waitForFunction(
    ([sel, want]) => [...document.querySelectorAll(sel as string)].some((el) => el.textContent?.trim() === want),
    [selector, expected],
  );
}

async function expectAttribute(locator: ReturnType<Page['locator']>, name: string, value: string) {
  await locator.evaluate(
    (el, [attr, want]) =>
      new Promise<void>((resolve) => {
        const check = () => (el.getAttribute(attr as string) === want ? resolve() : requestAnimationFrame(check));
        check();
      }),
    [name, value],
  );
}

test('the organizer splits 创客组 into 上午场 and 下午场 on a phone; the screen, the notary and a judge name them', async () => {
  const organizer = await phone('organizer');
  await organizer.goto(`${cloud.url}/admin/pages/round/index?roundId=${encodeURIComponent(ROUND_ID)}`);
  await shown(organizer, '.round-live-maker .round-live-split').click();
  await shown(organizer, `.live-finalist[data-entry-id="${maker(3)}"]`).waitFor();
  expect(await shown(organizer, '.live-session-name input').inputValue()).toBe('第1场');
  await setUpSession(organizer, '上午场', [1, 2], [1, 2, 3]);
  expect(await shown(organizer, '.live-title').textContent()).toContain('创客组 · 上午场');

  await organizer.goto(`${cloud.url}/admin/pages/round/index?roundId=${encodeURIComponent(ROUND_ID)}`);
  await expectText(organizer, `.round-live-session[data-live-id="${MORNING}"] .round-live-group__name`, '上午场');
  await shown(organizer, '.round-live-maker .round-live-add-session').click();
  await shown(organizer, `.live-finalist[data-entry-id="${maker(1)}"] .live-finalist__where`).waitFor();
  expect(await shown(organizer, '.live-session-name input').inputValue()).toBe('第2场');
  for (const n of [1, 2]) {
    expect(
      await shown(organizer, `.live-finalist[data-entry-id="${maker(n)}"] .live-finalist__where`).textContent(),
    ).toBe('已在「上午场」');
    await shown(organizer, `.live-finalist[data-entry-id="${maker(n)}"] .live-finalist-check`).click();
    expect(
      await shown(organizer, `.live-finalist[data-entry-id="${maker(n)}"] .live-finalist-check`).getAttribute(
        'aria-checked',
      ),
    ).toBe('false');
  }
  // Nothing chosen: refused beside the list, nothing saved.
  await shown(organizer, `.live-judge--free[data-key="${judgeKey(4)}"]`).click();
  await shown(organizer, '.live-setup-save').click();
  await expectText(organizer, '.form-row[data-for="session.entryIds"] .field-error', '请至少选择 1 个本场次的项目');
  await organizer.screenshot({ path: `${SHOTS}/sessions-setup-refused.png`, fullPage: true });
  await setUpSession(organizer, '下午场', [3], [5]);
  const widths = await organizer.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);

  await organizer.goto(`${cloud.url}/admin/pages/round/index?roundId=${encodeURIComponent(ROUND_ID)}`);
  await expectText(organizer, `.round-live-session[data-live-id="${AFTERNOON}"] .round-live-group__name`, '下午场');
  expect(
    await organizer.locator('.round-live-maker .round-live-session .round-live-group__state:visible').allTextContents(),
  ).toEqual(['准备中 · 2 位选手 · 3 位评委', '准备中 · 1 位选手 · 2 位评委']);
  await organizer.screenshot({ path: `${SHOTS}/sessions-board.png`, fullPage: true });

  const screen = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  ).newPage();
  await screen.goto(`${cloud.url}/screen/pages/live/index?liveId=${encodeURIComponent(MORNING)}`);
  await expectText(screen, '.screen-round', '决赛 · 创客组 · 上午场');
  await screen.screenshot({ path: `${SHOTS}/sessions-screen.png` });

  const notary = await phone('notary');
  await notary.goto(`${cloud.url}/notary/pages/home/index`);
  await shown(notary, `.notary-show[data-live-id="${AFTERNOON}"]`).waitFor();
  expect(await shown(notary, `.notary-show[data-live-id="${AFTERNOON}"]`).textContent()).toContain('创客组 · 下午场');

  const judge = await phone('judge5');
  await judge.goto(`${cloud.url}/judge/pages/home/index`);
  await expectText(judge, '.judge-live-name', '演示决赛（现场亮分） · 决赛 · 创客组 · 下午场');
  expect(pageErrors).toEqual([]);
});
