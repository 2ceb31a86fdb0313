/** Pages against a stubbed fetch only: real callCloud, transport, useMe store and PageShell. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import { contestPhase } from '@core/contest/phase';
import AdminHomePage from '../../src/admin/pages/home/index';
import JudgeHomePage from '../../src/judge/pages/home/index';
import { refreshMe } from '../../src/hooks/useMe';
import HomePage from '../../src/pages/home/index';
import LoginPage from '../../src/pages/login/index';
import MePage from '../../src/pages/me/index';
import { clearToken, getToken } from '../../src/services/auth';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { anonymous, contest, signedIn } from './support/fixtures';

const entrant = signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);
const organizer = signedIn(
  '组委会秘书处',
  [
    { role: 'organizer', contestId: null, contestName: null },
    { role: 'judge', contestId: 'sh-2024', contestName: '2024年上海赛' },
  ],
  ['judge', 'admin'],
);

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

/** Serves auth.me as `me` plus the public reads; the store is refreshed so each test starts from `me`. */
async function serve(me: MeOutput): Promise<FetchStub> {
  stub?.restore();
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(me),
      'contest.list': () => ok({ items: [contest()] }),
      'home.get': () =>
        ok({
          banners: [],
          contests: [{ ...contest(), phase: contestPhase(contest(), new Date('2024-08-30T00:00:00.000Z')) }],
          latest: [],
        }),
      'system.health': () => ok({ status: 'ok', time: '2024-07-01T04:05:06.000Z', version: '0.1.0', runtime: 'local' }),
      'admin.system.status': () =>
        ok({
          counts: { users: 10, roles: 7, contests: 1, requests: 2, jobs: 1 },
          jobs: [
            {
              id: 'recurring:requests.purge',
              kind: 'requests.purge',
              status: 'failed',
              runAt: '2024-07-01T05:00:00.000Z',
              lastRunAt: '2024-07-01T04:00:00.000Z',
              lastError: '数据库超时',
            },
          ],
        }),
    },
  });
  await act(() => refreshMe());
  return stub;
}

function actionsCalled(s: FetchStub): string[] {
  return s.apiCalls().map((c) => c.action);
}

describe('role areas', () => {
  test('judge home tells a non-judge the page is for judges, instead of a blank screen', async () => {
    await serve(entrant);
    const { container } = render(<JudgeHomePage />);
    expect(await screen.findByText('此页面仅限评委访问')).toBeTruthy();
    expect(container.querySelector('.page-forbidden .page-forbidden-back')).not.toBeNull();
    expect(container.querySelector('.judge-contest')).toBeNull();
  });

  test('admin home refuses an anonymous follower without calling organizer actions', async () => {
    const s = await serve(anonymous);
    render(<AdminHomePage />);
    expect(await screen.findByText('此页面仅限组委会访问')).toBeTruthy();
    expect(actionsCalled(s)).toEqual(['auth.me']);
  });

  test('admin home shows health and every contest to an organizer', async () => {
    await serve(organizer);
    const { container } = render(<AdminHomePage />);
    await waitFor(() => expect(container.querySelector('.admin-health')).not.toBeNull());
    expect(container.querySelector('.admin-runtime')?.textContent).toContain('本地云');
    expect(container.querySelector('.admin-time')?.textContent).toContain('2024年7月1日 12:05:06');
    expect(container.querySelectorAll('.contest-card')).toHaveLength(1);
    expect(container.querySelector('.admin-counts')?.textContent).toContain('赛事 1');
    // A failing cron job is visible to organizers with its error, in Shanghai time.
    expect(container.querySelector('.admin-job--failed')?.textContent).toBe(
      '定时任务 requests.purge：已失败，上次运行 7月1日 12:00，下次 7月1日 13:00（上次失败：数据库超时）',
    );
    expect(container.querySelector('.page-forbidden')).toBeNull();
  });

  test('judge home lists the contests the judge is assigned to', async () => {
    await serve(organizer);
    const { container } = render(<JudgeHomePage />);
    await waitFor(() => expect(container.querySelectorAll('.judge-contest')).toHaveLength(1));
    expect(container.querySelector('.judge-contest')?.textContent).toContain('2024年上海赛');
  });
});

