/**
 * 首页, 赛事详情, 我的报名 (entry page) and 我的 against a stubbed fetch only. The test machine's clock is
 * set years away from the server's, to show countdowns and statuses follow the server's `now`.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ContestSummary } from '@core/contest/views';
import type { MeOutput } from '@core/system/views';
import { contestPhase } from '@core/contest/phase';
import type { MyEntry } from '@core/registration/views';
import type { CallRequest } from '@core/wire';
import EntryPage from '../../src/entrant/pages/entry/index';
import { refreshMe } from '../../src/hooks/useMe';
import ContestPage from '../../src/pages/contest/index';
import HomePage from '../../src/pages/home/index';
import MePage from '../../src/pages/me/index';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { anonymous, contest, signedIn } from './support/fixtures';
import { contestDetail, myEntry, SERVER_NOW } from './support/registration';

const entrant = signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);

let stub: FetchStub | undefined;
afterEach(() => {
  // 首页 keeps its last answer in storage; each test starts without one.
  window.localStorage.clear();
  stub?.restore();
  stub = undefined;
  jest.useRealTimers();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

async function serve(
  me: MeOutput,
  actions: Record<string, (req: CallRequest) => { json: unknown }>,
): Promise<FetchStub> {
  stub = stubFetch({ actions: { 'auth.me': () => ok(me), ...actions } });
  await act(() => refreshMe());
  return stub;
}

function openWith(path: string, params: Record<string, string>): void {
  Object.assign(Taro.getCurrentInstance(), { router: { params, path } });
}

/** 首页's one call (home.get) answering with these contests, each with its phase at the server's time. */
function home(items: ContestSummary[], now?: string) {
  const at = new Date(now ?? SERVER_NOW);
  return ok({
    banners: [],
    contests: items.map((c) => ({ ...c, phase: contestPhase(c, at) })),
    latest: [],
    ...(now === undefined ? {} : { now }),
  });
}

/** Timers and the clock faked; promises and Taro's rendering left alone. */
function phoneClockAt(iso: string): void {
  jest.useFakeTimers({ now: new Date(iso), doNotFake: ['queueMicrotask', 'nextTick', 'requestAnimationFrame'] });
}

describe('首页', () => {
  test('the countdown runs on the server time, whatever the phone says', async () => {
    phoneClockAt('2031-01-01T00:00:00.000Z');
    await serve(anonymous, {
      'home.get': () =>
        home(
          [
            contest({ id: 'demo-sh', name: '上海区域赛（演示）' }),
            contest({
              id: 'later',
              name: '专题赛（即将开始）',
              registration: {
                opensAt: '2024-09-01T00:00:00.000Z',
                closesAt: '2024-09-30T15:59:59.000Z',
                status: 'upcoming',
              },
            }),
          ],
          SERVER_NOW,
        ),
    });
    const { container } = render(<HomePage />);
    await waitFor(() => expect(container.querySelectorAll('.contest-card')).toHaveLength(2));
    const [open, upcoming] = [...container.querySelectorAll('.contest-card')];
    // Closes 2024-08-31 23:59:59 Shanghai, i.e. the window ends at 16:00:00 UTC; the server says 00:00 UTC.
    expect(open?.querySelector('.contest-countdown')?.textContent).toBe('距报名截止 1 天 16:00:00');
    expect(open?.querySelector('.contest-status')?.textContent).toBe('报名中');
    expect(upcoming?.querySelector('.contest-countdown')?.textContent).toBe('距报名开始 2 天 00:00:00');
    expect(upcoming?.querySelector('.contest-status')?.textContent).toBe('即将开始');

    act(() => void jest.advanceTimersByTime(3000));
    expect(open?.querySelector('.contest-countdown')?.textContent).toBe('距报名截止 1 天 15:59:57');
  });

  test('without a server time the status is the server’s and no countdown is made up', async () => {
    await serve(anonymous, { 'home.get': () => home([contest()]) });
    const { container } = render(<HomePage />);
    await waitFor(() => expect(container.querySelector('.contest-status')?.textContent).toBe('报名中'));
    expect(container.querySelector('.contest-countdown')).toBeNull();
  });

  test('tapping a card opens 赛事详情', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    await serve(anonymous, {
      'home.get': () => home([contest({ id: 'demo-sh' })], SERVER_NOW),
    });
    const { container } = render(<HomePage />);
    await waitFor(() => expect(container.querySelector('.contest-card')).not.toBeNull());
    fireEvent.click(container.querySelector('.contest-card') as Element);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/contest/index?id=demo-sh' });
  });
});

