/**
 * Judging end to end in Debian Chromium at 390×844, against the built local cloud. Six approved entries in two
 * fields are set up through the actions (one of them 张明's); then, in the browser: the organizer sets up a
 * 预赛 round and makes an invite code; a new WeChat user binds as a judge with it; the organizer assigns; the
 * judge scores two entries, goes offline (browser offline mode), scores a third and sees 待同步, comes back
 * online and it syncs; the organizer sees the progress, previews a proportional cut-off with a tie, resolves
 * it and advances; 张明 sees 晋级复赛 and the public list shows the project.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shanghaiDay } from '../../core/time/shanghai';
import { launchChromium, phoneContext } from '../support/chromium';
import { points } from '../support/judging-fixtures';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';
import { enterpriseFormFixture, pdfBytes } from '../support/registration-fixtures';

jest.setTimeout(240_000);

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  cloud = await startBuiltLocalCloud({ CRON_INTERVAL_MS: '0' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

const tokens = new Map<string, string>();
async function tokenOf(key: string): Promise<string> {
  const known = tokens.get(key);
  if (known) return known;
  const res = await fetch(`${cloud.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: key }),
  });
  const { token } = (await res.json()) as { token: string };
  tokens.set(key, token);
  return token;
}

async function api<T>(as: string, action: string, data: unknown): Promise<T> {
  const res = await fetch(`${cloud.url}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(as)}` },
    body: JSON.stringify({ action, data }),
  });
  const answer = (await res.json()) as Answer;
  if (!answer.ok) throw new Error(`${action} as ${as}: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

function shown(page: Page, selector: string) {
  return page.locator(`${selector}:visible`);
}

/** A phone whose storage already holds the dev sign-in token of `key` (a demo user or `guest-…`). */
async function phoneAs(key: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const token = await tokenOf(key);
  await context.addInitScript((t) => {
    if (!localStorage.getItem('chuangke.devToken'))
      localStorage.setItem('chuangke.devToken', JSON.stringify({ data: t }));
  }, token);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page };
}

async function fillIn(page: Page, selector: string, value: string): Promise<void> {
  const input = shown(page, selector).locator('input, textarea').first();
  await input.fill(value);
  await input.blur();
}

// Entries 1–3 are 新一代信息技术, 4–6 生物医药. Every judge gives an entry the same total, so its mean is
// that total whoever scored it: 1 and 2 tie at the top of their field, which one slot per field must split.
const totals: Record<number, number> = { 1: 88, 2: 88, 3: 70, 4: 90, 5: 60, 6: 55 };
const project = (n: number) => `端到端评审项目${n}`;
const numberOf = (name: string) => Number(/端到端评审项目(\d)/.exec(name)?.[1] ?? NaN);

let contestId = '';
let roundId = '';
const entryIds = new Map<number, string>();

test('setup through the actions: a contest with six approved entries, two judges bound', async () => {
  const now = new Date(((await (await fetch(`${cloud.url}/dev/clock`)).json()) as { now: string }).now);
  const day = (offset: number) => shanghaiDay(now.getTime() + offset * 86400_000);
  const { id: editionId } = await api<{ id: string }>('organizer', 'admin.edition.upsert', {
    name: '端到端评审届次',
    year: 2026,
  });
  ({ id: contestId } = await api<{ id: string }>('organizer', 'admin.contest.upsert', {
    editionId,
    kind: 'regional',
    name: '端到端评审赛',
    hostRegion: '上海市',
    hosts: ['上海市经济和信息化委员会'],
    organizers: [],
    groups: ['enterprise'],
    fields: ['新一代信息技术', '生物医药'],
    districts: ['浦东新区'],
    registration: {
      opensAt: new Date(now.getTime() - 86400_000).toISOString(),
      closesAt: new Date(now.getTime() + 86400_000).toISOString(),
    },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: day(-1), endsOn: day(10) },
      { key: 'semifinal', format: '线下现场演示和答辩', startsOn: day(20), endsOn: day(25) },
    ],
    rules: '',
    awards: {},
  }));
  roundId = `${contestId}:preliminary`;
  for (let n = 1; n <= 6; n++) {
    const who = n === 1 ? 'entrant' : `guest-e2eentrant${n}`;
    const target = await api<{ target: { url: string } }>(who, 'files.upload.prepare', {
      contestId,
      purpose: 'businessPlan',
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    });
    const put = await fetch(target.target.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: pdfBytes,
    });
    const { data } = (await put.json()) as { data: { fileId: string } };
    const form = {
      ...enterpriseFormFixture(31_000 + n, { fileId: data.fileId, name: 'plan.pdf', size: pdfBytes.length }),
      projectName: project(n),
      field: n <= 3 ? '新一代信息技术' : '生物医药',
    };
    const { entryId } = await api<{ entryId: string }>(who, 'registration.submit', { contestId, form });
    await api('organizer', 'admin.entry.decide', { entryId, decision: 'approve' });
    entryIds.set(n, entryId);
  }
  const { invites } = await api<{ invites: Array<{ code: string }> }>('organizer', 'admin.judge.invite', {
    contestId,
    count: 2,
  });
  for (const [i, invite] of invites.entries()) {
    await api(`guest-e2ejudge${i + 2}`, 'judge.bind', {
      code: invite.code,
      name: `接口评委${i + 2}`,
      organization: '某研究院',
      title: '研究员',
      expertise: ['新一代信息技术', '生物医药'],
    });
  }
});

