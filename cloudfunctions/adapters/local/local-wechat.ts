import { randomUUID } from 'node:crypto';
import type { Db, SendResult, SubscriptionMessage } from '../../ports';
import type { AdjustableClock } from './clock';
import { createLocalMessenger, type LocalFault } from './local-messenger';

/** Subscription messages the local stand-in of WeChat "sent" or refused, for people and tests to read. */
export const LOCAL_MESSAGES = 'localMessages';
/** WeChat's own count of one-time subscriptions: what a tap on 允许 allows, which the platform cannot read. */
export const LOCAL_SUBSCRIPTIONS = 'localWechatSubscriptions';

export interface LocalMessageDoc {
  _id: string;
  message: SubscriptionMessage;
  result: SendResult;
  sentAt: string;
}

interface LocalSubscriptionDoc {
  _id: string;
  openid: string;
  templateId: string;
  left: number;
}

export interface LocalChaos {
  latencyMs: number;
  /** Share of sends that fail transiently (-1 or a timeout), 0..1. */
  transientRate: number;
  /** Defaults to Math.random; the benchmark passes a seeded one. */
  random?: () => number;
}

/**
 * The local cloud's WeChat for subscription messages: `accept` is a user's tap on 允许 (the H5 build simulates it
 * through POST /dev/subscribe), each delivered message uses one, as on WeChat, and what was sent is kept for
 * GET /dev/messages. Tests queue faults; the benchmark adds latency and random transient failures.
 */
export function createLocalWeChat(db: Db, clock: AdjustableClock) {
  const faults: LocalFault[] = [];
  let chaos: LocalChaos | null = null;
  const subscriptions = db.collection<LocalSubscriptionDoc>(LOCAL_SUBSCRIPTIONS);
  const key = (openid: string, templateId: string) => `${openid}:${templateId}`;

  const messenger = createLocalMessenger({
    record: async (message, result) => {
      await db
        .collection<LocalMessageDoc>(LOCAL_MESSAGES)
        .create({ _id: randomUUID(), message, result, sentAt: clock.now().toISOString() });
    },
    isSubscribed: (openid, templateId) =>
      db.transaction(async (tx) => {
        const row = await tx.get<LocalSubscriptionDoc>(LOCAL_SUBSCRIPTIONS, key(openid, templateId));
        if (row === null || row.left <= 0) return false;
        await tx.update<LocalSubscriptionDoc>(LOCAL_SUBSCRIPTIONS, row._id, { left: row.left - 1 });
        return true;
      }),
    nextFault: () => {
      const queued = faults.shift();
      if (queued !== undefined) return queued;
      if (chaos !== null && chaos.transientRate > 0) {
        const roll = (chaos.random ?? Math.random)();
        if (roll < chaos.transientRate) return roll < chaos.transientRate / 2 ? 'busy' : 'timeout';
      }
      return null;
    },
    latencyMs: () => chaos?.latencyMs ?? 0,
  });

  return {
    messenger,
    /** One tap on 允许 for each template id. */
    async accept(openid: string, templateIds: readonly string[]): Promise<void> {
      for (const templateId of templateIds) {
        await db.transaction(async (tx) => {
          const id = key(openid, templateId);
          const row = await tx.get<LocalSubscriptionDoc>(LOCAL_SUBSCRIPTIONS, id);
          await tx.set<LocalSubscriptionDoc>(LOCAL_SUBSCRIPTIONS, {
            _id: id,
            openid,
            templateId,
            left: (row?.left ?? 0) + 1,
          });
        });
      }
    },
    /** For tests and the dev page only: WeChat offers no such call. */
    async remaining(openid: string, templateId: string): Promise<number> {
      return (await subscriptions.get(key(openid, templateId)))?.left ?? 0;
    },
    /** The next sends fail like this, in order. */
    injectFaults(...next: LocalFault[]): void {
      faults.push(...next);
    },
    setChaos(next: LocalChaos | null): void {
      chaos = next;
    },
    /** Newest first. */
    async messages(limit = 100): Promise<LocalMessageDoc[]> {
      return db.collection<LocalMessageDoc>(LOCAL_MESSAGES).find({}, { orderBy: [['sentAt', 'desc']], limit });
    },
  };
}

export type LocalWeChat = ReturnType<typeof createLocalWeChat>;
