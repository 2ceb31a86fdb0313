import type { LiveConsoleView } from '@core/live/views';
import type { Ports } from '../../ports';
import { C, type JudgeDoc, type LiveShowDoc } from '../collections';
import { personKey } from '../files/file-links';
import { boardOf, judgeLabel, revealView, setupOpen } from './show';

/**
 * The host console: everything about the show, the judges by opaque key and name (never an openid). The judges
 * to choose a panel from are read only while the run of show can still change: a tap on stage costs no query.
 */
export async function consoleView(ports: Ports, show: LiveShowDoc): Promise<LiveConsoleView> {
  const judges = setupOpen(show)
    ? await ports.db
        .collection<JudgeDoc>(C.judges)
        .find({ contestId: show.contestId }, { orderBy: [['boundAt', 'asc']] })
    : [];
  const person = (openid: string) => ({ key: personKey(openid), name: show.judgeNames[openid] ?? '评委' });
  return {
    liveId: show._id,
    roundId: show.roundId,
    contestId: show.contestId,
    contestName: show.contestName,
    roundName: show.roundName,
    group: show.group,
    session: show.session ?? null,
    aggregation: show.aggregation,
    settings: show.settings,
    judges: show.judges.map((openid) => ({ ...person(openid), label: judgeLabel(show, openid) })),
    candidates: judges.map((j) => ({ key: personKey(j.openid), name: j.name, organization: j.organization })),
    order: show.order,
    slots: show.slots
      .slice()
      .sort((a, b) => a.position - b.position || a.entryId.localeCompare(b.entryId))
      .map((s) => {
        const meta = show.entries[s.entryId] ?? { projectName: '', orgName: '', field: '' };
        return {
          entryId: s.entryId,
          position: s.position,
          projectName: meta.projectName,
          orgName: meta.orgName,
          field: meta.field,
          state: s.state,
          reason: s.reason,
          timer: s.timer,
          eligible: s.eligible.length,
          scored: s.scoredBy.map(person),
          missing: s.eligible.filter((o) => !s.scoredBy.includes(o)).map(person),
          recused: show.judges.filter((o) => !s.eligible.includes(o)).map(person),
          reveal: revealView(show, s.entryId),
        };
      }),
    boardShown: show.boardShown,
    board: boardOf(show),
    frozen: show.frozen && { byName: show.frozen.byName, at: show.frozen.at, head: show.frozen.head },
    head: show.head,
    checkpoints: show.checkpoints,
    version: show.version,
    now: ports.clock.now().toISOString(),
  };
}
