/**
 * Registration end to end in Debian Chromium at 390×844, against the built local cloud: an entrant
 * fills the enterprise form (a wrong credit code first), leaves and comes back to the draft, uploads a
 * PDF and submits; a second account is refused the same company in another contest of the edition;
 * the organizer approves and the entrant sees it; the organizer exports and the file is a spreadsheet
 * with masked mobiles.
 */
import type { Browser, Download, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { readFileSync } from 'node:fs';
import { launchChromium, phoneContext } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';
import { creditCodeFixture, pdfBytes } from '../support/registration-fixtures';

jest.setTimeout(120_000);

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];
const code = creditCodeFixture(20261);

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

async function phoneSignedInAs(key: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${cloud.url}/pages/login/index`);
  await shown(page, `.demo-user-${key}`).click();
  await shown(page, '.me-name').waitFor();
  return page;
}

/** Types into a form field the way a user does, then leaves it (blur validates). */
async function fill(page: Page, name: string, value: string): Promise<void> {
  const input = shown(page, `.form-field-${name}`).locator('input, textarea').first();
  await input.fill(value);
  await input.blur();
}

async function choose(page: Page, name: string, value: string): Promise<void> {
  await shown(page, `.form-field-${name}`).locator('select').selectOption(value);
}

async function openRegister(page: Page, contestId: string): Promise<void> {
  await page.goto(`${cloud.url}/entrant/pages/register/index?contestId=${contestId}&group=enterprise`);
  await shown(page, '.register-form--enterprise').waitFor();
}

test('entrant: wrong code refused beside the field, draft restored, PDF uploaded, submitted', async () => {
  const page = await phoneSignedInAs('entrant');
  await page.goto(`${cloud.url}/pages/contest/index?id=demo-sh`);
  await shown(page, '.contest-register').click();
  const chooseEnterprise = shown(page, '.register-choice-enterprise');
  if (await chooseEnterprise.count()) await chooseEnterprise.click();
  await shown(page, '.register-form--enterprise').waitFor();

  await fill(page, 'companyName', '上海端到端科技有限公司');
  const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
  await fill(page, 'creditCode', wrong);
  await expect(shown(page, '.form-field-creditCode .field-error').innerText()).resolves.toContain('校验位');
  await fill(page, 'creditCode', code);
  expect(await shown(page, '.form-field-creditCode .field-error').count()).toBe(0);
  await fill(page, 'projectName', '端到端质检平台');
  await page.locator('.save-state--saved:visible').waitFor();

  // Leave, come back: the draft comes back from the cloud.
  await page.goto(`${cloud.url}/pages/home/index`);
  await openRegister(page, 'demo-sh');
  await expect(shown(page, '.form-field-creditCode').locator('input').inputValue()).resolves.toBe(code);
  await expect(shown(page, '.form-field-projectName').locator('input').inputValue()).resolves.toBe('端到端质检平台');

  await choose(page, 'district', '浦东新区');
  await shown(page, '.form-field-foundedOn').locator('input[type=date]').fill('2019-03-01');
  await fill(page, 'employees', '40');
  await fill(page, 'revenue', '2300');
  await choose(page, 'field', '新一代信息技术');
  await fill(page, 'summary', '面向制造业的视觉质检平台，以深度学习识别表面缺陷，降低漏检率与人工成本。');
  await fill(page, 'highlights', '小样本缺陷检测算法。');
  await fill(page, 'team', '团队来自高校与行业龙头企业。');
  await fill(page, 'contactName', '张明');
  await fill(page, 'mobile', '13812341234');
  await fill(page, 'email', 'e2e@example.com');
  await shown(page, '.register-form')
    .locator('.upload-plan-input')
    .setInputFiles({ name: '商业计划书.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  await shown(page, '.upload-plan-name').waitFor();

  await shown(page, '.register-submit').click();
  await page.waitForURL(/\/entrant\/pages\/entry\/index/);
  await expect(shown(page, '.entry-status').innerText()).resolves.toBe('已提交');
  await page.context().close();
});

test('a second account is refused the same company in another contest of the edition', async () => {
  const page = await phoneSignedInAs('entrant2');
  await openRegister(page, 'demo-digital');
  await fill(page, 'companyName', '上海端到端科技有限公司');
  await fill(page, 'creditCode', code);
  await shown(page, '.form-field-foundedOn').locator('input[type=date]').fill('2019-03-01');
  await fill(page, 'employees', '40');
  await fill(page, 'revenue', '2300');
  // A thematic contest has no district list: the place is typed.
  await fill(page, 'district', '杭州市西湖区');
  await choose(page, 'field', '数字创意');
  await fill(page, 'projectName', '另一个项目');
  await fill(page, 'summary', '一段完全不同的项目简介，用于测试同一企业重复报名。');
  await fill(page, 'highlights', '无');
  await fill(page, 'team', '两人团队');
  await fill(page, 'contactName', '李娜');
  await fill(page, 'mobile', '13912345678');
  await fill(page, 'email', 'dup@example.com');
  await shown(page, '.register-form')
    .locator('.upload-plan-input')
    .setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  await shown(page, '.upload-plan-name').waitFor();
  await shown(page, '.register-submit').click();
  const banner = shown(page, '.register-banner--DUPLICATE_ENTRY');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('上海区域赛（演示）');
  await page.context().close();
});

test('the organizer approves and exports; the entrant sees 资格审核通过; the sheet masks mobiles', async () => {
  const admin = await phoneSignedInAs('organizer');
  await admin.goto(`${cloud.url}/admin/pages/entries/index?contestId=demo-sh`);
  const row = shown(admin, '.entries-row').filter({ hasText: '端到端质检平台' });
  await row.first().waitFor();
  expect(await row.first().innerText()).toContain('138****1234');
  await row.first().click();
  await shown(admin, '.decision-approve').click();
  await admin.waitForFunction(() =>
    [...document.querySelectorAll('.entry-status')].some((el) => el.textContent === '资格审核通过'),
  );

  await admin.goto(`${cloud.url}/admin/pages/entries/index?contestId=demo-sh`);
  await shown(admin, '.entries-row').first().waitFor();
  const [download] = await Promise.all([
    admin.waitForEvent('download') as Promise<Download>,
    shown(admin, '.entries-export').click(),
  ]);
  const path = await download.path();
  const [sheet] = await readXlsxFile(readFileSync(path));
  const cells = JSON.stringify(sheet?.data ?? []);
  expect(cells).toContain('端到端质检平台');
  expect(cells).toContain('138****1234');
  expect(cells).not.toContain('13812341234');
  await admin.context().close();

  const entrant = await phoneSignedInAs('entrant');
  await entrant.goto(`${cloud.url}/entrant/pages/entry/index?contestId=demo-sh`);
  await entrant.waitForFunction(() =>
    [...document.querySelectorAll('.entry-status')].some((el) => el.textContent === '资格审核通过'),
  );
  await entrant.context().close();
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
