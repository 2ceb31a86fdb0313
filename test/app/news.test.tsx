/** 新闻 and the article page against a stubbed fetch only; Taro's page host played by support/page-hooks. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CallRequest } from '@core/wire';
import ArticlePage from '../../src/pages/article/index';
import NewsPage from '../../src/pages/news/index';
import './support/browser-gaps';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { installPageHost, type PageHost } from './support/page-hooks';
import { article, articleDetail, articles } from './support/public-pages';

let stub: FetchStub | undefined;
let host: PageHost | undefined;
beforeEach(() => {
  window.localStorage.clear();
  host = installPageHost();
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  host?.uninstall();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
}

/**
 * Plays a page event or a tap inside an async act: the answers it sets off then render as they arrive
 * (after a synchronous act, React 18 may leave their render queued for an act that never comes).
 */
async function play(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await Promise.resolve();
  });
}

type NewsInput = { category?: string; q?: string; page: number; pageSize: number };

/** 23 articles, the first pinned with a cover, answered a page at a time like the server. */
function serveNews(all = [article({ id: 'a-1', pinned: true, coverUrl: '/files/c.png' }), ...articles(22, 2)]) {
  stub = stubFetch({
    actions: {
      'news.list': (req: CallRequest) => {
        const { page, pageSize, category, q } = req.data as NewsInput;
        const matching = all.filter(
          (a) => (category === undefined || a.category === category) && (q === undefined || a.title.includes(q)),
        );
        return ok({
          items: matching.slice((page - 1) * pageSize, page * pageSize),
          total: matching.length,
          page,
          pageSize,
        });
      },
    },
  });
  return stub;
}

const newsCalls = () => (stub?.apiCalls() ?? []).filter((c) => c.action === 'news.list').map((c) => c.data);

describe('新闻', () => {
  test('opening the tab makes one call and shows the first page with the pinned badge and cover', async () => {
    serveNews();
    const { container } = render(<NewsPage />);
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(10));
    await settle();
    expect(stub?.apiCalls()).toEqual([{ action: 'news.list', data: { page: 1, pageSize: 10 } }]);
    const first = container.querySelector('.news-item') as Element;
    expect(first.querySelector('.article-row-pinned')?.textContent).toBe('置顶');
    expect(first.querySelector('.article-row-cover')).not.toBeNull();
    expect(container.querySelectorAll('.article-row-pinned')).toHaveLength(1);
    expect(container.querySelector('.news-tab--active')?.textContent).toBe('全部');
    expect([...container.querySelectorAll('.news-tab')].map((t) => t.textContent)).toEqual([
      '全部',
      '通知公告',
      '赛事动态',
      '政策解读',
      '媒体报道',
    ]);
    expect(container.querySelector('.news-end')).toBeNull();
  });

  test('reaching the bottom loads the next page only, until 没有更多了', async () => {
    serveNews();
    const { container } = render(<NewsPage />);
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(10));

    // Two events in a row (a fast fling) still ask for page 2 once.
    await play(() => {
      host?.fire('useReachBottom');
      host?.fire('useReachBottom');
    });
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(20));
    expect(newsCalls()).toEqual([
      { page: 1, pageSize: 10 },
      { page: 2, pageSize: 10 },
    ]);

    await play(() => void host?.fire('useReachBottom'));
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(23));
    expect(container.querySelector('.news-end')?.textContent).toBe('没有更多了');

    await play(() => void host?.fire('useReachBottom'));
    await settle();
    expect(newsCalls().map((d) => (d as NewsInput).page)).toEqual([1, 2, 3]);
  });

  test('上拉或点击加载更多 also loads the next page when tapped', async () => {
    serveNews();
    const { container } = render(<NewsPage />);
    await waitFor(() => expect(container.querySelector('.news-more')).not.toBeNull());
    await play(() => fireEvent.click(container.querySelector('.news-more') as Element));
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(20));
    expect(newsCalls().map((d) => (d as NewsInput).page)).toEqual([1, 2]);
  });

  test('a category tab asks for that category; the search asks once the typing pauses', async () => {
    serveNews([
      article({ id: 'n-1', title: '复赛分组名单', category: 'news' }),
      article({ id: 'p-1', title: '中小企业政策解读', category: 'policy' }),
    ]);
    const { container } = render(<NewsPage />);
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(2));

    await play(() => fireEvent.click(container.querySelector('.news-tab-policy') as Element));
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(1));
    expect(container.querySelector('.news-tab--active')?.textContent).toBe('政策解读');
    expect(newsCalls()[1]).toEqual({ category: 'policy', page: 1, pageSize: 10 });

    await play(() => fireEvent.click(container.querySelector('.news-tab-all') as Element));
    const input = await waitFor(() => {
      const found = container.querySelector('.news-search input');
      if (!found) throw new Error('no search input yet');
      return found as HTMLInputElement;
    });
    for (const value of ['复', '复赛']) {
      await play(() => {
        input.value = value;
        fireEvent.input(input);
      });
    }
    // The pause: the debounce fires and its call is answered inside act.
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    await settle();
    await waitFor(() =>
      expect(container.querySelector('.news-item .article-row-title')?.textContent).toBe('复赛分组名单'),
    );
    await waitFor(() => expect(container.querySelectorAll('.news-item')).toHaveLength(1));
    // One call for the pause after 复赛, none per keystroke.
    expect(newsCalls().filter((d) => (d as NewsInput).q !== undefined)).toEqual([{ q: '复赛', page: 1, pageSize: 10 }]);
    expect(container.querySelector('.news-end')?.textContent).toBe('没有更多了');
  });

  test('tapping an article opens it', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    serveNews();
    const { container } = render(<NewsPage />);
    await waitFor(() => expect(container.querySelector('.news-item')).not.toBeNull());
    fireEvent.click(container.querySelector('.news-item') as Element);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=a-1' });
  });
});

