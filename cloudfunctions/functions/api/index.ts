import cloud from 'wx-server-sdk';
import { createApi } from '../../router';
import { createCloudPorts } from '../../adapters/cloud';
import { parseAdminOpenids, wechatIdentity } from '../../identity';
import { templatesFromEnv } from '../../usecases/notify/template-ids';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const ports = createCloudPorts(cloud);
const api = createApi({
  ports,
  adminOpenids: parseAdminOpenids(process.env.ADMIN_OPENIDS),
  runtime: 'cloud',
  version: process.env.APP_VERSION ?? __APP_VERSION__,
  idHashKey: process.env.ID_HASH_KEY ? Buffer.from(process.env.ID_HASH_KEY, 'utf8') : null,
  liveSigningKey: process.env.LIVE_SIGNING_KEY ?? null,
  templates: templatesFromEnv(process.env),
});

/** The one callable function: `{ action, data, requestId }` → `{ ok, data | error }`. */
export async function main(event: unknown): Promise<unknown> {
  return api(
    event,
    wechatIdentity(() => cloud.getWXContext()),
  );
}
