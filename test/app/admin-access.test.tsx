/** Every admin page refuses non-organizers up front, without calling organizer actions. */
import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import AdminContestPage from '../../src/admin/pages/contest/index';
import AdminEntriesPage from '../../src/admin/pages/entries/index';
import AdminEntryPage from '../../src/admin/pages/entry/index';
import AdminHomePage from '../../src/admin/pages/home/index';
import AdminInstitutionsPage from '../../src/admin/pages/institutions/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { anonymous, signedIn } from './support/fixtures';

const entrant = signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);
const judge = signedIn('评委一', [{ role: 'judge', contestId: 'sh-2024', contestName: '2024年上海赛' }], ['judge']);

const pages: Array<[string, ComponentType]> = [
  ['赛事管理', AdminHomePage],
  ['报名审核', AdminEntriesPage],
  ['报名详情', AdminEntryPage],
  ['赛事设置', AdminContestPage],
  ['服务机构审核', AdminInstitutionsPage],
];

let stub: FetchStub | undefined;
beforeEach(() => {
  Object.assign(Taro.getCurrentInstance(), { router: { params: { id: 'sh-2024' }, path: '/admin' } });
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

describe.each([
  ['an entrant', entrant],
  ['a judge', judge],
  ['an anonymous follower', anonymous],
])('%s', (_who, me) => {
  test.each(pages)('is told %s is for organizers, and only auth.me is called', async (_title, Page) => {
    stub = stubFetch({ actions: { 'auth.me': () => ok(me) } });
    await act(() => refreshMe());
    const { container } = render(<Page />);
    expect(await screen.findByText('此页面仅限组委会访问')).toBeTruthy();
    expect(container.querySelector('.page-forbidden-back')).not.toBeNull();
    expect(container.querySelector('.page-ready')).toBeNull();
    expect(stub.apiCalls().map((c) => c.action)).toEqual(['auth.me']);
  });
});

test('a contest-scoped organizer is refused 服务机构审核 by the server and sees the not-allowed state', async () => {
  const regional = signedIn(
    '区赛组委会',
    [{ role: 'organizer', contestId: 'sh-2024', contestName: '上海赛' }],
    ['admin'],
  );
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(regional),
      'admin.institution.list': () => ({
        json: { ok: false, error: { code: 'FORBIDDEN', message: '只有大赛组委会可以审核服务机构' } },
      }),
    },
  });
  await act(() => refreshMe());
  const { container } = render(<AdminInstitutionsPage />);
  await waitFor(() =>
    expect(container.querySelector('.page-forbidden-message')?.textContent).toBe('只有大赛组委会可以审核服务机构'),
  );
  expect(container.querySelector('.page-retry')).toBeNull();
});
