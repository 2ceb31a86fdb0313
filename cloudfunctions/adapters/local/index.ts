import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Logger, Ports, SendResult, SubscriptionMessage } from '../../ports';
import { createAdjustableClock, type AdjustableClock } from './clock';
import { openEmbeddedDb } from './embedded-db';
import { createLocalContentCheck } from './local-content-check';
import { createLocalFiles, type LocalFiles } from './local-files';
import { createLocalMessenger } from './local-messenger';

export interface LocalPortsOptions {
  dataDir: string;
  /** Defaults to `<dataDir>/db.sqlite`; tests pass ':memory:'. */
  dbFile?: string;
  secret: Buffer;
  /** Where the local server serves `/files/…`. */
  baseUrl: string;
  log: Logger;
  /** Start the adjustable clock here instead of now. */
  start?: Date;
}

export interface LocalPorts extends Ports {
  clock: AdjustableClock;
  localFiles: LocalFiles;
  close(): void;
}

/** Subscription messages the local stand-in of WeChat "sent", for people and tests to read. */
export const LOCAL_MESSAGES = 'localMessages';

export interface LocalMessageDoc {
  _id: string;
  message: SubscriptionMessage;
  result: SendResult;
  sentAt: string;
}

/** The local cloud's adapters: one SQLite file, a folder of files, WeChat stand-ins, a movable clock. */
export function createLocalPorts(options: LocalPortsOptions): LocalPorts {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = createAdjustableClock(options.start);
  const db: Db & { close(): void } = openEmbeddedDb(options.dbFile ?? join(options.dataDir, 'db.sqlite'));
  const localFiles = createLocalFiles({
    dir: join(options.dataDir, 'files'),
    baseUrl: options.baseUrl,
    secret: options.secret.toString('hex'),
    clock,
  });
  const messenger = createLocalMessenger({
    record: async (message, result) => {
      await db
        .collection<LocalMessageDoc>(LOCAL_MESSAGES)
        .create({ _id: randomUUID(), message, result, sentAt: clock.now().toISOString() });
    },
  });
  return {
    db,
    files: localFiles,
    localFiles,
    messenger,
    contentCheck: createLocalContentCheck(),
    clock,
    log: options.log,
    close: () => db.close(),
  };
}
