/** 成绩, 提出异议 and 我的异议 against a stubbed fetch only: real callCloud, schemas, uploads, useMe store. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import type { CallRequest } from '@core/wire';
import { refreshMe } from '../../src/hooks/useMe';
import MePage from '../../src/pages/me/index';
import ObjectionPage from '../../src/entrant/pages/objection/index';
import ResultsPage from '../../src/pages/results/index';
import './support/browser-gaps';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { installPageHost } from './support/page-hooks';
import { anonymous, signedIn } from './support/fixtures';
import { NOW, objection, resultItem, resultList } from './support/public-pages';

const entrant = signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);
const MB = 1024 * 1024;

let stub: FetchStub | undefined;
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

type Handler = (req: CallRequest) => { json: unknown } | Error;

async function serve(me: MeOutput, actions: Record<string, Handler>): Promise<FetchStub> {
  stub = stubFetch({ actions: { 'auth.me': () => ok(me), ...actions } });
  await act(() => refreshMe());
  return stub;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
}

/** A tap or keystroke inside an async act, so the answers it sets off render as they arrive. */
async function play(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await Promise.resolve();
  });
}

const calls = (action: string) => (stub?.apiCalls() ?? []).filter((c) => c.action === action);

/** Taro draws the native control inside its element a tick after the element itself. */
function control(container: HTMLElement, selector: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`${selector} input, ${selector} textarea`);
    if (!found) throw new Error(`no control in ${selector} yet`);
    return found as HTMLInputElement;
  });
}

async function type(container: HTMLElement, selector: string, value: string): Promise<void> {
  const input = await control(container, selector);
  await play(() => {
    input.value = value;
    fireEvent.input(input);
  });
}

const lists = () => [
  resultList(),
  resultList({
    id: 'l-0',
    kind: 'preliminary',
    title: '预赛晋级名单',
    publishedAt: '2024-08-20T02:00:00.000Z',
    publicityEndsAt: '2024-08-27T02:00:00.000Z',
    inPublicity: false,
  }),
  resultList({
    id: 'l-9',
    contestId: 'digital',
    contestName: '数字经济专题赛',
    kind: 'awards',
    title: '获奖名单',
    publicityEndsAt: null,
    inPublicity: false,
    items: [resultItem({ entryId: 'e-9', projectName: '工业互联网平台', prize: 'first' })],
  }),
];

/** A results.list answer: one page holding every list given. */
const answer = (l: ReturnType<typeof lists>, total = l.length) =>
  ok({ lists: l, total, page: 1, pageSize: 5, now: NOW });

/** A list of `count` projects, of which results.list carries the first 10 (as the cloud does). */
function longList(count: number) {
  const all = Array.from({ length: count }, (_, i) =>
    resultItem({ entryId: `e-${i + 1}`, projectName: `项目${String(i + 1).padStart(3, '0')}` }),
  );
  return { list: resultList({ id: 'l-long', items: all.slice(0, 10), itemCount: count }), all };
}

