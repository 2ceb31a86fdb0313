import { DbError, type Db } from '../ports';
import { C, type JobDoc } from './collections';

/**
 * Hands work to the cron function (jobs/index.ts runs it under a lease). The id is the job's natural key: the
 * same work queued twice, by a retry or by two runs at once, is one job.
 */
export async function queueJob(
  db: Db,
  job: { id: string; kind: string; payload: Record<string, unknown>; runAt: string; everySeconds?: number },
): Promise<void> {
  try {
    await db.collection<JobDoc>(C.jobs).create({
      _id: job.id,
      kind: job.kind,
      status: 'pending',
      runAt: job.runAt,
      everySeconds: job.everySeconds ?? null,
      payload: job.payload,
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      lastRunAt: null,
      createdAt: job.runAt,
      updatedAt: job.runAt,
    });
  } catch (error) {
    if (!(error instanceof DbError && error.code === 'DUPLICATE')) throw error;
  }
}
