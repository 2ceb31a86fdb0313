import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Logger, Ports } from '../../ports';
import { createAdjustableClock, type AdjustableClock } from './clock';
import { openEmbeddedDb } from './embedded-db';
import { createLocalContentCheck } from './local-content-check';
import { createLocalFiles, type LocalFiles } from './local-files';
import { createLocalWeChat, type LocalWeChat } from './local-wechat';

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
  wechat: LocalWeChat;
  close(): void;
}

export { LOCAL_MESSAGES, type LocalMessageDoc } from './local-wechat';

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
  const wechat = createLocalWeChat(db, clock);
  return {
    db,
    files: localFiles,
    localFiles,
    messenger: wechat.messenger,
    wechat,
    contentCheck: createLocalContentCheck(),
    clock,
    log: options.log,
    close: () => db.close(),
  };
}
