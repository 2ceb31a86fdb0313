/** 赛事管理: 报名统计 bars per contest, links to the work, institutions review. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { EntryStats } from '@core/registration/views';
import type { InstitutionView } from '@core/institution/views';
import type { CallRequest } from '@core/wire';
import { fillDays } from '../../src/admin/pages/home/StatsCharts';
import AdminHomePage from '../../src/admin/pages/home/index';
import AdminInstitutionsPage from '../../src/admin/pages/institutions/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contest, signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);

const stats: EntryStats = {
  total: 10,
  byStatus: [
    { key: 'submitted', count: 7 },
    { key: 'approved', count: 3 },
  ],
  byGroup: [
    { key: 'enterprise', count: 8 },
    { key: 'maker', count: 2 },
  ],
  byField: [
    { key: '新一代信息技术', count: 6 },
    { key: '节能环保', count: 4 },
  ],
  byDistrict: [
    { key: '浦东新区', count: 5 },
    { key: '徐汇区', count: 4 },
    { key: '未填写', count: 1 },
  ],
  byDay: [
    { day: '2024-08-29', count: 4 },
    { day: '2024-08-31', count: 6 },
  ],
};

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.restoreAllMocks();
});

async function serve(actions: Record<string, (req: CallRequest) => { json: unknown }>) {
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(organizer),
      'contest.list': () => ok({ items: [contest()], editions: [], now: '2024-08-01T00:00:00.000Z' }),
      'system.health': () => ok({ status: 'ok', time: '2024-07-01T04:05:06.000Z', version: '0.1.0', runtime: 'local' }),
      'admin.system.status': () => ok({ counts: { users: 1, roles: 1, contests: 1, requests: 0, jobs: 0 }, jobs: [] }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  return stub;
}

test('报名统计 draws a bar per field, district, group and day, for the chosen contest', async () => {
  const s = await serve({ 'admin.entry.stats': () => ok(stats) });
  const { container } = render(<AdminHomePage />);
  await waitFor(() => expect(container.querySelector('.stats-total')).not.toBeNull());
  expect(container.querySelector('.stats-total')?.textContent).toContain('10');
  const bars = (chart: string) => [...container.querySelectorAll(`.stats-chart--${chart} .stats-bar`)];
  expect(bars('field').map((b) => b.textContent)).toEqual(['新一代信息技术6', '节能环保4']);
  expect(bars('group').map((b) => b.querySelector('.stats-bar__label')?.textContent)).toEqual(['企业组', '创客组']);
  expect(bars('district')).toHaveLength(3);
  // The longest bar is full width, the others in proportion.
  const widths = bars('field').map((b) => (b.querySelector('.stats-bar__fill') as HTMLElement).style.width);
  expect(widths).toEqual(['100%', '67%']);
  // 29, 30 (no submissions) and 31 August: a quiet day is a gap, not missing.
  expect(bars('day').map((b) => b.getAttribute('data-key'))).toEqual(['2024-08-29', '2024-08-30', '2024-08-31']);
  expect(container.querySelectorAll('.stats-status')).toHaveLength(2);

  fireEvent.click(container.querySelector('.stats-contest .choice-select__trigger') as Element);
  fireEvent.click(container.querySelector('.stats-contest .choice-option[data-value="sh-2024"]') as Element);
  await waitFor(() =>
    expect(
      s
        .apiCalls()
        .filter((c) => c.action === 'admin.entry.stats')
        .map((c) => c.data),
    ).toEqual([{}, { contestId: 'sh-2024' }]),
  );

  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  fireEvent.click(container.querySelector('.admin-link-entries') as Element);
  fireEvent.click(container.querySelector('.admin-link-contest') as Element);
  fireEvent.click(container.querySelector('.admin-link-institutions') as Element);
  expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
    '/admin/pages/entries/index?contestId=sh-2024',
    '/admin/pages/contest/index?id=sh-2024',
    '/admin/pages/institutions/index',
  ]);
});

test('failing stats stay in their card; health and contests still show', async () => {
  await serve({
    'admin.entry.stats': () => ({
      json: { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } },
    }),
  });
  const { container } = render(<AdminHomePage />);
  await waitFor(() => expect(container.querySelector('.stats-error')).not.toBeNull());
  expect(container.querySelector('.stats-error')?.textContent).toContain('系统繁忙');
  expect(container.querySelector('.admin-health')).not.toBeNull();
  expect(container.querySelectorAll('.contest-card')).toHaveLength(1);
});

test('fillDays keeps at most a year of columns', () => {
  const days = fillDays([
    { day: '2023-01-01', count: 1 },
    { day: '2024-12-31', count: 2 },
  ]);
  expect(days).toHaveLength(366);
  expect(days.at(-1)).toEqual({ day: '2024-12-31', count: 2 });
});

function institution(overrides: Partial<InstitutionView> = {}): InstitutionView {
  return {
    id: 'i-1',
    type: 'fund',
    name: '浦江创投',
    creditCode: '91310115MA1K000011',
    contactName: '王经理',
    mobileMasked: '139****5678',
    fields: ['新一代信息技术'],
    status: 'pending',
    statusReason: null,
    createdAt: '2024-08-01T02:00:00.000Z',
    ...overrides,
  };
}

test('服务机构审核 filters by status and refuses 不通过 without a reason', async () => {
  const s = await serve({
    'admin.institution.list': () => ok({ items: [institution()] }),
    'admin.institution.decide': (req) => {
      const { decision } = req.data as { decision: 'approve' | 'reject' };
      return ok({ institution: institution({ status: decision === 'approve' ? 'approved' : 'rejected' }) });
    },
  });
  const { container } = render(<AdminInstitutionsPage />);
  await waitFor(() => expect(container.querySelector('.institution-row')).not.toBeNull());
  expect(s.apiCalls().find((c) => c.action === 'admin.institution.list')?.data).toEqual({ status: 'pending' });
  expect(container.querySelector('.institution-mobile')?.textContent).toBe('139****5678');

  fireEvent.click(container.querySelector('.institution-reject') as Element);
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  expect(container.querySelector('.decision-reason-error')?.textContent).toBe('请填写不通过的理由');
  await act(() => Promise.resolve());
  expect(s.apiCalls().filter((c) => c.action === 'admin.institution.decide')).toHaveLength(0);
  fireEvent.click(container.querySelector('.decision-cancel') as Element);

  fireEvent.click(container.querySelector('.institution-approve') as Element);
  await waitFor(() => expect(s.apiCalls().filter((c) => c.action === 'admin.institution.decide')).toHaveLength(1));
  expect(s.apiCalls().find((c) => c.action === 'admin.institution.decide')?.data).toEqual({
    id: 'i-1',
    decision: 'approve',
  });

  fireEvent.click(container.querySelector('.institutions-filter-status .choice-select__trigger') as Element);
  fireEvent.click(container.querySelector('.institutions-filter-status .choice-option[data-value=""]') as Element);
  await waitFor(() =>
    expect(
      s
        .apiCalls()
        .filter((c) => c.action === 'admin.institution.list')
        .at(-1)?.data,
    ).toEqual({}),
  );
});

test('a burst of one-off jobs of a kind shares one line; a recurring job keeps its own', async () => {
  const job = (id: string, kind: string, runAt: string) => ({
    id,
    kind,
    status: 'pending' as const,
    runAt,
    lastRunAt: null,
    lastError: null,
  });
  await serve({
    'admin.entry.stats': () => ok(stats),
    'admin.system.status': () =>
      ok({
        counts: { users: 1, roles: 1, contests: 1, requests: 0, jobs: 4 },
        jobs: [
          job('similarity:a', 'entries.similarity', '2024-07-01T04:00:00.000Z'),
          job('similarity:b', 'entries.similarity', '2024-07-01T04:01:00.000Z'),
          job('similarity:c', 'entries.similarity', '2024-07-01T04:02:00.000Z'),
          job('recurring:requests.purge', 'requests.purge', '2024-07-01T05:00:00.000Z'),
        ],
      }),
  });
  const { container } = render(<AdminHomePage />);
  await waitFor(() => expect(container.querySelectorAll('.admin-job')).toHaveLength(2));
  expect(container.querySelector('.admin-job--grouped')?.textContent).toBe(
    '定时任务 entries.similarity：等待中 3 项，最早 7月1日 12:00',
  );
  expect(container.querySelectorAll('.admin-job')[1]?.textContent).toBe(
    '定时任务 requests.purge：等待中，尚未运行，下次 7月1日 13:00',
  );
});
