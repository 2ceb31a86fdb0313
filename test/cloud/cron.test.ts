import { cronTick } from '../../cloudfunctions/jobs';
import { runDueJobs, type JobHandler } from '../../cloudfunctions/jobs/run-due-jobs';
import { C, type JobDoc, type RequestDoc } from '../../cloudfunctions/usecases/collections';
import { createCloudBaseDb } from '../../cloudfunctions/adapters/cloud/cloudbase-db';
import { createWxDatabaseStandin } from '../standins/wx-database';
import { testPorts } from '../support/local-ports';

type Ports = ReturnType<typeof testPorts>;
let ports: Ports;

beforeEach(() => {
  ports = testPorts({ start: new Date('2026-11-23T02:00:00Z') });
  ports.clock.freeze(new Date('2026-11-23T02:00:00Z'));
});
afterEach(() => ports.dispose());

function job(id: string, overrides: Partial<JobDoc> = {}): JobDoc {
  const now = ports.clock.now().toISOString();
  return {
    _id: id,
    kind: 'count',
    status: 'pending',
    runAt: now,
    everySeconds: null,
    payload: { id },
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    lastRunAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function request(id: string, expiresAt: string): RequestDoc {
  return {
    _id: id,
    openid: 'demo-entrant',
    action: 'auth.profile.update',
    fingerprint: 'f',
    status: 'done',
    leaseUntil: expiresAt,
    result: { ok: true, data: null },
    createdAt: expiresAt,
    expiresAt,
  };
}

test('the purge job removes expired requestId records, keeps fresh ones, and recurs hourly', async () => {
  const requests = ports.db.collection<RequestDoc>(C.requests);
  await requests.create(request('demo-entrant:old-000001', '2026-11-23T01:59:59.000Z'));
  await requests.create(request('demo-entrant:new-000001', '2026-11-24T02:00:00.000Z'));

  // The reminders' planner recurs too (every 5 minutes; test/cloud/reminders.test.ts): this test follows the purge.
  const purged = (tick: { jobs: Array<{ kind: string }> }) => tick.jobs.filter((j) => j.kind === 'requests.purge');
  const first = await cronTick(ports, 'tick-1');
  expect(purged(first)).toEqual([
    { id: 'recurring:requests.purge', kind: 'requests.purge', status: 'rescheduled', result: { removed: 1 } },
  ]);
  expect(first.jobs.map((j) => j.id).sort()).toEqual(['recurring:reminders.plan', 'recurring:requests.purge']);
  expect(await requests.get('demo-entrant:old-000001')).toBeNull();
  expect(await requests.get('demo-entrant:new-000001')).not.toBeNull();

  const purge = await ports.db.collection<JobDoc>(C.jobs).get('recurring:requests.purge');
  expect(purge).toMatchObject({ status: 'pending', runAt: '2026-11-23T03:00:00.000Z', leaseOwner: null });

  // Not due again until an hour has passed.
  expect((await cronTick(ports, 'tick-2')).jobs).toEqual([]);
  ports.clock.advance(24 * 3600_000 + 1000);
  expect(purged(await cronTick(ports, 'tick-3'))).toEqual([
    { id: 'recurring:requests.purge', kind: 'requests.purge', status: 'rescheduled', result: { removed: 1 } },
  ]);
  expect(await requests.count()).toBe(0);
});

// The claim is a transaction, whose semantics differ per store: prove it on both.
test.each([
  ['the embedded store', () => ports.db],
  ['the CloudBase adapter over the wx-server-sdk stand-in', () => createCloudBaseDb(createWxDatabaseStandin())],
])('two overlapping runs never run one job twice on %s', async (_store, makeDb) => {
  const db = makeDb();
  const store = { ...ports, db };
  const jobs = db.collection<JobDoc>(C.jobs);
  for (let i = 0; i < 12; i += 1) await jobs.create(job(`job-${i}`));
  const runs = new Map<string, number>();
  const count: JobHandler = async (payload) => {
    const id = String(payload.id);
    runs.set(id, (runs.get(id) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const [a, b] = await Promise.all([
    runDueJobs(store, { owner: 'run-a', handlers: { count } }),
    runDueJobs(store, { owner: 'run-b', handlers: { count } }),
  ]);
  expect(a.length + b.length).toBe(12);
  expect([...runs.values()]).toEqual(Array(12).fill(1));
  expect(await jobs.count({ status: 'done' })).toBe(12);
});

test('a job whose run died is claimed again after its lease; a live lease is respected', async () => {
  const jobs = ports.db.collection<JobDoc>(C.jobs);
  const now = ports.clock.now().getTime();
  await jobs.create(
    job('abandoned', {
      status: 'running',
      leaseOwner: 'dead',
      leaseUntil: new Date(now - 1).toISOString(),
      attempts: 1,
    }),
  );
  await jobs.create(
    job('alive', {
      status: 'running',
      leaseOwner: 'busy',
      leaseUntil: new Date(now + 30_000).toISOString(),
      attempts: 1,
    }),
  );
  const ran: string[] = [];
  const outcomes = await runDueJobs(ports, {
    owner: 'run-c',
    handlers: {
      count: async (payload) => {
        ran.push(String(payload.id));
      },
    },
  });
  expect(ran).toEqual(['abandoned']);
  expect(outcomes).toEqual([{ id: 'abandoned', kind: 'count', status: 'done', result: undefined }]);
  expect(await jobs.get('abandoned')).toMatchObject({ status: 'done', attempts: 2, leaseOwner: null });
  expect(await jobs.get('alive')).toMatchObject({ status: 'running', leaseOwner: 'busy' });
});

test('a failing job is retried with back-off, then marked failed with its error', async () => {
  const jobs = ports.db.collection<JobDoc>(C.jobs);
  await jobs.create(job('flaky'));
  const failing: JobHandler = async () => {
    throw new Error('下游服务不可用');
  };
  const first = await runDueJobs(ports, { owner: 'r1', handlers: { count: failing }, maxAttempts: 2 });
  expect(first).toEqual([{ id: 'flaky', kind: 'count', status: 'retry', error: '下游服务不可用' }]);
  expect(await jobs.get('flaky')).toMatchObject({ status: 'pending', runAt: '2026-11-23T02:00:30.000Z' });

  expect(await runDueJobs(ports, { owner: 'r2', handlers: { count: failing }, maxAttempts: 2 })).toEqual([]);
  ports.clock.advance(30_000);
  const second = await runDueJobs(ports, { owner: 'r3', handlers: { count: failing }, maxAttempts: 2 });
  expect(second).toEqual([{ id: 'flaky', kind: 'count', status: 'failed', error: '下游服务不可用' }]);
  expect(await jobs.get('flaky')).toMatchObject({ status: 'failed', lastError: '下游服务不可用', attempts: 2 });
  expect(ports.logs.filter((l) => l.message === 'job failed')).toHaveLength(2);
});

test('an unknown job kind fails loudly instead of being skipped silently', async () => {
  await ports.db.collection<JobDoc>(C.jobs).create(job('mystery', { kind: 'no.such.kind' }));
  const outcomes = await runDueJobs(ports, { owner: 'r', handlers: {} });
  expect(outcomes).toEqual([
    { id: 'mystery', kind: 'no.such.kind', status: 'retry', error: 'unknown job kind no.such.kind' },
  ]);
});
