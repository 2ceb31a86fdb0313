/**
 * Cost per action on CloudBase: for the busiest actions, the database requests ONE representative call makes
 * through the router and the CloudBase Db adapter (adapters/cloud/cloudbase-db.ts) over the wx-server-sdk
 * stand-in, counted at the database object the adapter talks to (test/support/counting-db.ts). On CloudBase
 * every request is a network round trip and a billed operation. Counts only, no timing: the result is the
 * same on any machine.
 *
 * Data: the demo seed (seedDemoData + seedJudgingDemo) plus a contest of realistic size (BENCH_DB_ENTRIES
 * approved entries and some submitted / draft / rejected ones, BENCH_DB_JUDGES judges bound with invite codes,
 * a 预赛 round with k = 5 assigned, about 60 % of the assignments scored) and BENCH_DB_ARTICLES articles.
 * Callers are signed in, as every call from the mini-program is (the platform always passes an openid); writes
 * carry a requestId exactly when the client sends one (registration.submit, judge.score via the outbox).
 *
 * Run by `npm run bench` (bench/index.mjs, section `db-ops`), or alone: `BENCH_ONLY=db-ops npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName } from '../core/actions';
import { createCloudBaseDb } from '../cloudfunctions/adapters/cloud/cloudbase-db';
import { createAdjustableClock } from '../cloudfunctions/adapters/local/clock';
import { createLocalContentCheck } from '../cloudfunctions/adapters/local/local-content-check';
import { createLocalFiles } from '../cloudfunctions/adapters/local/local-files';
import { createLocalMessenger } from '../cloudfunctions/adapters/local/local-messenger';
import { cronTick } from '../cloudfunctions/jobs';
import { seedDemoData } from '../cloudfunctions/local/seed';
import { DEMO_ADMIN_OPENIDS, demoOpenid } from '../cloudfunctions/local/seed-data';
import { seedJudgingDemo } from '../cloudfunctions/local/seed-judging';
import type { Ports } from '../cloudfunctions/ports';
import { createApi, type Api } from '../cloudfunctions/router';
import {
  C,
  type ArticleDoc,
  type AssignmentDoc,
  type ContestDoc,
  type RoundDoc,
} from '../cloudfunctions/usecases/collections';
import { createWxDatabaseStandin } from '../test/standins/wx-database';
import { countingWxDatabase, describeOps, type DbOpSnapshot } from '../test/support/counting-db';
import { approvedEntries, bindJudges, judge, points, roundFixture } from '../test/support/judging-fixtures';
import { enterpriseFormFixture, openContest, pdfBytes } from '../test/support/registration-fixtures';

// ---------------------------------------------------------------- the actions measured

type CallerKey = 'reader' | 'newEntrant' | 'drafter' | 'judge' | 'organizer';

/** Calls this case's own action (so a rename is still one edit of ACTIONS). */
type Use = (who: CallerKey | { openid: string }, input: unknown, requestId?: string) => Promise<unknown>;

interface ActionCase {
  action: ActionName;
  /** Who makes the representative call. */
  as: CallerKey;
  /** What the representative call is, for the table. */
  what: string;
  input(world: World): unknown;
  /** The client sends a requestId with this write (idempotency record: one add before, one update after). */
  requestId?: boolean;
  /** Setup that needs this very action, run before anything is measured. */
  prepare?(use: Use, world: World): Promise<void>;
}

/**
 * The ten busiest actions, in the order measured (judge.entry.get is opened before it is scored). When an action is
 * renamed, change its name here: nothing else in this file names one of them.
 */
