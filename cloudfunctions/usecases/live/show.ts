import { AppError, ErrorCode } from '@core/errors';
import { chainEvent, checkpointPayload, shortHash, type LiveEvent, type LiveEventType } from '@core/live/chain';
import { currentSlot } from '@core/live/machine';
import { computeReveal, leaderboard } from '@core/live/reveal';
import { isSettled, showLabel, type LiveShowState, type LiveSlot } from '@core/live/types';
import type { BoardRow, LiveScreenView, RevealView } from '@core/live/views';
import { hasRole, type RoleGrant } from '@core/roles';
import type { Tx } from '../../ports';
import {
  C,
  assignmentIdFor,
  liveEventId,
  type AssignmentDoc,
  type LiveCheckpointDoc,
  type LiveEventDoc,
  type LiveScreenDoc,
  type LiveShowDoc,
  type RoundDoc,
  type StoredReveal,
} from '../collections';
import { personKey } from '../files/file-links';
import type { LiveSigner } from './signing';
import { sha256Hex } from './signing';

export function loadShowTx(tx: Tx, liveId: string): Promise<LiveShowDoc | null> {
  return tx.get<LiveShowDoc>(C.liveShows, liveId);
}

export async function requireShowTx(tx: Tx, liveId: string): Promise<LiveShowDoc> {
  const show = await loadShowTx(tx, liveId);
  if (show === null) throw new AppError(ErrorCode.NOT_FOUND, '现场决赛尚未设置');
  return show;
}

export function assertNotaryOf(grants: readonly RoleGrant[], contestId: string): void {
  if (!hasRole(grants, 'notary', contestId)) throw new AppError(ErrorCode.FORBIDDEN, '您不是该赛事的公证员');
}

/** The run of show may still change: nobody has taken the stage (an absence does not count). */
export function setupOpen(show: Pick<LiveShowState, 'slots'>): boolean {
  return show.slots.every((s) => s.state === 'waiting' || s.state === 'absent');
}

export function assertLiveRound(round: RoundDoc): void {
  if (round.stage !== 'final' || round.mode !== 'live')
    throw new AppError(ErrorCode.INVALID_STATE, '只有评审方式为“现场评分”的决赛轮次可以进行现场决赛');
  if (round.status !== 'setup') throw new AppError(ErrorCode.INVALID_STATE, '本轮已确定奖项，不能再更改现场决赛');
}

/** 评委 3 or the judge's name, per the show's setting. */
export function judgeLabel(show: Pick<LiveShowDoc, 'judges' | 'judgeNames' | 'settings'>, openid: string): string {
  if (show.settings.judgeLabels === 'named') return show.judgeNames[openid] ?? '评委';
  return `评委 ${show.judges.indexOf(openid) + 1}`;
}

/**
 * Appends events to the show's chain inside the caller's transaction: each gets the next seq and the hash of
 * the one before; the event documents are created by natural id, so a concurrent writer of the same seq
 * collides. Returns the show with its new head.
 */
export async function appendEventsTx(
  tx: Tx,
  show: LiveShowDoc,
  actor: { openid: string; name: string },
  events: ReadonlyArray<{ type: LiveEventType; data: Record<string, unknown> }>,
  at: string,
): Promise<LiveShowDoc> {
  let { count, hash } = show.head;
  for (const e of events) {
    const event: LiveEvent = {
      liveId: show._id,
      seq: count + 1,
      type: e.type,
      at,
      actor: personKey(actor.openid),
      actorName: actor.name,
      data: e.data,
    };
    const chained = chainEvent(hash, event, sha256Hex);
    await tx.create<LiveEventDoc>(C.liveEvents, { _id: liveEventId(show._id, chained.seq), ...chained });
    count = chained.seq;
    hash = chained.hash;
  }
  return { ...show, head: { count, hash } };
}

/** A signed checkpoint of the head, written in the same transaction as the events it covers. */
export async function checkpointTx(tx: Tx, show: LiveShowDoc, signer: LiveSigner, at: string): Promise<LiveShowDoc> {
  const base = { liveId: show._id, count: show.head.count, head: show.head.hash, at, keyId: signer.keyId };
  const signature = signer.sign(checkpointPayload(base));
  await tx.create<LiveCheckpointDoc>(C.liveCheckpoints, {
    _id: `${show._id}:${String(base.count).padStart(6, '0')}`,
    ...base,
    signature,
  });
  return { ...show, checkpoints: show.checkpoints + 1 };
}

/** The scores of one contestant from the judges awaited, read inside the transaction (by id: no queries). */
export async function slotScoresTx(
  tx: Tx,
  show: LiveShowDoc,
  slot: LiveSlot,
): Promise<Array<{ openid: string; units: number }>> {
  const out: Array<{ openid: string; units: number }> = [];
  for (const openid of show.judges) {
    if (!slot.eligible.includes(openid)) continue;
    const a = await tx.get<AssignmentDoc>(C.assignments, assignmentIdFor(show.roundId, slot.entryId, openid));
    if (a?.status === 'active' && a.score) out.push({ openid, units: a.score.units });
  }
  return out;
}

/**
 * 亮分 for one contestant: the reveal from the stored scores, its event, and a signed checkpoint after it. The
 * reveal replaces an earlier one of the same contestant and says so (revision, changedFrom).
 */
