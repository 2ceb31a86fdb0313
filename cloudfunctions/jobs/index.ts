import type { Ports } from '../ports';
import { ADVANCE_JOB, continueAdvancement } from '../usecases/judging/advancement';
import { ASSIGN_JOB, continueAssignment } from '../usecases/judging/assignment-run';
import { purgeExpiredRequests } from './purge-requests';
import { ensureRecurringJob, runDueJobs, type JobHandler, type JobOutcome } from './run-due-jobs';
import { scanSimilarity } from './similarity-scan';

export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  'requests.purge': purgeExpiredRequests,
  'entries.similarity': scanSimilarity,
  [ASSIGN_JOB]: continueAssignment,
  [ADVANCE_JOB]: continueAdvancement,
};

/** Recurring jobs every environment has; created on the first cron run. */
const recurring: ReadonlyArray<readonly [kind: string, everySeconds: number]> = [['requests.purge', 3600]];

/** One tick of the `cron` function. */
export async function cronTick(ports: Ports, owner: string): Promise<JobOutcome[]> {
  for (const [kind, every] of recurring) await ensureRecurringJob(ports, kind, every);
  // A sign-up surge queues one similarity job per entry: take many per tick, within the cron
  // function's 60 s timeout.
  return runDueJobs(ports, { owner, handlers: jobHandlers, maxJobs: 500, budgetMs: 40_000 });
}