export const ACTIONS: readonly ActionCase[] = [
  { action: 'home.get', as: 'reader', what: '首页', input: () => ({}) },
  { action: 'news.list', as: 'reader', what: '新闻, first page of 10', input: () => ({ page: 1, pageSize: 10 }) },
  {
    action: 'registration.submit',
    as: 'newEntrant',
    what: 'first submission, plan uploaded',
    requestId: true,
    input: (w) => ({ contestId: w.contestId, form: w.submitForm }),
  },
  {
    action: 'registration.draft.save',
    as: 'drafter',
    what: 'autosave of an existing draft',
    input: (w) => ({ contestId: w.contestId, form: { ...w.draftForm, projectName: '工业视觉质检平台（修改稿）' } }),
    prepare: async (use, w) => {
      await use('drafter', { contestId: w.contestId, form: w.draftForm });
    },
  },
  { action: 'judge.assignment.list', as: 'judge', what: '评委首页, all rounds', input: () => ({}) },
  {
    action: 'judge.entry.get',
    as: 'judge',
    what: 'an assigned, unscored entry',
    input: (w) => ({ roundId: w.roundId, entryId: w.pendingEntryId }),
  },
  {
    action: 'judge.score',
    as: 'judge',
    what: 'first score of that entry',
    requestId: true,
    input: (w) => ({ roundId: w.roundId, entryId: w.pendingEntryId, points: points(78.5), comment: '' }),
    // Most judges are well into their lists: every judge scores the first share of their assignments.
    prepare: async (use, w) => {
      const jobs = w.judges.flatMap((who) => {
        const mine = w.assignmentsOf(who.openid);
        return mine.slice(0, Math.round(mine.length * SCORED_SHARE)).map((entryId, i) => ({ who, entryId, i }));
      });
      await limited(jobs, 8, ({ who, entryId, i }) =>
        use(who, { roundId: w.roundId, entryId, points: points(55 + ((i * 7) % 45)), comment: '' }),
      );
    },
  },
  {
    action: 'admin.entry.list',
    as: 'organizer',
    what: '报名审核, first page of 20',
    input: () => ({ page: 1, pageSize: 20 }),
  },
  { action: 'admin.round.progress', as: 'organizer', what: 'the round', input: (w) => ({ roundId: w.roundId }) },
  {
    action: 'admin.round.ranking',
    as: 'organizer',
    what: 'the round, first page of 50',
    input: (w) => ({ roundId: w.roundId, page: 1, pageSize: 50 }),
  },
];

// ---------------------------------------------------------------- sizes

const ENTRIES = Number(process.env.BENCH_DB_ENTRIES ?? 450);
const JUDGES = Number(process.env.BENCH_DB_JUDGES ?? 40);
const ARTICLES = Number(process.env.BENCH_DB_ARTICLES ?? 300);
const K = 5;
const SCORED_SHARE = 0.6;
/** Inside the registration window of openContest() and the scoring window of roundFixture(). */
const NOW = new Date('2026-11-26T02:00:00Z');
const CONTEST = 'c-bench';

// ---------------------------------------------------------------- the world

interface World {
  contestId: string;
  roundId: string;
  callers: Record<CallerKey, { openid: string }>;
  judges: Array<{ openid: string }>;
  submitForm: unknown;
  draftForm: Record<string, unknown>;
  /** The measured judge's first assignment without a score (known once everything is prepared). */
  pendingEntryId: string;
  /** A judge's assigned entry ids in the order assigned. */
  assignmentsOf(openid: string): string[];
  counts: { entries: number; judges: number; assignments: number; scored: number; articles: number };
}

async function limited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

function articles(count: number): ArticleDoc[] {
  const categories = ['notice', 'news', 'policy', 'media'] as const;
  return Array.from({ length: count }, (_, i) => {
    // Newest first from yesterday back, one every ~1.2 days; a few pinned with a cover, a few scheduled or drafts.
    const scheduled = i < 3;
    const publishAt = new Date(NOW.getTime() + (scheduled ? (i + 1) * 86400_000 : -(i + 1) * 100_000_000));
    const at = publishAt.toISOString();
    const pinned = i >= 3 && i < 8;
    return {
      _id: `a-bench-${String(i).padStart(4, '0')}`,
      title: `关于第九届“创客中国”大赛的第 ${i + 1} 则通知`,
      category: categories[i % categories.length] as ArticleDoc['category'],
      contestId: i % 3 === 0 ? CONTEST : null,
      cover: pinned ? { fileId: `local://news/img-bench-${i}.png`, name: `封面${i}.png`, size: 2048 } : null,
      bodyHtml: `<p>各参赛单位：第 ${i + 1} 则通知的正文。</p>`,
      text: `各参赛单位：第 ${i + 1} 则通知的正文。`,
      attachments: [],
      pinned,
      publishAt: at,
      status: i % 50 === 49 ? 'draft' : 'published',
      authorOpenid: demoOpenid('organizer'),
      authorName: '周晔',
      views: (i * 37) % 500,
      createdAt: at,
      updatedAt: at,
    };
  });
}

