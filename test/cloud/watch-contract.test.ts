/**
 * The realtime watch's contract (`collection('liveScreens').doc(liveId).watch({ onChange, onError })`, the push the
 * big screen, the host console and the judges' phones follow in the mini-program), one suite run against both
 * stand-ins of it:
 *  - the mini-program harness's `wx.cloud.database()` (test/weapp/support/cloud-watch.ts), following the real local
 *    cloud's live stream over HTTP, the show driven through its `/api/api` as the demo organizer;
 *  - the in-process wx database stand-in (test/standins/wx-database.ts) under the CloudBase adapter, the show
 *    driven through the same router, so the snapshots come from the writes the adapter really makes.
 * Both on the demo live final (`demo-final:final:enterprise`, seeded as the local cloud seeds it). Every wait is on
 * a delivered snapshot or error, never on time; "nothing after close()" is shown by a second watch that does hear
 * the change. The shapes follow WeChat's reference and the SDK's client (see test/standins/wx-watch.ts).
 */
import type { LiveConsoleView, LiveScreenView } from '@core/live/views';
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import { seedDemoData } from '../../cloudfunctions/local/seed';
import { demoOpenid } from '../../cloudfunctions/local/seed-data';
import { DEMO_LIVE_ID, seedLiveDemo } from '../../cloudfunctions/local/seed-live';
import { C } from '../../cloudfunctions/usecases/collections';
import { createWxDatabaseStandin } from '../standins/wx-database';
import type { WatchOptions, WatchSnapshot, Watcher } from '../standins/wx-watch';
import { testPorts } from '../support/local-ports';
import { storeApi } from '../support/store-api';
import { clientDatabase, newWatchRecorder } from '../weapp/support/cloud-watch';
import { startTestCloud, type Answer } from '../weapp/support/local-cloud';

jest.setTimeout(30_000);

/** One way of watching, with the show it watches and a way to break the push channel. */
interface Rig {
  watch(collection: string, id: string, options: WatchOptions): Watcher;
  /** Runs an api action as the demo organizer. */
  act(action: string, data: unknown): Promise<Answer>;
  /** Makes the open watches fail (their channel goes away). */
  fail(): Promise<void>;
  close(): Promise<void>;
}

/** The harness's client database over the real local cloud; its failure is the local cloud shutting down. */
async function sseRig(): Promise<Rig> {
  const cloud = await startTestCloud();
  const token = await cloud.signIn('organizer');
  const database = clientDatabase(cloud.url, newWatchRecorder())();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await cloud.close();
  };
  return {
    watch: (collection, id, options) => database.collection(collection).doc(id).watch(options),
    act: (action, data) => cloud.call(token, action, data),
    fail: close,
    close,
  };
}

/** The in-process database stand-in under the CloudBase adapter; its failure is the stand-in's fault hook. */
async function inProcessRig(): Promise<Rig> {
  const local = testPorts();
  const database = createWxDatabaseStandin();
  const ports = { ...local, db: createCloudBaseDb(database) };
  await seedDemoData(ports);
  await seedLiveDemo(ports);
  const api = storeApi(ports);
  const organizer = { openid: demoOpenid('organizer') };
  return {
    watch: (collection, id, options) => database.collection(collection).doc(id).watch(options),
    act: (action, data) => api({ action, data }, organizer) as Promise<Answer>,
    async fail() {
      expect(database.breakWatches()).toBeGreaterThan(0);
    },
    async close() {
      local.dispose();
    },
  };
}

/** A watch and what it delivered, with waits that resolve on the next delivery. */
function follow(rig: Rig, id: string, collection: string = C.liveScreens) {
  const snapshots: WatchSnapshot[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | null = null;
  const watcher = rig.watch(collection, id, {
    onChange(snapshot) {
      snapshots.push(snapshot);
      wake?.();
    },
    onError(error) {
      errors.push(error);
      wake?.();
    },
  });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  };
  return {
    snapshots,
    errors,
    watcher,
    /** The n-th snapshot (1-based), once it has come. */
    async snapshot(n: number): Promise<WatchSnapshot> {
      await until(() => snapshots.length >= n || errors.length > 0);
      const got = snapshots[n - 1];
      if (got === undefined) throw new Error(`the watch failed before snapshot ${n}: ${String(errors[0])}`);
      return got;
    },
    async error(): Promise<unknown> {
      await until(() => errors.length > 0);
      return errors[0];
    },
  };
}

function data<T>(answer: Answer): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return answer.data as T;
}