describe('成绩', () => {
  test('one call on open; lists grouped by contest with kind, publicity badge, projects and prizes', async () => {
    const s = await serve(anonymous, { 'results.list': () => answer(lists()) });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelectorAll('.results-list')).toHaveLength(3));
    await settle();

    expect(s.apiCalls().map((c) => c.action)).toEqual(['auth.me', 'results.list']);
    const groups = [...container.querySelectorAll('.results-contest')];
    expect(groups.map((g) => g.querySelector('.results-contest-name')?.textContent)).toEqual([
      '2024年上海赛',
      '数字经济专题赛',
    ]);
    expect(groups[0]?.querySelectorAll('.results-list')).toHaveLength(2);

    const [finalists, preliminary] = [...container.querySelectorAll('.results-list')];
    expect(finalists?.querySelector('.results-kind')?.textContent).toBe('决赛入围名单');
    // Ends 2024-09-08 02:00 UTC: 10:00 in Shanghai.
    expect(finalists?.querySelector('.results-publicity')?.textContent).toBe('公示中（截至 9月8日 10:00）');
    expect(finalists?.querySelectorAll('.results-item')).toHaveLength(2);
    expect(finalists?.querySelectorAll('.objection-open')).toHaveLength(2);
    const item = finalists?.querySelector('.results-item') as Element;
    expect(item.querySelector('.results-project')?.textContent).toBe('工业视觉质检平台');
    expect(item.querySelector('.results-org')?.textContent).toBe('上海测试科技有限公司');
    expect(item.querySelector('.results-meta')?.textContent).toBe('企业组 · 新一代信息技术 · 浦东新区');

    // Past its 公示: no badge, no 提出异议.
    expect(preliminary?.querySelector('.results-publicity')).toBeNull();
    expect(preliminary?.querySelector('.objection-open')).toBeNull();
    expect(container.querySelector('[data-id="l-9"] .results-prize')?.textContent).toBe('一等奖');
  });

  test('成绩 can be passed on: to a chat and to Moments, opening this page', async () => {
    const host = installPageHost();
    try {
      await serve(anonymous, { 'results.list': () => answer(lists()) });
      const { container } = render(<ResultsPage />);
      await waitFor(() => expect(container.querySelector('.page-ready')).not.toBeNull());
      expect(host.fire('useShareAppMessage')).toEqual({
        title: '“创客中国”大赛 · 晋级与获奖名单公布',
        path: '/pages/results/index',
      });
      expect(host.fire('useShareTimeline')).toEqual({ title: '“创客中国”大赛 · 晋级与获奖名单公布', query: '' });
    } finally {
      host.uninstall();
    }
  });

  test('提出异议 opens the form for that project on that list', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    await serve(anonymous, { 'results.list': () => answer(lists()) });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelector('.objection-open')).not.toBeNull());
    fireEvent.click(container.querySelector('.objection-open') as Element);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/entrant/pages/objection/index?listId=l-1&entryId=e-1&project=${encodeURIComponent('工业视觉质检平台')}&title=${encodeURIComponent('决赛入围名单')}`,
    });
  });

  test('the search box finds a project or company with results.search', async () => {
    await serve(anonymous, {
      'results.list': () => answer(lists()),
      'results.search': () =>
        ok({
          items: [
            {
              ...resultItem({ entryId: 'e-9', projectName: '工业互联网平台', prize: 'first' }),
              listId: 'l-9',
              listTitle: '获奖名单',
              contestName: '数字经济专题赛',
              kind: 'awards',
            },
          ],
        }),
    });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelector('.results-list')).not.toBeNull());
    await type(container, '.results-search', '工业互联网');
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await settle();

    expect(calls('results.search').map((c) => c.data)).toEqual([{ q: '工业互联网' }]);
    const hits = [...container.querySelectorAll('.results-search-item')];
    expect(hits).toHaveLength(1);
    expect(hits[0]?.textContent).toContain('工业互联网平台');
    expect(hits[0]?.textContent).toContain('数字经济专题赛 · 获奖名单');
    expect(container.querySelector('.results-list')).toBeNull();
  });

  test('展开全部 reads a long list from the cloud a page at a time; 加载更多 and 显示前面的项目 keep two pages on screen', async () => {
    const { list, all } = longList(60);
    await serve(anonymous, {
      'results.list': () => answer([list]),
      'results.items': (req) => {
        const { offset, limit } = req.data as { offset: number; limit: number };
        return ok({ items: all.slice(offset, offset + limit), total: all.length, offset });
      },
    });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelectorAll('.results-item')).toHaveLength(10));
    expect(container.querySelector('.results-time')?.textContent).toContain('共 60 个项目');
    const names = () => [...container.querySelectorAll('.results-project')].map((el) => el.textContent);
    const windowText = () => container.querySelector('.results-window')?.textContent;

    await play(() => fireEvent.click(container.querySelector('.results-more') as Element));
    await waitFor(() => expect(windowText()).toBe('第 1–25 个，共 60 个'));
    expect(calls('results.items').map((c) => c.data)).toEqual([{ listId: 'l-long', offset: 0, limit: 25 }]);
    expect(names()).toHaveLength(25);
    expect(container.querySelector('.results-window-back')).toBeNull();

    await play(() => fireEvent.click(container.querySelector('.results-window-more') as Element));
    await waitFor(() => expect(windowText()).toBe('第 1–50 个，共 60 个'));
    await play(() => fireEvent.click(container.querySelector('.results-window-more') as Element));
    // The third page pushes the first off the screen: at most 50 projects are drawn.
    await waitFor(() => expect(windowText()).toBe('第 26–60 个，共 60 个'));
    expect(names()[0]).toBe('项目026');
    expect(names().at(-1)).toBe('项目060');
    expect(container.querySelector('.results-window-more')).toBeNull();
    expect(calls('results.items').map((c) => (c.data as { offset: number }).offset)).toEqual([0, 25, 50]);

    // Back to the first page: already read, so no call.
    await play(() => fireEvent.click(container.querySelector('.results-window-back') as Element));
    await waitFor(() => expect(windowText()).toBe('第 1–50 个，共 60 个'));
    expect(names()[0]).toBe('项目001');
    expect(calls('results.items')).toHaveLength(3);
  });

  test('加载更多名单 asks for the next page of lists', async () => {
    // Seven lists: the first page holds five (the page size the tab asks for), the second the other two.
    const all = Array.from({ length: 7 }, (_, i) =>
      resultList({ id: `l-p${i}`, title: `名单${i}`, publishedAt: `2024-09-0${8 - i}T02:00:00.000Z` }),
    );
    await serve(anonymous, {
      'results.list': (req) =>
        (req.data as { page?: number }).page === 2
          ? ok({ lists: all.slice(5), total: 7, page: 2, pageSize: 5, now: NOW })
          : answer(all.slice(0, 5), 7),
    });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelectorAll('.results-list')).toHaveLength(5));
    expect(container.querySelector('.results-lists-more')?.textContent).toBe('加载更多名单（还有 2 份）');
    await play(() => fireEvent.click(container.querySelector('.results-lists-more') as Element));
    await waitFor(() => expect(container.querySelectorAll('.results-list')).toHaveLength(7));
    expect(calls('results.list').map((c) => c.data)).toEqual([
      { page: 1, pageSize: 5 },
      { page: 2, pageSize: 5 },
    ]);
    expect(container.querySelector('.results-lists-more')).toBeNull();
  });

  test('nothing published yet is said plainly', async () => {
    await serve(anonymous, { 'results.list': () => answer([]) });
    const { container } = render(<ResultsPage />);
    await waitFor(() => expect(container.querySelector('.page-empty-message')?.textContent).toBe('暂无已公布的成绩'));
  });
});

describe('提出异议', () => {
  function openForm(params: Record<string, string> = { listId: 'l-1', entryId: 'e-1', title: '决赛入围名单' }) {
    Object.assign(Taro.getCurrentInstance(), { router: { params, path: '/entrant/pages/objection/index' } });
  }

  test('a visitor on H5 is asked to sign in first', async () => {
    await serve(anonymous, {});
    openForm();
    const { container } = render(<ObjectionPage />);
    await waitFor(() =>
      expect(container.querySelector('.page-forbidden-message')?.textContent).toBe('提出异议需要先登录'),
    );
    expect(container.querySelector('.page-forbidden-action')?.textContent).toBe('登录');
    expect(container.querySelector('.objection-form')).toBeNull();
  });

  test('a reason under 5 characters is refused beside the field, without a call', async () => {
    await serve(entrant, {});
    openForm();
    const { container } = render(<ObjectionPage />);
    await waitFor(() => expect(container.querySelector('.objection-form')).not.toBeNull());
    expect(container.querySelector('.objection-target')?.textContent).toContain('决赛入围名单');

    await type(container, '.objection-reason', '不对');
    await type(container, '.objection-contact', '13800000000');
    await play(() => fireEvent.click(container.querySelector('.objection-submit') as Element));
    expect(container.querySelector('.form-field-reason .field-error')?.textContent).toBe('异议理由至少 5 个字');
    expect(calls('results.objection.file')).toHaveLength(0);
  });

  test('an 11 MB file is refused before any upload call', async () => {
    await serve(entrant, {});
    openForm();
    const { container } = render(<ObjectionPage />);
    await waitFor(() => expect(container.querySelector('.objection-attachment-input')).not.toBeNull());
    const big = new File(['%PDF-1.4'], '证明材料.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * MB });
    const input = container.querySelector('.objection-attachment-input') as HTMLInputElement;
    await play(() => fireEvent.change(input, { target: { files: [big] } }));

    expect(container.querySelector('.form-field-attachment .field-error')?.textContent).toBe(
      '异议附件不能超过 10 MB（所选文件 11.0 MB）',
    );
    expect(calls('files.upload.prepare')).toHaveLength(0);
    expect(stub?.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect(container.querySelector('.objection-attachment-name')).toBeNull();
  });

  test('a valid objection is sent once, with a request id, and the success message shows', async () => {
    await serve(entrant, {
      'results.objection.file': () => ok({ objection: objection() }),
    });
    openForm();
    const { container } = render(<ObjectionPage />);
    await waitFor(() => expect(container.querySelector('.objection-form')).not.toBeNull());
    await type(container, '.objection-reason', '该项目的专利并非自主研发。');
    await type(container, '.objection-contact', '13800000000');
    await play(() => fireEvent.click(container.querySelector('.objection-submit') as Element));
    await waitFor(() => expect(container.querySelector('.objection-success')).not.toBeNull());

    const sent = calls('results.objection.file');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toEqual({
      listId: 'l-1',
      entryId: 'e-1',
      reason: '该项目的专利并非自主研发。',
      contact: '13800000000',
    });
    expect(sent[0]?.requestId).toEqual(expect.any(String));
    expect(container.querySelector('.objection-success')?.textContent).toContain('异议已提交');
  });

  test('after 公示 ended the server’s refusal is shown on the form', async () => {
    await serve(entrant, {
      'results.objection.file': () => ({
        json: { ok: false, error: { code: 'INVALID_STATE', message: '该名单不在公示期内，不能提交异议' } },
      }),
    });
    openForm();
    const { container } = render(<ObjectionPage />);
    await waitFor(() => expect(container.querySelector('.objection-form')).not.toBeNull());
    await type(container, '.objection-reason', '该项目的专利并非自主研发。');
    await type(container, '.objection-contact', '13800000000');
    await play(() => fireEvent.click(container.querySelector('.objection-submit') as Element));
    await waitFor(() =>
      expect(container.querySelector('.objection-error')?.textContent).toBe('该名单不在公示期内，不能提交异议'),
    );
    expect(container.querySelector('.objection-success')).toBeNull();
  });
});

test('我的 lists 我的异议 with 待答复 / 已答复 and the answer', async () => {
  await serve(entrant, {
    'registration.mine': () => ok({ items: [] }),
    'results.objection.mine': () =>
      ok({
        items: [
          objection({ id: 'o-2', status: 'answered', answer: '经核查，专利权属清楚，维持原结果。', answeredAt: NOW }),
          objection(),
        ],
      }),
  });
  const { container } = render(<MePage />);
  await waitFor(() => expect(container.querySelectorAll('.my-objection')).toHaveLength(2));
  const [answered, open] = [...container.querySelectorAll('.my-objection')];
  expect(answered?.querySelector('.my-objection-status')?.textContent).toBe('已答复');
  expect(answered?.querySelector('.my-objection-answer')?.textContent).toBe('经核查，专利权属清楚，维持原结果。');
  expect(open?.querySelector('.my-objection-status')?.textContent).toBe('待答复');
  expect(open?.querySelector('.my-objection-answer')).toBeNull();
});
