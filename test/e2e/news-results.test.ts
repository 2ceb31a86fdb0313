/**
 * News and results end to end in Debian Chromium at 390×844, against the built local cloud: the organizer
 * writes an article with a <script> and an <img onerror>, schedules it a few minutes ahead and publishes
 * another now; a follower sees only the second, then both once the local clock has moved (no sleeping);
 * the follower opens an article's shared link directly; the organizer publishes a 决赛入围名单 with a 公示
 * period; a follower finds a project by name and files an objection; the organizer answers; the
 * follower reads the answer.
 */
import type { Browser, Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../core/actions';
import type { ErrorBody } from '../../core/errors';
import { inShanghai } from '../../core/time/shanghai';
import { launchChromium, phoneContext } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';
import { enterpriseFormFixture, pdfBytes } from '../support/registration-fixtures';

jest.setTimeout(150_000);

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

async function phoneSignedInAs(key: string | null): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (key !== null) {
    await page.goto(`${cloud.url}/pages/login/index`);
    await shown(page, `.demo-user-${key}`).click();
    await shown(page, '.me-name').waitFor();
  }
  return page;
}

/** An answer as the tests read it: `data` is the action's output when `ok`, `error` the wire's error otherwise. */
interface Answer<T> {
  ok: boolean;
  data: T;
  error: ErrorBody | undefined;
}

