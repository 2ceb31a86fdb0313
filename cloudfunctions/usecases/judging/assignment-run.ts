import { AppError, ErrorCode } from '@core/errors';
import { planAssignment } from '@core/judging/assign-judges';
import { judgeConflicts } from '@core/judging/conflicts';
import { planPanels } from '@core/judging/plan-panels';
import { pickSubstitutes } from '@core/judging/top-up';
import type { AssignmentPlan, ExistingAssignment, JudgeProfileForAssignment } from '@core/judging/types';
import { randomUUID } from 'node:crypto';
import { type Ports } from '../../ports';
import { writeAudit } from '../audit';
import {
  C,
  assignmentIdFor,
  roundIdFor,
  type AssignmentDoc,
  type EntryDoc,
  type JudgeDoc,
  type RoundDoc,
  type RoundEntryDoc,
  type SessionDoc,
} from '../collections';
import { queueJob } from '../queue-job';
import { entryForAssignment, loadRound, previousStage, roundEntryId, stageFlow } from './common';
import { identityOf, judgeProfiles } from './conflicts';

/** Documents per createMany call, and how long the api function may write before handing over to cron. */
const CHUNK = 500;
export const API_BUDGET_MS = 8_000;
export const JOB_BUDGET_MS = 35_000;
export const ASSIGN_JOB = 'rounds.assign';

export interface AssignmentRun {
  joined: number;
  added: number;
  removed: number;
  short: Array<{ entryId: string; missing: number }>;
  loads: Record<string, number>;
  sessions: number;
  finished: boolean;
}

/**
 * Brings the round's entries up to date (approved entries for 预赛, the advanced ones later) and tops up
 * their judges: only missing pairs are added (to the least loaded eligible judges); nothing already in a
 * judge's list moves, and only a pair without a score whose entry left the round is removed. Safe to run
 * again at any point, also after a crash halfway: each run plans from what is stored.
 */
export async function runAssignment(
  ports: Ports,
  args: { round: RoundDoc; seed: string; actorOpenid: string; actorName: string; budgetMs: number },
): Promise<AssignmentRun> {
  const started = Date.now();
  const { round } = args;
  const at = ports.clock.now().toISOString();
  const db = ports.db;

  const joined = await joinEntries(ports, round, at);
  const [roundEntries, judges, existing] = await Promise.all([
    db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id, out: false }),
    db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
    db.collection<AssignmentDoc>(C.assignments).find({ roundId: round._id }),
  ]);
  if (judges.length === 0) throw new AppError(ErrorCode.INVALID_STATE, '本赛事还没有评委，请先发放邀请码让评委绑定');
  const profiles = await judgeProfiles(db, judges);

  const planned =
    round.mode === 'panels'
      ? await panelPlan(ports, round, roundEntries, judges, profiles, existing, args.seed, at)
      : {
          plan: planAssignment({
            entries: roundEntries.map(entryForAssignment),
            judges: profiles,
            k: round.judgesPerEntry,
            seed: args.seed,
            existing: existing.map(existingState),
            // Re-runs only top up: nothing a judge has in their list moves.
            keepPending: true,
          }),
          sessions: 0,
          sessionOf: new Map<string, string>(),
        };
  const { plan } = planned;

  // Removals first (only ever a pair without a score: the filter re-checks at the moment of deletion).
  const assignments = db.collection<AssignmentDoc>(C.assignments);
  let removed = 0;
  for (let i = 0; i < plan.remove.length; i += 100) {
    const ids = plan.remove.slice(i, i + 100).map((r) => assignmentIdFor(round._id, r.entryId, r.judgeId));
    removed += await assignments.removeWhere({ _id: { $in: ids }, score: null, status: 'active' });
  }

  const expertOf = new Map(plan.add.map((a) => [`${a.entryId}\u0000${a.judgeId}`, a.expert]));
  const docs: AssignmentDoc[] = plan.add.map((a) => ({
    _id: assignmentIdFor(round._id, a.entryId, a.judgeId),
    roundId: round._id,
    contestId: round.contestId,
    entryId: a.entryId,
    judgeOpenid: a.judgeId,
    status: 'active',
    expert: expertOf.get(`${a.entryId}\u0000${a.judgeId}`) ?? false,
    sessionKey: planned.sessionOf.get(a.entryId) ?? null,
    recuseReason: null,
    recusedAt: null,
    assignedAt: at,
    score: null,
  }));
  const rounds = db.collection<RoundDoc>(C.rounds);
  const progress = { state: 'running' as const, total: docs.length, done: 0, seed: args.seed, startedAt: at };
  await rounds.update(round._id, { assignProgress: progress });
  let written = 0;
  let added = 0;
  for (let i = 0; i < docs.length; i += CHUNK) {
    if (Date.now() - started > args.budgetMs) break;
    const result = await assignments.createMany(docs.slice(i, i + CHUNK));
    written = Math.min(docs.length, i + CHUNK);
    added += result.created;
    await rounds.update(round._id, { assignProgress: { ...progress, done: written } });
  }
  const finished = written >= docs.length;
  const total = Object.values(plan.loads).reduce((sum, n) => sum + n, 0);
  const fresh = await rounds.get(round._id);
  await rounds.update(round._id, {
    loads: plan.loads,
    counts: { entries: roundEntries.length, judges: judges.length, assignments: total },
    assignedAt: at,
    assignRuns: (fresh?.assignRuns ?? round.assignRuns) + 1,
    assignProgress: { ...progress, done: written, state: finished ? 'done' : 'running' },
  });
  if (!finished) await enqueueContinuation(ports, round, args, at);
  await writeAudit(db, {
    contestId: round.contestId,
    roundId: round._id,
    actorOpenid: args.actorOpenid,
    actorName: args.actorName,
    action: 'assign',
    after: [
      `新加入项目 ${joined} 个`,
      `新增分配 ${added} 条${finished ? '' : `（共 ${plan.add.length} 条，其余由后台继续）`}`,
      `撤销未评分的分配 ${removed} 条`,
      plan.short.length > 0 ? `评委不足的项目 ${plan.short.length} 个` : '每个项目评委已足',
      `随机种子 ${args.seed}`,
    ].join('；'),
    at,
  });
  return { joined, added, removed, short: plan.short, loads: plan.loads, sessions: planned.sessions, finished };
}

