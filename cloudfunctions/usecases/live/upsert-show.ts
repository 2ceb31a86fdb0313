import { AppError, ErrorCode } from '@core/errors';
import { judgeConflicts } from '@core/judging/conflicts';
import { GENESIS_HASH } from '@core/live/chain';
import { DEFAULT_LIVE_SETTINGS, type LiveSlot } from '@core/live/types';
import { writeAuditTx } from '../audit';
import { C, liveIdFor, type JudgeDoc, type LiveShowDoc, type RoundEntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
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
export const upsertShow: UseCase<'admin.live.upsert'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertLiveRound(round);
  const now = ports.clock.now();
  const at = now.toISOString();
  await joinEntries(ports, round, at);
  const [contest, name, roundEntries, bound] = await Promise.all([
    loadContest(ports.db, round.contestId),
    actorName(ports.db, openid, '组委会'),
    ports.db.collection<RoundEntryDoc>(C.roundEntries).find({ roundId: round._id, group: input.group, out: false }),
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: round.contestId }),
  ]);
  if (roundEntries.length === 0)
    throw new AppError(ErrorCode.INVALID_STATE, '本组还没有进入决赛的项目：请先在复赛确认晋级名单');
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
      throw new AppError(ErrorCode.INVALID_INPUT, '手动排序须包含本组每个决赛项目各一次', {
        manualOrder: '手动排序须包含本组每个决赛项目各一次',
      });
  }
  const eligibleFor = (entry: RoundEntryDoc) =>
    panel
      .filter(
        (_, i) =>
          !judgeConflicts(profiles[i] ?? { conflicts: { names: [], creditCodes: [] } }, entryForAssignment(entry)),
      )
      .map((j) => j.openid);
  const liveId = liveIdFor(round._id, input.group);
  const settings = { ...DEFAULT_LIVE_SETTINGS, ...input.settings };

  const saved = await ports.db.transaction(async (tx) => {
    const existing = await loadShowTx(tx, liveId);
    if (existing?.frozen)
      throw new AppError(ErrorCode.INVALID_STATE, '公证员已确认本组成绩，不能再更改', { frozen: true });
    if (existing && !setupOpen(existing))
      throw new AppError(ErrorCode.INVALID_STATE, '决赛已开始，不能再修改出场设置', { state: 'running' });
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