export async function revealTx(
  tx: Tx,
  show: LiveShowDoc,
  slot: LiveSlot,
  actor: { openid: string; name: string },
  signer: LiveSigner,
  at: string,
): Promise<LiveShowDoc> {
  const scores = await slotScoresTx(tx, show, slot);
  if (scores.length === 0) throw new AppError(ErrorCode.INVALID_STATE, '还没有评委提交评分，不能亮分');
  const reveal = computeReveal({
    aggregation: show.aggregation,
    scores: scores.map((s) => ({ judge: personKey(s.openid), label: judgeLabel(show, s.openid), units: s.units })),
  });
  const before = show.reveals[slot.entryId];
  const changedFrom =
    before && before.finalText !== reveal.finalText ? before.finalText : (before?.changedFrom ?? null);
  let next = await appendEventsTx(
    tx,
    show,
    actor,
    [
      {
        type: 'reveal',
        data: {
          entryId: slot.entryId,
          position: slot.position,
          lines: reveal.lines.map((l) => ({ judge: l.judge, label: l.label, units: l.units, dropped: l.dropped })),
          aggregation: show.aggregation,
          final: reveal.finalText,
          revision: slot.reveals,
          changedFrom,
        },
      },
    ],
    at,
  );
  const stored: StoredReveal = { ...reveal, revision: slot.reveals, changedFrom, head: next.head.hash, at };
  next = { ...next, reveals: { ...next.reveals, [slot.entryId]: stored } };
  return checkpointTx(tx, next, signer, at);
}

export function revealView(show: LiveShowDoc, entryId: string): RevealView | null {
  const r = show.reveals[entryId];
  const slot = show.slots.find((s) => s.entryId === entryId);
  if (r === undefined || slot === undefined) return null;
  return {
    entryId,
    position: slot.position,
    projectName: show.entries[entryId]?.projectName ?? '',
    lines: r.lines.map((l) => ({ label: l.label, total: l.total, dropped: l.dropped })),
    aggregation: r.aggregation,
    final: r.finalText,
    revision: r.revision,
    changedFrom: r.changedFrom,
    headHash: shortHash(r.head),
    at: r.at,
  };
}

/** Marking a contestant absent before anyone is on stage does not start the show (the setup stays editable too). */
function phaseOf(show: LiveShowState): LiveScreenView['phase'] {
  if (show.slots.every((s) => isSettled(s.state))) return show.order === null ? 'setup' : 'finished';
  const started = show.slots.some((s) => s.state !== 'waiting' && s.state !== 'absent' && s.state !== 'withdrawn');
  return show.order === null || !started ? 'setup' : 'running';
}

/** The running leaderboard of the revealed contestants: on the screen while the host shows it, on the console always. */
export function boardOf(show: LiveShowDoc): BoardRow[] {
  const meta = (entryId: string) => show.entries[entryId] ?? { projectName: '', orgName: '', field: '' };
  return leaderboard(
    show.slots
      .slice()
      .sort((a, b) => a.position - b.position)
      .flatMap((s) => {
        const r = show.reveals[s.entryId];
        return r && (s.state === 'revealed' || s.state === 'done')
          ? [{ final: r.final, position: s.position, s, r }]
          : [];
      }),
  ).map((row) => ({
    rank: row.rank,
    position: row.position,
    projectName: meta(row.s.entryId).projectName,
    orgName: meta(row.s.entryId).orgName,
    final: row.r.finalText,
  }));
}

/**
 * What the big screen may show: the current contestant, its timer and scoring progress (a count, never a
 * score), its reveal once revealed, the leaderboard only while the host shows it. Later contestants' scores
 * are never in it: a score is visible only inside a reveal, and a reveal exists only after scoring closed.
 */
export function projection(show: LiveShowDoc): LiveScreenView {
  const ordered = show.slots.slice().sort((a, b) => a.position - b.position);
  const current = currentSlot(show);
  const meta = (entryId: string) => show.entries[entryId] ?? { projectName: '', orgName: '', field: '' };
  const upNext = ordered.find((s) => s.state === 'waiting' && s.position > 0);
  const board = show.boardShown ? boardOf(show) : null;
  return {
    liveId: show._id,
    contestName: show.contestName,
    roundName: `${show.roundName} · ${showLabel(show.group, show.session)}`,
    group: show.group,
    session: show.session ?? null,
    version: show.version,
    phase: phaseOf(show),
    current: current
      ? {
          entryId: current.entryId,
          position: current.position,
          total: show.slots.length,
          absent: show.slots.filter((s) => s.state === 'absent' || s.state === 'withdrawn').length,
          projectName: meta(current.entryId).projectName,
          orgName: meta(current.entryId).orgName,
          state: current.state,
          timer: current.state === 'pitch' || current.state === 'qa' ? current.timer : null,
        }
      : null,
    progress: current?.state === 'scoring' ? { scored: current.scoredBy.length, of: current.eligible.length } : null,
    reveal: current?.state === 'revealed' ? revealView(show, current.entryId) : null,
    board,
    upNext: upNext ? { position: upNext.position, projectName: meta(upNext.entryId).projectName } : null,
    frozen: show.frozen !== null,
    updatedAt: show.updatedAt,
  };
}

/** Writes the show and its projection: the last step of every live transaction. */
export async function saveShowTx(tx: Tx, show: LiveShowDoc, at: string): Promise<LiveShowDoc> {
  const next = { ...show, version: show.version + 1, updatedAt: at };
  await tx.set<LiveShowDoc>(C.liveShows, next);
  await tx.set<LiveScreenDoc>(C.liveScreens, { _id: next._id, screen: projection(next) });
  return next;
}