describe('赛事详情', () => {
  test('shows awards per group (名额 or 若干), folds many districts, and offers both groups', async () => {
    phoneClockAt('2019-01-01T00:00:00.000Z');
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const districts = [
      '黄浦区',
      '徐汇区',
      '长宁区',
      '静安区',
      '普陀区',
      '虹口区',
      '杨浦区',
      '闵行区',
      '宝山区',
      '嘉定区',
    ];
    await serve(anonymous, { 'contest.get': () => ok({ contest: contestDetail({ districts }), now: SERVER_NOW }) });
    openWith('/pages/contest/index', { id: 'demo-sh' });
    const { container } = render(<ContestPage />);
    await waitFor(() => expect(container.querySelector('.contest-detail')).not.toBeNull());

    expect(container.querySelector('.contest-detail-name')?.textContent).toBe('上海区域赛（演示）');
    expect(container.querySelector('.contest-countdown')?.textContent).toBe('距报名截止 1 天 16:00:00');
    const enterprise = [...container.querySelectorAll('.award-group-enterprise .award-row')].map((r) => r.textContent);
    expect(enterprise).toEqual(['一等奖2 名', '优胜奖若干']);
    expect(container.querySelectorAll('.contest-stage')).toHaveLength(3);
    expect(container.querySelector('.contest-hosts')?.textContent).toContain('上海市经济和信息化委员会');

    expect(container.querySelectorAll('.contest-district')).toHaveLength(8);
    fireEvent.click(container.querySelector('.districts-toggle') as Element);
    await waitFor(() => expect(container.querySelectorAll('.contest-district')).toHaveLength(10));

    fireEvent.click(container.querySelector('.contest-register') as Element);
    await waitFor(() => expect(container.querySelector('.register-choice-maker')).not.toBeNull());
    fireEvent.click(container.querySelector('.register-choice-maker') as Element);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/entrant/pages/register/index?contestId=demo-sh&group=maker' });
  });

  test('立即报名 is disabled with the reason once the server says the window has closed', async () => {
    await serve(anonymous, {
      'contest.get': () => ok({ contest: contestDetail(), now: '2024-09-01T00:00:00.000Z' }),
    });
    openWith('/pages/contest/index', { id: 'demo-sh' });
    const { container } = render(<ContestPage />);
    await waitFor(() => expect(container.querySelector('.contest-register-reason')).not.toBeNull());
    expect(container.querySelector('.contest-register-reason')?.textContent).toBe(
      '报名已于北京时间 2024年8月31日 23:59 截止',
    );
    const button = container.querySelector('.contest-register');
    expect(button?.hasAttribute('disabled') && button.getAttribute('disabled') !== 'false').toBe(true);
    expect(container.querySelector('.contest-status')?.textContent).toBe('已截止');
  });
});

describe('我的报名', () => {
  test('the entry page shows status, reason, timeline, key fields; 撤回报名 asks first and shows the result', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    let entry: MyEntry = myEntry({
      status: 'submitted',
      submittedAt: '2024-08-29T03:00:00.000Z',
      history: [
        { status: 'draft', at: '2024-08-29T02:00:00.000Z', reason: null },
        { status: 'submitted', at: '2024-08-29T03:00:00.000Z', reason: null },
      ],
    });
    const s = await serve(entrant, {
      'registration.mine': () => ok({ items: [entry] }),
      'registration.withdraw': () => {
        entry = {
          ...entry,
          status: 'withdrawn',
          history: [...entry.history, { status: 'withdrawn', at: SERVER_NOW, reason: null }],
        };
        return ok({ entryId: entry.id, status: 'withdrawn' });
      },
    });
    openWith('/entrant/pages/entry/index', { contestId: 'demo-sh' });
    const { container } = render(<EntryPage />);
    await waitFor(() => expect(container.querySelector('.entry-status')?.textContent).toBe('已提交'));
    const steps = [...container.querySelectorAll('.timeline-step')].map((el) => [
      el.className.split('--')[1],
      el.querySelector('.timeline-step__label')?.textContent,
    ]);
    expect(steps).toEqual([
      ['done', '草稿'],
      ['current', '已提交'],
      ['upcoming', '资格审核通过'],
      ['upcoming', '晋级复赛'],
      ['upcoming', '入围决赛'],
      ['upcoming', '获奖'],
    ]);
    expect(container.querySelector('.entry-field[data-key="creditCode"]')?.textContent).toContain('91350100M000100Y43');
    expect(container.querySelector('.entry-edit')?.textContent).toBe('修改报名');

    fireEvent.click(container.querySelector('.withdraw') as Element);
    await waitFor(() => expect(container.querySelector('.withdraw-result')?.textContent).toContain('报名已撤回'));
    await waitFor(() => expect(container.querySelector('.entry-status')?.textContent).toBe('已撤回'));
    expect(s.apiCalls().filter((c) => c.action === 'registration.withdraw')[0]?.data).toEqual({ contestId: 'demo-sh' });
  });

  test('a rejected entry shows why', async () => {
    await serve(entrant, {
      'registration.mine': () =>
        ok({
          items: [
            myEntry({
              status: 'rejected',
              statusReason: '营业执照与申报主体不一致',
              editable: false,
              history: [
                { status: 'submitted', at: '2024-08-29T03:00:00.000Z', reason: null },
                { status: 'rejected', at: '2024-08-30T03:00:00.000Z', reason: '营业执照与申报主体不一致' },
              ],
            }),
          ],
        }),
    });
    openWith('/entrant/pages/entry/index', { contestId: 'demo-sh' });
    const { container } = render(<EntryPage />);
    await waitFor(() => expect(container.querySelector('.entry-status')?.textContent).toBe('资格审核未通过'));
    expect(container.querySelector('.entry-reason')?.textContent).toBe('原因：营业执照与申报主体不一致');
    expect(container.querySelector('.timeline-step--current')?.textContent).toContain('营业执照与申报主体不一致');
    expect(container.querySelector('.withdraw')).toBeNull();
    expect(container.querySelector('.entry-edit')).toBeNull();
  });

  test('我的 lists a signed-in user’s entries with status chips, and links 服务机构入驻', async () => {
    await serve(entrant, {
      'registration.mine': () =>
        ok({
          items: [
            myEntry(),
            myEntry({
              id: 'e-2',
              contestId: 'demo-digital',
              contestName: '数字经济专题赛（演示）',
              status: 'submitted',
            }),
          ],
        }),
    });
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelectorAll('.me-entries .my-entry')).toHaveLength(2));
    const chips = [...container.querySelectorAll('.me-entries .entry-chip')].map((el) => el.textContent);
    expect(chips).toEqual(['草稿', '已提交']);
    expect(container.querySelector('.me-institution-link')?.textContent).toContain('服务机构入驻');
  });
});