function existingState(a: AssignmentDoc): ExistingAssignment {
  return {
    entryId: a.entryId,
    judgeId: a.judgeOpenid,
    state: a.status === 'recused' ? 'recused' : a.score !== null ? 'scored' : 'pending',
  };
}

/** The round's entry list follows the entries' statuses: newcomers join, a disqualified one is set out. */
export async function joinEntries(ports: Ports, round: RoundDoc, at: string): Promise<number> {
  const db = ports.db;
  const takes = stageFlow[round.stage].takes;
  const previous = previousStage[round.stage];
  const [eligible, current, prior] = await Promise.all([
    db.collection<EntryDoc>(C.entries).find({ contestId: round.contestId, status: takes }),
    db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id }),
    previous ? db.collection<RoundDoc>(C.rounds).get(roundIdFor(round.contestId, previous)) : Promise.resolve(null),
  ]);
  const carry = prior?.advancement?.carry ?? {};
  const eligibleIds = new Set(eligible.map((e) => e._id));
  const known = new Map(current.map((r) => [r.entryId, r]));
  const newcomers: RoundEntryDoc[] = eligible
    .filter((e) => !known.has(e._id))
    .map((e) => ({
      _id: roundEntryId(round._id, e._id),
      roundId: round._id,
      contestId: round.contestId,
      entryId: e._id,
      group: e.group,
      field: e.field,
      district: e.district,
      projectName: e.projectName,
      orgName: e.orgName,
      creditCode: e.form.group === 'enterprise' ? (e.form.creditCode ?? null) : null,
      ownerOpenid: e.ownerOpenid,
      identity: identityOf(e),
      previous: carry[e._id] ?? null,
      sessionKey: null,
      out: false,
      joinedAt: at,
    }));
  const entries = db.collection<RoundEntryDoc>(C.roundEntries);
  for (let i = 0; i < newcomers.length; i += CHUNK) await entries.createMany(newcomers.slice(i, i + CHUNK));
  const leaving = current.filter((r) => !r.out && !eligibleIds.has(r.entryId)).map((r) => r._id);
  const returning = current.filter((r) => r.out && eligibleIds.has(r.entryId)).map((r) => r._id);
  // Round entries joined before owners were copied get them now: the conflict rule needs them.
  const byId = new Map(eligible.map((e) => [e._id, e]));
  for (const r of current) {
    const entry = byId.get(r.entryId);
    if (entry !== undefined && r.ownerOpenid === undefined) {
      await entries.update(r._id, { ownerOpenid: entry.ownerOpenid, identity: identityOf(entry) });
    }
  }
  for (let i = 0; i < leaving.length; i += 100)
    await entries.updateWhere({ _id: { $in: leaving.slice(i, i + 100) } }, { out: true });
  for (let i = 0; i < returning.length; i += 100)
    await entries.updateWhere({ _id: { $in: returning.slice(i, i + 100) } }, { out: false });
  return newcomers.length;
}

