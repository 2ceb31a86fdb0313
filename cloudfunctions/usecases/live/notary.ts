import { AppError, ErrorCode } from '@core/errors';
import { leaderboard } from '@core/live/reveal';
import { slotStateLabels } from '@core/live/types';
import { liveCommandLabels, type LiveCommand } from '@core/live/machine';
import type { LogEventView, NotaryLogView } from '@core/live/views';
import { writeAuditTx } from '../audit';
import { C, type LiveCheckpointDoc, type LiveEventDoc, type LiveShowDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { actorName } from '../judging/common';
import {
  appendEventsTx,
  assertNotaryOf,
  checkpointTx,
  judgeLabel,
  requireShowTx,
  revealView,
  saveShowTx,
} from './show';
import { contestFilter } from './read-shows';

const PAGE = 500;

function summary(show: LiveShowDoc, e: LiveEventDoc): string {
  const d = e.data;
  const who = (p: unknown) => (typeof p === 'number' && p > 0 ? `第 ${p} 位` : '');
  const project = (id: unknown) => (typeof id === 'string' ? (show.entries[id]?.projectName ?? id) : '');
  switch (e.type) {
    case 'setup':
      return `出场设置：评委 ${Array.isArray(d.judges) ? d.judges.length : 0} 位，选手 ${Array.isArray(d.contestants) ? d.contestants.length : 0} 位`;
    case 'order':
      return d.method === 'draw'
        ? `抽签确定出场顺序（种子 ${String(d.seed)}）`
        : `手动排定出场顺序（原因：${String(d.reason)}）`;
    case 'control': {
      const label = liveCommandLabels[d.command as LiveCommand] ?? String(d.command);
      const reason = typeof d.reason === 'string' && d.reason ? `（原因：${d.reason}）` : '';
      const auto = d.auto === true ? '（评委全部评完，自动结束）' : '';
      const seconds = typeof d.seconds === 'number' ? ` ${d.seconds} 秒` : '';
      const state =
        typeof d.state === 'string' && d.state in slotStateLabels
          ? ` → ${slotStateLabels[d.state as keyof typeof slotStateLabels]}`
          : '';
      const subject = `${who(d.position)}${project(d.entryId) ? `（${project(d.entryId)}）` : ''}`;
      return `${subject ? `${subject}：` : ''}${label}${seconds}${state}${reason}${auto}`;
    }
    case 'score':
      return `${who(d.position)}：${e.actorName}${d.changed === true ? '修改评分' : '提交评分'}`;
    case 'reveal':
      return `${who(d.position)}（${project(d.entryId)}）亮分：${String(d.final)}${typeof d.changedFrom === 'string' ? `（原 ${d.changedFrom}）` : ''}`;
    case 'confirm':
      return `公证员${e.actorName}确认本组成绩`;
  }
}

/** The notary's shows: those of the contests the notary is appointed to. */
export const listNotaryShows: UseCase<'notary.live.list'> = async (ctx, _input, ports) => {
  const shows = await ports.db.collection<LiveShowDoc>(C.liveShows).find(contestFilter(ctx.caller.grants, 'notary'), {
    orderBy: [['updatedAt', 'desc']],
    limit: 100,
  });
  return {
    shows: shows.map((s) => ({
      liveId: s._id,
      contestName: s.contestName,
      roundName: s.roundName,
      group: s.group,
      session: s.session ?? null,
      frozen: s.frozen !== null,
    })),
  };
};

/** Everything the notary checks: the draw, the panel, every event with its hash, the checkpoints, the reveals. */
export const getNotaryLog: UseCase<'notary.live.log'> = async (ctx, input, ports) => {
  const show = await ports.db.collection<LiveShowDoc>(C.liveShows).get(input.liveId);
  if (show === null) throw new AppError(ErrorCode.NOT_FOUND, '现场决赛尚未设置');
  assertNotaryOf(ctx.caller.grants, show.contestId);
  const [events, checkpoints] = await Promise.all([
    ports.db
      .collection<LiveEventDoc>(C.liveEvents)
      .find({ liveId: show._id, seq: { $gt: input.after } }, { orderBy: [['seq', 'asc']], limit: PAGE + 1 }),
    ports.db
      .collection<LiveCheckpointDoc>(C.liveCheckpoints)
      .find({ liveId: show._id }, { orderBy: [['count', 'asc']] }),
  ]);
  // Re-openings and reveals come from the whole log, not the page: read the control and reveal events only.
  const decisive = await ports.db
    .collection<LiveEventDoc>(C.liveEvents)
    .find({ liveId: show._id, type: { $in: ['control', 'reveal'] } }, { orderBy: [['seq', 'asc']] });
  const ordered = show.slots.slice().sort((a, b) => a.position - b.position);
  // Ranked on the exact finals: two finals that print alike may still differ.
  const ranks = new Map(
    leaderboard(
      ordered.flatMap((s) => {
        const r = show.reveals[s.entryId];
        return r ? [{ final: r.final, position: s.position, entryId: s.entryId }] : [];
      }),
    ).map((r) => [r.entryId, r.rank]),
  );
  const log: NotaryLogView = {
    liveId: show._id,
    contestName: show.contestName,
    roundName: show.roundName,
    group: show.group,
    session: show.session ?? null,
    aggregation: show.aggregation,
    order: show.order && {
      ...show.order,
      entries: ordered
        .filter((s) => s.position > 0)
        .map((s) => ({
          position: s.position,
          projectName: show.entries[s.entryId]?.projectName ?? '',
          state: s.state,
          reason: s.reason,
        })),
    },
    judges: show.judges.map((o) => ({ name: show.judgeNames[o] ?? '评委', label: judgeLabel(show, o) })),
    events: events.slice(0, PAGE).map((e): LogEventView => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actorName: e.actorName,
      summary: summary(show, e),
      hash: e.hash,
      prev: e.prev,
    })),
    more: events.length > PAGE,
    checkpoints: checkpoints.map((c) => ({
      count: c.count,
      head: c.head,
      at: c.at,
      keyId: c.keyId,
      signature: c.signature,
    })),
    reveals: ordered.flatMap((s) => {
      const view = revealView(show, s.entryId);
      const stored = show.reveals[s.entryId];
      return view && stored ? [{ ...view, computation: stored.computation, rank: ranks.get(s.entryId) ?? 0 }] : [];
    }),
    reopenings: decisive
      .filter((e) => e.type === 'control' && e.data.command === 'reopen')
      .map((e) => ({
        position: typeof e.data.position === 'number' ? e.data.position : 0,
        projectName: typeof e.data.entryId === 'string' ? (show.entries[e.data.entryId]?.projectName ?? '') : '',
        reason: typeof e.data.reason === 'string' ? e.data.reason : '',
        at: e.at,
        byName: e.actorName,
      })),
    frozen: show.frozen && { byName: show.frozen.byName, at: show.frozen.at, head: show.frozen.head },
    head: show.head,
    keyId: ctx.liveSigner.keyId,
  };
  return { log };
};

