/**
 * The live final end to end in Debian Chromium against the built local cloud, on the seeded demo
 * (`demo-final:final:enterprise`: four 企业组 finalists, judges judge1…judge5 on the panel, the highest and lowest
 * dropped, the order not drawn). The organizer, at 1280×800, draws the order on the console with a seed, marks the
 * fourth contestant absent with a reason, and runs the other three: 开始路演 → 开始答辩 → 开始评分 → (亮分) → 完成.
 * Five judges, each in a phone context of its own (390×844), score every contestant as the sheet opens by itself;
 * for the second one a judge goes offline, submits (待同步) and syncs when the network is back, which reveals.
 * The big screen (1920×1080) shows the timer on stage, never a total before its reveal, the reveal with 最高 / 最低
 * struck and the final of `trimmedMean`, and the leaderboard once the host releases it. The notary reads the chain
 * and the checkpoints and confirms; the console shows the group frozen. The signed log exported then passes
 * `npm run verify-log`, and fails, naming the event, once one stored score is changed in the database.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { trimmedMean } from '../../core/judging/aggregate-scores';
import { formatPoints } from '../../core/judging/points';
import type { LogExport } from '../../core/live/chain';
import { drawOrder } from '../../core/live/draw';
import type { LiveConsoleView } from '../../core/live/views';
import { openEmbeddedDb } from '../../cloudfunctions/adapters/local/embedded-db';
import { demoOpenid } from '../../cloudfunctions/local/seed-data';
import { C, assignmentIdFor, type AssignmentDoc } from '../../cloudfunctions/usecases/collections';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { launchChromium, phoneContext } from '../support/chromium';
import { startBuiltLocalCloud, type RunningCloud } from '../support/local-cloud-process';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const LIVE_ID = 'demo-final:final:enterprise';
const ROUND_ID = 'demo-final:final';
const SEED = 'e2e-final-2026';
const SHOTS = '/tmp/shots-e2e';
const JUDGES = ['judge1', 'judge2', 'judge3', 'judge4', 'judge5'] as const;
type JudgeKey = (typeof JUDGES)[number];

/** The seeded finalists (cloudfunctions/local/seed-live.ts). */
const projects: Record<string, string> = {
  'e-demo-final-1': '深蓝水下巡检机器人',
  'e-demo-final-2': '禾丰智慧温室控制系统',
  'e-demo-final-3': '极光车规级功率芯片',
  'e-demo-final-4': '言语多方言语音识别引擎',
};

/**
 * Each judge's total per contestant in order of appearance (judge1…judge5, the panel's order 评委 1…5): all
 * different, so the highest and the lowest are two distinct judges; every total is in half points.
 */
const totals: number[][] = [
  [88, 84.5, 79, 91.5, 70],
  [76, 82.5, 90, 68.5, 85],
  [93, 86, 88.5, 81, 95.5],
];
/** The judge whose score arrives last (and reveals): for the second contestant, the one that went offline. */
const lastJudge: JudgeKey[] = ['judge5', 'judge3', 'judge1'];
const OFFLINE_AT = 1;

const UNITS_PER_POINT = 200;
const text = (points: number) => formatPoints(points * UNITS_PER_POINT);
const expectedFinal = (scores: number[]) => {
  const final = trimmedMean(scores.map((p) => p * UNITS_PER_POINT));
  if (final === null) throw new Error('no scores');
  return formatPoints(final);
};

/** c1…c4 (max 30 / 30 / 20 / 20) adding up to `total`, in half points. */
function sheetOf(total: number): Record<'c1' | 'c2' | 'c3' | 'c4', number> {
  const half = (x: number) => Math.floor(x * 2) / 2;
  const c1 = half(total * 0.3);
  const c2 = half(total * 0.3);
  const c3 = half(total * 0.2);
  const c4 = total - c1 - c2 - c3;
  if (c1 > 30 || c2 > 30 || c3 > 20 || c4 > 20 || c4 < 0) throw new Error(`cannot split ${total}`);
  return { c1, c2, c3, c4 };
}

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'ck-live-final-'));

beforeAll(async () => {
  cloud = await startBuiltLocalCloud({ CRON_INTERVAL_MS: '0' });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
  rmSync(work, { recursive: true, force: true });
});