/**
 * 复赛 in panels: the first run groups entries by district × field into sessions, each heard by its judges;
 * later runs put newcomers into a session of their district and field with room (or new sessions), and top
 * up entries that lost a judge to a recusal, as the online rounds do.
 */
async function panelPlan(
  ports: Ports,
  round: RoundDoc,
  roundEntries: RoundEntryDoc[],
  judges: JudgeDoc[],
  profiles: JudgeProfileForAssignment[],
  existing: AssignmentDoc[],
  seed: string,
  at: string,
): Promise<{ plan: AssignmentPlan; sessions: number; sessionOf: Map<string, string> }> {
  const sessionsCol = ports.db.collection<SessionDoc>(C.sessions);
  const capacity = round.panelCapacity ?? 10;
  const sessions = await sessionsCol.find({ roundId: round._id }, { orderBy: [['key', 'asc']] });
  const active = new Set(roundEntries.map((e) => e.entryId));
  const placed = new Set(sessions.flatMap((s) => s.entryIds));
  const byId = new Map(roundEntries.map((e) => [e.entryId, e]));
  const changed = new Set<string>();

  // Newcomers first fill sessions of their district and field that have room.
  const leftovers: RoundEntryDoc[] = [];
  for (const entry of roundEntries) {
    if (placed.has(entry.entryId)) continue;
    const room = sessions.find(
      (s) =>
        s.district === entry.district &&
        s.field === entry.field &&
        s.entryIds.filter((id) => active.has(id)).length < capacity &&
        !profiles.some((j) => s.judgeOpenids.includes(j.id) && judgeConflicts(j, entryForAssignment(entry))),
    );
    if (room) {
      room.entryIds.push(entry.entryId);
      changed.add(room.key);
    } else leftovers.push(entry);
  }
  if (leftovers.length > 0) {
    const plan = planPanels({
      entries: leftovers.map(entryForAssignment),
      judges: profiles,
      capacity,
      k: round.judgesPerEntry,
      seed,
    });
    let n = sessions.length;
    for (const s of plan.sessions) {
      n += 1;
      const key = `s${String(n).padStart(3, '0')}`;
      sessions.push({
        _id: `${round._id}:${key}`,
        roundId: round._id,
        key,
        district: s.district,
        field: s.field,
        entryIds: s.entryIds,
        judgeOpenids: s.judgeIds,
        place: '',
        startsAt: null,
        updatedAt: at,
      });
      changed.add(key);
    }
  }
  for (const s of sessions) if (changed.has(s.key)) await sessionsCol.set({ ...s, updatedAt: at });
  const sessionOf = new Map<string, string>();
  for (const s of sessions) for (const id of s.entryIds) sessionOf.set(id, s.key);
  if (changed.size > 0) {
    for (const s of sessions.filter((x) => changed.has(x.key))) {
      await ports.db
        .collection<RoundEntryDoc>(C.roundEntries)
        .updateWhere({ roundId: round._id, entryId: { $in: s.entryIds } }, { sessionKey: s.key });
    }
  }

  // Pairs: each session's entries × its judges, minus conflicts, minus what exists; then top-ups.
  const loads: Record<string, number> = Object.fromEntries(judges.map((j) => [j.openid, 0]));
  const onEntry = new Map<string, Map<string, AssignmentDoc>>();
  for (const a of existing) {
    if (!onEntry.has(a.entryId)) onEntry.set(a.entryId, new Map());
    onEntry.get(a.entryId)?.set(a.judgeOpenid, a);
  }
  const judgeDocs = new Map(judges.map((j) => [j.openid, j]));
  const profileOf = new Map(profiles.map((p) => [p.id, p]));
  const add: AssignmentPlan['add'] = [];
  const remove: AssignmentPlan['remove'] = [];
  for (const a of existing) {
    if (a.status !== 'active') continue;
    const gone = !active.has(a.entryId) || !judgeDocs.has(a.judgeOpenid);
    if (gone && a.score === null) remove.push({ entryId: a.entryId, judgeId: a.judgeOpenid, reason: 'gone' });
    else if (judgeDocs.has(a.judgeOpenid)) loads[a.judgeOpenid] = (loads[a.judgeOpenid] ?? 0) + 1;
  }
  const pairs = new Map<string, Set<string>>();
  const want = (entryId: string, judgeId: string) => {
    const entry = byId.get(entryId);
    const judge = judgeDocs.get(judgeId);
    const profile = profileOf.get(judgeId);
    if (!entry || !judge || !profile || judgeConflicts(profile, entryForAssignment(entry))) return;
    if (onEntry.get(entryId)?.has(judgeId) || pairs.get(entryId)?.has(judgeId)) return;
    if (!pairs.has(entryId)) pairs.set(entryId, new Set());
    pairs.get(entryId)?.add(judgeId);
    add.push({ entryId, judgeId, expert: judge.expertise.includes(entry.field) });
    loads[judgeId] = (loads[judgeId] ?? 0) + 1;
  };
  for (const s of sessions)
    for (const entryId of s.entryIds) for (const judgeId of s.judgeOpenids) want(entryId, judgeId);
  const short: AssignmentPlan['short'] = [];
  for (const entry of roundEntries) {
    const mine = onEntry.get(entry.entryId) ?? new Map<string, AssignmentDoc>();
    const activeCount =
      [...mine.values()].filter((a) => a.status === 'active' && judgeDocs.has(a.judgeOpenid)).length +
      (pairs.get(entry.entryId)?.size ?? 0);
    const missing = round.judgesPerEntry - activeCount;
    if (missing <= 0) continue;
    const picked = pickSubstitutes({
      entry: entryForAssignment(entry),
      judges: profiles,
      taken: new Set([...mine.keys(), ...(pairs.get(entry.entryId) ?? [])]),
      loads,
      count: missing,
      seed: `${seed}:${entry.entryId}`,
    });
    for (const judgeId of picked) want(entry.entryId, judgeId);
    if (picked.length < missing) short.push({ entryId: entry.entryId, missing: missing - picked.length });
  }
  return { plan: { add, remove, short, loads }, sessions: sessions.length, sessionOf };
}

