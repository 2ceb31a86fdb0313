/**
 * 我的评审任务 and 评审工作台 against a stubbed fetch only; the outbox is the real one, filled the way the
 * score page fills it.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { JudgeRoundAssignments } from '@core/judging/views';
import type { CallRequest } from '@core/wire';
import JudgeHomePage from '../../src/judge/pages/home/index';
import JudgeRoundPage from '../../src/judge/pages/round/index';
import { refreshMe } from '../../src/hooks/useMe';
import { dropOutboxItem, enqueueWrite, flushOutbox, outboxItems } from '../../src/services/outbox';
import { resetServerClock } from '../../src/services/server-clock';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { signedIn } from './support/fixtures';
import { assignment, judge, JUDGING_NOW, judgeRound } from './support/judging';

type Handler = (req: CallRequest) => { json: unknown } | Error;

let stub: FetchStub | undefined;
beforeEach(() => {
  for (const item of outboxItems()) dropOutboxItem(item.key);
  window.localStorage.clear();
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  resetServerClock();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

const sheet = (entryId: string) => ({ roundId: 'r-pre', entryId, points: { innovation: 20 }, comment: '' });
const keyOf = (entryId: string) => `judge.score:${judge.user?.openid ?? ''}:r-pre:${entryId}`;

function round(overrides: Partial<JudgeRoundAssignments> = {}): JudgeRoundAssignments {
  return {
    round: judgeRound(),
    items: [
      assignment({ entryId: 'e-1', projectName: '工业视觉质检平台' }),
      assignment({
        entryId: 'e-2',
        projectName: '氢能储运装备',
        field: '节能环保',
        state: 'scored',
        total: '86.50',
        updatedAt: '2024-08-29T02:00:00.000Z',
      }),
      assignment({ entryId: 'e-3', projectName: '社区养老机器人', group: 'maker', orgName: '李娜', state: 'recused' }),
      assignment({
        entryId: 'e-4',
        projectName: '细胞培养耗材',
        field: '生物医药',
        session: { place: '浦东新区市民中心 3 楼', startsAt: '2024-08-30T06:30:00.000Z' },
      }),
      assignment({ entryId: 'e-5', projectName: '智能电网巡检' }),
    ],
    done: 1,
    total: 4,
    ...overrides,
  };
}

async function serve(actions: Record<string, Handler>, me = judge): Promise<void> {
  stub?.restore();
  stub = stubFetch({ actions: { 'auth.me': () => ok(me), ...actions } });
  await act(() => refreshMe());
}

function texts(container: HTMLElement, selector: string): string[] {
  return [...container.querySelectorAll(selector)].map((el) => el.textContent ?? '');
}

function chips(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.round-entry')].map(
    (el) =>
      `${el.querySelector('.round-entry-name')?.textContent} ${el.querySelector('.round-entry-chip')?.textContent}`,
  );
}

describe('我的评审任务', () => {
  async function openRound(data = round()) {
    Object.assign(Taro.getCurrentInstance(), {
      router: { params: { roundId: 'r-pre' }, path: '/judge/pages/round/index' },
    });
    await serve({ 'judge.assignment.list': () => ok({ rounds: [data], now: JUDGING_NOW }) });
    const view = render(<JudgeRoundPage />);
    await waitFor(() => expect(view.container.querySelector('.round-entry')).not.toBeNull());
    return view;
  }

  test('progress, a state per entry, and the outbox: 待同步 while a score waits, 提交失败 once refused', async () => {
    // e-5 was refused by the server; e-4 was scored offline and waits.
    enqueueWrite(keyOf('e-5'), 'judge.score', sheet('e-5'));
    enqueueWrite(keyOf('e-4'), 'judge.score', sheet('e-4'));
    const offline = stubFetch({
      actions: {
        'judge.score': (req) =>
          (req.data as { entryId: string }).entryId === 'e-5'
            ? { json: { ok: false, error: { code: 'ROUND_CLOSED', message: '本轮评分已截止' } } }
            : new TypeError('Failed to fetch'),
      },
    });
    await flushOutbox();
    offline.restore();
    expect(outboxItems().map((i) => [i.key.slice(-3), i.failed?.code ?? null])).toEqual([
      ['e-5', 'ROUND_CLOSED'],
      ['e-4', null],
    ]);

    let scored = false;
    Object.assign(Taro.getCurrentInstance(), {
      router: { params: { roundId: 'r-pre' }, path: '/judge/pages/round/index' },
    });
    await serve({
      'judge.assignment.list': () => {
        const data = round();
        if (scored) data.items[3] = { ...data.items[3]!, state: 'scored', total: '80.00' };
        return ok({ rounds: [data], now: JUDGING_NOW });
      },
      'judge.score': () => {
        scored = true;
        return ok({ changed: true });
      },
    });
    const { container } = render(<JudgeRoundPage />);
    await waitFor(() => expect(container.querySelector('.round-entry')).not.toBeNull());
    expect(container.querySelector('.round-name')?.textContent).toBe('预赛线上评审');
    expect(container.querySelector('.round-progress .progress__text')?.textContent).toBe('已评 1/4');
    expect(container.querySelector('.round-window')?.className).toContain('round-window--open');
    expect(container.querySelector('.round-window')?.textContent).toBe('评分中 · 北京时间 2024年8月31日 23:59 截止');
    expect(chips(container)).toEqual([
      '工业视觉质检平台 待评',
      '氢能储运装备 已评 86.50',
      '社区养老机器人 已回避',
      '细胞培养耗材 待同步',
      '智能电网巡检 提交失败',
    ]);
    expect(container.querySelector('[data-entry-id="e-3"] .round-entry-chip')?.className).toContain(
      'round-entry-chip--recused',
    );
    expect(container.querySelector('[data-entry-id="e-4"] .round-entry-session')?.textContent).toBe(
      '路演：浦东新区市民中心 3 楼 · 北京时间 8月30日 14:30',
    );
    expect(container.querySelector('[data-entry-id="e-1"] .round-entry-org')?.textContent).toBe('上海测试科技有限公司');
    expect(container.querySelector('[data-entry-id="e-3"] .round-entry-meta')?.textContent).toBe(
      '创客组 · 新一代信息技术 · 浦东新区',
    );

    // The network is back and the outbox sends e-4: the list is fetched again and shows the server's total.
    await act(async () => {
      await flushOutbox();
    });
    await waitFor(() => expect(chips(container)[3]).toBe('细胞培养耗材 已评 80.00'));
    expect(chips(container)[4]).toBe('智能电网巡检 提交失败');
  });

  test('filter tabs: 全部 / 待评 / 已评, with counts', async () => {
    const { container } = await openRound();
    expect(texts(container, '.round-tab')).toEqual(['全部 5', '待评 3', '已评 1']);
    expect(container.querySelector('.round-tab-all')?.className).toContain('round-tab--active');

    fireEvent.click(container.querySelector('.round-tab-pending') as Element);
    await waitFor(() =>
      expect(texts(container, '.round-entry-name')).toEqual(['工业视觉质检平台', '细胞培养耗材', '智能电网巡检']),
    );
    expect(container.querySelector('.round-tab-pending')?.className).toContain('round-tab--active');

    fireEvent.click(container.querySelector('.round-tab-scored') as Element);
    await waitFor(() => expect(texts(container, '.round-entry-name')).toEqual(['氢能储运装备']));

    fireEvent.click(container.querySelector('.round-tab-all') as Element);
    await waitFor(() => expect(container.querySelectorAll('.round-entry')).toHaveLength(5));
  });

  test('a tap opens the score page; blind review shows no company', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const blind = round({
      round: judgeRound({ blind: true }),
      items: [
        assignment({ orgName: null }),
        assignment({ entryId: 'e-2', orgName: null, state: 'scored', total: '70.00' }),
      ],
      done: 1,
      total: 2,
    });
    const { container } = await openRound(blind);
    expect(container.querySelector('.round-entry-org')).toBeNull();
    expect(container.querySelector('.round-head')?.textContent).toContain('匿名评审');
    fireEvent.click(container.querySelector('[data-entry-id="e-2"]') as Element);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/judge/pages/score/index?roundId=r-pre&entryId=e-2' });
  });

  test('a recused entry opens nothing: the judge is told why', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { container } = await openRound();
    fireEvent.click(container.querySelector('[data-entry-id="e-3"]') as Element);
    expect(toast).toHaveBeenCalledWith({ title: '您已回避该项目，不能再查看材料', icon: 'none' });
    expect(navigateTo).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('[data-entry-id="e-1"]') as Element);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/judge/pages/score/index?roundId=r-pre&entryId=e-1' });
  });

  test('a long task list: 25 at a time with 加载更多, at most 50 on screen, 显示前面的项目 goes back', async () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      assignment({ entryId: `e-${i + 1}`, projectName: `项目${String(i + 1).padStart(2, '0')}` }),
    );
    const { container } = await openRound(round({ items, done: 0, total: 60 }));
    const names = () => [...container.querySelectorAll('.round-entry-name')].map((el) => el.textContent);
    const windowText = () => container.querySelector('.round-list-window')?.textContent;
    expect(windowText()).toBe('第 1–25 个，共 60 个');
    expect(names()).toHaveLength(25);
    fireEvent.click(container.querySelector('.round-more') as Element);
    await waitFor(() => expect(windowText()).toBe('第 1–50 个，共 60 个'));
    fireEvent.click(container.querySelector('.round-more') as Element);
    await waitFor(() => expect(windowText()).toBe('第 26–60 个，共 60 个'));
    expect([names()[0], names().at(-1), names().length]).toEqual(['项目26', '项目60', 35]);
    expect(container.querySelector('.round-more')).toBeNull();
    fireEvent.click(container.querySelector('.round-back') as Element);
    await waitFor(() => expect(windowText()).toBe('第 1–50 个，共 60 个'));
    // A tab switch starts its list from the top.
    fireEvent.click(container.querySelector('.round-tab-pending') as Element);
    await waitFor(() => expect(windowText()).toBe('第 1–25 个，共 60 个'));
  });

  test('nothing under a tab says so; a round with nothing assigned is empty', async () => {
    const { container, unmount } = await openRound(round({ items: [assignment()], done: 0, total: 1 }));
    fireEvent.click(container.querySelector('.round-tab-scored') as Element);
    await waitFor(() => expect(container.querySelector('.round-list-empty')?.textContent).toBe('还没有已评的项目'));
    unmount();

    Object.assign(Taro.getCurrentInstance(), {
      router: { params: { roundId: 'r-other' }, path: '/judge/pages/round/index' },
    });
    await serve({ 'judge.assignment.list': () => ok({ rounds: [], now: JUDGING_NOW }) });
    const other = render(<JudgeRoundPage />);
    await waitFor(() =>
      expect(other.container.querySelector('.page-empty-message')?.textContent).toBe('该轮次没有分配给您的项目'),
    );
    expect(stub?.apiCalls().find((c) => c.action === 'judge.assignment.list')?.data).toEqual({
      roundId: 'r-other',
      items: true,
    });
  });
});

describe('评审工作台', () => {
  test('a card per round with its window in Beijing time and progress; the outbox count; the links', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const upcoming = round({
      round: judgeRound({
        id: 'r-semi',
        name: '复赛分组评审',
        opensAt: '2024-09-10T01:00:00.000Z',
        closesAt: '2024-09-20T09:59:59.000Z',
        window: 'upcoming',
      }),
      items: [],
      done: 0,
      total: 12,
    });
    const closed = round({
      round: judgeRound({
        id: 'r-old',
        name: '上届预赛',
        closesAt: '2024-08-01T00:00:00.000Z',
        opensAt: '2024-07-01T00:00:00.000Z',
        window: 'closed',
      }),
      done: 3,
      total: 12,
    });
    await serve({
      'judge.assignment.list': () =>
        ok({ rounds: [round({ done: 3, total: 12 }), upcoming, closed], now: JUDGING_NOW }),
    });
    enqueueWrite(keyOf('e-1'), 'judge.score', sheet('e-1'));
    enqueueWrite(keyOf('e-4'), 'judge.score', sheet('e-4'));
    // Another judge's write on a shared phone is not counted here.
    enqueueWrite('judge.score:dev:someone-else:r-pre:e-1', 'judge.score', sheet('e-1'));

    const { container } = render(<JudgeHomePage />);
    await waitFor(() => expect(container.querySelectorAll('.judge-round')).toHaveLength(3));
    expect(texts(container, '.judge-contest-name')).toEqual(['上海区域赛（演示）']);
    expect(texts(container, '.judge-round-name')).toEqual(['预赛线上评审', '复赛分组评审', '上届预赛']);
    expect(texts(container, '.judge-round-window')).toEqual([
      '评分中 · 北京时间 2024年8月31日 23:59 截止',
      '未开始 · 北京时间 2024年9月10日 09:00 开始',
      '已截止 · 截止于北京时间 2024年8月1日 08:00',
    ]);
    expect(texts(container, '.judge-round-progress .progress__text')).toEqual(['已评 3/12', '已评 0/12', '已评 3/12']);
    expect((container.querySelector('.judge-round-progress .progress-bar__fill') as HTMLElement).style.width).toBe(
      '25%',
    );
    expect(container.querySelector('.judge-outbox')?.textContent).toContain('2 条评分待同步');

    fireEvent.click(container.querySelector('[data-round-id="r-semi"]') as Element);
    // After the 评审任务提醒 prompt (answered at once here: the browser has no WeChat).
    await waitFor(() =>
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/judge/pages/round/index?roundId=r-semi' }),
    );
    fireEvent.click(container.querySelector('.judge-profile-link') as Element);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/judge/pages/profile/index' });
    fireEvent.click(container.querySelector('.judge-bind-link') as Element);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/judge/pages/bind/index' });
  });

  test('a judge with nothing assigned yet sees the contest and says so; no outbox line when nothing waits', async () => {
    await serve({ 'judge.assignment.list': () => ok({ rounds: [], now: JUDGING_NOW }) });
    const { container } = render(<JudgeHomePage />);
    await waitFor(() => expect(container.querySelector('.judge-contest-empty')?.textContent).toContain('暂无评审任务'));
    expect(texts(container, '.judge-contest-name')).toEqual(['上海区域赛（演示）']);
    expect(container.querySelector('.judge-outbox')).toBeNull();
  });

  test('a non-judge is told the page is for judges without asking for assignments', async () => {
    await serve({}, signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']));
    const { container } = render(<JudgeHomePage />);
    await waitFor(() =>
      expect(container.querySelector('.page-forbidden-message')?.textContent).toBe('此页面仅限评委访问'),
    );
    expect(stub?.apiCalls().map((c) => c.action)).toEqual(['auth.me']);
  });
});
