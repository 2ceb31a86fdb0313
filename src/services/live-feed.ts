import Taro from '@tarojs/taro';
import type { LiveScreenView } from '@core/live/views';
import { callCloud } from './cloud';
import { syncServerClock } from './server-clock';

/**
 * Follows one live show's released projection: the big screen shows it, the host console and the judges'
 * phones refetch their own views when its `version` moves. On the local cloud (H5) by Server-Sent Events from
 * `/live/<liveId>/stream`; in the mini-program by `watch()` on the `liveScreens` collection (client-readable,
 * one document per show); whenever either errors, by polling `live.screen` every 3 s until it works again.
 * While the device is offline it says so ('offline', nothing is tried) instead of claiming to be live on a
 * channel that has not noticed yet, and opens the push channel again the moment the network is back.
 * Reconnects by itself; the caller stops it (page unmount / hide) with the returned function.
 */
export type FeedStatus = 'connecting' | 'live' | 'polling' | 'offline';

export const POLL_MS = 3000;
/** How long a broken push channel is left before trying it again (polling meanwhile). */
const RETRY_PUSH_MS = 15_000;

type OnScreen = (screen: LiveScreenView) => void;

interface Watcher {
  close(): void;
}

interface WatchSnapshot {
  docs?: Array<{ screen?: LiveScreenView }>;
}

function watchCloud(liveId: string, onScreen: OnScreen, onError: () => void): Watcher | null {
  const cloud = (Taro as { cloud?: { database?: () => unknown } }).cloud;
  if (typeof cloud?.database !== 'function') return null;
  try {
    const db = cloud.database() as {
      collection(name: string): {
        doc(id: string): {
          watch(o: { onChange(s: WatchSnapshot): void; onError(e: unknown): void }): Watcher;
        };
      };
    };
    return db
      .collection('liveScreens')
      .doc(liveId)
      .watch({
        onChange(snapshot) {
          const screen = snapshot.docs?.[0]?.screen;
          if (screen) onScreen(screen);
        },
        onError: () => onError(),
      });
  } catch {
    return null;
  }
}

function streamLocal(liveId: string, onScreen: OnScreen, onOpen: () => void, onError: () => void): Watcher | null {
  const Source = (globalThis as { EventSource?: typeof EventSource }).EventSource;
  if (Source === undefined) return null;
  const source = new Source(`/live/${encodeURIComponent(liveId)}/stream`);
  source.onopen = onOpen;
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      const data = JSON.parse(message.data) as { screen: LiveScreenView; now: string };
      syncServerClock(data.now);
      onScreen(data.screen);
    } catch {
      // A garbled frame is skipped: the next one carries the whole projection again.
    }
  };
  // EventSource would retry by itself, but silently: poll meanwhile, and open the stream again later.
  source.onerror = onError;
  return source;
}

export function followLive(liveId: string, onScreen: OnScreen, onStatus?: (status: FeedStatus) => void): () => void {
  let stopped = false;
  let version = -1;
  let push: Watcher | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let status: FeedStatus | null = null;
  const setStatus = (next: FeedStatus) => {
    if (next !== status) {
      status = next;
      onStatus?.(next);
    }
  };
  const deliver = (screen: LiveScreenView) => {
    if (stopped || screen.version < version) return;
    version = screen.version;
    onScreen(screen);
  };

  const poll = async () => {
    pollTimer = null;
    if (stopped) return;
    try {
      const answer = await callCloud('live.screen', { liveId });
      syncServerClock(answer.now);
      deliver(answer.screen);
    } catch {
      // Venue Wi-Fi drops: keep the last screen and try again.
    }
    if (!stopped && push === null) pollTimer = setTimeout(() => void poll(), POLL_MS);
  };

  const startPolling = () => {
    setStatus('polling');
    if (pollTimer === null) pollTimer = setTimeout(() => void poll(), 0);
    if (retryTimer === null)
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!stopped) openPush();
      }, RETRY_PUSH_MS);
  };

  const pushFailed = () => {
    push?.close();
    push = null;
    if (!stopped) startPolling();
  };

  function openPush() {
    if (stopped) return;
    setStatus('connecting');
    push =
      process.env.TARO_ENV === 'h5'
        ? streamLocal(liveId, deliver, () => setStatus('live'), pushFailed)
        : watchCloud(liveId, deliver, pushFailed);
    if (push === null) return startPolling();
    if (process.env.TARO_ENV !== 'h5') {
      setStatus('live');
      // The watch has no server time: one call anchors the clock (and shows the screen at once).
      void poll();
    }
  }

  const clearTimers = () => {
    if (pollTimer !== null) clearTimeout(pollTimer);
    if (retryTimer !== null) clearTimeout(retryTimer);
    pollTimer = null;
    retryTimer = null;
  };
  const goOffline = () => {
    if (stopped) return;
    push?.close();
    push = null;
    clearTimers();
    setStatus('offline');
  };
  const goOnline = () => {
    if (!stopped && status === 'offline') openPush();
  };
  const unwatchNetwork = watchNetwork(goOffline, goOnline);

  if (isOffline()) goOffline();
  else openPush();
  return () => {
    stopped = true;
    unwatchNetwork();
    push?.close();
    push = null;
    clearTimers();
  };
}

function isOffline(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * The device's network going and coming: the browser's online / offline events on H5 (Taro's H5 network event
 * needs navigator.connection, which not every browser has), wx.onNetworkStatusChange in the mini-program.
 */
function watchNetwork(onOffline: () => void, onOnline: () => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined') return () => undefined;
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
  }
  const onChange = (res: { isConnected: boolean }) => (res.isConnected ? onOnline() : onOffline());
  try {
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange(onChange);
  } catch {
    // A platform without the event: the push channel's own errors still lead to polling.
    return () => undefined;
  }
}