describe('我的', () => {
  test('shows the user, each role with its contest, and links to their areas', async () => {
    await serve(organizer);
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelector('.me-name')?.textContent).toBe('组委会秘书处'));
    const roles = [...container.querySelectorAll('.me-role')].map((el) => el.textContent);
    expect(roles).toEqual(['组委会全部赛事', '评委2024年上海赛']);
    expect(container.querySelector('.area-link-admin')?.textContent).toContain('赛事管理');
    expect(container.querySelector('.area-link-judge')).not.toBeNull();
    expect(container.querySelector('.area-link-entrant')).toBeNull();
    expect(container.querySelector('.me-logout')).not.toBeNull();
  });

  test('an anonymous visitor is told so and offered the sign-in page', async () => {
    await serve(anonymous);
    const { container } = render(<MePage />);
    expect(await screen.findByText('未登录（游客）')).toBeTruthy();
    expect(container.querySelector('.me-login')).not.toBeNull();
    expect(container.querySelector('.me-name')).toBeNull();
  });

  test('退出登录 forgets the token and shows the visitor view', async () => {
    let me = await serve(organizer);
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelector('.me-logout')).not.toBeNull());
    me.restore();
    me = stubFetch({ actions: { 'auth.me': () => ok(anonymous) } });
    stub = me;
    fireEvent.click(container.querySelector('.me-logout') as Element);
    expect(await screen.findByText('未登录（游客）')).toBeTruthy();
    expect(getToken()).toBeNull();
  });
});

test('首页 lists contests with status, Shanghai-time window and where each stands', async () => {
  await serve(anonymous);
  const { container } = render(<HomePage />);
  await waitFor(() => expect(container.querySelectorAll('.contest-card')).toHaveLength(1));
  const card = container.querySelector('.contest-card') as Element;
  expect(card.querySelector('.contest-name')?.textContent).toBe('2024年“创客中国”上海市中小企业创新创业大赛');
  expect(card.querySelector('.contest-status')?.textContent).toBe('报名中');
  expect(card.querySelector('.contest-registration')?.textContent).toContain(
    '2024年6月1日 00:00 至 2024年8月31日 23:59',
  );
  const steps = [...card.querySelectorAll('.phase-step')].map((el) => el.textContent ?? '');
  expect(steps).toEqual(['报名6月1日', '预赛9月1日', '复赛9月20日', '决赛10月20日', '公示10月21日']);
  expect(card.querySelector('.phase-step--current')?.textContent).toContain('报名');
  expect(card.querySelector('.phase-next')?.textContent).toBe('下一阶段：预赛 9月1日');
});

test('the dev sign-in page lists demo users and signing in keeps the token', async () => {
  // The H5 router is not mounted in jsdom; only where the page goes next is observed.
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
  stub?.restore();
  stub = stubFetch({
    paths: {
      'GET /dev/users': () => ({
        json: {
          users: [
            { key: 'entrant', name: '参赛者甲', description: '企业组参赛者' },
            { key: 'judge1', name: '评委一', description: '评委' },
          ],
        },
      }),
      'POST /dev/login': (req) => ({
        json: { token: `token-for-${(req.body as { as: string }).as}`, user: { key: 'judge1', name: '评委一' } },
      }),
    },
    actions: { 'auth.me': () => ok(anonymous) },
  });
  clearToken();
  const { container } = render(<LoginPage />);
  await waitFor(() => expect(container.querySelector('.demo-user-judge1')).not.toBeNull());
  expect(container.querySelector('.demo-user-entrant')?.textContent).toContain('参赛者甲');
  fireEvent.click(container.querySelector('.demo-user-judge1') as Element);
  await waitFor(() => expect(getToken()).toBe('token-for-judge1'));
  expect(stub.calls.find((c) => c.url === '/dev/login')?.body).toEqual({ as: 'judge1' });
  await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
  switchTab.mockRestore();
});
