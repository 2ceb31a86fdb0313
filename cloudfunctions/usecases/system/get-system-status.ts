import { C, type JobDoc } from '../collections';
import type { UseCase } from '../context';

/** For organizers: is the system alive, is the cron trigger running, how much is stored. */
export const getSystemStatus: UseCase<'admin.system.status'> = async (_ctx, _input, ports) => {
  const count = (name: string) => ports.db.collection(name).count();
  const [users, roles, contests, requests, jobCount] = await Promise.all([
    count(C.users),
    count(C.roles),
    count(C.contests),
    count(C.requests),
    count(C.jobs),
  ]);
  const jobs = await ports.db
    .collection<JobDoc>(C.jobs)
    .find({ status: { $in: ['pending', 'running', 'failed'] } }, { orderBy: [['runAt', 'asc']], limit: 50 });
  return {
    counts: { users, roles, contests, requests, jobs: jobCount },
    jobs: jobs.map((j) => ({
      id: j._id,
      kind: j.kind,
      status: j.status,
      runAt: j.runAt,
      lastRunAt: j.lastRunAt,
      lastError: j.lastError,
    })),
  };
};
