/**
 * Reader pages under load, against a running local cloud (bundled and run by bench/index.mjs):
 *  - seeds 5,000 articles and 100 contests through the API, as an organizer would;
 *  - home.get p50 / p99 on the local cloud;
 *  - cloud calls per page open of 首页, 新闻 and 成绩 in Chromium (target: 1 each);
 *  - the H5 home page's first contentful paint and time until contests show, with 4× CPU throttling
 *    and a 3G-like network, from a cold cache and a warm one (targets: 3 s cold, 1.5 s warm).
 */
import { chromium, type Browser, type Page } from 'playwright-core';

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A 3G-like link (Chrome DevTools' "Regular 3G"-ish): 100 ms latency, 750 / 250 kbit/s. */
const NETWORK_3G = {
  offline: false,
  latency: 100,
  downloadThroughput: (750 * 1024) / 8,
  uploadThroughput: (250 * 1024) / 8,
};

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function post(base: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${base}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function seed(base: string, articles: number, contests: number): Promise<void> {
  const res = await fetch(`${base}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: 'organizer' }),
  });
  const { token } = (await res.json()) as { token: string };
  const categories = ['notice', 'news', 'policy', 'media'];
  await inBatches(
    Array.from({ length: articles }, (_, i) => i),
    50,
    async (i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      const answer = await post(
        base,
        {
          action: 'admin.article.upsert',
          data: {
            title: `第 ${i + 1} 篇：创客中国大赛动态`,
            category: categories[i % 4],
            bodyHtml: `<p>${'大赛新闻正文。'.repeat(40)}</p>`,
            pinned: i % 1000 === 0,
            publishAt: `2026-10-${day}T09:00:00+08:00`,
            status: 'published',
          },
        },
        token,
      );
      if (!answer.ok) throw new Error(`seed article: ${JSON.stringify(answer.error)}`);
    },
  );
  await inBatches(
    Array.from({ length: contests }, (_, i) => i),
    20,
    async (i) => {
      const answer = await post(
        base,
        {
          action: 'admin.contest.upsert',
          data: {
            editionId: 'edition-demo',
            kind: i % 5 === 0 ? 'thematic' : 'regional',
            name: `压测赛事 ${i + 1}`,
            hostRegion: '全国',
            hosts: ['组委会'],
            organizers: [],
            groups: ['enterprise', 'maker'],
            fields: ['新一代信息技术', '高端装备'],
            districts: [],
            registration: { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2027-01-31T23:59:59+08:00' },
            stages: [
              { key: 'preliminary', format: '线上评审', startsOn: '2027-02-10', endsOn: '2027-02-20' },
              { key: 'final', format: '现场决赛', startsOn: '2027-03-20', endsOn: '2027-03-20' },
            ],
            rules: '压测用赛事。',
            awards: {},
          },
        },
        token,
      );
      if (!answer.ok) throw new Error(`seed contest: ${JSON.stringify(answer.error)}`);
    },
  );
}

async function homeLatency(base: string, calls: number): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) await post(base, { action: 'home.get' });
  for (let i = 0; i < calls; i += 1) {
    const t = performance.now();
    const answer = await post(base, { action: 'home.get' });
    times.push(performance.now() - t);
    if (!answer.ok) throw new Error(`home.get: ${JSON.stringify(answer.error)}`);
  }
  console.log(
    `home.get            p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms (${calls} calls)`,
  );
}

/** Cloud calls made while a page opens and settles, from a fresh browser profile. */
async function callsPerOpen(browser: Browser, base: string, path: string, ready: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  let calls = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) calls += 1;
  });
  await page.goto(`${base}${path}`);
  await page.locator(`${ready}:visible`).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return calls;
}

async function throttledLoad(page: Page, base: string): Promise<{ fcp: number; contests: number }> {
  await page.goto(`${base}/pages/home/index`, { waitUntil: 'commit' });
  await page.locator('.home-contest:visible').first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { fcp, contests: performance.now() };
  });
}

export async function runPages(base: string, options: { articles: number; contests: number }): Promise<void> {
  const seeded = performance.now();
  await seed(base, options.articles, options.contests);
  console.log(
    `seeded              ${options.articles} articles, ${options.contests} contests in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  await homeLatency(base, 500);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const pages: Array<[string, string, string]> = [
      ['首页', '/pages/home/index', '.home-contest'],
      ['新闻', '/pages/news/index', '.news-item'],
      ['成绩', '/pages/results/index', '.page-shell'],
    ];
    for (const [label, path, ready] of pages) {
      const calls = await callsPerOpen(browser, base, path, ready);
      console.log(`cloud calls, ${label}   ${calls} per page open (target 1)`);
    }

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const cold = await throttledLoad(page, base);
    const warm = await throttledLoad(page, base);
    await context.close();
    const show = (label: string, r: { fcp: number; contests: number }, target: number) =>
      console.log(
        `H5 home, ${label}     FCP ${(r.fcp / 1000).toFixed(2)} s, contests shown ${(r.contests / 1000).toFixed(2)} s (target ${target} s) ${
          r.contests <= target * 1000 ? 'within target' : 'OVER TARGET'
        }`,
      );
    console.log('(4× CPU throttling, 3G: 100 ms latency, 750 kbit/s down)');
    show('cold', cold, 3);
    show('warm', warm, 1.5);
  } finally {
    await browser.close();
  }
}
