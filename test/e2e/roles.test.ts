/**
 * End to end in Debian Chromium at a phone viewport, against the built local cloud (what `npm start`
 * serves) on a free port with a temporary data dir: sign in as demo users, move between the tabs,
 * see roles on 我的, open a role area, and be refused one the role may not open.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, phoneContext } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';

jest.setTimeout(90_000);

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  cloud = await startBuiltLocalCloud();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

async function newPhone(): Promise<Page> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** Taro's H5 router keeps earlier pages of the stack in the DOM, hidden: look at the visible one only. */
function shown(page: Page, selector: string) {
  return page.locator(`${selector}:visible`);
}

async function signInAs(page: Page, key: string): Promise<void> {
  await page.goto(`${cloud.url}/pages/login/index`);
  await shown(page, `.demo-user-${key}`).click();
  // The login page returns to 我的 once the token is stored.
  await shown(page, '.me-name').waitFor();
}

test('a follower reads the home tab, moves between tabs, and is a guest on 我的', async () => {
  const page = await newPhone();
  await page.goto(cloud.url);
  // 首页 shows the running contests with their stage; the demo edition's are open for sign-up.
  const demo = page.locator('.home-contest', { hasText: '上海区域赛（演示）' });
  await demo.waitFor();
  expect(await demo.innerText()).toContain('报名中');
  expect(await demo.locator('.phase-step--current').innerText()).toContain('报名');
  // The 2024 contest ended long ago: no longer on 首页.
  expect(await page.locator('.home-contest', { hasText: '2024年“创客中国”' }).count()).toBe(0);

  await page.getByText('新闻', { exact: true }).click();
  await shown(page, '.news-empty').waitFor();
  await page.getByText('成绩', { exact: true }).click();
  await page.getByText('暂无已公布的成绩').waitFor();
  await page.getByText('我的', { exact: true }).last().click();
  await shown(page, '.me-anonymous').waitFor();
  expect(await shown(page, '.me-anonymous').innerText()).toContain('未登录（游客）');
  await page.context().close();
});

test('signing in from a freshly loaded 我的 draws 我的 signed in, not a blank page', async () => {
  const page = await newPhone();
  // 我的 opened directly (a refresh, or a link): the login page is pushed on top of a tab page that was the
  // first page of the app, and switchTab back must show it again with the new user.
  await page.goto(`${cloud.url}/pages/me/index`);
  await shown(page, '.me-anonymous').waitFor();
  await shown(page, '.me-login').click();
  await shown(page, '.demo-user-entrant').click();
  await shown(page, '.me-name').waitFor();
  expect(await shown(page, '.me-name').innerText()).toBe('张明');
  expect(await shown(page, '.area-link-entrant').count()).toBe(1);
  expect(await shown(page, '.me-anonymous').count()).toBe(0);
  await page.context().close();
});

test('an unknown address shows 页面不存在 with a way home; a missing contest offers 返回首页, not 重试', async () => {
  const page = await newPhone();
  await page.goto(`${cloud.url}/pages/no-such-page/index?from=old-link`);
  await shown(page, '.page-not-found').waitFor();
  expect(await shown(page, '.page-not-found').innerText()).toContain('页面不存在或已下线');
  await shown(page, '.page-not-found-home').click();
  await page.locator('.home-contest', { hasText: '上海区域赛（演示）' }).waitFor();

  await page.goto(`${cloud.url}/pages/contest/index?id=no-such-contest`);
  await shown(page, '.page-error-message').waitFor();
  expect(await shown(page, '.page-retry').count()).toBe(0);
  await shown(page, '.page-home').click();
  await page.locator('.home-contest', { hasText: '上海区域赛（演示）' }).waitFor();
  await page.context().close();
});

