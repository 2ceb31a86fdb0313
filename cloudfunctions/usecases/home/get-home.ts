import { contestPhase } from '@core/contest/phase';
import { shanghaiDay } from '@core/time/shanghai';
import type { UseCase } from '../context';
import { C, type ArticleDoc, type ContestDoc, type EditionDoc } from '../collections';
import { findByIds } from '../find-by-ids';
import { contestSummary } from '../contest/contest-views';
import { articleSummary, visibleFilter } from '../news/article-views';

/** Contests stay on 首页 through their 公示 for this long. */
const RECENT_DAYS = 30;

/**
 * Everything the first screen needs in one call: pinned banners, the contests that are running with
 * their current stage and next date, and the latest five articles.
 */
export const getHome: UseCase<'home.get'> = async (_ctx, _input, ports) => {
  const now = ports.clock.now();
  const visible = visibleFilter(now);
  const articles = ports.db.collection<ArticleDoc>(C.articles);
  const [banners, latest, contests] = await Promise.all([
    // A banner is a picture: pinned articles without a cover stay in the list only.
    articles.find(
      { $and: [visible, { pinned: true, cover: { $ne: null } }] },
      { orderBy: [['publishAt', 'desc']], limit: 3 },
    ),
    articles.find(visible, { orderBy: [['publishAt', 'desc']], limit: 5 }),
    ports.db.collection<ContestDoc>(C.contests).find({}, { orderBy: [['registration.opensAt', 'desc']], limit: 50 }),
  ]);
  const cutoff = shanghaiDay(now.getTime() - RECENT_DAYS * 86400_000);
  const running = contests
    .map((contest) => ({ contest, phase: contestPhase(contest, now) }))
    .filter(({ phase }) => {
      if (phase.current !== 'publicity') return true;
      const publicity = phase.steps.find((s) => s.key === 'publicity');
      return publicity !== undefined && publicity.startsOn >= cutoff;
    })
    .slice(0, 10);
  const editions = await findByIds<EditionDoc>(
    ports.db,
    C.editions,
    running.map((r) => r.contest.editionId),
  );
  return {
    banners: await Promise.all(banners.map((a) => articleSummary(ports.files, a))),
    contests: running.map(({ contest, phase }) => ({
      ...contestSummary(contest, editions.get(contest.editionId), now),
      phase,
    })),
    latest: await Promise.all(latest.map((a) => articleSummary(ports.files, a))),
    now: now.toISOString(),
  };
};
