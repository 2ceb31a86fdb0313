/**
 * @jest-environment jsdom
 *
 * WeChat's experience-audit limits at production volume: the pages the data's size affects, rendered from the
 * build in miniprogram-simulate against a local cloud seeded with the production-size set
 * (cloudfunctions/local/seed-volume.ts: 2,000 entries, 100 judges, k = 5, a 500-project list, 300 articles),
 * checked when they open and after each tap a user makes (展开全部, 加载更多, tab switches): WXML nodes < 1,000,
 * children per node ≤ 60, depth < 30, every setData ≤ 256 KB. Figures go to .cache/weapp-volume.json.
 * Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { VOLUME_CONTEST_ID, VOLUME_ROUND_ID, volumeJudgeKey } from '../../cloudfunctions/local/seed-volume';
import { coldStartPage, distRoot, type PageProbe, type RenderedPage } from './support/mini-runtime';
import { startTestCloud, type CallRecorder, type TestCloud } from './support/local-cloud';
import { treeShape, type TreeShape } from './support/tree-shape';

const LIMITS = { nodes: 1000, children: 60, depth: 30, setDataBytes: 256 * 1024 };

if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
  throw new Error(`dist/weapp is missing (${distRoot}): run \`npm run build:weapp\` before the weapp tests.`);
}

interface Tappable {
  dispatchEvent(name: string): void;
}

interface Row extends TreeShape {
  page: string;
  state: string;
  largestSetDataBytes: number;
}

const rows: Row[] = [];
let cloud: TestCloud;
/** The judge with the longest task list: the first wave of the seed's judges carries 250 each. */
const HEAVY_JUDGE = volumeJudgeKey(1);

beforeAll(async () => {
  cloud = await startTestCloud({ volume: true });
}, 120_000);

afterAll(async () => {
  await cloud?.close();
  if (rows.length === 0) return;
  const file = path.resolve(__dirname, '../../.cache/weapp-volume.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(
    rows
      .map(
        (r) =>
          `${r.page} [${r.state}]: ${r.nodes} nodes, ${r.maxChildren} children, depth ${r.depth}, ` +
          `largest setData ${(r.largestSetDataBytes / 1024).toFixed(1)} KB`,
      )
      .join('\n'),
  );
});

function hasClass(element: Element, name: string): boolean {
  return Array.from(element.classList).some((token) => token === name || token.endsWith(`--${name}`));
}

