/**
 * A persistent queue of idempotent writes. Judges score in venues whose Wi-Fi comes and goes: a write
 * that can't reach the cloud now waits here, in storage, and is sent when the network is back, the app
 * is shown again, or at the next start after the app was closed. Each item carries the requestId it
 * will always be sent with, so a call whose answer was lost is answered from the server's record on
 * the next try instead of being applied twice. Nothing here knows what the writes are.
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName } from '@core/actions';
import type { ErrorBody } from '@core/errors';
import { outcomeUnknown } from '@core/wire';
import { sendQueued, toCloudError } from './cloud';
import { newRequestId } from './request-id';

export interface OutboxItem {
  /** The caller's name for the write; a newer write with the same key replaces it. */
  key: string;
  action: ActionName;
  data: unknown;
  requestId: string;
  /** Date.now() when this content was queued. */
  queuedAt: number;
  /** Sends that got no answer (offline, server busy). */
  attempts: number;
  /** The server refused it; it stays until replaced or dropped, and is not sent again. */
  failed: Pick<ErrorBody, 'code' | 'message' | 'details'> | null;
}

export type OutboxEvent =
  | { kind: 'changed' }
  /** `current`: the queue still held this very content (not replaced while on its way). */
  | { kind: 'sent'; item: OutboxItem; answer: unknown; current: boolean }
  | { kind: 'failed'; item: OutboxItem };

export interface FlushResult {
  sent: number;
  failed: number;
  /** Items left to send (the flush stopped: no network). */
  waiting: number;
}

const STORAGE_KEY = 'outbox:v1';
const RETRY_MS = 20_000;

let items: readonly OutboxItem[] | null = null;
const listeners = new Set<(event: OutboxEvent) => void>();
let running: Promise<FlushResult> | null = null;
let flushing = false;
let started = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function isItem(value: unknown): value is OutboxItem {
  const item = value as Partial<OutboxItem> | null;
  return (
    typeof item?.key === 'string' &&
    typeof item.action === 'string' &&
    typeof item.requestId === 'string' &&
    typeof item.queuedAt === 'number' &&
    typeof item.attempts === 'number'
  );
}

function current(): readonly OutboxItem[] {
  if (items === null) {
    try {
      const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
      items = Array.isArray(stored) ? stored.filter(isItem).map((i) => ({ ...i, failed: i.failed ?? null })) : [];
    } catch {
      items = [];
    }
  }
  return items;
}

function save(next: readonly OutboxItem[], event: OutboxEvent = { kind: 'changed' }): void {
  items = next;
  try {
    Taro.setStorageSync(STORAGE_KEY, next);
  } catch {
    // Storage full or unavailable: the queue still works for this session.
  }
  emit(event);
  if (event.kind !== 'changed') emit({ kind: 'changed' });
  schedule();
}

function emit(event: OutboxEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // One listener's bug must not stop the queue.
    }
  }
}

/** The queue as it stands; the same array until something changes (usable with useSyncExternalStore). */
export function outboxItems(): readonly OutboxItem[] {
  return current();
}

export function subscribeOutbox(listener: (event: OutboxEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Queues a write, replacing any item with the same key; stored at once. New content gets a new
 * requestId; the same content queued again keeps its id unless the server refused it (a refusal is
 * stored under its id, so resending that id would only repeat it).
 */
export function enqueueWrite<A extends ActionName>(key: string, action: A, data: ActionInput<A>): OutboxItem {
  const list = current();
  const previous = list.find((i) => i.key === key);
  const same =
    previous !== undefined &&
    previous.failed === null &&
    previous.action === action &&
    JSON.stringify(previous.data) === JSON.stringify(data);
  const item: OutboxItem =
    same && previous
      ? previous
      : { key, action, data, requestId: newRequestId(), queuedAt: Date.now(), attempts: 0, failed: null };
  if (item !== previous) save([...list.filter((i) => i.key !== key), item]);
  return item;
}

export function dropOutboxItem(key: string): void {
  const list = current();
  if (list.some((i) => i.key === key)) save(list.filter((i) => i.key !== key));
}

/** Replaces the item only if it still holds the content that was sent (same requestId). */
function updateIfCurrent(
  sent: OutboxItem,
  change: (item: OutboxItem) => OutboxItem | null,
  event?: OutboxEvent,
): boolean {
  const list = current();
  const now = list.find((i) => i.key === sent.key);
  if (now === undefined || now.requestId !== sent.requestId) return false;
  const next = change(now);
  save(next === null ? list.filter((i) => i !== now) : list.map((i) => (i === now ? next : i)), event);
  return true;
}

/**
 * Sends waiting items one at a time, oldest first. A call that gets no answer stops the flush (the
 * network is away) and the item waits; a refusal marks the item failed and the flush goes on. One flush
 * at a time: a call during a flush joins it (items queued meanwhile are picked up by it).
 */
export function flushOutbox(): Promise<FlushResult> {
  if (flushing && running) return running;
  flushing = true;
  running = run();
  return running;
}

// Promise chains rather than async/await: this file is in the main package, and transpiled async
// functions cost it more than the code itself.
function run(): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, waiting: 0 };
  const tried = new Set<string>();
  const done = (): FlushResult => {
    // Cleared before the promise settles, so a write queued right after is sent by a new flush.
    flushing = false;
    result.waiting = current().filter((i) => i.failed === null).length;
    schedule();
    return result;
  };
  const step = (): Promise<FlushResult> => {
    const next = current().find((i) => i.failed === null && !tried.has(i.requestId));
    if (next === undefined) return Promise.resolve(done());
    tried.add(next.requestId);
    return sendQueued(next.action, next.data, next.requestId).then(
      (answer) => {
        result.sent += 1;
        const removed = updateIfCurrent(next, () => null, { kind: 'sent', item: next, answer, current: true });
        if (!removed) emit({ kind: 'sent', item: next, answer, current: false });
        return step();
      },
      (caught: unknown) => {
        const error = toCloudError(caught);
        // Outcome unknown: the item waits and is sent again under its id. Anything else is the server's last word.
        if (outcomeUnknown(error.code)) {
          updateIfCurrent(next, (i) => ({ ...i, attempts: i.attempts + 1 }));
          return done();
        }
        result.failed += 1;
        const failed = { code: error.code, message: error.message, details: error.details };
        updateIfCurrent(next, (i) => ({ ...i, failed }), { kind: 'failed', item: { ...next, failed } });
        return step();
      },
    );
  };
  return step();
}

function schedule(): void {
  if (!started || timer !== null || flushing) return;
  if (!current().some((i) => i.failed === null)) return;
  timer = setTimeout(() => {
    timer = null;
    void flushOutbox();
  }, RETRY_MS);
}

/**
 * Starts sending: now, when the network comes back, when the app is shown again, and every 20 s while
 * items wait. Call once at app start; items queued in an earlier session are sent too.
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const kick = () => void flushOutbox();
  try {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) kick();
    });
    Taro.onAppShow(kick);
  } catch {
    // A platform without these events still has the timer.
  }
  // Taro's H5 network event needs navigator.connection, which not every browser has.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', kick);
  kick();
}