async function api<A extends ActionName>(
  action: A,
  data: ActionInput<A>,
  as?: string,
): Promise<Answer<ActionOutput<A>>> {
  let token: string | undefined;
  if (as) {
    const login = await fetch(`${cloud.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as }),
    });
    token = ((await login.json()) as { token: string }).token;
  }
  const res = await fetch(`${cloud.url}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return res.json() as Promise<Answer<ActionOutput<A>>>;
}

/** The local cloud hands out HTTP upload links (WeChat's are cloud paths). */
function httpUrl(target: ActionOutput<'files.upload.prepare'>['target']): string {
  if (target.kind !== 'http') throw new Error(`expected an http upload target, got ${target.kind}`);
  return target.url;
}

async function serverNow(): Promise<Date> {
  return new Date(((await (await fetch(`${cloud.url}/dev/clock`)).json()) as { now: string }).now);
}

async function writeArticle(page: Page, title: string, body: string, at: Date | null): Promise<void> {
  await page.goto(`${cloud.url}/admin/pages/article/index`);
  await shown(page, '.article-form').waitFor();
  await shown(page, '.article-title-input').locator('input').fill(title);
  await shown(page, '.article-category-notice').click();
  await shown(page, '.article-body-input').fill(body);
  if (at !== null) {
    const local = inShanghai(at);
    await shown(page, '.article-publish-date').fill(local.format('YYYY-MM-DD'));
    await shown(page, '.article-publish-time').fill(local.format('HH:mm'));
    await expect(shown(page, '.article-publish-when').innerText()).resolves.toContain('定时发布');
  }
  await shown(page, '.article-publish').click();
  await shown(page, '.article-saved').waitFor();
}

test('scheduled and immediate articles; sanitized for readers; a shared link opens directly', async () => {
  const organizer = await phoneSignedInAs('organizer');
  const inFewMinutes = new Date((await serverNow()).getTime() + 3 * 60_000);
  await writeArticle(
    organizer,
    '定时发布的通知',
    '<p>定时正文</p><script>window.__hacked = 1</script><img src="https://example.invalid/x.png" onerror="window.__hacked = 2"><ul><li>预赛</li><li>决赛</li></ul>',
    inFewMinutes,
  );
  await writeArticle(organizer, '立即发布的通知', '<p>立即发布的正文</p>', null);
  await organizer.context().close();

  const follower = await phoneSignedInAs(null);
  await follower.goto(`${cloud.url}/pages/news/index`);
  await shown(follower, '.news-item').first().waitFor();
  expect(await shown(follower, '.news-item').allInnerTexts()).toEqual([expect.stringContaining('立即发布的通知')]);

  // Move the local cloud's clock past the scheduled time instead of waiting.
  await fetch(`${cloud.url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: 5 * 60_000 }),
  });
  await follower.reload();
  await follower.waitForFunction(() => document.querySelectorAll('.news-item').length >= 2);
  const titles = await shown(follower, '.news-item').allInnerTexts();
  expect(titles.join('\n')).toContain('定时发布的通知');

  const list = await api('news.list', {});
  const scheduled = (list.data.items as Array<{ id: string; title: string }>).find((a) => a.title === '定时发布的通知');
  // A shared link, opened cold in a fresh browser.
  const shared = await phoneSignedInAs(null);
  await shared.goto(`${cloud.url}/pages/article/index?id=${scheduled?.id}`);
  await shown(shared, '.article-title').waitFor();
  expect(await shown(shared, '.article-title').innerText()).toBe('定时发布的通知');
  expect(await shown(shared, '.article-body').innerText()).toContain('定时正文');
  const bodyHtml = await shown(shared, '.article-body').innerHTML();
  expect(bodyHtml).not.toMatch(/<script|onerror|__hacked/);
  expect(await shared.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  // The list's bullets are drawn inside the body, not cut off at its left edge.
  const bullet = await shown(shared, '.article-body li')
    .first()
    .evaluate((li) => {
      const list = li.parentElement as HTMLElement;
      const body = list.closest('.article-body') as HTMLElement;
      return {
        marker: getComputedStyle(li).listStyleType,
        room:
          list.getBoundingClientRect().left +
          parseFloat(getComputedStyle(list).paddingLeft) -
          body.getBoundingClientRect().left,
      };
    });
  expect(bullet.marker).toBe('disc');
  expect(bullet.room).toBeGreaterThanOrEqual(20);
  await shared.context().close();
  await follower.context().close();
});

test('a 决赛入围名单 with 公示: found by name, objection filed, answered, answer read', async () => {
  // An entry to list, created as an entrant would through the API.
  const target = await api(
    'files.upload.prepare',
    {
      purpose: 'businessPlan',
      contestId: 'demo-sh',
      fileName: 'p.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    },
    'guest-finalist1',
  );
  const put = await fetch(httpUrl(target.data.target), {
    method: 'PUT',
    headers: { 'content-type': 'application/pdf' },
    body: pdfBytes,
  });
  const plan = {
    fileId: ((await put.json()) as { data: { fileId: string } }).data.fileId,
    name: 'p.pdf',
    size: pdfBytes.length,
  };
  const submitted = await api(
    'registration.submit',
    { contestId: 'demo-sh', form: enterpriseFormFixture(7788, plan) },
    'guest-finalist1',
  );
  expect(submitted.ok).toBe(true);

  const organizer = await phoneSignedInAs('organizer');
  await organizer.goto(`${cloud.url}/admin/pages/results/index`);
  await shown(organizer, '.results-new').click();
  await shown(organizer, '.results-contest .choice-select__trigger').click();
  await shown(organizer, '.choice-option[data-value="demo-sh"]').click();
  await shown(organizer, '.results-kind-finalist').click();
  await shown(organizer, `.results-pick-${submitted.data.entryId}`).click();
  await shown(organizer, '.results-publicity-days').locator('input').fill('5');
  await shown(organizer, '.results-publish').click();
  await shown(organizer, '.taro-model__confirm').click();
  await shown(organizer, '.results-published').waitFor();

  const follower = await phoneSignedInAs('entrant2');
  await follower.goto(`${cloud.url}/pages/results/index`);
  await shown(follower, '.results-search').locator('input').fill('质检平台7788');
  const hit = shown(follower, '.results-search-item').first();
  await hit.waitFor();
  expect(await hit.innerText()).toContain('工业视觉质检平台7788');
  await hit.locator('.objection-open').click();
  await shown(follower, '.objection-reason').locator('textarea').fill('该项目与我方已公开的专利方案高度相似，请核查。');
  await shown(follower, '.objection-contact').locator('input').fill('13700001111');
  await shown(follower, '.objection-submit').click();
  await shown(follower, '.objection-success').waitFor();

  await organizer.goto(`${cloud.url}/admin/pages/objections/index`);
  const row = shown(organizer, '.objection-row').first();
  await row.waitFor();
  await row.locator('.objection-answer-input textarea').fill('经核查，双方技术路线不同，维持入围结果。');
  await row.locator('.objection-answer-submit').click();
  await shown(organizer, '.objection-answered').first().waitFor();
  await organizer.context().close();

  await follower.goto(`${cloud.url}/pages/me/index`);
  await shown(follower, '.my-objection-answer').waitFor();
  expect(await shown(follower, '.my-objection-answer').innerText()).toContain('维持入围结果');
  await follower.context().close();
});

test('an organizer who puts a business plan into an article body is refused; readers never get the file', async () => {
  const target = await api(
    'files.upload.prepare',
    {
      purpose: 'businessPlan',
      contestId: 'demo-sh',
      fileName: 'p.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    },
    'guest-leak1',
  );
  const put = await fetch(httpUrl(target.data.target), {
    method: 'PUT',
    headers: { 'content-type': 'application/pdf' },
    body: pdfBytes,
  });
  const plan = {
    fileId: ((await put.json()) as { data: { fileId: string } }).data.fileId,
    name: 'p.pdf',
    size: pdfBytes.length,
  };
  const submitted = await api(
    'registration.submit',
    { contestId: 'demo-sh', form: enterpriseFormFixture(7799, plan) },
    'guest-leak1',
  );
  expect(submitted.ok).toBe(true);
  // The organizer may read the plan, so it learns its storage id from its own link: the attack's first step.
  const own = await api('files.link.get', { attachment: 'businessPlan', entryId: submitted.data.entryId }, 'organizer');
  const fileId = `local://${new URL(own.data.url).pathname.replace(/^\/files\//, '')}`;
  expect(fileId).toMatch(/^local:\/\/entries\//);

  const organizer = await phoneSignedInAs('organizer');
  await organizer.goto(`${cloud.url}/admin/pages/article/index`);
  await shown(organizer, '.article-form').waitFor();
  await shown(organizer, '.article-title-input').locator('input').fill('商业计划书外泄测试');
  await shown(organizer, '.article-category-notice').click();
  await shown(organizer, '.article-body-input').fill(`<p>附件见下图</p><img src="${fileId}">`);
  await shown(organizer, '.article-publish').click();
  const refusal = shown(organizer, '.field-error[data-for="bodyHtml"]');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('不能引用报名材料、异议附件或导出文件');
  expect(await shown(organizer, '.article-saved').count()).toBe(0);
  await organizer.context().close();

  // Nothing was published, and a reader (or anyone else) gets neither a link nor the bytes.
  const reader = await phoneSignedInAs('entrant2');
  await reader.goto(`${cloud.url}/pages/news/index`);
  await shown(reader, '.news-item').first().waitFor();
  expect((await shown(reader, '.news-item').allInnerTexts()).join('\n')).not.toContain('商业计划书外泄测试');
  expect((await api('news.list', { q: '外泄测试' })).data.total).toBe(0);
  expect(
    await api('files.link.get', { attachment: 'businessPlan', entryId: submitted.data.entryId }, 'entrant2'),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const unsigned = await reader.request.get(`${cloud.url}/files/${fileId.replace('local://', '')}`);
  expect(unsigned.status()).toBe(403);
  await reader.context().close();
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
