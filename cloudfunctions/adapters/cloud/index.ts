import type { Logger, Ports } from '../../ports';
import type { WxContext } from '../../identity';
import { jsonLogger } from '../../log';
import { createCloudBaseDb } from './cloudbase-db';
import { createCloudContentCheck } from './cloud-content-check';
import { createCloudFiles } from './cloud-files';
import { createCloudMessenger } from './cloud-messenger';
import type { WxOpenApi, WxStorageApi } from './wx-cloud-types';
import type { WxDatabase } from './wx-database-types';

/** The parts of `require('wx-server-sdk')` this project uses. */
export interface WxCloud extends WxStorageApi {
  init(options: { env: string | symbol }): void;
  readonly DYNAMIC_CURRENT_ENV: string | symbol;
  getWXContext(): WxContext;
  database(): WxDatabase;
  openapi: WxOpenApi;
}

/** Production adapters over wx-server-sdk. */
export function createCloudPorts(cloud: WxCloud, log: Logger = jsonLogger): Ports {
  return {
    db: createCloudBaseDb(cloud.database()),
    files: createCloudFiles(cloud),
    messenger: createCloudMessenger(cloud.openapi),
    contentCheck: createCloudContentCheck(cloud.openapi),
    clock: { now: () => new Date() },
    log,
  };
}
