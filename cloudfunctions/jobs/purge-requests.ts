import type { JobHandler } from './run-due-jobs';
import { C } from '../usecases/collections';

/** Idempotency records are kept for a day (see idempotency.ts); older ones only take space. */
export const purgeExpiredRequests: JobHandler = async (_payload, ports) => {
  const removed = await ports.db
    .collection(C.requests)
    .removeWhere({ expiresAt: { $lt: ports.clock.now().toISOString() } });
  return { removed };
};
