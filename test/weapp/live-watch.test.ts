/**
 * @jest-environment jsdom
 *
 * The big screen of the live final (screen/pages/live/index) in the built mini-program, on a cold start in
 * miniprogram-simulate against the real local cloud, following the show the way it does on WeChat: by
 * `wx.cloud.database().collection('liveScreens').doc(liveId).watch()` (the harness's stand-in follows the local
 * cloud's live stream, support/cloud-watch.ts), with `live.screen` polling only when the push channel fails.
 *
 * The organizer drives the demo final (`demo-final:final:enterprise`) through the real api: the page must show each
 * change, the first ones by push (snapshots delivered, no `live.screen` call), and after the server cuts the stream,
 * by polling (a `live.screen` call, the 网络不稳 notice, no snapshot). Every wait is for what the page shows or
 * what the harness counted. Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LiveConsoleView } from '@core/live/views';
import { DEMO_LIVE_ID } from '../../cloudfunctions/local/seed-live';
import { newWatchRecorder } from './support/cloud-watch';
import { startTestCloud, type Answer, type CallRecorder, type TestCloud } from './support/local-cloud';
import { coldStartPage, distRoot, waitUntil } from './support/mini-runtime';

if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
  throw new Error(`dist/weapp is missing (${distRoot}): run \`npm run build:weapp\` before the weapp tests.`);
}

let cloud: TestCloud;
let organizer: string;
let projector: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  organizer = await cloud.signIn('organizer');
  // The projector's device is some WeChat user with no role: the screen is public.
  projector = await cloud.signIn('guest-projector');
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

function data<T>(answer: Answer): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return answer.data as T;
}

test('the big screen follows the show by watch, and by polling once the stream is cut', async () => {
  const calls: CallRecorder = { calls: [], inFlight: 0 };
  const watches = newWatchRecorder();
  const opened = coldStartPage(
    'screen/pages/live/index',
    { liveId: DEMO_LIVE_ID },
    cloud.callFunctionFor(projector, calls),
    cloud.databaseFor(watches),
  );
  const text = () => opened.page.dom?.textContent ?? '';
  const screenReads = () => calls.calls.filter((c) => c.action === 'live.screen').length;
  try {
    await waitUntil(
      'the setup scene, with the watch’s init snapshot delivered and no read in flight',
      () => text().includes('决赛即将开始') && watches.snapshots >= 1 && calls.inFlight === 0,
      10_000,
    );
    expect(watches).toEqual({ opened: 1, open: 1, snapshots: 1, errors: 0 });
    // The page's first read, and the feed's one read that anchors the server clock; then nothing but the watch.
    const readsOnOpen = screenReads();
    expect(readsOnOpen).toBe(2);
    expect(text()).not.toMatch(/正在连接|网络不稳/);

    // The organizer draws the order and starts the first contestant's 路演.
    const { slots } = data<{ console: LiveConsoleView }>(
      await cloud.call(organizer, 'admin.live.draw', { liveId: DEMO_LIVE_ID, seed: 'weapp-watch' }),
    ).console;
    const [first] = slots;
    if (!first) throw new Error('the demo final has no contestants');
    data(
      await cloud.call(organizer, 'admin.live.control', {
        liveId: DEMO_LIVE_ID,
        command: 'pitch',
        entryId: first.entryId,
      }),
    );
    await waitUntil(
      'the first contestant’s 路演 on the screen',
      () => text().includes('项目路演') && text().includes(first.projectName),
      10_000,
    );
    // It came by push: more snapshots, not one more read.
    expect(watches.snapshots).toBeGreaterThanOrEqual(2);
    expect(watches.errors).toBe(0);
    expect(screenReads()).toBe(readsOnOpen);

    // The server cuts the stream: the watch ends with onError and the page falls back to polling.
    expect(cloud.dropLiveStreams()).toBe(1);
    await waitUntil('a live.screen read after the watch failed', () => screenReads() > readsOnOpen, 10_000);
    expect(watches).toMatchObject({ opened: 1, open: 0, errors: 1 });
    await waitUntil('the polling notice', () => text().includes('网络不稳，每 3 秒刷新'), 10_000);

    // The next change reaches the screen by a poll: no watch was opened again and no snapshot came.
    const snapshotsAfterDrop = watches.snapshots;
    const readsAfterDrop = screenReads();
    data(
      await cloud.call(organizer, 'admin.live.control', {
        liveId: DEMO_LIVE_ID,
        command: 'qa',
        entryId: first.entryId,
      }),
    );
    await waitUntil('现场答辩 on the screen', () => text().includes('现场答辩'), 10_000);
    expect(screenReads()).toBeGreaterThan(readsAfterDrop);
    expect(watches).toMatchObject({ opened: 1, open: 0, snapshots: snapshotsAfterDrop, errors: 1 });
    expect(calls.calls.filter((c) => c.code !== null)).toEqual([]);
    expect(opened.probe.errors).toEqual([]);
  } finally {
    opened.close();
  }
  // Unloading the page stops the feed: no watch is left open.
  expect(watches.open).toBe(0);
}, 60_000);