function all(page: RenderedPage, name: string): Element[] {
  return Array.from(page.dom?.querySelectorAll('*') ?? []).filter((el) => hasClass(el, name));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Polls until `shows` holds and the page is quiet (no call in flight, no new setData for a few polls). */
async function until(what: string, opened: Opened, shows: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  let signature = '';
  let quiet = 0;
  for (;;) {
    const now = `${opened.record.calls.length}/${opened.record.inFlight}/${opened.probe.setDataBytes.length}`;
    if (now !== signature) {
      signature = now;
      quiet = 0;
    } else quiet += 1;
    if (shows() && opened.record.inFlight === 0 && quiet >= 8) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
  const failed = opened.record.calls.filter((c) => c.code !== null);
  expect(failed).toEqual([]);
  expect(opened.probe.errors).toEqual([]);
}

interface Opened {
  page: RenderedPage;
  probe: PageProbe;
  record: CallRecorder;
  route: string;
  close(): void;
}

async function open(as: string, route: string, query: Record<string, string>): Promise<Opened> {
  const token = await cloud.signIn(as);
  const record: CallRecorder = { calls: [], inFlight: 0 };
  const opened = coldStartPage(route, query, cloud.callFunctionFor(token, record));
  return { ...opened, record, route };
}

/** Records the page's shape now and asserts WeChat's limits on it and on every setData so far. */
function check(opened: Opened, state: string): Row {
  const root = opened.page.dom;
  if (!root) throw new Error(`${opened.route} rendered nothing`);
  const row: Row = {
    page: opened.route,
    state,
    ...treeShape(root),
    largestSetDataBytes: Math.max(0, ...opened.probe.setDataBytes),
  };
  rows.push(row);
  expect({ state, nodes: row.nodes < LIMITS.nodes }).toEqual({ state, nodes: true });
  expect({ state, children: row.maxChildren <= LIMITS.children }).toEqual({ state, children: true });
  expect({ state, depth: row.depth < LIMITS.depth }).toEqual({ state, depth: true });
  expect({ state, setData: row.largestSetDataBytes <= LIMITS.setDataBytes }).toEqual({ state, setData: true });
  return row;
}

function tap(page: RenderedPage, selector: string): void {
  const node = page.querySelector(selector) as Tappable | undefined;
  if (!node) throw new Error(`${selector} is not on the page`);
  node.dispatchEvent('tap');
}

const text = (els: Element[]) => els.map((el) => (el.textContent ?? '').trim()).join(' | ');

test('成绩 with a 500-project list: open, 展开全部, 加载更多 to the end and back', async () => {
  const opened = await open('guest-volreader', 'pages/results/index', {});
  try {
    // The seed's list is the newest: first on the tab, and the only one with 展开全部.
    await until('the 500 list', opened, () => text(all(opened.page, 'results-time')).includes('共 500 个项目'));
    check(opened, 'open');
    expect(all(opened.page, 'results-more')).toHaveLength(1);

    tap(opened.page, '.results-more');
    await until('the first page of the list', opened, () =>
      /第 1–\d+ 个/.test(text(all(opened.page, 'results-window'))),
    );
    check(opened, '展开全部');
    // A user reads on to the last project: every one of the 500 is reachable, the tree stays within the limits.
    let taps = 0;
    while (all(opened.page, 'results-window-more').length > 0) {
      const before = text(all(opened.page, 'results-window'));
      tap(opened.page, '.results-window-more');
      taps += 1;
      await until(`加载更多 #${taps}`, opened, () => text(all(opened.page, 'results-window')) !== before);
      check(opened, `加载更多 ×${taps}`);
    }
    expect(text(all(opened.page, 'results-window'))).toMatch(/–500 个，共 500 个/);
    expect(text(all(opened.page, 'results-project'))).toContain('0500');
    const before = text(all(opened.page, 'results-window'));
    tap(opened.page, '.results-window-back');
    await until('显示前面的项目', opened, () => text(all(opened.page, 'results-window')) !== before);
    check(opened, '显示前面的项目');
  } finally {
    opened.close();
  }
}, 180_000);

test('我的评审任务 of a judge with 250 tasks: open, tabs, 加载更多', async () => {
  const opened = await open(HEAVY_JUDGE, 'judge/pages/round/index', { roundId: VOLUME_ROUND_ID });
  try {
    await until('the task list', opened, () => all(opened.page, 'round-entry').length > 0);
    check(opened, 'open');
    expect(text(all(opened.page, 'round-tab-all'))).toContain('250');
    for (const tab of ['pending', 'scored', 'all']) {
      const before = text(all(opened.page, 'round-tab--active'));
      tap(opened.page, `.round-tab-${tab}`);
      await until(`tab ${tab}`, opened, () => text(all(opened.page, 'round-tab--active')) !== before);
      check(opened, `tab ${tab}`);
    }
    let taps = 0;
    while (all(opened.page, 'round-more').length > 0 && taps < 10) {
      const before = text(all(opened.page, 'round-list-window'));
      tap(opened.page, '.round-more');
      taps += 1;
      await until(`加载更多 #${taps}`, opened, () => text(all(opened.page, 'round-list-window')) !== before);
      // Two pages at most on screen, however far the judge has read.
      expect(all(opened.page, 'round-entry').length).toBeLessThanOrEqual(50);
      check(opened, `加载更多 ×${taps}`);
    }
    expect(taps).toBeGreaterThan(0);
    expect(text(all(opened.page, 'round-list-window'))).toMatch(/共 250 个/);
  } finally {
    opened.close();
  }
}, 120_000);

test('评审工作台 of a judge with 250 tasks: counts from the server', async () => {
  const opened = await open(HEAVY_JUDGE, 'judge/pages/home/index', {});
  try {
    await until('the round card', opened, () => all(opened.page, 'judge-round').length > 0);
    check(opened, 'open');
    expect(text(all(opened.page, 'judge-round-progress'))).toContain('250');
    // The counts come from the server: the page never asks for the 250 tasks themselves.
    const asked = opened.record.calls.filter((c) => c.action === 'judge.assignment.list').map((c) => c.input);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).toEqual(asked.map(() => ({ items: false })));
  } finally {
    opened.close();
  }
}, 60_000);

test('评审看板 of the volume round: open, 显示更多 through the 100 judges', async () => {
  const opened = await open('organizer', 'admin/pages/round/index', { roundId: VOLUME_ROUND_ID });
  try {
    await until('the judges', opened, () => all(opened.page, 'round-judge').length > 0);
    check(opened, 'open');
    expect(text(all(opened.page, 'round-judges'))).toContain('100 位');
    let taps = 0;
    while (all(opened.page, 'round-judges-more').length > 0 && taps < 10) {
      const before = text(all(opened.page, 'round-judges-window'));
      tap(opened.page, '.round-judges-more');
      taps += 1;
      await until(`显示更多 #${taps}`, opened, () => text(all(opened.page, 'round-judges-window')) !== before);
      check(opened, `显示更多 ×${taps}`);
    }
    expect(text(all(opened.page, 'round-judges-window'))).toMatch(/–100 位，共 100 位/);
    // 评分不足的项目: at the start of the round, every entry the progress lists, a window at a time too.
    taps = 0;
    while (all(opened.page, 'round-toofew-page-more').length > 0 && taps < 20) {
      const before = text(all(opened.page, 'round-toofew-page-window'));
      tap(opened.page, '.round-toofew-page-more');
      taps += 1;
      await until(
        `评分不足 显示更多 #${taps}`,
        opened,
        () => text(all(opened.page, 'round-toofew-page-window')) !== before,
      );
      check(opened, `评分不足 显示更多 ×${taps}`);
    }
    expect(taps).toBeGreaterThan(0);
  } finally {
    opened.close();
  }
}, 120_000);

test('评委管理 of the volume contest: open, 显示更多 through judges and invites', async () => {
  const opened = await open('organizer', 'admin/pages/judges/index', { contestId: VOLUME_CONTEST_ID });
  try {
    await until('the judges', opened, () => all(opened.page, 'judges-row').length > 0);
    check(opened, 'open');
    for (const name of ['judges-list', 'invites-list']) {
      let taps = 0;
      while (all(opened.page, `${name}-more`).length > 0 && taps < 10) {
        const before = text(all(opened.page, `${name}-window`));
        tap(opened.page, `.${name}-more`);
        taps += 1;
        await until(`${name} 显示更多 #${taps}`, opened, () => text(all(opened.page, `${name}-window`)) !== before);
        check(opened, `${name} 显示更多 ×${taps}`);
      }
      expect(text(all(opened.page, `${name}-window`))).toMatch(/共 100 /);
    }
  } finally {
    opened.close();
  }
}, 120_000);

test('新闻 with 300 articles: open, 加载更多 to the last article and back', async () => {
  const opened = await open('guest-volreader', 'pages/news/index', {});
  const titles = () => text(all(opened.page, 'article-row-title'));
  try {
    await until('the articles', opened, () => all(opened.page, 'news-more').length > 0);
    check(opened, 'open');
    let taps = 0;
    while (all(opened.page, 'news-more').length > 0 && taps < 40) {
      const before = titles();
      tap(opened.page, '.news-more');
      taps += 1;
      await until(`加载更多 #${taps}`, opened, () => titles() !== before);
      check(opened, `加载更多 ×${taps}`);
    }
    // The seed's 300 articles (and the demo's) are all reachable: the oldest of the volume set is on screen.
    expect(all(opened.page, 'news-end')).toHaveLength(1);
    expect(titles()).toContain('第 300 期');
    const before = titles();
    tap(opened.page, '.news-back');
    await until('显示前面的文章', opened, () => titles() !== before);
    check(opened, '显示前面的文章');
    expect(all(opened.page, 'news-forward')).toHaveLength(1);
  } finally {
    opened.close();
  }
}, 120_000);