async function buildWorld(
  ports: Ports,
  api: Api,
  run: (who: { openid: string }, action: ActionName, data: unknown) => Promise<unknown>,
): Promise<World> {
  await seedDemoData(ports);
  await seedJudgingDemo(ports);
  await ports.db.collection<ArticleDoc>(C.articles).createMany(articles(ARTICLES));
  const contest = openContest(CONTEST);
  await ports.db.collection<ContestDoc>(C.contests).create(contest);

  const fields = contest.fields;
  const districts = contest.districts;
  const extra = [
    ...Array.from({ length: 40 }, () => 'submitted' as const),
    ...Array.from({ length: 20 }, () => 'draft' as const),
    ...Array.from({ length: 10 }, () => 'rejected' as const),
  ];
  await approvedEntries(
    ports,
    CONTEST,
    [...Array.from({ length: ENTRIES }, () => 'approved' as const), ...extra].map((status, i) => ({
      n: i + 1,
      status,
      field: fields[i % 3] ?? '新一代信息技术',
      district: districts[i % districts.length] ?? '浦东新区',
    })),
  );

  const judges = Array.from({ length: JUDGES }, (_, i) => judge(i + 1));
  for (let from = 0; from < judges.length; from += 100) {
    await bindJudges(
      api,
      CONTEST,
      judges.slice(from, from + 100).map((who, i) => ({
        who,
        name: `评委${from + i + 1}`,
        expertise: [fields[(from + i) % 3] ?? '新一代信息技术'],
      })),
    );
  }
  const organizer = { openid: demoOpenid('organizer') };
  const roundId = `${CONTEST}:preliminary`;
  await run(organizer, 'admin.round.upsert', roundFixture(CONTEST, { judgesPerEntry: K }));
  await run(organizer, 'admin.round.assign', { roundId, seed: 'bench' });
  // A run that did not finish within the api's budget continues in cron, as on the platform.
  for (let tick = 0; tick < 20; tick += 1) {
    const round = await ports.db.collection<RoundDoc>(C.rounds).get(roundId);
    if (round?.assignProgress?.state !== 'running') break;
    await cronTick(ports, 'bench');
  }
  const assignments = await ports.db
    .collection<AssignmentDoc>(C.assignments)
    .find({ roundId }, { orderBy: [['assignedAt', 'asc']] });
  const byJudge = new Map<string, string[]>();
  for (const a of assignments) byJudge.set(a.judgeOpenid, [...(byJudge.get(a.judgeOpenid) ?? []), a.entryId]);

  // The new entrant uploads a plan where the server says, as a client does, before the measured submit.
  const newEntrant = { openid: 'oBenchNewEntrant0000000000001' };
  const { path } = (await run(newEntrant, 'files.upload.prepare', {
    contestId: CONTEST,
    purpose: 'businessPlan',
    fileName: '商业计划书.pdf',
    contentType: 'application/pdf',
    size: pdfBytes.length,
  })) as { path: string };
  await ports.files.put(path, pdfBytes, 'application/pdf');
  const plan = { fileId: await ports.files.fileIdFor(path), name: '商业计划书.pdf', size: pdfBytes.length };
  const { businessPlan: _none, ...draft } = enterpriseFormFixture(9002, plan);

  return {
    contestId: CONTEST,
    roundId,
    callers: {
      reader: { openid: demoOpenid('entrant') },
      newEntrant,
      drafter: { openid: 'oBenchDrafter000000000000001' },
      judge: judges[0] as { openid: string },
      organizer,
    },
    judges,
    submitForm: enterpriseFormFixture(9001, plan),
    draftForm: draft,
    pendingEntryId: '',
    assignmentsOf: (openid) => byJudge.get(openid) ?? [],
    counts: {
      entries: ENTRIES + extra.length,
      judges: JUDGES,
      assignments: assignments.length,
      scored: 0,
      articles: ARTICLES,
    },
  };
}

// ---------------------------------------------------------------- run

