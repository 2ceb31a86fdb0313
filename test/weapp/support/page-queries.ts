/**
 * How to get the query a page is opened with, keyed by route: the ids come from the running local cloud
 * (its demo data, read through the api), never from constants, so the pages see real records. A route
 * that is not listed is opened with no query, so a new page is never skipped: if it needs a parameter it
 * shows its own "missing parameter" state.
 *
 * The demo data has no article, result list, final round or draft entry; `prepare` makes one of each through
 * the api, as the organizer (or the entrant) would, so the pages that show them have something to show.
 */
import type { ActionInput, ActionName, ActionOutput } from '@core/actions';
import type { ContestSummary } from '@core/contest/views';
import type { JudgeAssignmentView, JudgeRoundView, RoundView } from '@core/judging/views';
import type { EntryRow } from '@core/registration/views';
import type { ResultItem } from '@core/results/types';
import type { ResultListView } from '@core/results/views';

export type Query = Record<string, string>;

/** The seed's live show: `<roundId>:<group>` of demo-final's 决赛. */
const DEMO_LIVE_ID = 'demo-final:final:enterprise';

/** Calls an action as one of the suite's users and resolves with `data`; a refusal is an error. */
export type CallAs = <A extends ActionName>(
  who: 'organizer' | 'judge' | 'entrant',
  action: A,
  data: ActionInput<A>,
) => Promise<ActionOutput<A>>;

/** Shared look-ups, each asked of the cloud at most once. */
export class Lookups {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(private readonly as: CallAs) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, load());
    return this.memo.get(key) as Promise<T>;
  }

  /** What the pages should find besides the demo data: an article, a list in 公示, a final round, a draft. */
  async prepare(): Promise<void> {
    await this.article();
    await this.resultList();
    await this.finalRound();
    await this.entrantContestId();
    await this.campaign();
  }

  /** A 赛事通知 draft to the contest under review's submitted entrants. */
  campaign(): Promise<{ id: string }> {
    return this.once('campaign', async () => {
      const { contestId } = await this.reviewRound();
      const { campaign } = await this.as('organizer', 'admin.campaign.upsert', {
        contestId,
        kind: 'announcement',
        fields: { title: '复赛路演安排', at: '2026-12-20T09:30:00+08:00' },
        audience: { role: 'entrants', statuses: ['submitted'] },
      });
      return campaign;
    });
  }

  contests(): Promise<ActionOutput<'contest.list'>> {
    return this.once('contests', () => this.as('organizer', 'contest.list', {}));
  }

  /** A contest taking entries now. */
  openContest(): Promise<ContestSummary> {
    return this.once('openContest', async () => {
      const { items } = await this.contests();
      const open = items.find((c) => c.registration.status === 'open');
      if (!open) throw new Error('the demo data has no contest open for sign-up');
      return open;
    });
  }

  /** The judge's first round in progress and the first project assigned to them in it. */
  judgeWork(): Promise<{ round: JudgeRoundView; item: JudgeAssignmentView }> {
    return this.once('judgeWork', async () => {
      const { rounds } = await this.as('judge', 'judge.assignment.list', {});
      const work = rounds.find((r) => r.items.length > 0);
      const item = work?.items[0];
      if (!work || !item) throw new Error('the demo judge has nothing assigned');
      return { round: work.round, item };
    });
  }

  /** The organizer's view of the round under review. */
  reviewRound(): Promise<RoundView> {
    return this.once('reviewRound', async () => {
      const { round } = await this.judgeWork();
      const { rounds } = await this.as('organizer', 'admin.round.list', { contestId: round.contestId });
      const found = rounds.find((r) => r.id === round.id) ?? rounds[0];
      if (!found) throw new Error('the contest under review has no round');
      return found;
    });
  }

  /** The final round of the contest under review (awards are decided there), set up like the round under review. */
  finalRound(): Promise<RoundView> {
    return this.once('finalRound', async () => {
      const review = await this.reviewRound();
      const { rounds } = await this.as('organizer', 'admin.round.list', { contestId: review.contestId });
      const final = rounds.find((r) => r.stage === 'final');
      if (final) return final;
      const { round } = await this.as('organizer', 'admin.round.upsert', {
        contestId: review.contestId,
        stage: 'final',
        name: '决赛现场评分',
        rubric: { criteria: review.rubric.criteria },
        aggregation: review.aggregation,
        judgesPerEntry: review.judgesPerEntry,
        blind: review.blind,
        opensAt: review.opensAt,
        closesAt: review.closesAt,
      });
      return round;
    });
  }

  entries(contestId: string): Promise<EntryRow[]> {
    return this.once(`entries:${contestId}`, async () => {
      return (await this.as('organizer', 'admin.entry.list', { contestId })).items;
    });
  }

  /** A published article: the first in the news list, or one the organizer publishes now. */
  article(): Promise<{ id: string }> {
    return this.once('article', async () => {
      const { items } = await this.as('organizer', 'news.list', {});
      const first = items[0];
      if (first) return first;
      const { now } = await this.contests();
      const { article } = await this.as('organizer', 'admin.article.upsert', {
        title: '第九届“创客中国”上海市中小企业创新创业大赛启动',
        category: 'notice',
        contestId: (await this.openContest()).id,
        bodyHtml: '<p>大赛面向企业组和创客组征集项目。</p><p>报名截止前可随时修改报名表。</p>',
        publishAt: now,
        status: 'published',
      });
      return article;
    });
  }

  /** A published result list still in 公示 and one project on it. */
  resultList(): Promise<{ list: ResultListView; item: ResultItem }> {
    return this.once('resultList', async () => {
      const { lists } = await this.as('organizer', 'results.list', {});
      let list = lists.find((l) => l.inPublicity && l.items.length > 0);
      if (!list) {
        const { round } = await this.judgeWork();
        const chosen = (await this.entries(round.contestId)).slice(0, 3);
        list = (
          await this.as('organizer', 'admin.result.publish', {
            contestId: round.contestId,
            kind: 'preliminary',
            entries: chosen.map((e) => ({ entryId: e.id, prize: null })),
            publicityDays: 7,
          })
        ).list;
      }
      const item = list.items[0];
      if (!item) throw new Error('the result list has no project');
      return { list, item };
    });
  }

  /** The contest the entrant has an entry in; a draft is saved on an open contest when there is none. */
  entrantContestId(): Promise<string> {
    return this.once('entrantEntry', async () => {
      const { items } = await this.as('entrant', 'registration.mine', {});
      const mine = items[0];
      if (mine) return mine.contestId;
      const contest = await this.openContest();
      await this.as('entrant', 'registration.draft.save', {
        contestId: contest.id,
        form: { group: contest.groups[0] ?? 'enterprise', projectName: '智能仓储机器人' },
      });
      return contest.id;
    });
  }
}

