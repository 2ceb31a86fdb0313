/**
 * @jest-environment jsdom
 *
 * 场次 in the built mini-program, in miniprogram-simulate against the real local cloud: the final's 评审看板
 * offers 分场次 for the demo's 创客组 (three finalists, no show); the console opened for a new session lists the
 * group's finalists and names the session by its number; once 上午场 holds two of them (saved through the real
 * api), the next session's console names them as held, and the board lists 上午场. Needs `npm run build:weapp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoOpenid } from '../../cloudfunctions/local/seed-data';
import { DEMO_FINAL_ID } from '../../cloudfunctions/local/seed-live';
import { personKey } from '../../cloudfunctions/usecases/files/file-links';
import { newWatchRecorder } from './support/cloud-watch';
import { startTestCloud, type CallRecorder, type TestCloud } from './support/local-cloud';
import { coldStartPage, distRoot, waitUntil } from './support/mini-runtime';

if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
  throw new Error(`dist/weapp is missing (${distRoot}): run \`npm run build:weapp\` before the weapp tests.`);
}

const ROUND_ID = `${DEMO_FINAL_ID}:final`;
let cloud: TestCloud;
let organizer: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  organizer = await cloud.signIn('organizer');
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

async function rendered(route: string, query: Record<string, string>, until: (text: string) => boolean, what: string) {
  const calls: CallRecorder = { calls: [], inFlight: 0 };
  const opened = coldStartPage(
    route,
    query,
    cloud.callFunctionFor(organizer, calls),
    cloud.databaseFor(newWatchRecorder()),
  );
  const text = () => opened.page.dom?.textContent ?? '';
  try {
    await waitUntil(what, () => until(text()) && calls.inFlight === 0, 10_000);
    expect(opened.probe.errors).toEqual([]);
    return text();
  } finally {
    opened.close();
  }
}

test('分场次 on the board, the new session’s finalists, and the held ones named in the next session', async () => {
  const board = await rendered(
    'admin/pages/round/index',
    { roundId: ROUND_ID },
    (t) => t.includes('分场次'),
    'the board with 现场决赛 read',
  );
  expect(board).toContain('创客组');

  const first = await rendered(
    'stage/pages/console/index',
    { roundId: ROUND_ID, group: 'maker', session: 's1' },
    (t) => t.includes('智慧养老陪护机器人') && t.includes('工业视觉缺陷检测平台'),
    'the new session’s setup with the finalists read',
  );
  expect(first).toContain('本场次项目');
  expect(first).toContain('本组共 3 个决赛项目，每个项目只能在一个场次；可选 3 个');

  const saved = await cloud.call(organizer, 'admin.live.upsert', {
    roundId: ROUND_ID,
    group: 'maker',
    judges: [personKey(demoOpenid('judge1'))],
    session: { key: 's1', name: '上午场', entryIds: ['e-demo-final-maker-1', 'e-demo-final-maker-2'] },
  });
  expect(saved.ok).toBe(true);

  const second = await rendered(
    'stage/pages/console/index',
    { roundId: ROUND_ID, group: 'maker', session: 's2' },
    (t) => t.includes('已在「上午场」'),
    'the next session’s setup naming the held finalists',
  );
  expect(second.match(/已在「上午场」/g)).toHaveLength(2);
  expect(second).toContain('可选 1 个');

  const after = await rendered(
    'admin/pages/round/index',
    { roundId: ROUND_ID },
    (t) => t.includes('上午场'),
    'the board listing 上午场',
  );
  expect(after).toContain('创客组（分场次）');
  expect(after).toContain('+ 添加场次');
});