interface Row {
  c: ActionCase;
  ops: DbOpSnapshot;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

export async function runDbOps(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-db-ops-'));
  const clock = createAdjustableClock(NOW);
  clock.freeze();
  const counted = countingWxDatabase(createWxDatabaseStandin());
  const errors: string[] = [];
  const ports: Ports = {
    db: createCloudBaseDb(counted),
    files: createLocalFiles({ dir: join(dir, 'files'), baseUrl: 'http://127.0.0.1:1', secret: 'bench-db-ops', clock }),
    messenger: createLocalMessenger({ record: async () => undefined }),
    contentCheck: createLocalContentCheck(),
    clock,
    log: {
      info: () => undefined,
      error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields ?? {})}`.slice(0, 500)),
    },
  };
  const api = createApi({
    ports,
    adminOpenids: new Set(DEMO_ADMIN_OPENIDS),
    runtime: 'cloud',
    version: 'bench',
    idHashKey: Buffer.alloc(32, 9),
    idempotency: { keepMs: 24 * 3600_000, leaseMs: 20_000, waitMs: 8_000, pollMs: 50 },
  });
  let requests = 0;
  const run = async (who: { openid: string }, action: ActionName, data: unknown, requestId?: string) => {
    const answer = await api({ action, data, ...(requestId ? { requestId } : {}) }, who);
    if (!answer.ok) {
      const hint = answer.error.code === 'UNKNOWN_ACTION' ? ' (renamed? update ACTIONS in bench/db-ops.ts)' : '';
      throw new Error(`db-ops: ${action} failed${hint}: ${JSON.stringify(answer.error)} ${errors.join(' | ')}`);
    }
    return answer.data;
  };

  try {
    const started = performance.now();
    const world = await buildWorld(ports, api, run);
    const whoOf = (who: CallerKey | { openid: string }) => (typeof who === 'string' ? world.callers[who] : who);
    for (const c of ACTIONS) {
      await c.prepare?.((who, input, requestId) => run(whoOf(who), c.action, input, requestId), world);
    }
    const scored = await ports.db.collection<AssignmentDoc>(C.assignments).find({ roundId: world.roundId });
    world.counts.scored = scored.filter((a) => a.score !== null).length;
    const pending = scored
      .filter((a) => a.judgeOpenid === world.callers.judge.openid && a.score === null && a.status === 'active')
      .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt) || a.entryId.localeCompare(b.entryId));
    world.pendingEntryId = pending[0]?.entryId ?? '';
    if (world.pendingEntryId === '') throw new Error('db-ops: the measured judge has nothing left to score');
    const setupSeconds = (performance.now() - started) / 1000;

    const rows: Row[] = [];
    for (const c of ACTIONS) {
      const input = c.input(world);
      counted.reset();
      await run(world.callers[c.as], c.action, input, c.requestId ? `bench-db-ops-${++requests}` : undefined);
      rows.push({ c, ops: counted.snapshot() });
    }

    const n = world.counts;
    console.log(
      `data: ${n.entries} entries in ${CONTEST} (${ENTRIES} approved) + 12 demo, ${n.judges} judges, ` +
        `${n.assignments} assignments (k = ${K}, ${n.scored} scored), ${n.articles} articles, demo seed; ` +
        `adapter page size 1000; set up in ${setupSeconds.toFixed(1)} s`,
    );
    const width = Math.max(...ACTIONS.map((c) => c.action.length));
    console.log(`${'action'.padEnd(width)}  reads queries counts writes  tx  round trips  (in tx: reads/writes)  call`);
    for (const { c, ops } of rows) {
      console.log(
        `${c.action.padEnd(width)}  ${pad(ops.reads, 5)} ${pad(ops.queries, 7)} ${pad(ops.counts, 6)} ${pad(
          ops.writes,
          6,
        )} ${pad(ops.transactions, 3)} ${pad(ops.roundTrips, 12)}  ${pad(
          ops.transactions > 0 ? `${ops.txReads}/${ops.txWrites}` : '',
          21,
        )}  ${c.what}${c.requestId ? ' (with requestId)' : ''}`,
      );
    }
    const total = rows.reduce((sum, r) => sum + r.ops.roundTrips, 0);
    console.log(
      `round trips = reads + queries (one per page) + counts + writes + 2 per transaction run ` +
        `(startTransaction, commitTransaction); a signed-in call of a role-restricted action (or one that reads roles) starts with roles.query (the router's loadGrants)`,
    );
    console.log('requests, in the order sent:');
    for (const { c, ops } of rows) console.log(`  ${c.action.padEnd(width)}  ${describeOps(ops.log)}`);
    console.log(
      `CloudBase database round trips per call (${n.entries} entries, ${n.judges} judges, ${n.assignments} ` +
        `assignments, ${n.articles} articles): ${rows
          .map((r) => `\`${r.c.action}\` ${r.ops.roundTrips}`)
          .join(', ')}; ${total} for the ten.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