const tokens = new Map<string, string>();
async function api<T>(as: string, action: string, data: unknown): Promise<T> {
  let token = tokens.get(as);
  if (token === undefined) {
    const login = await fetch(`${cloud.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as }),
    });
    token = ((await login.json()) as { token: string }).token;
    tokens.set(as, token);
  }
  const res = await fetch(`${cloud.url}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const answer = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${action} as ${as}: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

function shown(page: Page, selector: string) {
  return page.locator(`${selector}:visible`);
}

function watch(page: Page): Page {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function signIn(context: BrowserContext, key: string): Promise<Page> {
  const page = watch(await context.newPage());
  await page.goto(`${cloud.url}/pages/login/index`);
  await shown(page, `.demo-user-${key}`).click();
  await shown(page, '.me-name').waitFor();
  return page;
}

const desktop = (width: number, height: number) =>
  browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

/** Waits until an element of `selector` reads exactly `value`. */
async function showsText(page: Page, selector: string, value: string): Promise<void> {
  const exact = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await shown(page, selector).filter({ hasText: exact }).first().waitFor();
}

/** The big screen's whole text, as the hall reads it. */
const screenText = (page: Page) => page.locator('.screen').innerText();

const liveQuery = `liveId=${encodeURIComponent(LIVE_ID)}`;
let organizer: Page;
let screen: Page;
const judges = new Map<JudgeKey, { context: BrowserContext; page: Page }>();
/** entryIds in order of appearance, the fourth marked absent. */
let order: string[] = [];
const finals = new Map<string, string>();

test('the organizer draws the order with a seed and marks the fourth contestant absent, from the console', async () => {
  organizer = await signIn(await desktop(1280, 800), 'organizer');
  screen = watch(await (await desktop(1920, 1080)).newPage());
  await screen.goto(`${cloud.url}/screen/pages/live/index?${liveQuery}`);
  await shown(screen, '.screen--setup').waitFor();
  expect(await screenText(screen)).toContain('决赛即将开始');

  await organizer.goto(`${cloud.url}/stage/pages/console/index?${liveQuery}`);
  // No order yet: the console opens on 设置, with the seeded panel of five.
  await shown(organizer, '.live-tab-setup[aria-pressed="true"]').waitFor();
  await expect(shown(organizer, '.live-judge--chosen').count()).resolves.toBe(5);
  await shown(organizer, '.live-draw-seed input').fill(SEED);
  await shown(organizer, '.live-draw-button').click();
  await expect(shown(organizer, '.live-order-done').innerText()).resolves.toContain(`种子 ${SEED}`);
  await expect(shown(organizer, '.live-order-seed__value').innerText()).resolves.toBe(SEED);

  // The order shown is the one the seed gives (anyone holding the seed replays it).
  order = drawOrder(Object.keys(projects), SEED);
  const rows = shown(organizer, '.live-order-setup .live-order-row');
  await expect(rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id')))).resolves.toEqual(order);
  expect(await shown(organizer, '.live-order-setup .live-order-row__project').allInnerTexts()).toEqual(
    order.map((id) => projects[id]),
  );

  await shown(organizer, '.live-tab-console').click();
  const fourth = order[3] ?? '';
  const row = shown(organizer, `.live-order .live-order-row[data-entry-id="${fourth}"]`);
  await row.locator('.live-order-row__main').click();
  await row.locator('.live-command-absent').click();
  const dialog = shown(organizer, '.live-reason-dialog');
  await dialog.waitFor();
  // Without a reason nothing is sent.
  await dialog.locator('.live-reason-confirm').click();
  await expect(dialog.locator('.live-reason-reason-error').innerText()).resolves.toBe('请填写原因');
  await dialog.locator('.live-reason-reason textarea').fill('选手因故未到场');
  await dialog.locator('.live-reason-confirm').click();
  await shown(organizer, `.live-order .live-order-row--absent[data-entry-id="${fourth}"]`).waitFor();
  await dialog.waitFor({ state: 'detached' });
  // The first contestant is up next.
  await shown(organizer, `.live-slot-card--next[data-entry-id="${order[0]}"]`).waitFor();
  await expect(shown(screen, '.screen-next').innerText()).resolves.toContain(projects[order[0] ?? '']);
});

test('five judges sign in on their phones and wait on the live page', async () => {
  await Promise.all(
    JUDGES.map(async (key) => {
      const context = await phoneContext(browser);
      const page = await signIn(context, key);
      await page.goto(`${cloud.url}/judge/pages/live/index?${liveQuery}`);
      await shown(page, '.live-wait-text').waitFor();
      await expect(shown(page, '.live-wait-text').innerText()).resolves.toContain('评分表会自动打开');
      judges.set(key, { context, page });
    }),
  );
  for (const { page } of judges.values()) await noHorizontalOverflow(page);
});

function judge(key: JudgeKey): { context: BrowserContext; page: Page } {
  const found = judges.get(key);
  if (!found) throw new Error(`${key} is not signed in`);
  return found;
}

/** Fills the open sheet of `entryId` with `total` and taps 提交评分. */
async function fillAndSubmit(page: Page, entryId: string, total: number): Promise<void> {
  const area = shown(page, `.live-sheet-area--open[data-entry-id="${entryId}"]`);
  for (const [key, value] of Object.entries(sheetOf(total))) {
    const input = area.locator(`.score-criterion-${key} input`);
    await input.fill(String(value));
    await input.blur();
  }
  await expect(area.locator('.score-total__value').innerText()).resolves.toBe(String(total));
  await area.locator('.score-submit').click();
}

async function submitted(page: Page, entryId: string, total: number): Promise<void> {
  const state = shown(page, `.live-sheet-area[data-entry-id="${entryId}"] .live-footer-state--submitted`);
  await state.waitFor();
  expect(await state.innerText()).toBe(`已提交 ${text(total)} 分`);
}

async function runContestant(index: number): Promise<void> {
  const entryId = order[index] ?? '';
  const project = projects[entryId] ?? '';
  const scores = totals[index] ?? [];
  const card = shown(organizer, `.live-slot-card[data-entry-id="${entryId}"]`);

  // 开始路演: the screen shows the contestant and the 8-minute countdown.
  await shown(organizer, `.live-slot-card--next[data-entry-id="${entryId}"] .live-command-pitch`).click();
  await showsText(organizer, `.live-slot-card[data-entry-id="${entryId}"] .live-slot-state`, '路演');
  await expect(card.locator('.live-clock-face').innerText()).resolves.toMatch(/^0[78]:\d\d$/);
  await shown(screen, '.screen--stage .screen-timer').waitFor();
  await expect(shown(screen, '.screen-project').innerText()).resolves.toBe(project);
  await expect(shown(screen, '.screen-position__number').innerText()).resolves.toBe(String(index + 1));
  await expect(shown(screen, '.screen-timer__label').innerText()).resolves.toBe('路演计时');
  await expect(shown(screen, '.screen-timer__digits').innerText()).resolves.toMatch(/^0[78]:\d\d$/);
  const watcher = judge('judge1').page;
  await showsText(watcher, '.live-stage-project', project);
  await expect(shown(watcher, '.live-timer').innerText()).resolves.toMatch(/^0[78]:\d\d$/);
  if (index === 0) {
    await screen.screenshot({ path: join(SHOTS, 'live-screen-pitch.png'), animations: 'disabled' });
  }

  // 开始答辩: a 7-minute countdown.
  await card.locator('.live-command-qa').click();
  await showsText(organizer, `.live-slot-card[data-entry-id="${entryId}"] .live-slot-state`, '答辩');
  await showsText(screen, '.screen-timer__label', '答辩计时');
  await expect(shown(screen, '.screen-timer__digits').innerText()).resolves.toMatch(/^0[67]:\d\d$/);

  // 开始评分: every judge's sheet opens by itself.
  await card.locator('.live-command-score').click();
  await showsText(organizer, `.live-slot-card[data-entry-id="${entryId}"] .live-slot-state`, '评分');
  await shown(screen, '.screen--scoring .screen-progress').waitFor();
  for (const key of JUDGES) {
    const { page } = judge(key);
    await shown(page, `.live-sheet-area--open[data-entry-id="${entryId}"]`).waitFor();
    await expect(shown(page, '.live-sheet-project').innerText()).resolves.toBe(project);
    await noHorizontalOverflow(page);
  }

  const last = lastJudge[index] ?? 'judge5';
  const first = JUDGES.filter((k) => k !== last);
  await Promise.all(
    first.map(async (key) => {
      const { page } = judge(key);
      const total = scores[JUDGES.indexOf(key)] ?? 0;
      await fillAndSubmit(page, entryId, total);
      await submitted(page, entryId, total);
    }),
  );
  await showsText(screen, '.screen-progress__scored', '4');
  await showsText(organizer, `.live-slot-card[data-entry-id="${entryId}"] .live-progress-count`, '已评分 4 / 5');

  const lastTotal = scores[JUDGES.indexOf(last)] ?? 0;
  const { context, page: lastPage } = judge(last);
  const noTotalsOnScreen = async () => {
    const onScreen = await screenText(screen);
    for (const points of scores) expect(onScreen).not.toContain(text(points));
    expect(onScreen).not.toContain(expectedFinal(scores));
  };
  if (index === OFFLINE_AT) {
    // The venue Wi-Fi drops on this judge's phone: the score waits on the phone (待同步), nothing reaches the hall.
    await context.setOffline(true);
    // The phone says it lost the show rather than claiming 实时同步 on a channel that has not noticed yet.
    await expect(shown(lastPage, '.judge-live-feed--offline').innerText()).resolves.toBe('网络已断开，恢复后自动同步');
    await fillAndSubmit(lastPage, entryId, lastTotal);
    const area = shown(lastPage, `.live-sheet-area[data-entry-id="${entryId}"]`);
    await area.locator('.live-footer-state--pending').waitFor();
    await expect(area.locator('.score-state--pending .score-state__title').innerText()).resolves.toBe('待同步');
    await noHorizontalOverflow(lastPage);
    await expect(shown(screen, '.screen-progress__scored').innerText()).resolves.toBe('4');
    await noTotalsOnScreen();
    await context.setOffline(false);
    await expect(shown(lastPage, '.judge-live-feed--live').innerText()).resolves.toBe('实时同步');
  } else {
    await noTotalsOnScreen();
    await fillAndSubmit(lastPage, entryId, lastTotal);
  }
  await submitted(lastPage, entryId, lastTotal);

  // The last awaited score closes scoring and reveals: every total, 最高 / 最低 struck, the trimmed mean.
  const final = expectedFinal(scores);
  finals.set(entryId, final);
  await shown(screen, '.screen--reveal .screen-reveal').waitFor();
  await expect(shown(screen, '.screen-judge__label').allInnerTexts()).resolves.toEqual(
    JUDGES.map((_, i) => `评委 ${i + 1}`),
  );
  await expect(shown(screen, '.screen-judge__total').allInnerTexts()).resolves.toEqual(scores.map(text));
  const high = shown(screen, '.screen-judge--high');
  const low = shown(screen, '.screen-judge--low');
  await expect(high.count()).resolves.toBe(1);
  await expect(low.count()).resolves.toBe(1);
  await expect(high.locator('.screen-judge__total').innerText()).resolves.toBe(text(Math.max(...scores)));
  await expect(high.locator('.screen-judge__dropped').innerText()).resolves.toContain('最高分');
  await expect(low.locator('.screen-judge__total').innerText()).resolves.toBe(text(Math.min(...scores)));
  await expect(low.locator('.screen-judge__dropped').innerText()).resolves.toContain('最低分');
  await expect(shown(screen, '.screen-final__value').innerText()).resolves.toBe(final);
  if (index === OFFLINE_AT) {
    await screen.screenshot({ path: join(SHOTS, 'live-screen-reveal.png'), animations: 'disabled' });
  }

  // The console shows the reveal too; 完成 hands the stage to the next one.
  await expect(card.locator('.live-reveal-final').innerText()).resolves.toBe(final);
  await expect(card.locator('.live-reveal-line--high .live-reveal__total').innerText()).resolves.toBe(
    text(Math.max(...scores)),
  );
  // Each judge's sheet locks once scoring is closed.
  for (const key of JUDGES) {
    await shown(judge(key).page, `.live-sheet-area--closed[data-entry-id="${entryId}"] .live-sheet-locked`).waitFor();
  }
  await card.locator('.live-command-finish').click();
  await shown(organizer, `.live-order .live-order-row--done[data-entry-id="${entryId}"]`).waitFor();
}

test('three contestants run from the console; the judges score, one of them offline for the second', async () => {
  for (let i = 0; i < 3; i++) await runContestant(i);
  await shown(organizer, '.live-finished').waitFor();
  await shown(screen, '.screen--finished').waitFor();
  for (const { page } of judges.values()) {
    await showsText(page, '.live-stage-idle', '本组比赛已结束，感谢您的评审');
    await noHorizontalOverflow(page);
  }
  // What the console's cloud holds agrees: three reveals as entered, the fourth absent with its reason.
  const { console: view } = await api<{ console: LiveConsoleView }>('organizer', 'admin.live.get', {
    liveId: LIVE_ID,
  });
  for (const [i, entryId] of order.slice(0, 3).entries()) {
    const slot = view.slots.find((s) => s.entryId === entryId);
    expect(slot).toMatchObject({ position: i + 1, state: 'done' });
    expect(slot?.reveal?.lines.map((l) => l.total)).toEqual((totals[i] ?? []).map(text));
    expect(slot?.reveal?.final).toBe(finals.get(entryId));
  }
  expect(view.slots.find((s) => s.entryId === order[3])).toMatchObject({ state: 'absent', reason: '选手因故未到场' });
});

test('the host previews the leaderboard on the console, releases it, and the screen shows it', async () => {
  const previewFinals = shown(organizer, '.live-board-preview .live-board-row__final');
  await previewFinals.nth(2).waitFor();
  await expect(previewFinals.count()).resolves.toBe(3);
  expect(await screenText(screen)).not.toContain('最终排名');
  await shown(organizer, '.live-command-showBoard').click();
  await showsText(organizer, '.live-board-state', '大屏正在显示排行榜');
  await shown(screen, '.screen--board .screen-board').waitFor();
  await expect(shown(screen, '.screen-board__title').innerText()).resolves.toBe('最终排名');
  const ranked = order
    .slice(0, 3)
    .map((id, i) => ({ id, position: i + 1, final: finals.get(id) ?? '' }))
    .sort((a, b) => Number(b.final) - Number(a.final));
  const rows = shown(screen, '.screen-board__row');
  await expect(rows.count()).resolves.toBe(3);
  await expect(rows.locator('.screen-board__final').allInnerTexts()).resolves.toEqual(ranked.map((r) => r.final));
  await expect(rows.locator('.screen-board__project').allInnerTexts()).resolves.toEqual(
    ranked.map((r) => projects[r.id]),
  );
  await expect(rows.locator('.screen-board__position').allInnerTexts()).resolves.toEqual(
    ranked.map((r) => String(r.position)),
  );
  await expect(rows.locator('.screen-rank').allInnerTexts()).resolves.toEqual(['1', '2', '3']);
  // The console previewed the very board the screen shows.
  await expect(previewFinals.allInnerTexts()).resolves.toEqual(ranked.map((r) => r.final));
  // The absent contestant is not ranked.
  expect(await screenText(screen)).not.toContain(projects[order[3] ?? '']);
  await screen.screenshot({ path: join(SHOTS, 'live-screen-board.png'), animations: 'disabled' });
});

test('the notary reads the chain and the checkpoints and confirms the group; the console shows it frozen', async () => {
  const notary = await signIn(await desktop(1280, 800), 'notary');
  await notary.goto(`${cloud.url}/notary/pages/home/index?${liveQuery}`);
  await shown(notary, '.notary-summary').waitFor();
  await expect(shown(notary, '.notary-status').innerText()).resolves.toBe('待公证');
  const headHash = await shown(notary, '.notary-head__hash').innerText();
  expect(headHash).toMatch(/^[0-9a-f]{64}$/);
  // The console's short head is the same log.
  await expect(shown(organizer, '.live-head-hash').innerText()).resolves.toBe(headHash.slice(0, 12));

  const events = shown(notary, '.notary-event[data-seq]');
  const count = Number(/共 (\d+) 条事件/.exec(await shown(notary, '.notary-head__label').innerText())?.[1]);
  expect(count).toBeGreaterThan(30);
  await expect(events.count()).resolves.toBe(count);
  for (const hash of await events.locator('.notary-hash').allInnerTexts()) expect(hash).toMatch(/^[0-9a-f]{12}…$/);
  await expect(events.last().getAttribute('data-seq')).resolves.toBe(String(count));
  // Scores, reveals and the absence are in the chain; a reveal is signed by a checkpoint.
  await expect(shown(notary, '.notary-event--score').count()).resolves.toBe(15);
  await expect(shown(notary, '.notary-event--reveal').count()).resolves.toBe(3);
  await expect(shown(notary, '.notary-draw-seed').innerText()).resolves.toBe(SEED);
  const checkpoints = shown(notary, '.notary-checkpoint');
  expect(await checkpoints.count()).toBeGreaterThanOrEqual(3);
  const reveals = shown(notary, '.notary-reveal');
  await expect(reveals.count()).resolves.toBe(3);
  await expect(reveals.locator('.notary-reveal__final-value').allInnerTexts()).resolves.toEqual(
    order.slice(0, 3).map((id) => finals.get(id)),
  );

  await shown(notary, '.notary-confirm').click();
  const dialog = shown(notary, '.notary-dialog');
  await dialog.waitFor();
  await expect(dialog.locator('.notary-dialog__hash').innerText()).resolves.toBe(headHash);
  await dialog.locator('.notary-confirm-submit').click();
  await expect(shown(notary, '.notary-status--frozen').innerText()).resolves.toBe('已公证确认');
  await shown(notary, '.notary-frozen').waitFor();
  await dialog.waitFor({ state: 'detached' });

  // The console hears it: frozen, every command off.
  await shown(organizer, '.live-frozen').waitFor();
  await expect(shown(organizer, '.live-frozen').innerText()).resolves.toContain('吴静');
  // Taro's H5 button carries `disabled` as an attribute ("false" when enabled).
  for (const value of await shown(organizer, '.live-command').evaluateAll((els) =>
    els.map((e) => e.getAttribute('disabled')),
  ))
    expect(value === null || value === 'false').toBe(false);
  await expect(shown(organizer, '.live-command').count()).resolves.toBeGreaterThan(0);
  await shown(screen, '.screen-frozen').waitFor();
  await notary.context().close();
});

function verifyLog(file: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify-log.mjs'), file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function exportLog(name: string): Promise<string> {
  const file = await api<{ url: string; fileName: string }>('notary', 'admin.live.export', {
    liveId: LIVE_ID,
    format: 'log',
  });
  expect(file.fileName).toMatch(/评分日志.*\.json$/);
  const res = await fetch(new URL(file.url, cloud.url));
  expect(res.status).toBe(200);
  const path = join(work, name);
  writeFileSync(path, Buffer.from(await res.arrayBuffer()));
  return path;
}

test('verify-log passes on the exported log, and fails once a stored score is changed in the database', async () => {
  const goodFile = await exportLog('log.json');
  const good = verifyLog(goodFile);
  expect(good.stderr).toBe('');
  expect(good.status).toBe(0);
  expect(good.stdout).toMatch(/^OK \d+ 条事件，\d+ 个检查点，3 次亮分/);

  // One judge's stored score of the first contestant, changed behind the log's back.
  const id = assignmentIdFor(ROUND_ID, order[0] ?? '', demoOpenid('judge2'));
  const db = openEmbeddedDb(join(cloud.dataDir, 'db.sqlite'));
  try {
    const assignments = db.collection<AssignmentDoc>(C.assignments);
    const stored = await assignments.get(id);
    expect(stored?.score?.units).toBe((totals[0]?.[1] ?? 0) * UNITS_PER_POINT);
    if (!stored?.score) throw new Error(`no score in ${id}`);
    await assignments.set({ ...stored, score: { ...stored.score, units: stored.score.units + UNITS_PER_POINT } });
  } finally {
    db.close();
  }

  // verify-log names the score event the stored score no longer matches.
  const exported = JSON.parse(readFileSync(goodFile, 'utf8')) as LogExport;
  const event = exported.events.find(
    (e) => e.type === 'score' && e.data.entryId === order[0] && e.data.judge === personKey(demoOpenid('judge2')),
  );
  expect(event?.data.units).toBe((totals[0]?.[1] ?? 0) * UNITS_PER_POINT);
  const bad = verifyLog(await exportLog('tampered.json'));
  expect(bad.status).toBe(1);
  expect(bad.stdout).toMatch(
    new RegExp(`^FAILED 第 ${event?.seq} 条事件：存储的评分与第 ${event?.seq} 条事件不符：评分在日志之外被改动`),
  );
});

test('no page threw in the browser', () => {
  expect(pageErrors).toEqual([]);
});
