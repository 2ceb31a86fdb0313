/**
 * Judging core at the design size, in process (no server): figures and ratios, never pass/fail.
 *  - planAssignment: 10,000 entries × 300 judges × k = 5, each judge declaring 3 organizations that
 *    match entries (names shared by several companies, plus a credit code); median of 5 runs against
 *    the 1,000 ms target, with the checks that must hold (conflicted pairs 0, entries short 0, load spread);
 *    then a top-up re-run of that plan as admin.round.assign makes it (keepPending: 40% of pairs scored, 5%
 *    recused, 30 judges joining), for information.
 *  - rankEntries: 10,000 entries from 50,000 scores on a 5-criterion rubric; median of 5 runs against 200 ms.
 * Run by `npm run bench` (bench/index.mjs), or alone:
 *   npx esbuild bench/judging-core.ts --bundle --platform=node --format=esm --outfile=.cache/bench/judging-core.mjs && node .cache/bench/judging-core.mjs
 */
import { planAssignment } from '../core/judging/assign-judges';
import { conflictIndex, hasConflict } from '../core/judging/conflicts';
import { rankEntries } from '../core/judging/rank-entries';
import { seededRandom } from '../core/judging/seeded-random';
import type {
  AssignmentInput,
  ExistingAssignment,
  EntryForAssignment,
  EntryForRanking,
  JudgeProfileForAssignment,
  RankingInput,
  ScoreSheet,
} from '../core/judging/types';

const ASSIGN_TARGET_MS = 1000;
const RANK_TARGET_MS = 200;
const RUNS = 5;

const FIELDS = ['智能制造', '新材料', '生物医药', '新一代信息技术', '新能源', '节能环保', '现代农业', '文化创意'];
const DISTRICTS = ['浦东新区', '黄浦区', '徐汇区', '长宁区', '静安区', '闵行区', '嘉定区', '松江区'];
const SYLLABLES = '华创智联新科远博通达盛鑫泰宏汇源星辰云图数信安和睿恒瑞鼎峰明启航'.split('');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

/** Brands of two syllables, each shared by a handful of companies: a declared brand hits several entries. */
export function assignmentInput(entryCount = 10000, judgeCount = 300, k = 5): AssignmentInput {
  const random = seededRandom('bench-assignment');
  const pick = <T>(xs: readonly T[]): T => xs[random.below(xs.length)] as T;
  const brands = Array.from({ length: 2000 }, (_, i) => `${SYLLABLES[i % SYLLABLES.length]}${pick(SYLLABLES)}${i}`);
  const entries: EntryForAssignment[] = Array.from({ length: entryCount }, (_, i) => ({
    id: `e${String(i).padStart(5, '0')}`,
    field: pick(FIELDS),
    orgName: `上海${pick(brands)}${pick(['科技', '智能', '生物', '新材料'])}有限公司`,
    creditCode: `91310000MA1${String(i).padStart(7, '0')}`,
    district: pick(DISTRICTS),
  }));
  const judges: JudgeProfileForAssignment[] = Array.from({ length: judgeCount }, (_, j) => ({
    id: `j${String(j).padStart(3, '0')}`,
    expertise: [pick(FIELDS), pick(FIELDS)],
    conflicts: {
      names: [pick(brands), pick(brands), pick(brands)],
      creditCodes: [pick(entries).creditCode ?? ''],
    },
  }));
  return { entries, judges, k, seed: 'bench', existing: [] };
}

export function rankingInput(entryCount = 10000, perEntry = 5): RankingInput {
  const random = seededRandom('bench-ranking');
  const rubric = {
    criteria: [
      { key: 'innovation', name: '创新性', description: '', maxPoints: 30, weight: 1 },
      { key: 'market', name: '市场前景', description: '', maxPoints: 25, weight: 1 },
      { key: 'team', name: '团队', description: '', maxPoints: 20, weight: 1 },
      { key: 'finance', name: '财务', description: '', maxPoints: 15, weight: 1 },
      { key: 'social', name: '社会效益', description: '', maxPoints: 10, weight: 1 },
    ],
  };
  const entries: EntryForRanking[] = Array.from({ length: entryCount }, (_, i) => ({
    entryId: `e${String(i).padStart(5, '0')}`,
    group: i % 3 === 0 ? 'maker' : 'enterprise',
    field: FIELDS[i % FIELDS.length] ?? '',
    previous: null,
  }));
  const scores: ScoreSheet[] = [];
  for (const e of entries) {
    for (let j = 0; j < perEntry; j++) {
      const halves: Record<string, number> = {};
      for (const c of rubric.criteria) halves[c.key] = random.below(c.maxPoints * 2 + 1);
      scores.push({ entryId: e.entryId, judgeId: `j${random.below(300)}`, halves });
    }
  }
  return { rubric, aggregation: 'trimmed', entries, scores };
}