let inviteCode = '';

test('the organizer sets up the 预赛 round and makes an invite code', async () => {
  const { context, page } = await phoneAs('organizer');
  await page.goto(`${cloud.url}/admin/pages/round-edit/index?contestId=${contestId}&stage=preliminary`);
  await shown(page, '.round-edit-form').waitFor();
  await expect(shown(page, '.rubric-total').innerText()).resolves.toContain('100');
  await fillIn(page, '.round-judges-per-entry', '2');
  await shown(page, '.round-save').click();
  await shown(page, '.round-saved').waitFor();

  await page.goto(`${cloud.url}/admin/pages/judges/index?contestId=${contestId}`);
  await fillIn(page, '.judges-invite-count', '1');
  await shown(page, '.judges-invite').click();
  const code = shown(page, '.judges-new-code').first();
  await code.waitFor();
  inviteCode = (await code.getAttribute('data-code')) ?? '';
  expect(inviteCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
  await context.close();
});

test('a new WeChat user binds as a judge with the code (typed in lower case)', async () => {
  const { context, page } = await phoneAs('guest-e2ejudge1');
  await page.goto(`${cloud.url}/pages/me/index`);
  await shown(page, '.me-judge-bind').click();
  await page.waitForURL(/\/judge\/pages\/bind\/index/);
  await fillIn(page, '.bind-code', inviteCode.toLowerCase());
  await shown(page, '.bind-check').click();
  await expect(shown(page, '.bind-contest').innerText()).resolves.toBe('端到端评审赛');
  await fillIn(page, '.form-field-name', '周评委');
  await fillIn(page, '.form-field-organization', '上海某大学');
  await fillIn(page, '.form-field-title', '教授');
  await shown(page, '.expertise-chip[data-value="新一代信息技术"]').click();
  await shown(page, '.expertise-chip[data-value="生物医药"]').click();
  await shown(page, '.bind-submit').click();
  await page.waitForURL(/\/judge\/pages\/home\/index/);
  await context.close();
});

test('the organizer assigns: every entry gets two judges', async () => {
  const { context, page } = await phoneAs('organizer');
  await page.goto(`${cloud.url}/admin/pages/round/index?roundId=${encodeURIComponent(roundId)}`);
  await shown(page, '.round-assign').click();
  await shown(page, '.round-assign-result').waitFor();
  await expect(shown(page, '.round-assign-added').innerText()).resolves.toContain('12');
  await context.close();
});

test('the judge scores two entries, a third offline (待同步), and it syncs when the network is back', async () => {
  const { context, page } = await phoneAs('guest-e2ejudge1');
  await page.goto(`${cloud.url}/judge/pages/home/index`);
  await shown(page, `.judge-round[data-round-id="${roundId}"]`).click();
  await page.waitForURL(/\/judge\/pages\/round\/index/);
  const rows = shown(page, '.round-entry');
  await rows.first().waitFor();
  const names = await shown(page, '.round-entry-name').allInnerTexts();
  expect(names).toHaveLength(4);

  const scoreOne = async (name: string) => {
    const sheet = points(totals[numberOf(name)] ?? 0);
    for (const [key, value] of Object.entries(sheet))
      await fillIn(page, `.score-criterion-c${criterionIndex(key)}`, String(value));
    await expect(shown(page, '.score-total').innerText()).resolves.toContain(`合计 ${totals[numberOf(name)]}`);
    await shown(page, '.score-submit').click();
  };
  const open = async (name: string) => {
    await shown(page, '.round-entry').filter({ hasText: name }).click();
    await page.waitForURL(/\/judge\/pages\/score\/index/);
    await shown(page, '.score-sheet').waitFor();
    await expect(shown(page, '.score-blind').count()).resolves.toBe(1);
  };

  for (const name of names.slice(0, 2)) {
    await open(name);
    await scoreOne(name);
    await shown(page, '.score-state--submitted').waitFor();
    await shown(page, '.score-back').click();
    await page.waitForURL(/\/judge\/pages\/round\/index/);
  }
  await expect(shown(page, '.round-progress').innerText()).resolves.toContain('2/4');

  // The third: the page is open, then the venue Wi-Fi drops.
  const third = names[2] ?? '';
  await open(third);
  await context.setOffline(true);
  await scoreOne(third);
  await shown(page, '.score-state--pending').waitFor();
  await expect(shown(page, '.score-state--pending').innerText()).resolves.toContain('待同步');
  // Still offline: the list says so too.
  await shown(page, '.score-back').click();
  await shown(page, '.round-entry-chip--sync').waitFor();

  await context.setOffline(false);
  await shown(page, '.round-entry-chip--sync').waitFor({ state: 'detached', timeout: 30_000 });
  await expect(shown(page, '.round-progress').innerText()).resolves.toContain('3/4');
  await context.close();

  // What the server holds: one score for that entry from this judge, the total entered offline.
  const mine = await api<{
    rounds: Array<{ items: Array<{ projectName: string; state: string; total: string | null }> }>;
  }>('guest-e2ejudge1', 'judge.assignment.list', { roundId });
  const synced = mine.rounds[0]?.items.find((i) => i.projectName === third);
  expect(synced).toMatchObject({ state: 'scored', total: `${totals[numberOf(third)]}.00` });
});

function criterionIndex(key: string): number {
  return ['innovation', 'business', 'market', 'team', 'social'].indexOf(key) + 1;
}

test('the other scores come in (the judge’s last one and the two other judges’)', async () => {
  for (const who of ['guest-e2ejudge1', 'guest-e2ejudge2', 'guest-e2ejudge3']) {
    const mine = await api<{
      rounds: Array<{ items: Array<{ entryId: string; projectName: string; state: string }> }>;
    }>(who, 'judge.assignment.list', { roundId });
    for (const item of mine.rounds[0]?.items ?? []) {
      if (item.state === 'scored') continue;
      const sheet = points(totals[numberOf(item.projectName)] ?? 0);
      const keyed = Object.fromEntries(Object.entries(sheet).map(([k, v]) => [`c${criterionIndex(k)}`, v]));
      await api(who, 'judge.score', { roundId, entryId: item.entryId, points: keyed, comment: '' });
    }
  }
});

test('the organizer sees progress, previews a proportional cut-off with a tie, resolves it and advances', async () => {
  const { context, page } = await phoneAs('organizer');
  await page.goto(`${cloud.url}/admin/pages/round/index?roundId=${encodeURIComponent(roundId)}`);
  const judgeRows = shown(page, '.round-judge');
  await judgeRows.first().waitFor();
  expect(await judgeRows.count()).toBe(3);
  for (const text of await shown(page, '.round-judge-done').allInnerTexts()) expect(text).toContain('4/4');
  await expect(shown(page, '.round-entries-complete').innerText()).resolves.toContain('6');

  await page.goto(`${cloud.url}/admin/pages/ranking/index?roundId=${encodeURIComponent(roundId)}`);
  await shown(page, '.ranking-row').first().waitFor();
  expect(await shown(page, '.ranking-row[data-tied="true"]').count()).toBe(2);
  await shown(page, '.cutoff-rule-proportional').click();
  await fillIn(page, '.cutoff-n', '2');
  await shown(page, '.cutoff-preview-run').click();
  const tie = shown(page, '.cutoff-tie');
  await tie.waitFor();
  await expect(tie.getAttribute('data-scope')).resolves.toBe('新一代信息技术');
  await expect(tie.getAttribute('data-open')).resolves.toBe('1');
  // Taro's H5 button carries `disabled` as an attribute ("false" when enabled).
  const disabled = async () => {
    const value = await shown(page, '.cutoff-confirm').getAttribute('disabled');
    return value !== null && value !== 'false';
  };
  await expect(disabled()).resolves.toBe(true);
  await shown(page, `.cutoff-tie-pick-${entryIds.get(1)}`).click();
  await expect(tie.getAttribute('data-resolved')).resolves.toBe('true');
  await expect(disabled()).resolves.toBe(false);
  // Every score is in, but the scoring window is still open: the page says so and asks twice.
  await expect(shown(page, '.cutoff-unfinished').innerText()).resolves.toContain('评分窗口仍开放');
  await shown(page, '.cutoff-confirm').click();
  await page.getByText('评分尚未完成').waitFor();
  await shown(page, '.taro-model__confirm').click();
  await page.getByText('确认后本轮评分结束').waitFor();
  await shown(page, '.taro-model__confirm').click();
  await shown(page, '.cutoff-done').waitFor();
  await context.close();
});

test('张明 sees 晋级复赛, and the public list shows his project', async () => {
  const { context, page } = await phoneAs('entrant');
  await page.goto(`${cloud.url}/entrant/pages/entry/index?contestId=${contestId}`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.entry-status')].some((el) => el.textContent === '晋级复赛'),
  );
  await context.close();

  const { context: visitor, page: reader } = await phoneAs('guest-e2ereader');
  await reader.goto(`${cloud.url}/pages/results/index`);
  await reader.getByText('端到端评审赛 预赛晋级名单').first().waitFor();
  await reader.getByText(project(1)).first().waitFor();
  expect(await reader.getByText(project(2)).count()).toBe(0);
  await visitor.close();
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
