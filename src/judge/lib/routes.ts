/** The judge area's pages with their queries, so links and pages agree on parameter names. */
const q = encodeURIComponent;

export const judgeRoutes = {
  home: '/judge/pages/home/index',
  bind: '/judge/pages/bind/index',
  profile: '/judge/pages/profile/index',
  round: (roundId: string) => `/judge/pages/round/index?roundId=${q(roundId)}`,
  score: (roundId: string, entryId: string) => `/judge/pages/score/index?roundId=${q(roundId)}&entryId=${q(entryId)}`,
  /** 现场评分 of one show (`<roundId>:<group>`); without it, the judge's shows to choose from. */
  live: (liveId?: string) => (liveId ? `/judge/pages/live/index?liveId=${q(liveId)}` : '/judge/pages/live/index'),
};
