/**
 * The write outbox against a stubbed fetch only: real callCloud, real Taro storage (localStorage on H5).
 * Each test loads the module afresh, as an app start does; storage is what carries items across starts.
 */
import type { CallRequest } from '@core/wire';
import type * as OutboxModule from '../../src/services/outbox';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';

type Outbox = typeof OutboxModule;

/** The outbox module as a new app start loads it (its memory empty, its storage whatever is there). */
function freshOutbox(): Outbox {
  let loaded: Outbox | undefined;
  jest.isolateModules(() => {
    loaded = require('../../src/services/outbox') as Outbox;
  });
  if (!loaded) throw new Error('outbox did not load');
  return loaded;
}

const score = (points: number) => ({ roundId: 'r-1', entryId: 'e-1', points: { innovation: points }, comment: '' });
const other = { roundId: 'r-1', entryId: 'e-2', points: { innovation: 10 }, comment: '' };

function stored(): Array<{ key: string; requestId: string; failed: unknown }> {
  const raw = window.localStorage.getItem('outbox:v1');
  return raw === null
    ? []
    : (JSON.parse(raw) as { data: Array<{ key: string; requestId: string; failed: unknown }> }).data;
}

let stub: FetchStub | undefined;
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.useRealTimers();
});

function sent(action = 'judge.score'): CallRequest[] {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === action);
}

/** A fetch answer the test releases when it wants. */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

describe('queueing', () => {
  test('an item is stored at once; new content under the same key replaces it with a new requestId', () => {
    const outbox = freshOutbox();
    const first = outbox.enqueueWrite('score:e-1', 'judge.score', score(20));
    expect(stored()).toEqual([expect.objectContaining({ key: 'score:e-1', requestId: first.requestId })]);

    // The same content again is the same write: same id (a lost answer is then answered from the server's record).
    expect(outbox.enqueueWrite('score:e-1', 'judge.score', score(20)).requestId).toBe(first.requestId);

    const second = outbox.enqueueWrite('score:e-1', 'judge.score', score(21.5));
    expect(second.requestId).not.toBe(first.requestId);
    expect(outbox.outboxItems()).toHaveLength(1);
    expect(outbox.outboxItems()[0]?.data).toEqual(score(21.5));
    expect(stored()).toEqual([expect.objectContaining({ key: 'score:e-1', requestId: second.requestId })]);

    outbox.dropOutboxItem('score:e-1');
    expect(outbox.outboxItems()).toEqual([]);
    expect(stored()).toEqual([]);
  });

  test('subscribers hear every change; outboxItems stays the same array until something changes', () => {
    const outbox = freshOutbox();
    const events: string[] = [];
    const unsubscribe = outbox.subscribeOutbox((e) => events.push(e.kind));
    const before = outbox.outboxItems();
    expect(outbox.outboxItems()).toBe(before);
    outbox.enqueueWrite('a', 'judge.score', score(1));
    expect(outbox.outboxItems()).not.toBe(before);
    unsubscribe();
    outbox.enqueueWrite('b', 'judge.score', score(2));
    expect(events).toEqual(['changed']);
  });
});