test('an entrant sees their role on 我的 and is refused the admin area with a clear message', async () => {
  const page = await newPhone();
  await signInAs(page, 'entrant');
  expect(await shown(page, '.me-name').innerText()).toBe('张明');
  expect(await shown(page, '.me-role').allInnerTexts()).toEqual([expect.stringContaining('参赛者')]);
  expect(await shown(page, '.area-link-entrant').count()).toBe(1);
  expect(await shown(page, '.area-link-admin').count()).toBe(0);

  await shown(page, '.area-link-entrant').click();
  await page.waitForURL(/\/entrant\/pages\/home\/index/);
  await shown(page, '.contest-card').first().waitFor();
  expect(await shown(page, '.contest-card').allInnerTexts()).toEqual([
    expect.stringContaining('数字经济专题赛（演示）'),
    expect.stringContaining('上海区域赛（演示）'),
  ]);

  // Typed straight into the address bar: the page itself refuses, it is not just a hidden link.
  await page.goto(`${cloud.url}/admin/pages/home/index`);
  await shown(page, '.page-forbidden').waitFor();
  expect(await shown(page, '.page-forbidden-message').innerText()).toBe('此页面仅限组委会访问');
  await shown(page, '.page-forbidden-back').click();
  await shown(page, '.me-name').waitFor();
  await page.context().close();
});

test('an entrant changes their nickname; empty and risky names are refused in Chinese', async () => {
  const page = await newPhone();
  await signInAs(page, 'entrant2');
  await shown(page, '.profile-edit').click();
  const input = shown(page, '.profile-input input');
  // 保存 and 取消 side by side: one height, one line, and 取消 readable (dark text on a light button).
  const look = (selector: string) =>
    shown(page, selector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        top: Math.round(box.top),
        height: Math.round(box.height),
        color: style.color,
        bg: style.backgroundColor,
      };
    });
  const [save, cancel] = [await look('.profile-save'), await look('.profile-cancel')];
  expect(cancel.height).toBe(save.height);
  expect(cancel.top).toBe(save.top);
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  };
  expect(luminance(cancel.bg) - luminance(cancel.color)).toBeGreaterThan(0.5);

  await input.fill('');
  await shown(page, '.profile-save').click();
  expect(await shown(page, '.profile-error').innerText()).toBe('请填写昵称');

  await input.fill('赌博网站代理');
  await shown(page, '.profile-save').click();
  await page.getByText('昵称含有不适宜的内容').waitFor();

  await input.fill('李娜（创客）');
  await shown(page, '.profile-save').click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.me-name')].some((el) => el.textContent === '李娜（创客）'),
  );
  // Stored in the cloud, not just on screen: a fresh phone signed in as the same user sees it.
  const other = await newPhone();
  await signInAs(other, 'entrant2');
  expect(await shown(other, '.me-name').innerText()).toBe('李娜（创客）');
  await other.context().close();
  await page.context().close();
});

test('a judge opens the judge area and sees the contest they judge', async () => {
  const page = await newPhone();
  await signInAs(page, 'judge1');
  expect(await shown(page, '.me-role').allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringContaining('评委'), expect.stringContaining('上海市中小企业创新创业大赛')]),
  );
  await shown(page, '.area-link-judge').click();
  await page.waitForURL(/\/judge\/pages\/home\/index/);
  await page.getByText('2024年“创客中国”上海市中小企业创新创业大赛').first().waitFor();
  await page.context().close();
});

test('an organizer opens 赛事管理 and sees the local cloud answering', async () => {
  const page = await newPhone();
  await signInAs(page, 'organizer');
  expect(await shown(page, '.me-role').allInnerTexts()).toEqual([
    expect.stringContaining('参赛者'),
    expect.stringContaining('组委会'),
  ]);
  await shown(page, '.area-link-admin').click();
  await page.waitForURL(/\/admin\/pages\/home\/index/);
  await shown(page, '.admin-runtime').waitFor();
  expect(await shown(page, '.admin-runtime').innerText()).toContain('本地云');
  // The local stand-in of the cron timer ran at start-up and scheduled the hourly purge.
  expect(await shown(page, '.admin-job').filter({ hasText: 'requests.purge' }).innerText()).toMatch(
    /定时任务 requests\.purge：等待中，上次运行 .+，下次 /,
  );

  // Switching user on the same phone: the judge may not stay in the organizer's area.
  await signInAs(page, 'judge2');
  await page.goto(`${cloud.url}/admin/pages/home/index`);
  await shown(page, '.page-forbidden').waitFor();
  await page.context().close();
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
