import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Db } from '../ports';
import { C, type LiveScreenDoc } from '../usecases/collections';

/**
 * Server-Sent Events for the live final on the local cloud: `GET /live/<liveId>/stream` sends the released
 * projection at once and again whenever its version moves — the local stand-in for CloudBase's watch() on
 * `liveScreens`. The api calls that change a show `poke()` the feed, so a change reaches the screens at once;
 * a slow poll catches anything else (another process writing the same database).
 */
export interface LiveStreams {
  handle(req: IncomingMessage, res: ServerResponse, liveId: string): Promise<void>;
  /** Something may have changed: read the followed projections and push the ones that moved. */
  poke(): void;
  /**
   * Cuts every open stream as a lost connection would (the feed keeps serving new ones): how the clients' fallback
   * to polling is tested against the real server. Returns how many were cut.
   */
  drop(): number;
  close(): void;
}

const SAFETY_POLL_MS = 1000;
const KEEPALIVE_MS = 15_000;

export function createLiveStreams(db: Db, clock: Clock): LiveStreams {
  const followers = new Map<string, { clients: Set<ServerResponse>; version: number }>();
  let checking: Promise<void> | null = null;
  let again = false;

  const frame = (doc: LiveScreenDoc) =>
    `data: ${JSON.stringify({ screen: doc.screen, now: clock.now().toISOString() })}\n\n`;

  async function checkAll(): Promise<void> {
    for (const [liveId, f] of followers) {
      const doc = await db.collection<LiveScreenDoc>(C.liveScreens).get(liveId);
      if (doc === null || doc.screen.version === f.version) continue;
      f.version = doc.screen.version;
      const data = frame(doc);
      for (const res of f.clients) res.write(data);
    }
  }

  function poke(): void {
    if (checking) {
      again = true;
      return;
    }
    checking = checkAll()
      .catch(() => undefined)
      .finally(() => {
        checking = null;
        if (again) {
          again = false;
          poke();
        }
      });
  }

  const poll = setInterval(poke, SAFETY_POLL_MS);
  // jsdom (the weapp suite's cloud) has timers without unref.
  poll.unref?.();
  const keepalive = setInterval(() => {
    for (const f of followers.values()) for (const res of f.clients) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref?.();

  return {
    async handle(req, res, liveId) {
      const doc = await db.collection<LiveScreenDoc>(C.liveScreens).get(liveId);
      if (doc === null) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('该场决赛不存在或尚未设置');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // The browser reconnects by itself after a dropped connection; ask it to be quick about it.
      });
      res.write('retry: 1000\n\n');
      res.write(frame(doc));
      const f = followers.get(liveId) ?? { clients: new Set<ServerResponse>(), version: doc.screen.version };
      f.clients.add(res);
      followers.set(liveId, f);
      req.on('close', () => {
        f.clients.delete(res);
        if (f.clients.size === 0) followers.delete(liveId);
      });
    },
    poke,
    drop() {
      let cut = 0;
      for (const f of followers.values())
        for (const res of f.clients) {
          res.destroy();
          cut += 1;
        }
      followers.clear();
      return cut;
    },
    close() {
      clearInterval(poll);
      clearInterval(keepalive);
      for (const f of followers.values()) for (const res of f.clients) res.end();
      followers.clear();
    },
  };
}