async function enqueueContinuation(
  ports: Ports,
  round: RoundDoc,
  args: { seed: string; actorOpenid: string; actorName: string },
  at: string,
): Promise<void> {
  await queueJob(ports.db, {
    id: `assign:${round._id}:${randomUUID()}`,
    kind: ASSIGN_JOB,
    payload: { roundId: round._id, seed: args.seed, actorOpenid: args.actorOpenid, actorName: args.actorName },
    runAt: at,
  });
}

/** Cron: an assignment run too large for one api call continues here. */
export async function continueAssignment(payload: Record<string, unknown>, ports: Ports) {
  const roundId = typeof payload.roundId === 'string' ? payload.roundId : null;
  if (roundId === null) throw new Error('rounds.assign needs a roundId');
  const round = await loadRound(ports.db, roundId);
  if (round.status !== 'setup') return { skipped: true };
  const run = await runAssignment(ports, {
    round,
    seed: typeof payload.seed === 'string' ? payload.seed : round._id,
    actorOpenid: typeof payload.actorOpenid === 'string' ? payload.actorOpenid : 'cron',
    actorName: typeof payload.actorName === 'string' ? payload.actorName : '定时任务',
    budgetMs: JOB_BUDGET_MS,
  });
  return { added: run.added, removed: run.removed, finished: run.finished };
}
