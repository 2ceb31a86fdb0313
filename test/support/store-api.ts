/**
 * The router as the two-store suites use it: ports on the embedded SQLite store or on the CloudBase adapter over the
 * wx-server-sdk stand-in (the same local clock, files and WeChat stand-ins either way), and an api with the demo
 * organizers, a fixed ID hash key and quick idempotency timings.
 */
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import { DEMO_ADMIN_OPENIDS } from '../../cloudfunctions/local/seed-data';
import type { Ports } from '../../cloudfunctions/ports';
import { createApi, type Api } from '../../cloudfunctions/router';
import { createWxDatabaseStandin } from '../standins/wx-database';
import type { testPorts } from './local-ports';

export type Store = 'embedded' | 'cloudbase';

export function portsOn(store: Store, local: ReturnType<typeof testPorts>): Ports {
  return store === 'embedded' ? local : { ...local, db: createCloudBaseDb(createWxDatabaseStandin()) };
}

export function storeApi(ports: Ports, templates?: Parameters<typeof createApi>[0]['templates']): Api {
  return createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'local',
    version: 't',
    idHashKey: Buffer.alloc(32, 3),
    idempotency: { keepMs: 3600_000, leaseMs: 5_000, waitMs: 5_000, pollMs: 5 },
    ...(templates ? { templates } : {}),
  });
}
