import type { TemplateIds } from '@core/notify/views';
import type { Ports } from '../ports';
import { ADVANCE_JOB, continueAdvancement } from '../usecases/judging/advancement';
import { ASSIGN_JOB, continueAssignment } from '../usecases/judging/assignment-run';
import { CAMPAIGN_JOB, continueCampaign } from '../usecases/notify/campaign-run';
import { RESULTS_REMINDER_JOB, continueResultsReminder } from '../usecases/notify/reminders';
import { drainNotices, type DrainReport } from './drain-notices';
import { PLAN_EVERY_SECONDS, PLAN_REMINDERS_JOB, planReminders } from './plan-reminders';
import { purgeExpiredRequests } from './purge-requests';
import { NO_JOB_CONTEXT, ensureRecurringJob, runDueJobs, type JobHandler, type JobOutcome } from './run-due-jobs';
import { scanSimilarity } from './similarity-scan';

export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  'requests.purge': purgeExpiredRequests,
  'entries.similarity': scanSimilarity,
  [ASSIGN_JOB]: continueAssignment,
  [ADVANCE_JOB]: continueAdvancement,
  [CAMPAIGN_JOB]: continueCampaign,
  [PLAN_REMINDERS_JOB]: planReminders,
  [RESULTS_REMINDER_JOB]: continueResultsReminder,
};

/** Recurring jobs every environment has; created on the first cron run. */
const recurring: ReadonlyArray<readonly [kind: string, everySeconds: number]> = [
  ['requests.purge', 3600],
  [PLAN_REMINDERS_JOB, PLAN_EVERY_SECONDS],
];

export interface CronTickResult {
  jobs: JobOutcome[];
  notices: DrainReport;
}

export interface CronTickOptions {
  /** The deployment's template ids (TEMPLATE_<KIND>), for the notices jobs write; none: they reach the inbox only. */
  templates?: TemplateIds;
}

/** The cron function's timeout is 60 s; a tick plans to be done within this, leaving room to write and return. */
const TICK_BUDGET_MS = 50_000;

/**
 * One tick of the `cron` function: due jobs first (a campaign's fan-out, a sign-up surge's similarity scans, the
 * reminders' planner: many per tick), then the queued WeChat pushes for what is left of the tick.
 */
export async function cronTick(ports: Ports, owner: string, options: CronTickOptions = {}): Promise<CronTickResult> {
  const started = Date.now();
  for (const [kind, every] of recurring) await ensureRecurringJob(ports, kind, every);
  const context = options.templates ? { templates: options.templates } : NO_JOB_CONTEXT;
  const jobs = await runDueJobs(ports, { owner, handlers: jobHandlers, maxJobs: 500, budgetMs: 20_000, context });
  const left = TICK_BUDGET_MS - (Date.now() - started);
  const notices = await drainNotices(ports, { budgetMs: Math.max(5_000, left), linger: true });
  return { jobs, notices };
}