export function runJudgingCore(): void {
  console.log('\n== judging core (in process, median of 5 runs) ==');
  const input = assignmentInput();
  const runs: number[] = [];
  let plan = planAssignment(input);
  for (let r = 0; r < RUNS; r++) {
    const { ms, result } = time(() => planAssignment(input));
    runs.push(ms);
    plan = result;
  }
  const entryById = new Map(input.entries.map((e) => [e.id, e]));
  const judgeById = new Map(input.judges.map((j) => [j.id, j]));
  let conflicted = 0;
  for (const a of plan.add) {
    const entry = entryById.get(a.entryId);
    const judge = judgeById.get(a.judgeId);
    if (entry === undefined || judge === undefined || hasConflict(judge.conflicts, entry)) conflicted++;
  }
  const conflictPairs = conflictIndex(input.judges, input.entries).reduce((n, set) => n + set.size, 0);
  const loads = Object.values(plan.loads);
  const ms = median(runs);
  console.log(
    `planAssignment 10,000 entries × 300 judges × k=5: ${ms.toFixed(0)} ms (${(ms / ASSIGN_TARGET_MS).toFixed(2)}× the ${ASSIGN_TARGET_MS} ms target)`,
  );
  console.log(
    `  declared conflicts hit ${conflictPairs} entry × judge pairs; assigned ${plan.add.length} pairs, ${plan.add.filter((a) => a.expert).length} to experts`,
  );
  console.log(
    `  checks: conflicted assignments ${conflicted}, entries short ${plan.short.length}, loads ${Math.min(...loads)}–${Math.max(...loads)} (spread ${Math.max(...loads) - Math.min(...loads)})`,
  );

  // A top-up in the middle of the round: 40% of the pairs scored, 5% recused, 30 judges joining.
  const random = seededRandom('bench-top-up');
  const existing: ExistingAssignment[] = plan.add.map((a) => {
    const x = random.below(100);
    return { entryId: a.entryId, judgeId: a.judgeId, state: x < 40 ? 'scored' : x < 45 ? 'recused' : 'pending' };
  });
  const joining = Array.from({ length: 30 }, (_, i) => ({
    id: `new${i}`,
    expertise: [FIELDS[i % FIELDS.length] ?? ''],
    conflicts: { names: [], creditCodes: [] },
  }));
  // keepPending, as admin.round.assign re-runs: only what recusals left missing is added, nothing moves.
  const topUpInput = { ...input, judges: [...input.judges, ...joining], existing, keepPending: true };
  const topUpRuns: number[] = [];
  let topUp = planAssignment(topUpInput);
  for (let r = 0; r < RUNS; r++) {
    const { ms, result } = time(() => planAssignment(topUpInput));
    topUpRuns.push(ms);
    topUp = result;
  }
  const topUpLoads = Object.values(topUp.loads);
  console.log(
    `  top-up re-run (40% scored, 5% recused, 30 judges joining, nothing moved): ${median(topUpRuns).toFixed(0)} ms; ${topUp.add.length} added, ${topUp.remove.length} moved off, ${topUp.short.length} short, loads ${Math.min(...topUpLoads)}–${Math.max(...topUpLoads)}`,
  );

  const ranking = rankingInput();
  const rankRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) rankRuns.push(time(() => rankEntries(ranking)).ms);
  const rankMs = median(rankRuns);
  console.log(
    `rankEntries 10,000 entries from 50,000 scores: ${rankMs.toFixed(0)} ms (${(rankMs / RANK_TARGET_MS).toFixed(2)}× the ${RANK_TARGET_MS} ms target)`,
  );
}

// Run directly (bench/index.mjs imports it from its own bundle, whose URL is not argv[1]).
if (import.meta.url === `file://${process.argv[1]}`) runJudgingCore();
