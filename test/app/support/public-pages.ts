/** Small factories for 首页, 新闻, articles and 成绩; each test overrides what it is about. */
import type { ArticleDetail, ArticleSummary } from '@core/news/views';
import type { ContestSummary } from '@core/contest/views';
import type { ObjectionView, ResultListView } from '@core/results/views';
import { contestPhase, type ContestPhase } from '@core/contest/phase';
import type { ResultItem } from '@core/results/types';
import { contest } from './fixtures';

/** The server's clock in these tests: Shanghai 2024-09-05, during 预赛 of the fixture contest. */
export const NOW = '2024-09-05T02:00:00.000Z';

export function article(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: 'a-1',
    title: '关于举办2024年“创客中国”上海市中小企业创新创业大赛的通知',
    category: 'notice',
    contestId: 'sh-2024',
    coverUrl: null,
    pinned: false,
    publishAt: '2024-06-01T01:00:00.000Z',
    author: '大赛组委会',
    views: 12,
    excerpt: '为贯彻落实……',
    ...overrides,
  };
}

export function articleDetail(overrides: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    ...article(),
    bodyHtml: '<p>一、大赛主题</p><p><img src="/files/news/img-1.png" style="max-width:100%;height:auto;" /></p>',
    attachments: [{ name: '报名指南.pdf', size: 204800, url: '/files/news/att-1.pdf?exp=1&sig=x' }],
    ...overrides,
  };
}

/** `count` articles a-1 … a-<count>, newest first. */
export function articles(count: number, from = 1): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) =>
    article({ id: `a-${from + i}`, title: `文章 ${from + i}`, views: from + i }),
  );
}

export function homeContest(overrides: Partial<ContestSummary> = {}): ContestSummary & { phase: ContestPhase } {
  const summary = contest({
    registration: { opensAt: '2024-05-31T16:00:00.000Z', closesAt: '2024-08-31T15:59:59.000Z', status: 'closed' },
    ...overrides,
  });
  return { ...summary, phase: contestPhase(summary, new Date(NOW)) };
}

export function homeData(overrides: Partial<{ banners: ArticleSummary[]; latest: ArticleSummary[] }> = {}) {
  return {
    banners: [article({ id: 'b-1', title: '大赛决赛通知', pinned: true, coverUrl: '/files/news/cover-1.png' })],
    contests: [homeContest()],
    latest: articles(5),
    now: NOW,
    ...overrides,
  };
}

export function resultItem(overrides: Partial<ResultItem> = {}): ResultItem {
  return {
    entryId: 'e-1',
    projectName: '工业视觉质检平台',
    orgName: '上海测试科技有限公司',
    group: 'enterprise',
    field: '新一代信息技术',
    district: '浦东新区',
    prize: null,
    ...overrides,
  };
}

export function resultList(overrides: Partial<ResultListView> = {}): ResultListView {
  const items = overrides.items ?? [
    resultItem(),
    resultItem({ entryId: 'e-2', projectName: '智慧养老床垫', orgName: '李雷团队', group: 'maker' }),
  ];
  return {
    id: 'l-1',
    contestId: 'sh-2024',
    contestName: '2024年上海赛',
    kind: 'finalist',
    title: '决赛入围名单',
    publishedAt: '2024-09-01T02:00:00.000Z',
    publicityEndsAt: '2024-09-08T02:00:00.000Z',
    inPublicity: true,
    status: 'published',
    items,
    itemCount: items.length,
    ...overrides,
  };
}

export function objection(overrides: Partial<ObjectionView> = {}): ObjectionView {
  return {
    id: 'o-1',
    listId: 'l-1',
    listTitle: '决赛入围名单',
    contestName: '2024年上海赛',
    entryId: 'e-1',
    projectName: '工业视觉质检平台',
    reason: '该项目的专利并非自主研发。',
    contact: '13800000000',
    hasAttachment: false,
    attachmentName: null,
    status: 'open',
    answer: null,
    answeredAt: null,
    createdAt: '2024-09-02T02:00:00.000Z',
    ...overrides,
  };
}
