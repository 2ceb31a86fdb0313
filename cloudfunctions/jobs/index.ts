import type { Ports } from '../ports';
import { ADVANCE_JOB, continueAdvancement } from '../usecases/judging/advancement';
import { ASSIGN_JOB, continueAssignment } from '../usecases/judging/assignment-run';
import { drainNotices, type DrainReport } from './drain-notices';
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

export interface CronTickResult {
  jobs: JobOutcome[];
  notices: DrainReport;
}

/**
 * One tick of the `cron` function (60 s timeout): the queued WeChat pushes first, for up to 25 s, then due jobs
 * for up to 20 s (a sign-up surge queues one similarity job per entry: take many per tick).
 */
export async function cronTick(ports: Ports, owner: string): Promise<CronTickResult> {
  const notices = await drainNotices(ports, { budgetMs: 25_000 });
  for (const [kind, every] of recurring) await ensureRecurringJob(ports, kind, every);
  const jobs = await runDueJobs(ports, { owner, handlers: jobHandlers, maxJobs: 500, budgetMs: 20_000 });
  return { jobs, notices };
}
