import { AppError, ErrorCode } from '@core/errors';
import { judgeConflicts } from '@core/judging/conflicts';
import { GENESIS_HASH } from '@core/live/chain';
import { DEFAULT_LIVE_SETTINGS, type LiveSlot } from '@core/live/types';
import { writeAuditTx } from '../audit';
import { C, liveIdFor, type JudgeDoc, type LiveShowDoc, type RoundEntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import type { Tx } from '../../ports';
import { personKey } from '../files/file-links';
import { joinEntries } from '../judging/assignment-run';
import { actorName, entryForAssignment, loadRound } from '../judging/common';
import { judgeProfiles } from '../judging/conflicts';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { appendEventsTx, assertLiveRound, loadShowTx, saveShowTx, setupOpen } from './show';
import { consoleView } from './views';

/**
 * The run of show of one group: its panel, timer plan and settings, and (optionally) an order set by hand.
 * Changeable until the first contestant takes the stage; the contestants are the round's finalists of the
 * group (joined here, as an assignment run would). Each judge's conflicts are decided now: a judge who may not
 * score a contestant is not awaited for them.
 */
/**
 * Marks the show's finalists as its own (`RoundEntryDoc.liveId`), writing each whose mark changes, and frees
 * the ones a session no longer takes. A finalist held by another show of the group is refused by name: a
 * group runs as one show or in sessions, each finalist in one of them.
 */
async function claimFinalistsTx(
  tx: Tx,
  liveId: string,
  inSession: boolean,
  taken: readonly RoundEntryDoc[],
  existing: LiveShowDoc | null,
  group: readonly RoundEntryDoc[],
): Promise<void> {
  const wanted = new Set(taken.map((e) => e.entryId));
  const byEntry = new Map(group.map((e) => [e.entryId, e]));
  for (const entry of taken) {
    const doc = await tx.get<RoundEntryDoc>(C.roundEntries, entry._id);
    const holder = doc?.liveId ?? null;
    if (holder !== null && holder !== liveId) {
      const other = await loadShowTx(tx, holder);
      const message = !inSession
        ? '本组已分场次进行，请在各场次中设置'
        : other?.session
          ? `「${entry.projectName}」已在「${other.session.name}」中，每个项目只能在一个场次`
          : '本组已按整组设置了现场决赛，不能再分场次';
      throw new AppError(ErrorCode.INVALID_STATE, message, { entryId: entry.entryId, liveId: holder });
    }
    if (holder !== liveId) await tx.update<RoundEntryDoc>(C.roundEntries, entry._id, { liveId });
  }
  for (const slot of existing?.slots ?? []) {
    const entry = byEntry.get(slot.entryId);
    if (!wanted.has(slot.entryId) && entry !== undefined)
      await tx.update<RoundEntryDoc>(C.roundEntries, entry._id, { liveId: null });
  }
}

export const upsertShow: UseCase<'admin.live.upsert'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertLiveRound(round);
  const now = ports.clock.now();
  const at = now.toISOString();
  await joinEntries(ports, round, at);
  const [contest, name, groupEntries, bound] = await Promise.all([
    loadContest(ports.db, round.contestId),
    actorName(ports.db, openid, '组委会'),
    ports.db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id, group: input.group, out: false }),
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
  ]);
  if (groupEntries.length === 0)
    throw new AppError(ErrorCode.INVALID_STATE, '本组还没有进入决赛的项目：请先在复赛确认晋级名单');
  const session = input.session ?? null;
  const finalists = new Map(groupEntries.map((e) => [e.entryId, e]));
  if (session) {
    const strangers = session.entryIds.filter((id) => !finalists.has(id));
    if (strangers.length > 0)
      throw new AppError(ErrorCode.INVALID_INPUT, '所选项目不是本组的决赛项目，请刷新后重选', {
        'session.entryIds': '所选项目不是本组的决赛项目，请刷新后重选',
      });
  }
  const roundEntries = session ? session.entryIds.map((id) => finalists.get(id) as RoundEntryDoc) : groupEntries;
  const byKey = new Map(bound.map((j) => [personKey(j.openid), j]));
  const panel: JudgeDoc[] = [];
  for (const key of input.judges) {
    const judge = byKey.get(key);
    if (judge === undefined)
      throw new AppError(ErrorCode.INVALID_INPUT, '所选评委未绑定本赛事', {
        judges: '所选评委未绑定本赛事，请刷新后重选',
      });
    panel.push(judge);
  }
  const profiles = await judgeProfiles(ports.db, panel);
  const entryIds = roundEntries.map((e) => e.entryId).sort();
  if (input.manualOrder) {
    const given = [...input.manualOrder.entryIds].sort();
    if (given.length !== entryIds.length || given.some((id, i) => id !== entryIds[i]))
      throw new AppError(ErrorCode.INVALID_INPUT, `手动排序须包含本${session ? '场次' : '组'}每个决赛项目各一次`, {
        manualOrder: `手动排序须包含本${session ? '场次' : '组'}每个决赛项目各一次`,
      });
  }
  const eligibleFor = (entry: RoundEntryDoc) =>
    panel
      .filter(
        (_, i) =>
          !judgeConflicts(profiles[i] ?? { conflicts: { names: [], creditCodes: [] } }, entryForAssignment(entry)),
      )
      .map((j) => j.openid);
  const liveId = liveIdFor(round._id, input.group, session?.key);
  const wholeId = liveIdFor(round._id, input.group);
  const settings = { ...DEFAULT_LIVE_SETTINGS, ...input.settings };

  const saved = await ports.db.transaction(async (tx) => {
    const existing = await loadShowTx(tx, liveId);
    if (existing?.frozen)
      throw new AppError(ErrorCode.INVALID_STATE, '公证员已确认本组成绩，不能再更改', { frozen: true });
    if (existing && !setupOpen(existing))
      throw new AppError(ErrorCode.INVALID_STATE, '决赛已开始，不能再修改出场设置', { state: 'running' });
    // Shows saved before finalists were claimed hold theirs only in their slots.
    if (session && (await loadShowTx(tx, wholeId)) !== null)
      throw new AppError(ErrorCode.INVALID_STATE, '本组已按整组设置了现场决赛，不能再分场次', { whole: true });
    await claimFinalistsTx(tx, liveId, session !== null, roundEntries, existing, groupEntries);
    const order = input.manualOrder
      ? { method: 'manual' as const, seed: null, reason: input.manualOrder.reason, at }
      : (existing?.order ?? null);
    const positions = new Map(
      (
        input.manualOrder?.entryIds ??
        existing?.slots
          .filter((s) => s.position > 0)
          .sort((a, b) => a.position - b.position)
          .map((s) => s.entryId) ??
        []
      ).map((id, i) => [id, i + 1]),
    );
    const slots: LiveSlot[] = roundEntries
      .slice()
      .sort((a, b) => a.entryId.localeCompare(b.entryId))
      .map((e) => {
        const before = existing?.slots.find((s) => s.entryId === e.entryId);
        return {
          entryId: e.entryId,
          position: order === null ? 0 : (positions.get(e.entryId) ?? 0),
          state: before?.state ?? 'waiting',
          reason: before?.reason ?? null,
          timer: null,
          eligible: eligibleFor(e),
          scoredBy: [],
          reveals: 0,
        };
      });
    // A finalist who joined after the draw has no place yet: the order must be drawn or set again.
    const incomplete = order !== null && slots.some((s) => s.position === 0);
    let show: LiveShowDoc = {
      _id: liveId,
      roundId: round._id,
      contestId: round.contestId,
      contestName: contest.name,
      roundName: round.name,
      aggregation: round.aggregation,
      group: input.group,
      session: session ? { key: session.key, name: session.name } : null,
      settings,
      judges: panel.map((j) => j.openid),
      order: incomplete ? null : order,
      slots: incomplete ? slots.map((s) => ({ ...s, position: 0 })) : slots,
      boardShown: false,
      frozen: null,
      entries: Object.fromEntries(
        roundEntries.map((e) => [e.entryId, { projectName: e.projectName, orgName: e.orgName, field: e.field }]),
      ),
      judgeNames: Object.fromEntries(panel.map((j) => [j.openid, j.name])),
      reveals: {},
      head: existing?.head ?? { count: 0, hash: GENESIS_HASH },
      checkpoints: existing?.checkpoints ?? 0,
      version: existing?.version ?? 0,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    const actor = { openid, name };
    const events: Array<{ type: 'setup' | 'order'; data: Record<string, unknown> }> = [
      {
        type: 'setup',
        data: {
          ...(session ? { session: { key: session.key, name: session.name } } : {}),
          judges: show.judges.map((o) => ({ judge: personKey(o), name: show.judgeNames[o] ?? '' })),
          settings,
          aggregation: round.aggregation,
          contestants: slots.map((s) => ({
            entryId: s.entryId,
            projectName: show.entries[s.entryId]?.projectName ?? '',
            awaited: s.eligible.map(personKey),
          })),
        },
      },
    ];
    if (input.manualOrder)
      events.push({
        type: 'order',
        data: { method: 'manual', reason: input.manualOrder.reason, order: input.manualOrder.entryIds },
      });
    show = await appendEventsTx(tx, show, actor, events, at);
    await writeAuditTx(tx, {
      contestId: round.contestId,
      roundId: round._id,
      actorOpenid: openid,
      actorName: name,
      action: input.manualOrder ? 'live_order' : 'live_setup',
      after: {
        group: input.group,
        session: session?.name,
        judges: show.judges.map((o) => show.judgeNames[o]),
        settings,
        order: input.manualOrder?.entryIds,
      },
      reason: input.manualOrder?.reason ?? null,
      at,
    });
    return saveShowTx(tx, show, at);
  });
  return { console: await consoleView(ports, saved) };
};

/** The group's finalists (joined first, as 设置 does) and the show that holds each, for splitting into 场次. */
export const listFinalists: UseCase<'admin.live.finalists'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertLiveRound(round);
  await joinEntries(ports, round, ports.clock.now().toISOString());
  const [entries, shows] = await Promise.all([
    ports.db
      .collection<RoundEntryDoc>(C.roundEntries)
      .find({ roundId: round._id, group: input.group, out: false }, { orderBy: [['projectName', 'asc']] }),
    ports.db.collection<LiveShowDoc>(C.liveShows).find({ roundId: round._id, group: input.group }),
  ]);
  // Shows saved before finalists were claimed hold theirs only in their slots.
  const holder = new Map(shows.flatMap((s) => s.slots.map((slot) => [slot.entryId, s] as const)));
  return {
    finalists: entries.map((e) => {
      const show = (e.liveId ? shows.find((s) => s._id === e.liveId) : undefined) ?? holder.get(e.entryId);
      return {
        entryId: e.entryId,
        projectName: e.projectName,
        orgName: e.orgName,
        field: e.field,
        liveId: show?._id ?? null,
        sessionName: show?.session?.name ?? null,
      };
    }),
  };
};
