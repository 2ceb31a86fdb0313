/** Small factories for the judge's pages: a round as a judge sees it, assignments, an entry, a score. */
import type { JudgeAssignmentView, JudgeEntryView, JudgeRoundView, MyScoreView } from '@core/judging/views';
import type { Rubric } from '@core/judging/types';
import { signedIn } from './fixtures';

/** Inside the round's window (which closes 2024-08-31 23:59:59 in Shanghai). */
export const JUDGING_NOW = '2024-08-30T00:00:00.000Z';

export const judge = signedIn(
  '王建国',
  [{ role: 'judge', contestId: 'demo-sh', contestName: '上海区域赛（演示）' }],
  ['judge'],
);

/** Full marks 100: 30 + 20 + 20 + 15 + 15. */
export const rubric: Rubric = {
  criteria: [
    { key: 'innovation', name: '技术创新', description: '核心技术的先进性与自主性', maxPoints: 30, weight: 1 },
    { key: 'business', name: '商业模式', description: '', maxPoints: 20, weight: 1 },
    { key: 'team', name: '团队能力', description: '', maxPoints: 20, weight: 1 },
    { key: 'market', name: '市场前景', description: '', maxPoints: 15, weight: 1 },
    { key: 'finance', name: '财务状况', description: '', maxPoints: 15, weight: 1 },
  ],
};

export function judgeRound(overrides: Partial<JudgeRoundView> = {}): JudgeRoundView {
  return {
    id: 'r-pre',
    contestId: 'demo-sh',
    contestName: '上海区域赛（演示）',
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric,
    maxPoints: 100,
    blind: false,
    opensAt: '2024-08-01T00:00:00.000Z',
    closesAt: '2024-08-31T15:59:59.000Z',
    window: 'open',
    ...overrides,
  };
}

export function assignment(overrides: Partial<JudgeAssignmentView> = {}): JudgeAssignmentView {
  return {
    roundId: 'r-pre',
    entryId: 'e-1',
    projectName: '工业视觉质检平台',
    group: 'enterprise',
    field: '新一代信息技术',
    district: '浦东新区',
    orgName: '上海测试科技有限公司',
    state: 'pending',
    total: null,
    updatedAt: null,
    session: null,
    ...overrides,
  };
}

export function myScore(overrides: Partial<MyScoreView> = {}): MyScoreView {
  return {
    points: { innovation: 27.5, business: 18, team: 17.5, market: 12, finance: 11.5 },
    comment: '技术扎实',
    total: '86.50',
    submittedAt: '2024-08-29T02:00:00.000Z',
    updatedAt: '2024-08-29T02:00:00.000Z',
    revision: 1,
    ...overrides,
  };
}

export function entryView(overrides: Partial<JudgeEntryView> = {}): JudgeEntryView {
  return {
    round: judgeRound(),
    entryId: 'e-1',
    projectName: '工业视觉质检平台',
    group: 'enterprise',
    field: '新一代信息技术',
    district: '浦东新区',
    orgName: '上海测试科技有限公司',
    summary: '面向制造业的智能视觉质检平台。',
    highlights: '自研小样本缺陷检测算法。',
    facts: [
      { label: '组别', value: '企业组' },
      { label: '员工人数', value: '35 人' },
    ],
    businessPlan: {
      name: '商业计划书.pdf',
      size: 204800,
      url: '/files/entries/e-1/plan.pdf?exp=1&sig=x',
      expiresAt: '2024-08-30T00:10:00.000Z',
    },
    state: 'pending',
    myScore: null,
    ...overrides,
  };
}

/** What the server answers to judge.score for these points (total as "86.50"). */
export function scoreAnswer(points: Record<string, number>, comment: string, at = JUDGING_NOW, total = '86.50') {
  return {
    score: { points, comment, total, submittedAt: at, updatedAt: at, revision: 1 },
    changed: true,
  };
}