describe('sending', () => {
  test('items survive the app being closed: the next start sends them with the requestId they were queued with', async () => {
    const closed = freshOutbox();
    const queued = closed.enqueueWrite('score:e-1', 'judge.score', score(27.5));

    // A new start: nothing in memory, the item in storage.
    stub = stubFetch({ actions: { 'judge.score': () => ok({ changed: true }) } });
    const reopened = freshOutbox();
    expect(reopened.outboxItems().map((i) => i.requestId)).toEqual([queued.requestId]);
    reopened.startOutbox();
    await waitForCalls(1);
    expect(sent()[0]).toEqual({ action: 'judge.score', data: score(27.5), requestId: queued.requestId });
    await waitUntil(() => reopened.outboxItems().length === 0);
    expect(stored()).toEqual([]);
  });

  test('no network: the item stays with its attempt counted, the flush stops, and the retry reuses the requestId', async () => {
    let online = false;
    stub = stubFetch({
      actions: { 'judge.score': () => (online ? ok({ changed: true }) : new TypeError('Failed to fetch')) },
    });
    const outbox = freshOutbox();
    const a = outbox.enqueueWrite('a', 'judge.score', score(1));
    outbox.enqueueWrite('b', 'judge.score', other);

    expect(await outbox.flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 2 });
    // Stopped at the first: the network is down, so the second was not tried.
    expect(sent()).toHaveLength(1);
    expect(outbox.outboxItems().map((i) => [i.key, i.attempts, i.failed])).toEqual([
      ['a', 1, null],
      ['b', 0, null],
    ]);

    online = true;
    const answers: unknown[] = [];
    outbox.subscribeOutbox((e) => e.kind === 'sent' && answers.push([e.item.key, e.answer, e.current]));
    expect(await outbox.flushOutbox()).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(sent().map((c) => c.requestId)).toEqual([a.requestId, a.requestId, expect.any(String)]);
    expect(answers).toEqual([
      ['a', { changed: true }, true],
      ['b', { changed: true }, true],
    ]);
  });

  test('a refusal marks the item failed with the code and message and the flush goes on; failed items are not resent', async () => {
    stub = stubFetch({
      actions: {
        'judge.score': (req) =>
          (req.data as { entryId: string }).entryId === 'e-1'
            ? { json: { ok: false, error: { code: 'ROUND_CLOSED', message: '本轮评分已截止' } } }
            : ok({ changed: true }),
      },
    });
    const outbox = freshOutbox();
    const failedOne = outbox.enqueueWrite('a', 'judge.score', score(1));
    outbox.enqueueWrite('b', 'judge.score', other);

    expect(await outbox.flushOutbox()).toEqual({ sent: 1, failed: 1, waiting: 0 });
    expect(outbox.outboxItems()).toEqual([
      expect.objectContaining({ key: 'a', failed: { code: 'ROUND_CLOSED', message: '本轮评分已截止' } }),
    ]);
    expect(stored()).toEqual([
      expect.objectContaining({ key: 'a', failed: expect.objectContaining({ code: 'ROUND_CLOSED' }) }),
    ]);

    await outbox.flushOutbox();
    expect(sent()).toHaveLength(2);

    // Queued again by the user: a new attempt with a new id (the server keeps its refusal under the old one).
    const again = outbox.enqueueWrite('a', 'judge.score', score(1));
    expect(again.requestId).not.toBe(failedOne.requestId);
    expect(again.failed).toBeNull();
  });

  test('REQUEST_IN_PROGRESS: the item waits and is sent again with its requestId; FORBIDDEN: marked failed, a new id next time', async () => {
    const answers: Array<{ json: unknown }> = [
      { json: { ok: false, error: { code: 'REQUEST_IN_PROGRESS', message: '上一次提交仍在处理中，请稍后再试' } } },
      { json: { ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } } },
    ];
    stub = stubFetch({ actions: { 'judge.score': () => answers.shift() ?? ok({ changed: true }) } });
    const outbox = freshOutbox();
    const queued = outbox.enqueueWrite('a', 'judge.score', score(1));

    // The first send is still running on the server: its outcome is unknown, so the item keeps its id.
    expect(await outbox.flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(outbox.outboxItems()).toEqual([
      expect.objectContaining({ key: 'a', requestId: queued.requestId, attempts: 1, failed: null }),
    ]);

    // Sent again under the same id; this time the server refuses, which settles it.
    expect(await outbox.flushOutbox()).toEqual({ sent: 0, failed: 1, waiting: 0 });
    expect(sent().map((c) => c.requestId)).toEqual([queued.requestId, queued.requestId]);
    expect(outbox.outboxItems()).toEqual([
      expect.objectContaining({ key: 'a', failed: { code: 'FORBIDDEN', message: '没有权限进行此操作' } }),
    ]);
    await outbox.flushOutbox();
    expect(sent()).toHaveLength(2);

    const again = outbox.enqueueWrite('a', 'judge.score', score(1));
    expect(again.requestId).not.toBe(queued.requestId);
  });

  test('one flush at a time: a second call joins the running one, and nothing is sent twice', async () => {
    const answer = held<{ json: unknown }>();
    let inFlight = 0;
    let most = 0;
    // fetch-stub answers at once; this fetch holds its answer to keep the first call in flight.
    const calls: CallRequest[] = [];
    Object.assign(globalThis, {
      fetch: async (_url: string, init: RequestInit) => {
        calls.push(JSON.parse(init.body as string) as CallRequest);
        inFlight += 1;
        most = Math.max(most, inFlight);
        const { json } = await answer.promise;
        inFlight -= 1;
        return { status: 200, json: async () => json } as unknown as Response;
      },
    });
    try {
      const outbox = freshOutbox();
      outbox.enqueueWrite('a', 'judge.score', score(1));
      const first = outbox.flushOutbox();
      const second = outbox.flushOutbox();
      expect(second).toBe(first);
      await waitUntil(() => calls.length === 1);
      answer.release({ json: { ok: true, data: { changed: true } } });
      expect(await first).toEqual({ sent: 1, failed: 0, waiting: 0 });
      expect(await second).toEqual({ sent: 1, failed: 0, waiting: 0 });
      expect(calls).toHaveLength(1);
      expect(most).toBe(1);
    } finally {
      Object.assign(globalThis, {
        fetch: () => Promise.reject(new Error('unexpected network call outside a fetch stub')),
      });
    }
  });

  test('an item replaced while its send was on the way is kept and sent too, with its own requestId', async () => {
    const answer = held<void>();
    const calls: CallRequest[] = [];
    Object.assign(globalThis, {
      fetch: async (_url: string, init: RequestInit) => {
        calls.push(JSON.parse(init.body as string) as CallRequest);
        if (calls.length === 1) await answer.promise;
        return { status: 200, json: async () => ({ ok: true, data: { n: calls.length } }) } as unknown as Response;
      },
    });
    try {
      const outbox = freshOutbox();
      const events: unknown[] = [];
      outbox.subscribeOutbox((e) => e.kind === 'sent' && events.push([e.item.requestId, e.current]));
      const old = outbox.enqueueWrite('a', 'judge.score', score(1));
      const flushing = outbox.flushOutbox();
      await waitUntil(() => calls.length === 1);
      const replaced = outbox.enqueueWrite('a', 'judge.score', score(2));
      answer.release();
      expect(await flushing).toEqual({ sent: 2, failed: 0, waiting: 0 });
      expect(calls.map((c) => [c.requestId, (c.data as { points: unknown }).points])).toEqual([
        [old.requestId, { innovation: 1 }],
        [replaced.requestId, { innovation: 2 }],
      ]);
      expect(events).toEqual([
        [old.requestId, false],
        [replaced.requestId, true],
      ]);
      expect(outbox.outboxItems()).toEqual([]);
    } finally {
      Object.assign(globalThis, {
        fetch: () => Promise.reject(new Error('unexpected network call outside a fetch stub')),
      });
    }
  });
});

