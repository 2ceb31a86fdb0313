/**
 * Notifications end to end in Debian Chromium against the built local cloud: an entrant taps 订阅赛事提醒 on a
 * contest page (the H5 build accepts through the local stand-in of WeChat) and submits a registration at 390×844;
 * the organizer, at 1280×800, writes a 赛事通知 to that contest's entrants with status 已提交, sees the audience and
 * reachable counts, sends; the entrant sees the unread count and the message in 我的 → 消息; /dev/messages and its
 * dev page show the card for the subscribed entrant only; the report shows 已送达微信 1 and 未订阅 for the rest. The
 * organizer's pages are also drawn at a phone's width without overflowing it.
 */
import type { Browser, Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../core/actions';
import { demoOpenid } from '../../cloudfunctions/local/seed-data';
import { launchChromium, phoneContext } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';
import { creditCodeFixture, pdfBytes } from '../support/registration-fixtures';

jest.setTimeout(180_000);

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

function shown(page: Page, selector: string) {
  return page.locator(`${selector}:visible`);
}

async function signIn(page: Page, key: string): Promise<Page> {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${cloud.url}/pages/login/index`);
  await shown(page, `.demo-user-${key}`).click();
  await shown(page, '.me-name').waitFor();
  return page;
}

const phone = async (key: string) => signIn(await (await phoneContext(browser)).newPage(), key);

const desktop = async (key: string) =>
  signIn(
    await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    ).newPage(),
    key,
  );

async function api<A extends ActionName>(action: A, data: ActionInput<A>, as: string): Promise<ActionOutput<A>> {
  const login = await fetch(`${cloud.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${cloud.url}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const answer = (await res.json()) as { ok: boolean; data: ActionOutput<A>; error?: unknown };
  if (!answer.ok) throw new Error(`${action}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

async function fill(page: Page, name: string, value: string): Promise<void> {
  const input = shown(page, `.form-field-${name}`).locator('input, textarea').first();
  await input.fill(value);
  await input.blur();
}

async function choose(page: Page, name: string, value: string): Promise<void> {
  await shown(page, `.form-field-${name}`).locator('select').selectOption(value);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

test('subscribe, submit, a campaign to 已提交 entrants, the inbox, /dev/messages and the report', async () => {
  // The entrant follows the contest: the stand-in of WeChat's prompt accepts 赛事通知 / 成绩公布 / 报名截止提醒.
  const entrant = await phone('entrant');
  await entrant.goto(`${cloud.url}/pages/contest/index?id=demo-sh`);
  await shown(entrant, '.contest-follow-button').click();
  await entrant.goto(`${cloud.url}/entrant/pages/notify-settings/index`);
  await expect(shown(entrant, '.notify-kind-announcement .notify-kind-credits').innerText()).resolves.toContain('1');
  await shown(entrant, '.notify-contest').first().waitFor();

  // …and submits a registration.
  await entrant.goto(`${cloud.url}/entrant/pages/register/index?contestId=demo-sh&group=enterprise`);
  await shown(entrant, '.register-form--enterprise').waitFor();
  await fill(entrant, 'companyName', '上海消息推送科技有限公司');
  await fill(entrant, 'creditCode', creditCodeFixture(20262));
  await fill(entrant, 'projectName', '推送测试项目');
  await choose(entrant, 'district', '浦东新区');
  await shown(entrant, '.form-field-foundedOn').locator('input[type=date]').fill('2019-03-01');
  await fill(entrant, 'employees', '40');
  await fill(entrant, 'revenue', '2300');
  await choose(entrant, 'field', '新一代信息技术');
  await fill(entrant, 'summary', '面向制造业的视觉质检平台，以深度学习识别表面缺陷，降低漏检率与人工成本。');
  await fill(entrant, 'highlights', '小样本缺陷检测算法。');
  await fill(entrant, 'team', '团队来自高校与行业龙头企业。');
  await fill(entrant, 'contactName', '张明');
  await fill(entrant, 'mobile', '13812341234');
  await fill(entrant, 'email', 'push@example.com');
  await shown(entrant, '.register-form')
    .locator('.upload-plan-input')
    .setInputFiles({ name: '商业计划书.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  await shown(entrant, '.upload-plan-name').waitFor();
  await shown(entrant, '.register-submit').click();
  await entrant.waitForURL(/\/entrant\/pages\/entry\/index/);

  // What the organizer should see before sending, asked of the cloud directly.
  const expected = await api(
    'admin.campaign.preview',
    { contestId: 'demo-sh', kind: 'announcement', audience: { role: 'entrants', statuses: ['submitted'] } },
    'organizer',
  );
  expect(expected.audience).toBeGreaterThanOrEqual(1);
  expect(expected.reachable).toBe(1);

  const organizer = await desktop('organizer');
  await organizer.goto(`${cloud.url}/admin/pages/home/index`);
  await shown(organizer, '.admin-link-campaigns').click();
  await shown(organizer, '.campaigns-contest').click();
  await shown(organizer, '.campaigns-contest .choice-option').filter({ hasText: '上海区域赛（演示）' }).first().click();
  await shown(organizer, '.campaigns-new').click();
  await shown(organizer, '.campaign-editor').waitFor();

  // A title over WeChat's 20 characters turns its counter red; the server refuses it with the field named.
  const title = shown(organizer, '.campaign-title-input').locator('input');
  await title.fill('关于2026年创客中国上海赛区决赛路演安排的通知');
  await shown(organizer, '.campaign-title-count[data-over="true"]').waitFor();
  await shown(organizer, '.campaign-at-date').fill('2026-12-20');
  await shown(organizer, '.campaign-at-time').fill('09:30');
  await shown(organizer, '.campaign-save').click();
  await expect(shown(organizer, '.field-error[data-for="fields.title"]').innerText()).resolves.toBe(
    '「通知标题」最多 20 个字',
  );
  await title.fill('决赛路演安排');
  await shown(organizer, '.campaign-title-count[data-over="false"]').waitFor();
  await shown(organizer, '.campaign-body-input').locator('textarea').fill('决赛在张江科学会堂举行，请携带身份证。');
  await expect(shown(organizer, '.message-card').first().innerText()).resolves.toContain('决赛路演安排');

  // The counts before sending: N in the audience, M reachable, N − M inbox only.
  await organizer.waitForFunction(
    (n) => document.querySelector('.campaign-count-audience')?.textContent === String(n),
    expected.audience,
  );
  expect(await shown(organizer, '.campaign-count-reachable').innerText()).toBe('1');
  expect(await shown(organizer, '.campaign-count-unreachable').innerText()).toBe(String(expected.audience - 1));

  await shown(organizer, '.campaign-send').click();
  const confirm = shown(organizer, '.taro-model__confirm');
  await confirm.waitFor();
  expect(await shown(organizer, '.taro-modal__text').innerText()).toContain(`发送对象 ${expected.audience} 人`);
  await confirm.click();

  // The page becomes the report; it refreshes itself until the last push is done.
  await shown(organizer, '.campaign-report[data-status="done"]').waitFor({ timeout: 60_000 });
  expect(await shown(organizer, '.campaign-report-sent .campaign-count-box__value').innerText()).toBe('1');
  expect(await shown(organizer, '.campaign-report-unsubscribed .campaign-count-box__value').innerText()).toBe(
    String(expected.audience - 1),
  );
  expect(await shown(organizer, '.campaign-report-failed .campaign-count-box__value').innerText()).toBe('0');

  // 自动提醒: 报名截止提醒 turned off for this contest stays off.
  await organizer.goto(`${cloud.url}/admin/pages/campaigns/index?contestId=demo-sh`);
  const deadline = shown(organizer, '.reminder-toggle-registrationDeadline');
  await expect(deadline.getAttribute('aria-checked')).resolves.toBe('true');
  await deadline.click();
  await shown(organizer, '.reminder-toggle-registrationDeadline[aria-checked="false"]').waitFor();
  await organizer.reload();
  await shown(organizer, '.reminder-toggle-registrationDeadline[aria-checked="false"]').waitFor();
  await expect(shown(organizer, '.reminder-toggle-reviewResult').getAttribute('aria-checked')).resolves.toBe('true');

  // The organizer's pages fit a phone too.
  const organizerPhone = await phone('organizer');
  await organizerPhone.goto(`${cloud.url}/admin/pages/campaigns/index?contestId=demo-sh`);
  await shown(organizerPhone, '.campaign-row[data-status="done"]').first().waitFor();
  await noHorizontalOverflow(organizerPhone);
  await shown(organizerPhone, '.campaign-row').first().click();
  await shown(organizerPhone, '.campaign-report').waitFor();
  await noHorizontalOverflow(organizerPhone);
  await organizerPhone.context().close();
  await organizer.context().close();

  // The entrant: the unread count on 我的, the message in 消息.
  await entrant.goto(`${cloud.url}/pages/me/index`);
  await shown(entrant, '.me-unread').waitFor();
  await shown(entrant, '.me-inbox-link').click();
  const item = shown(entrant, '.inbox-item').filter({ hasText: '决赛路演安排' });
  await item.waitFor();
  expect(await item.innerText()).toContain('决赛在张江科学会堂举行');
  await entrant.context().close();

  // WeChat (the stand-in) delivered it to the subscribed entrant only.
  const dev = (await (await fetch(`${cloud.url}/dev/messages`)).json()) as {
    messages: Array<{ to: string; delivered: boolean; fields: Record<string, { value: string }> }>;
  };
  const delivered = dev.messages.filter((m) => m.delivered && m.fields.thing1?.value === '决赛路演安排');
  expect(delivered.map((m) => m.to)).toEqual([demoOpenid('entrant')]);

  const viewer = await (await phoneContext(browser)).newPage();
  viewer.on('pageerror', (error) => pageErrors.push(error.message));
  await viewer.goto(`${cloud.url}/pages/dev-messages/index`);
  const card = shown(viewer, '.dev-message[data-kind="announcement"]').filter({ hasText: '决赛路演安排' });
  await card.waitFor();
  expect(await card.count()).toBe(1);
  expect(await card.innerText()).toContain('张明');
  await viewer.context().close();
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
