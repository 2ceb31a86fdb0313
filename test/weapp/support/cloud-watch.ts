/**
 * The mini-program's `wx.cloud.database()` as far as the app uses it — `collection(name).doc(id).watch({ onChange,
 * onError })`, the realtime push — fed by the real local cloud: a watch on `liveScreens/<liveId>` follows
 * `GET /live/<liveId>/stream` (Server-Sent Events, a frame with the whole projection at once and whenever its version
 * moves) and hands the page snapshots in the client SDK's shape (../../standins/wx-watch.ts, which cites the
 * reference pages and the SDK source the shapes follow).
 *
 * How it stands in for the platform:
 *  - the first frame is the init snapshot; every later frame is a `replace` / `update` change, because the one
 *    writer of `liveScreens` (usecases/live/show.ts) writes it with `tx.set`, which is document.set on CloudBase
 *    ("replace 对应 set 操作"; `updatedFields` only comes with `update`);
 *  - a show with no projection (the stream's 404) opens with `{ type: 'init', docs: [], docChanges: [] }`, as the
 *    SDK's client does for a query that matches nothing. Unlike the real push, it does not then report the
 *    document being created: the local stream cannot wait for a show that does not exist;
 *  - only `liveScreens` is readable by clients here; a watch on any other collection fails with onError, as a
 *    collection without read permission fails (COLLECTION_PERMISSION_DENIED);
 *  - a dropped stream (the server cut it, or went away) calls onError once and the watch is over, as the SDK's
 *    client closes every watch when its socket fails after opening; it never comes back by itself (the real SDK
 *    first retries a lost socket for a while: this models where that ends). Errors arrive on a later turn, never
 *    thrown from watch();
 *  - `close()` returns a Promise that resolves once the connection is gone; nothing is delivered after it.
 */
import http from 'node:http';
import {
  DocWatchSequence,
  WatchError,
  type WatchOptions,
  type WatchSnapshot,
  type Watcher,
} from '../../standins/wx-watch';

/** What the watches of one page (or test) did, for asserting that a change came by push and not by polling. */
export interface WatchRecorder {
  /** watch() calls. */
  opened: number;
  /** Watches neither closed nor ended by an error. */
  open: number;
  /** Snapshots handed to onChange, init ones included. */
  snapshots: number;
  /** onError calls. */
  errors: number;
}

export function newWatchRecorder(): WatchRecorder {
  return { opened: 0, open: 0, snapshots: 0, errors: 0 };
}

export interface ClientDocument {
  watch(options: WatchOptions): Watcher;
}

export interface ClientDatabase {
  collection(name: string): { doc(id: string): ClientDocument };
}

/** The collections a client may read (and so watch); the app's security rules open only the big screen's. */
export const CLIENT_READABLE = new Set(['liveScreens']);

/** `wx.cloud.database` for a page, watching through the local cloud at `baseUrl`. */
export function clientDatabase(
  baseUrl: string,
  recorder: WatchRecorder,
): (options?: { env?: string }) => ClientDatabase {
  return () => ({
    collection: (name) => ({
      doc: (id) => ({ watch: (options) => watchDoc(baseUrl, name, id, options, recorder) }),
    }),
  });
}

/** Splits an SSE body into the `data` of each event (comments, `retry:` and other fields dropped). */
class EventStreamParser {
  private buffer = '';

  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end < 0) return events;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line === 'data' || line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) events.push(data.join('\n'));
    }
  }
}

function watchDoc(
  baseUrl: string,
  collection: string,
  id: string,
  options: WatchOptions,
  recorder: WatchRecorder,
): Watcher {
  if (typeof options?.onChange !== 'function' || typeof options?.onError !== 'function') {
    throw new WatchError('INVALID_PARAM', 'watch() needs both onChange and onError');
  }
  recorder.opened += 1;
  recorder.open += 1;
  let state: 'open' | 'closed' | 'errored' = 'open';
  let initialised = false;
  const sequence = new DocWatchSequence(id);
  let request: http.ClientRequest | null = null;

  const fail = (errCode: string, errMsg: string) => {
    if (state !== 'open') return;
    state = 'errored';
    recorder.open -= 1;
    recorder.errors += 1;
    request?.destroy();
    options.onError(new WatchError(errCode, errMsg));
  };
  const change = (snapshot: WatchSnapshot | null) => {
    if (state !== 'open' || snapshot === null) return;
    recorder.snapshots += 1;
    options.onChange(snapshot);
  };

  if (!CLIENT_READABLE.has(collection)) {
    // The SDK learns it from the server's answer to INIT_WATCH: on a later turn, not from watch() itself.
    setTimeout(
      () => fail('SDK_DATABASE_REALTIME_LISTENER_INIT_WATCH_FAIL', `COLLECTION_PERMISSION_DENIED: ${collection}`),
      0,
    );
    return {
      async close() {
        if (state === 'open') {
          state = 'closed';
          recorder.open -= 1;
        }
      },
    };
  }

  let requestClosed = false;
  const connectionLost = () =>
    fail(
      initialised
        ? 'SDK_DATABASE_REALTIME_LISTENER_WEBSOCKET_CONNECTION_ERROR'
        : 'SDK_DATABASE_REALTIME_LISTENER_INIT_WATCH_FAIL',
      'the connection to the local cloud was lost',
    );
  // Its own socket (no keep-alive agent): closing the watch closes the connection, as the stream's end.
  const stream = http.get(
    `${baseUrl}/live/${encodeURIComponent(id)}/stream`,
    { agent: false, headers: { accept: 'text/event-stream' } },
    (res) => {
      if (res.statusCode === 404) {
        res.resume();
        initialised = true;
        change(sequence.init(null));
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        fail('SDK_DATABASE_REALTIME_LISTENER_INIT_WATCH_FAIL', `the local cloud answered ${res.statusCode}`);
        return;
      }
      const parser = new EventStreamParser();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const data of parser.push(chunk)) {
          let screen: unknown;
          try {
            screen = (JSON.parse(data) as { screen?: unknown }).screen;
          } catch {
            fail('SDK_DATABASE_REALTIME_LISTENER_RECEIVE_INVALID_SERVER_DATA', data.slice(0, 200));
            return;
          }
          // The stream's `now` is the local cloud's clock, which a watch snapshot has no field for.
          const doc = { _id: id, screen };
          if (initialised) change(sequence.change(doc, 'set'));
          else {
            initialised = true;
            change(sequence.init(doc));
          }
        }
      });
      res.on('end', connectionLost);
      res.on('aborted', connectionLost);
      res.on('error', connectionLost);
      res.on('close', connectionLost);
    },
  );
  request = stream;
  stream.on('error', connectionLost);
  stream.on('close', () => {
    requestClosed = true;
  });

  return {
    async close() {
      if (state === 'open') {
        state = 'closed';
        recorder.open -= 1;
      }
      if (requestClosed) return;
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    },
  };
}
