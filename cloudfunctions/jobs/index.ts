import type { Ports } from '../ports';
import { ADVANCE_JOB, continueAdvancement } from '../usecases/judging/advancement';
import { ASSIGN_JOB, continueAssignment } from '../usecases/judging/assignment-run';
import { CAMPAIGN_JOB, continueCampaign } from '../usecases/notify/campaign-run';
import { drainNotices, type DrainReport } from './drain-notices';
import { purgeExpiredRequests } from './purge-requests';
import { ensureRecurringJob, runDueJobs, type JobHandler, type JobOutcome } from './run-due-jobs';
import { scanSimilarity } from './similarity-scan';

export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  'requests.purge': purgeExpiredRequests,
  'entries.similarity': scanSimilarity,
  [ASSIGN_JOB]: continueAssignment,
  [ADVANCE_JOB]: continueAdvancement,
  [CAMPAIGN_JOB]: continueCampaign,
};

/** Recurring jobs every environment has; created on the first cron run. */
const recurring: ReadonlyArray<readonly [kind: string, everySeconds: number]> = [['requests.purge', 3600]];

export interface CronTickResult {
  jobs: JobOutcome[];
  notices: DrainReport;
}

/** The cron function's timeout is 60 s; a tick plans to be done within this, leaving room to write and return. */
const TICK_BUDGET_MS = 50_000;

/**
 * One tick of the `cron` function: due jobs first (a campaign's fan-out, a sign-up surge's similarity scans: many
 * per tick), then the queued WeChat pushes for what is left of the tick.
 */
export async function cronTick(ports: Ports, owner: string): Promise<CronTickResult> {
  const started = Date.now();
  for (const [kind, every] of recurring) await ensureRecurringJob(ports, kind, every);
  const jobs = await runDueJobs(ports, { owner, handlers: jobHandlers, maxJobs: 500, budgetMs: 20_000 });
  const left = TICK_BUDGET_MS - (Date.now() - started);
  const notices = await drainNotices(ports, { budgetMs: Math.max(5_000, left) });
  return { jobs, notices };
}
