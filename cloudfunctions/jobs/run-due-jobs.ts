import type { TemplateIds } from '@core/notify/views';
import { type Ports } from '../ports';
import { C, type JobDoc } from '../usecases/collections';
import { templateIds } from '../usecases/notify/template-ids';
import { queueJob } from '../usecases/queue-job';

/** What the cron function knows besides the ports: the deployment's template ids, for notices jobs write. */
export interface JobContext {
  templates: TemplateIds;
}

/** No template configured: notices written by jobs reach the inbox only. */
export const NO_JOB_CONTEXT: JobContext = { templates: templateIds({}) };

/** What a job kind does; the payload is stored data, so a kind validates what it reads. */
export type JobHandler = (
  payload: Record<string, unknown>,
  ports: Ports,
  context: JobContext,
) => Promise<Record<string, unknown> | void>;

export interface RunOptions {
  /** Identifies this run in the lease (e.g. the function's request id). */
  owner: string;
  handlers: Readonly<Record<string, JobHandler>>;
  leaseMs?: number;
  maxJobs?: number;
  maxAttempts?: number;
  /** Stop claiming new jobs after this long, to finish within the function's timeout. */
  budgetMs?: number;
  context?: JobContext;
}

export interface JobOutcome {
  id: string;
  kind: string;
  status: 'done' | 'rescheduled' | 'retry' | 'failed';
  result?: Record<string, unknown>;
  error?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs the jobs that are due. Each job is claimed with a lease in a transaction first, so two
 * overlapping cron runs never run one job twice; a run that dies leaves a lease that expires,
 * after which the job is claimable again.
 */
export async function runDueJobs(ports: Ports, options: RunOptions): Promise<JobOutcome[]> {
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const now = ports.clock.now();
  const jobs = ports.db.collection<JobDoc>(C.jobs);
  const candidates = await jobs.find(
    {
      $or: [
        { status: 'pending', runAt: { $lte: now.toISOString() } },
        { status: 'running', leaseUntil: { $lt: now.toISOString() } },
      ],
    },
    { orderBy: [['runAt', 'asc']], limit: options.maxJobs ?? 20 },
  );

  const outcomes: JobOutcome[] = [];
  const started = Date.now();
  for (const candidate of candidates) {
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) break;
    const job = await claim(candidate._id);
    if (job === null) continue;
    outcomes.push(await execute(job));
  }
  return outcomes;

  async function claim(id: string): Promise<JobDoc | null> {
    return ports.db.transaction(async (tx) => {
      const job = await tx.get<JobDoc>(C.jobs, id);
      const t = ports.clock.now().getTime();
      if (job === null) return null;
      const due = job.status === 'pending' && Date.parse(job.runAt) <= t;
      const abandoned = job.status === 'running' && job.leaseUntil !== null && Date.parse(job.leaseUntil) < t;
      if (!due && !abandoned) return null;
      const claimed: JobDoc = {
        ...job,
        status: 'running',
        leaseOwner: options.owner,
        leaseUntil: iso(t + leaseMs),
        attempts: job.attempts + 1,
        updatedAt: iso(t),
      };
      await tx.set<JobDoc>(C.jobs, claimed);
      return claimed;
    });
  }

  async function execute(job: JobDoc): Promise<JobOutcome> {
    const handler = options.handlers[job.kind];
    let outcome: JobOutcome;
    let next: Partial<JobDoc>;
    const finishedAt = () => ports.clock.now().getTime();
    try {
      if (handler === undefined) throw new Error(`unknown job kind ${job.kind}`);
      const result = (await handler(job.payload, ports, options.context ?? NO_JOB_CONTEXT)) ?? undefined;
      const t = finishedAt();
      if (job.everySeconds !== null) {
        next = { status: 'pending', runAt: iso(t + job.everySeconds * 1000), attempts: 0, lastError: null };
        outcome = { id: job._id, kind: job.kind, status: 'rescheduled', result };
      } else {
        next = { status: 'done', lastError: null };
        outcome = { id: job._id, kind: job.kind, status: 'done', result };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const t = finishedAt();
      ports.log.error('job failed', { job: job._id, kind: job.kind, attempt: job.attempts, error: message });
      if (job.attempts >= maxAttempts && job.everySeconds === null) {
        next = { status: 'failed', lastError: message };
        outcome = { id: job._id, kind: job.kind, status: 'failed', error: message };
      } else {
        // Back off 30 s, 60 s, 120 s … so a failing job does not hog every run.
        const backoff = 30_000 * 2 ** Math.min(job.attempts - 1, 6);
        next = { status: 'pending', runAt: iso(t + backoff), lastError: message };
        outcome = { id: job._id, kind: job.kind, status: 'retry', error: message };
      }
    }
    await release(job, next);
    return outcome;
  }

  /** Writes the outcome only if the lease is still ours (a slow run must not undo a newer claim). */
  async function release(job: JobDoc, next: Partial<JobDoc>): Promise<void> {
    await ports.db.transaction(async (tx) => {
      const current = await tx.get<JobDoc>(C.jobs, job._id);
      if (current === null || current.leaseOwner !== options.owner || current.leaseUntil !== job.leaseUntil) return;
      const t = ports.clock.now().toISOString();
      await tx.set<JobDoc>(C.jobs, {
        ...current,
        ...next,
        leaseOwner: null,
        leaseUntil: null,
        lastRunAt: t,
        updatedAt: t,
      });
    });
  }
}

/** Creates a recurring job once, by its natural id; later calls leave it as it is. */
export async function ensureRecurringJob(ports: Ports, kind: string, everySeconds: number): Promise<void> {
  const jobs = ports.db.collection<JobDoc>(C.jobs);
  const id = `recurring:${kind}`;
  if ((await jobs.get(id)) !== null) return;
  // Another run may create it between our get and this: the natural id makes that one job.
  await queueJob(ports.db, { id, kind, payload: {}, runAt: ports.clock.now().toISOString(), everySeconds });
}