describe('文章', () => {
  function openArticle(id: string) {
    Object.assign(Taro.getCurrentInstance(), { router: { params: { id }, path: '/pages/article/index' } });
  }

  test('shows the article with its body in RichText, attachments, and shares with title and cover', async () => {
    stub = stubFetch({
      actions: {
        'news.get': () => ok({ article: articleDetail({ coverUrl: '/files/news/cover-1.png', views: 13 }) }),
      },
    });
    openArticle('a-1');
    const { container } = render(<ArticlePage />);
    await waitFor(() => expect(container.querySelector('.article-title')).not.toBeNull());
    await settle();

    expect(stub.apiCalls()).toEqual([{ action: 'news.get', data: { id: 'a-1' } }]);
    expect(container.querySelector('.article-title')?.textContent).toBe(
      '关于举办2024年“创客中国”上海市中小企业创新创业大赛的通知',
    );
    expect(container.querySelector('.article-category')?.textContent).toBe('通知公告');
    expect(container.querySelector('.article-time')?.textContent).toBe('2024年6月1日 09:00');
    expect(container.querySelector('.article-author')?.textContent).toBe('大赛组委会');
    expect(container.querySelector('.article-views')?.textContent).toBe('阅读 13');
    const body = container.querySelector('.article-body') as Element;
    expect(body.tagName.toLowerCase()).toBe('taro-rich-text-core');
    await waitFor(() => expect(body.innerHTML).toContain('一、大赛主题'));
    expect(body.querySelector('img')?.getAttribute('src')).toBe('/files/news/img-1.png');
    expect(container.querySelector('.article-attachment')?.textContent).toContain('报名指南.pdf');

    expect(host?.count('useShareAppMessage')).toBe(1);
    expect(host?.count('useShareTimeline')).toBe(1);
    expect(host?.fire('useShareAppMessage')).toEqual({
      title: '关于举办2024年“创客中国”上海市中小企业创新创业大赛的通知',
      path: '/pages/article/index?id=a-1',
      imageUrl: '/files/news/cover-1.png',
    });
    expect(host?.fire('useShareTimeline')).toEqual({
      title: '关于举办2024年“创客中国”上海市中小企业创新创业大赛的通知',
      query: 'id=a-1',
      imageUrl: '/files/news/cover-1.png',
    });
  });

  test('an article that is not (yet) published is PageShell’s message, without 重试', async () => {
    stub = stubFetch({
      actions: {
        'news.get': () => ({ json: { ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或尚未发布' } } }),
      },
    });
    openArticle('a-9');
    const { container } = render(<ArticlePage />);
    await waitFor(() =>
      expect(container.querySelector('.page-error-message')?.textContent).toBe('文章不存在或尚未发布'),
    );
    expect(container.querySelector('.page-retry')).toBeNull();
    expect(container.querySelector('.article-title')).toBeNull();
  });
});