/**
 * 公证确认: the notary signs off the group as they checked it (the head hash they saw must still be the head);
 * from then on the show refuses every change. The sign-off is the last event of the log, checkpointed.
 */
export const confirmShow: UseCase<'notary.live.confirm'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const at = ports.clock.now().toISOString();
  const name = await actorName(ports.db, openid, '公证员');
  const frozen = await ports.db.transaction(async (tx) => {
    let show = await requireShowTx(tx, input.liveId);
    assertNotaryOf(ctx.caller.grants, show.contestId);
    if (show.frozen) throw new AppError(ErrorCode.INVALID_STATE, '本组成绩已经公证确认', { frozen: true });
    const open = show.slots
      .slice()
      .sort((a, b) => a.position - b.position)
      .find((s) => s.state !== 'done' && s.state !== 'absent' && s.state !== 'withdrawn');
    if (open)
      throw new AppError(
        ErrorCode.INVALID_STATE,
        `第 ${open.position} 位选手尚未完成（${slotStateLabels[open.state]}），不能公证确认`,
        {
          state: open.state,
        },
      );
    if (show.head.hash !== input.head)
      throw new AppError(ErrorCode.INVALID_STATE, '评分日志在您核对之后有了新的记录，请刷新后重新核对', {
        head: show.head.hash,
      });
    show = await appendEventsTx(
      tx,
      show,
      { openid, name },
      [{ type: 'confirm', data: { head: input.head, note: input.note ?? null } }],
      at,
    );
    show = await checkpointTx(tx, show, ctx.liveSigner, at);
    // The head the notary checked; the log's own head moves on by the confirm event that records it.
    const sign = { by: openid, byName: name, at, head: input.head };
    show = { ...show, frozen: sign };
    await writeAuditTx(tx, {
      contestId: show.contestId,
      roundId: show.roundId,
      actorOpenid: openid,
      actorName: name,
      action: 'live_confirm',
      after: { group: show.group, head: show.head.hash, count: show.head.count },
      reason: input.note ?? null,
      at,
    });
    await saveShowTx(tx, show, at);
    return sign;
  });
  return { frozen: { byName: frozen.byName, at: frozen.at, head: frozen.head } };
};