describe('startOutbox', () => {
  test('sends when the browser comes back online and every 20 s while items wait', async () => {
    let online = false;
    stub = stubFetch({
      actions: { 'judge.score': () => (online ? ok({ changed: true }) : new TypeError('Failed to fetch')) },
    });
    jest.useFakeTimers();
    const outbox = freshOutbox();
    outbox.startOutbox();
    outbox.enqueueWrite('a', 'judge.score', score(1));
    await outbox.flushOutbox();
    expect(sent()).toHaveLength(1);

    // The timer tries again while the item waits.
    await jest.advanceTimersByTimeAsync(19_000);
    expect(sent()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent()).toHaveLength(2);
    expect(outbox.outboxItems()[0]?.attempts).toBe(2);

    // Back online (H5: the window's online event, which every browser fires).
    online = true;
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(0);
    await waitUntilFake(() => outbox.outboxItems().length === 0);
    expect(sent()).toHaveLength(3);
    expect(new Set(sent().map((c) => c.requestId)).size).toBe(1);

    // Nothing waits: the timer stops asking.
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent()).toHaveLength(3);
  });
});

async function waitForCalls(n: number): Promise<void> {
  await waitUntil(() => sent().length >= n);
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

async function waitUntilFake(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (condition()) return;
    await jest.advanceTimersByTimeAsync(1);
  }
  throw new Error('condition not met');
}