export const pageQueries: Record<string, (look: Lookups) => Promise<Query>> = {
  'pages/contest/index': async (look) => ({ id: (await look.openContest()).id }),
  'pages/article/index': async (look) => ({ id: (await look.article()).id }),
  'entrant/pages/objection/index': async (look) => {
    const { list, item } = await look.resultList();
    return { listId: list.id, entryId: item.entryId, title: list.title, project: item.projectName };
  },
  'entrant/pages/register/index': async (look) => {
    const contest = await look.openContest();
    return { contestId: contest.id, group: contest.groups[0] ?? 'enterprise' };
  },
  'entrant/pages/entry/index': async (look) => ({ contestId: await look.entrantContestId() }),
  'judge/pages/round/index': async (look) => ({ roundId: (await look.judgeWork()).round.id }),
  'judge/pages/score/index': async (look) => {
    const { round, item } = await look.judgeWork();
    return { roundId: round.id, entryId: item.entryId };
  },
  // The live final the seed sets up (contest demo-final, judges judge1…judge5 on the enterprise panel).
  'judge/pages/live/index': async () => ({ liveId: DEMO_LIVE_ID }),
  'admin/pages/entries/index': async (look) => ({ contestId: (await look.reviewRound()).contestId }),
  'admin/pages/entry/index': async (look) => {
    const [first] = await look.entries((await look.reviewRound()).contestId);
    if (!first) throw new Error('the contest under review has no entry');
    return { id: first.id };
  },
  'admin/pages/contest/index': async (look) => ({ id: (await look.openContest()).id }),
  'admin/pages/article/index': async (look) => ({ id: (await look.article()).id }),
  'admin/pages/judges/index': async (look) => ({ contestId: (await look.reviewRound()).contestId }),
  'admin/pages/rounds/index': async (look) => ({ contestId: (await look.reviewRound()).contestId }),
  'admin/pages/round-edit/index': async (look) => {
    const round = await look.reviewRound();
    return { contestId: round.contestId, stage: round.stage };
  },
  'admin/pages/round/index': async (look) => ({ roundId: (await look.reviewRound()).id }),
  'admin/pages/ranking/index': async (look) => ({ roundId: (await look.reviewRound()).id }),
  'admin/pages/awards/index': async (look) => ({ roundId: (await look.finalRound()).id }),
  'admin/pages/campaigns/index': async (look) => ({ contestId: (await look.reviewRound()).contestId }),
  'admin/pages/campaign/index': async (look) => ({ id: (await look.campaign()).id }),
  // The host console of the seed's live final.
  'stage/pages/console/index': async () => ({ liveId: DEMO_LIVE_ID }),
  // The big screen (public: every user) and the notary's log (吴静 holds the grant) of the same show.
  'screen/pages/live/index': async () => ({ liveId: DEMO_LIVE_ID }),
  'notary/pages/home/index': async () => ({ liveId: DEMO_LIVE_ID }),
  'admin/pages/audit/index': async (look) => {
    const round = await look.reviewRound();
    return { contestId: round.contestId, roundId: round.id };
  },
};
