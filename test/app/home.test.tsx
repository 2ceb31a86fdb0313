/**
 * 首页 against a stubbed fetch only: real callCloud, the stale-while-revalidate hook over Taro storage
 * (localStorage in jsdom), PageShell.
 */
import { act, render, waitFor } from '@testing-library/react';
import { formatShanghai } from '@core/time/shanghai';
import HomePage from '../../src/pages/home/index';
import { writeCache } from '../../src/services/cache';
import './support/browser-gaps';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { installPageHost } from './support/page-hooks';
import { article, articles, homeData } from './support/public-pages';

let stub: FetchStub | undefined;
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

/** Holds every fetch until `release()`, so a test can look at the page before the network answers. */
function holdNetwork(): () => void {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const inner = globalThis.fetch;
  Object.assign(globalThis, { fetch: (...args: Parameters<typeof fetch>) => gate.then(() => inner(...args)) });
  return release;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => (el.textContent ?? '').trim());

test('one home.get draws banners, each running contest with its current stage and next date, and the latest five', async () => {
  stub = stubFetch({ actions: { 'home.get': () => ok(homeData()) } });
  const { container } = render(<HomePage />);
  await waitFor(() => expect(container.querySelectorAll('.home-contest')).toHaveLength(1));
  await settle();

  expect(stub.apiCalls()).toEqual([{ action: 'home.get', data: {} }]);
  expect(texts(container, '.home-banner-title')).toEqual(['大赛决赛通知']);
  const contest = container.querySelector('.home-contest') as Element;
  expect(contest.querySelector('.contest-status')?.textContent).toBe('已截止');
  expect(texts(contest, '.phase-step__label')).toEqual(['报名', '预赛', '复赛', '决赛', '公示']);
  expect(contest.querySelector('.phase-step--current')?.textContent).toContain('预赛');
  expect(contest.querySelectorAll('.phase-step--done')).toHaveLength(1);
  expect(contest.querySelector('.phase-next')?.textContent).toBe('下一阶段：复赛 9月20日');
  expect(container.querySelectorAll('.home-latest .home-latest-item')).toHaveLength(5);
  expect(container.querySelector('.offline-note')).toBeNull();
});

test('首页 can be passed on: to a chat and to Moments, opening 首页', async () => {
  const host = installPageHost();
  try {
    stub = stubFetch({ actions: { 'home.get': () => ok(homeData()) } });
    const { container } = render(<HomePage />);
    await waitFor(() => expect(container.querySelectorAll('.home-contest')).toHaveLength(1));
    expect(host.fire('useShareAppMessage')).toEqual({
      title: '“创客中国”中小企业创新创业大赛 · 报名与赛事动态',
      path: '/pages/home/index',
    });
    expect(host.fire('useShareTimeline')).toEqual({
      title: '“创客中国”中小企业创新创业大赛 · 报名与赛事动态',
      query: '',
    });
  } finally {
    host.uninstall();
  }
});

test('a pinned article without a cover is not a banner', async () => {
  stub = stubFetch({
    actions: { 'home.get': () => ok(homeData({ banners: [article({ id: 'p-1', pinned: true, coverUrl: null })] })) },
  });
  const { container } = render(<HomePage />);
  await waitFor(() => expect(container.querySelector('.home-latest')).not.toBeNull());
  expect(container.querySelector('.home-banner')).toBeNull();
});

test('draws the stored copy at once, then the network answer, and stores that', async () => {
  writeCache('home', homeData({ latest: [article({ id: 'old', title: '昨天的新闻' })] }), Date.now() - 3600_000);
  stub = stubFetch({ actions: { 'home.get': () => ok(homeData({ latest: articles(2, 10) })) } });
  const release = holdNetwork();

  const { container } = render(<HomePage />);
  // First frame, before any answer: the stored copy, no loading state.
  expect(texts(container, '.home-latest-item .article-row-title')).toEqual(['昨天的新闻']);
  expect(container.querySelector('.page-loading')).toBeNull();

  release();
  await waitFor(() => expect(texts(container, '.home-latest-item .article-row-title')).toEqual(['文章 10', '文章 11']));
  expect(stub.apiCalls()).toHaveLength(1);
  expect(container.querySelector('.offline-note')).toBeNull();

  // The next open starts from what the network said this time.
  const next = render(<HomePage />);
  expect(texts(next.container, '.home-latest-item .article-row-title')).toEqual(['文章 10', '文章 11']);
  await settle();
});

test('without network the stored copy stays, with a note saying from when', async () => {
  const fetchedAt = Date.now() - 20 * 60_000;
  writeCache('home', homeData(), fetchedAt);
  stub = stubFetch({ actions: { 'home.get': () => new TypeError('Failed to fetch') } });
  const { container } = render(<HomePage />);
  await waitFor(() => expect(container.querySelector('.offline-note')).not.toBeNull());

  const note = container.querySelector('.offline-note')?.textContent ?? '';
  expect(note).toMatch(/^网络不可用，显示的是 (\d{1,2}月\d{1,2}日 )?\d{2}:\d{2} 的内容/);
  expect(note).toContain(formatShanghai(fetchedAt, 'HH:mm'));
  expect(container.querySelectorAll('.home-contest')).toHaveLength(1);
  expect(container.querySelectorAll('.home-latest-item')).toHaveLength(5);
  expect(container.querySelector('.page-error')).toBeNull();
  // A stored copy's server time is old: no countdown is run from it.
  expect(container.querySelector('.contest-countdown')).toBeNull();
  expect(stub.apiCalls()).toHaveLength(1);
});

test('without network and without a stored copy the page says so and offers 重试', async () => {
  stub = stubFetch({ actions: { 'home.get': () => new TypeError('Failed to fetch') } });
  const { container } = render(<HomePage />);
  await waitFor(() => expect(container.querySelector('.page-error')).not.toBeNull());
  expect(container.querySelector('.page-error-message')?.textContent).toBe('网络异常，请检查网络后重试');
  expect(container.querySelector('.page-retry')).not.toBeNull();
});
