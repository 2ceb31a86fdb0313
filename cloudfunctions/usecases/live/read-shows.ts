import { AppError, ErrorCode } from '@core/errors';
import { currentSlot } from '@core/live/machine';
import type { JudgeLiveView } from '@core/live/views';
import { hasRole, type Role, type RoleGrant } from '@core/roles';
import type { Filter } from '../../ports';
import {
  C,
  assignmentIdFor,
  type AssignmentDoc,
  type LiveScreenDoc,
  type LiveShowDoc,
  type RoundDoc,
} from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { findByIds } from '../find-by-ids';
import { loadRound } from '../judging/common';
import { myScoreView } from '../judging/score-views';
import { assertOrganizerOf } from '../scope';
import { projection } from './show';
import { consoleView } from './views';

/** Shows of the contests the caller holds the role for (every show for a global grant). */
export function contestFilter(grants: readonly RoleGrant[], role: Role): Filter {
  const held = grants.filter((g) => g.role === role);
  if (held.some((g) => g.contestId === null)) return {};
  return { contestId: { $in: held.map((g) => g.contestId as string) } };
}

async function loadShow(ports: Parameters<UseCase<'admin.live.get'>>[2], liveId: string): Promise<LiveShowDoc> {
  const show = await ports.db.collection<LiveShowDoc>(C.liveShows).get(liveId);
  if (show === null) throw new AppError(ErrorCode.NOT_FOUND, '现场决赛尚未设置');
  return show;
}

export const getShow: UseCase<'admin.live.get'> = async (ctx, input, ports) => {
  const show = await loadShow(ports, input.liveId);
  assertOrganizerOf(ctx.caller.grants, show.contestId);
  return { console: await consoleView(ports, show) };
};

export const listShows: UseCase<'admin.live.list'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const shows = await ports.db
    .collection<LiveShowDoc>(C.liveShows)
    .find({ roundId: round._id }, { orderBy: [['group', 'asc']] });
  // 场次 in their number order (s2 before s10).
  const sessionNo = (s: LiveShowDoc) => Number(s.session?.key.slice(1) ?? 0);
  shows.sort((a, b) => a.group.localeCompare(b.group) || sessionNo(a) - sessionNo(b));
  return {
    shows: shows.map((s) => ({
      liveId: s._id,
      group: s.group,
      session: s.session ?? null,
      contestants: s.slots.length,
      judges: s.judges.length,
      phase: projection(s).phase,
      frozen: s.frozen !== null,
    })),
  };
};

/** The released projection, for anyone: it holds nothing the host has not shown. */
export const getScreen: UseCase<'live.screen'> = async (_ctx, input, ports) => {
  const doc = await ports.db.collection<LiveScreenDoc>(C.liveScreens).get(input.liveId);
  if (doc === null) throw new AppError(ErrorCode.NOT_FOUND, '该场决赛不存在或尚未设置');
  return { screen: doc.screen, now: ports.clock.now().toISOString() };
};

/**
 * The judge's live shows: the current contestant and, when the host has opened scoring for them, the sheet
 * with the judge's own score (never anyone else's).
 */
export const getJudgeLive: UseCase<'judge.live'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const all = input.liveId
    ? [await loadShow(ports, input.liveId)]
    : await ports.db.collection<LiveShowDoc>(C.liveShows).find(contestFilter(ctx.caller.grants, 'judge'), {
        orderBy: [['updatedAt', 'desc']],
        limit: 50,
      });
  const mine = all.filter((s) => s.judges.includes(openid) && hasRole(ctx.caller.grants, 'judge', s.contestId));
  if (input.liveId && mine.length === 0) throw new AppError(ErrorCode.FORBIDDEN, '您不是本组决赛评委');
  const rounds = await findByIds<RoundDoc>(
    ports.db,
    C.rounds,
    mine.map((s) => s.roundId),
  );
  const shows: JudgeLiveView[] = [];
  for (const show of mine) {
    const round = rounds.get(show.roundId);
    if (round === undefined) continue;
    const current = currentSlot(show);
    // Deferred first score: the held first contestant's sheet is the one the judge will fill next.
    const sheetSlot = current?.state === 'scoring' || current?.state === 'revealed' ? current : null;
    const meta = (id: string) => show.entries[id] ?? { projectName: '', orgName: '', field: '' };
    let sheet: JudgeLiveView['sheet'] = null;
    if (sheetSlot && sheetSlot.eligible.includes(openid)) {
      const a = await ports.db
        .collection<AssignmentDoc>(C.assignments)
        .get(assignmentIdFor(show.roundId, sheetSlot.entryId, openid));
      sheet = {
        entryId: sheetSlot.entryId,
        position: sheetSlot.position,
        projectName: meta(sheetSlot.entryId).projectName,
        orgName: meta(sheetSlot.entryId).orgName,
        open: sheetSlot.state === 'scoring' && show.frozen === null,
        myScore: a?.score ? myScoreView(a.score) : null,
      };
    }
    shows.push({
      liveId: show._id,
      contestName: show.contestName,
      roundName: show.roundName,
      group: show.group,
      session: show.session ?? null,
      version: show.version,
      current: current
        ? {
            entryId: current.entryId,
            position: current.position,
            projectName: meta(current.entryId).projectName,
            state: current.state,
          }
        : null,
      sheet,
      rubric: round.rubric,
      recused: current !== null && !current.eligible.includes(openid),
    });
  }
  return { shows, now: ports.clock.now().toISOString() };
};