describe.each<[string, () => Promise<Rig>]>([
  ['the harness’s wx.cloud.database() over the local cloud’s stream', sseRig],
  ['the in-process wx database stand-in under the CloudBase adapter', inProcessRig],
])('watch contract: %s', (_name, open) => {
  let rig: Rig;
  const screen = async () =>
    data<{ screen: LiveScreenView }>(await rig.act('live.screen', { liveId: DEMO_LIVE_ID })).screen;
  const draw = async () =>
    data<{ console: LiveConsoleView }>(await rig.act('admin.live.draw', { liveId: DEMO_LIVE_ID, seed: 'watch' }))
      .console;

  beforeEach(async () => {
    rig = await open();
  });
  afterEach(async () => {
    await rig.close();
  });

  test('opens with an init snapshot holding the document as it stands', async () => {
    const expected = await screen();
    const watch = follow(rig, DEMO_LIVE_ID);
    const init = await watch.snapshot(1);
    const doc = { _id: DEMO_LIVE_ID, screen: expected };
    expect(init).toEqual({
      id: expect.any(Number),
      type: 'init',
      docs: [doc],
      docChanges: [{ id: init.id, dataType: 'init', queueType: 'init', docId: DEMO_LIVE_ID, doc }],
    });
    expect(expected.phase).toBe('setup');
    await watch.watcher.close();
  });

  test('a change arrives as the whole new document under the next id; set is a replace, not an update', async () => {
    const watch = follow(rig, DEMO_LIVE_ID);
    const init = await watch.snapshot(1);
    const slots = (await draw()).slots;
    const drawn = await watch.snapshot(2);
    const afterDraw = await screen();
    const doc = { _id: DEMO_LIVE_ID, screen: afterDraw };
    expect(drawn).toEqual({
      id: init.id + 1,
      docs: [doc],
      docChanges: [{ id: init.id + 1, dataType: 'replace', queueType: 'update', docId: DEMO_LIVE_ID, doc }],
    });
    expect(drawn.type).toBeUndefined();
    expect(afterDraw.version).toBeGreaterThan((init.docs[0]?.screen as LiveScreenView).version);

    // The organizer starts the first contestant's 路演: the next snapshot has them on stage.
    data(await rig.act('admin.live.control', { liveId: DEMO_LIVE_ID, command: 'pitch', entryId: slots[0]?.entryId }));
    const pitch = await watch.snapshot(3);
    expect(pitch.id).toBe(drawn.id + 1);
    expect(pitch.docs).toEqual([{ _id: DEMO_LIVE_ID, screen: await screen() }]);
    expect((pitch.docs[0]?.screen as LiveScreenView).current).toMatchObject({ position: 1, state: 'pitch' });
    expect(watch.errors).toEqual([]);
    await watch.watcher.close();
  });

  test('close() resolves and nothing is delivered after it', async () => {
    const closing = follow(rig, DEMO_LIVE_ID);
    const witness = follow(rig, DEMO_LIVE_ID);
    await closing.snapshot(1);
    await witness.snapshot(1);
    await expect(closing.watcher.close()).resolves.toBeUndefined();
    await draw();
    // The witness hears the draw; by then the closed watch would have too.
    await witness.snapshot(2);
    expect(closing.snapshots).toHaveLength(1);
    expect(closing.errors).toEqual([]);
    await witness.watcher.close();
  });

  test('a document that does not exist opens with an empty init snapshot', async () => {
    const watch = follow(rig, 'demo-final:final:maker');
    const init = await watch.snapshot(1);
    expect(init).toEqual({ id: expect.any(Number), type: 'init', docs: [], docChanges: [] });
    expect(watch.errors).toEqual([]);
    await watch.watcher.close();
  });

  test('when the push channel fails: onError once, and the watch is over', async () => {
    const watch = follow(rig, DEMO_LIVE_ID);
    await watch.snapshot(1);
    await rig.fail();
    const error = await watch.error();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      errCode: expect.stringMatching(/^SDK_DATABASE_REALTIME_LISTENER_/),
      errMsg: expect.any(String),
    });
    // Closing the dead watch is allowed and quiet, as the app does on its way to polling.
    await watch.watcher.close();
    expect(watch.errors).toHaveLength(1);
    expect(watch.snapshots).toHaveLength(1);
  });
});

describe('the harness’s wx.cloud.database()', () => {
  test('refuses a collection clients may not read, through onError and never by throwing', async () => {
    const cloud = await startTestCloud();
    try {
      const recorder = newWatchRecorder();
      const rig: Rig = {
        watch: (collection, id, options) =>
          clientDatabase(cloud.url, recorder)().collection(collection).doc(id).watch(options),
        act: () => Promise.reject(new Error('not used')),
        fail: () => Promise.resolve(),
        close: () => Promise.resolve(),
      };
      const watch = follow(rig, DEMO_LIVE_ID, C.liveShows);
      expect(await watch.error()).toMatchObject({
        errCode: 'SDK_DATABASE_REALTIME_LISTENER_INIT_WATCH_FAIL',
        errMsg: expect.stringContaining('COLLECTION_PERMISSION_DENIED'),
      });
      expect(watch.snapshots).toEqual([]);
      expect(recorder).toEqual({ opened: 1, open: 0, snapshots: 0, errors: 1 });
      await watch.watcher.close();
    } finally {
      await cloud.close();
    }
  });

  test('a stream the server cuts ends the watch with one onError; a new watch opens again', async () => {
    const cloud = await startTestCloud();
    try {
      const recorder = newWatchRecorder();
      const database = clientDatabase(cloud.url, recorder)();
      const rig: Rig = {
        watch: (collection, id, options) => database.collection(collection).doc(id).watch(options),
        act: () => Promise.reject(new Error('not used')),
        fail: () => Promise.resolve(),
        close: () => Promise.resolve(),
      };
      const first = follow(rig, DEMO_LIVE_ID);
      await first.snapshot(1);
      expect(cloud.dropLiveStreams()).toBe(1);
      expect(await first.error()).toMatchObject({
        errCode: 'SDK_DATABASE_REALTIME_LISTENER_WEBSOCKET_CONNECTION_ERROR',
      });
      const again = follow(rig, DEMO_LIVE_ID);
      expect((await again.snapshot(1)).type).toBe('init');
      await first.watcher.close();
      await again.watcher.close();
      expect(recorder).toEqual({ opened: 2, open: 0, snapshots: 2, errors: 1 });
      expect(first.errors).toHaveLength(1);
    } finally {
      await cloud.close();
    }
  });
});
