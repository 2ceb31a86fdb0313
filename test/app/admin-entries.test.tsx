/** 报名审核 against a stubbed fetch only: filters, debounced search, paging, the 疑似雷同 chip, export. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ContestDetail } from '@core/contest/views';
import type { MeOutput } from '@core/system/views';
import type { CallRequest } from '@core/wire';
import type { EntryRow } from '@core/registration/views';
import AdminEntriesPage from '../../src/admin/pages/entries/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contest, signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);

function row(n: number, overrides: Partial<EntryRow> = {}): EntryRow {
  return {
    id: `sh-2024:o${n}`,
    contestId: 'sh-2024',
    contestName: '2024年上海赛',
    group: n % 2 === 0 ? 'enterprise' : 'maker',
    projectName: `工业视觉质检平台${n}`,
    orgName: `上海测试科技有限公司${n}`,
    field: '新一代信息技术',
    district: '浦东新区',
    status: 'submitted',
    mobileMasked: '138****1234',
    submittedAt: '2024-08-30T16:30:00.000Z',
    similar: null,
    ...overrides,
  };
}

function detail(): ContestDetail {
  return {
    ...contest(),
    editionId: 'edition-9',
    hosts: ['上海市经济和信息化委员会'],
    organizers: [],
    fields: ['新一代信息技术', '节能环保'],
    districts: ['浦东新区', '徐汇区'],
    rules: '',
    awards: {},
  };
}

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.restoreAllMocks();
});

/** 1,234 entries on the server: each page answers with its own rows, so paging past 1,000 is visible. */
async function serve(me: MeOutput = organizer, extra: Record<string, (req: CallRequest) => { json: unknown }> = {}) {
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(me),
      'contest.list': () => ok({ items: [contest()], editions: [], now: '2024-08-01T00:00:00.000Z' }),
      'contest.get': () => ok({ contest: detail(), now: '2024-08-01T00:00:00.000Z' }),
      'admin.entry.list': (req) => {
        const { page, pageSize } = req.data as { page: number; pageSize: number };
        const items = Array.from({ length: pageSize }, (_, i) => row((page - 1) * pageSize + i + 1));
        return ok({ items, total: 1234, page, pageSize });
      },
      ...extra,
    },
  });
  await act(() => refreshMe());
  return stub;
}

function listCalls(s: FetchStub): unknown[] {
  return s
    .apiCalls()
    .filter((c) => c.action === 'admin.entry.list')
    .map((c) => c.data);
}

function lastList(s: FetchStub): unknown {
  return listCalls(s).at(-1);
}

function choose(container: HTMLElement, filter: string, value: string): void {
  fireEvent.click(container.querySelector(`.${filter} .choice-select__trigger`) as Element);
  fireEvent.click(container.querySelector(`.${filter} .choice-option[data-value="${value}"]`) as Element);
}

/** React writes disabled={false} onto Taro's custom element as the attribute "false". */
function isDisabled(el: Element | null): boolean {
  return el !== null && el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
}

function typeInto(container: HTMLElement, selector: string, value: string): void {
  const input = container.querySelector(`${selector} input`) as HTMLInputElement;
  input.value = value;
  fireEvent.input(input);
}

test('filters and the debounced search send the matching admin.entry.list input, starting again at page 1', async () => {
  const s = await serve();
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelectorAll('.entries-row')).toHaveLength(20));
  expect(lastList(s)).toEqual({ page: 1, pageSize: 20 });
  // Field and district are a contest's settings: offered once a contest is chosen.
  expect(container.querySelector('.entries-filter-field')).toBeNull();

  choose(container, 'entries-filter-status', 'approved');
  await waitFor(() => expect(lastList(s)).toEqual({ status: 'approved', page: 1, pageSize: 20 }));

  choose(container, 'entries-filter-contest', 'sh-2024');
  await waitFor(() => expect(container.querySelector('.entries-filter-field')).not.toBeNull());
  choose(container, 'entries-filter-field', '节能环保');
  choose(container, 'entries-filter-district', '徐汇区');
  choose(container, 'entries-filter-group', 'maker');
  await waitFor(() =>
    expect(lastList(s)).toEqual({
      contestId: 'sh-2024',
      group: 'maker',
      field: '节能环保',
      district: '徐汇区',
      status: 'approved',
      page: 1,
      pageSize: 20,
    }),
  );

  // Typing fast sends one request for the pause, not one per keystroke.
  const before = listCalls(s).length;
  typeInto(container, '.entries-search', '质');
  typeInto(container, '.entries-search', '质检 ');
  await waitFor(() => expect(lastList(s)).toMatchObject({ q: '质检', page: 1 }));
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(listCalls(s).slice(before)).toEqual([
    {
      contestId: 'sh-2024',
      group: 'maker',
      field: '节能环保',
      district: '徐汇区',
      status: 'approved',
      q: '质检',
      page: 1,
      pageSize: 20,
    },
  ]);

  // 全部状态 drops the key instead of sending an empty one.
  choose(container, 'entries-filter-status', '');
  await waitFor(() => expect(lastList(s)).not.toHaveProperty('status'));
});

test('paging moves through 1,234 entries: next, last page, jump, and back to 1 when a filter changes', async () => {
  const s = await serve();
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelector('.entries-total')).not.toBeNull());
  expect(container.querySelector('.entries-total')?.textContent).toBe('共 1234 条 · 第 1 / 62 页');

  fireEvent.click(container.querySelector('.entries-next') as Element);
  await waitFor(() => expect(lastList(s)).toEqual({ page: 2, pageSize: 20 }));
  await waitFor(() => expect(container.querySelector('.entries-project')?.textContent).toBe('工业视觉质检平台21'));

  fireEvent.click(container.querySelector('.entries-page[data-page="62"]') as Element);
  await waitFor(() => expect(lastList(s)).toEqual({ page: 62, pageSize: 20 }));
  await waitFor(() => expect(container.querySelector('.entries-page--current')?.textContent).toBe('62'));
  expect(container.querySelector('.entries-project')?.textContent).toBe('工业视觉质检平台1221');

  typeInto(container, '.entries-jump', '51');
  fireEvent.click(container.querySelector('.entries-jump-go') as Element);
  await waitFor(() => expect(lastList(s)).toEqual({ page: 51, pageSize: 20 }));

  fireEvent.click(container.querySelector('.entries-prev') as Element);
  await waitFor(() => expect(lastList(s)).toEqual({ page: 50, pageSize: 20 }));

  choose(container, 'entries-filter-group', 'enterprise');
  await waitFor(() => expect(lastList(s)).toEqual({ group: 'enterprise', page: 1, pageSize: 20 }));
  // The filter change asked for page 1 straight away, never for page 50 of the new filter.
  expect(listCalls(s)).not.toContainEqual({ group: 'enterprise', page: 50, pageSize: 20 });
});

test('rows show masked mobile, Shanghai time, and a 疑似雷同 chip naming the other project', async () => {
  await serve(organizer, {
    'admin.entry.list': () =>
      ok({
        items: [
          row(1, { similar: { entryId: 'sh-2024:o9', projectName: '智能质检云平台', score: 0.873 } }),
          row(2, { status: 'approved' }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      }),
  });
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelectorAll('.entries-row')).toHaveLength(2));
  const [first, second] = [...container.querySelectorAll('.entries-row')];
  expect(first?.querySelector('.entries-similar')?.textContent).toBe('疑似雷同：与「智能质检云平台」相似 87%');
  expect(second?.querySelector('.entries-similar')).toBeNull();
  expect(first?.querySelector('.entries-mobile')?.textContent).toBe('138****1234');
  // 16:30 UTC is 00:30 the next day in Beijing.
  expect(first?.querySelector('.entries-submitted')?.textContent).toBe('2024-08-31 00:30');
  expect(first?.querySelector('.entries-org')?.textContent).toBe('上海测试科技有限公司1');
  expect(second?.querySelector('.entry-status')?.textContent).toBe('资格审核通过');
  expect(second?.querySelector('.entry-status--approved')).not.toBeNull();
  expect(container.querySelector('.entries-table')).toBeNull();
});

test('a desktop-wide browser gets a real table with the same row hooks', async () => {
  const matchMedia = jest.fn().mockImplementation((query: string) => ({
    matches: query === '(min-width: 1024px)',
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  Object.assign(window, { matchMedia });
  try {
    await serve(organizer, {
      'admin.entry.list': () =>
        ok({
          items: [row(1, { similar: { entryId: 'x', projectName: '另一个项目', score: 0.9 } })],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    });
    const { container } = render(<AdminEntriesPage />);
    await waitFor(() => expect(container.querySelector('table.entries-table')).not.toBeNull());
    const tr = container.querySelector('tr.entries-row') as Element;
    expect(tr.getAttribute('data-entry-id')).toBe('sh-2024:o1');
    expect(tr.querySelector('.entries-similar')?.textContent).toContain('另一个项目');
    expect(container.querySelectorAll('th')).toHaveLength(8);

    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    fireEvent.click(tr);
    expect(navigate).toHaveBeenCalledWith({ url: '/admin/pages/entry/index?id=sh-2024%3Ao1' });
  } finally {
    Reflect.deleteProperty(window, 'matchMedia');
  }
});

test('export without sensitive data downloads at once, showing progress while it runs', async () => {
  const clicked: Array<{ href: string; download: string }> = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  const modal = jest.spyOn(Taro, 'showModal');
  const s = await serve(organizer, {
    'admin.entry.export': () =>
      ok({ url: '/files/exports/a.xlsx?sig=1', fileName: '报名列表-20240801.xlsx', rows: 1234, expiresAt: 'x' }),
  });
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelector('.entries-export')).not.toBeNull());
  choose(container, 'entries-filter-status', 'submitted');

  fireEvent.click(container.querySelector('.entries-export') as Element);
  const button = container.querySelector('.entries-export') as Element;
  expect(button.textContent).toBe('正在导出…');
  expect(isDisabled(button)).toBe(true);

  await waitFor(() => expect(container.querySelector('.entries-export-done')?.textContent).toContain('1234'));
  expect(modal).not.toHaveBeenCalled();
  expect(s.apiCalls().find((c) => c.action === 'admin.entry.export')?.data).toEqual({
    status: 'submitted',
    includeSensitive: false,
  });
  expect(clicked).toEqual([
    { href: expect.stringContaining('/files/exports/a.xlsx?sig=1'), download: '报名列表-20240801.xlsx' },
  ]);
  expect(container.querySelector('.entries-export')?.textContent).toBe('导出 Excel');
});

test('a sensitive export asks for confirmation, explains the audit, and sends nothing when declined', async () => {
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    .mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  const s = await serve(organizer, {
    'admin.entry.export': () =>
      ok({ url: '/files/x.xlsx', fileName: '报名列表-含敏感信息.xlsx', rows: 3, expiresAt: 'x' }),
  });
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelector('.export-sensitive')).not.toBeNull());
  fireEvent.click(container.querySelector('.export-sensitive') as Element);
  expect(container.querySelector('.export-sensitive')?.getAttribute('aria-checked')).toBe('true');

  fireEvent.click(container.querySelector('.entries-export') as Element);
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
  expect(modal.mock.calls[0]?.[0]?.content).toContain('审计');
  expect(modal.mock.calls[0]?.[0]?.content).toContain('完整手机号');
  await act(() => Promise.resolve());
  expect(s.apiCalls().filter((c) => c.action === 'admin.entry.export')).toHaveLength(0);

  fireEvent.click(container.querySelector('.entries-export') as Element);
  await waitFor(() => expect(container.querySelector('.entries-export-done')).not.toBeNull());
  expect(modal).toHaveBeenCalledTimes(2);
  const exports = s.apiCalls().filter((c) => c.action === 'admin.entry.export');
  expect(exports.map((c) => c.data)).toEqual([{ includeSensitive: true }]);
  // A write: it carries a requestId so a retried tap is one export and one audit record.
  expect(exports[0]?.requestId).toEqual(expect.any(String));
  // The next export is plain again unless the organizer asks once more.
  expect(container.querySelector('.export-sensitive')?.getAttribute('aria-checked')).toBe('false');
});

test('an export refused by the server shows its message and the button comes back', async () => {
  const s = await serve(organizer, {
    'admin.entry.export': () => ({
      json: { ok: false, error: { code: 'FORBIDDEN', message: '只能导出你负责的赛事' } },
    }),
  });
  const { container } = render(<AdminEntriesPage />);
  await waitFor(() => expect(container.querySelector('.entries-export')).not.toBeNull());
  fireEvent.click(container.querySelector('.entries-export') as Element);
  await waitFor(() =>
    expect(container.querySelector('.entries-export-error')?.textContent).toBe('只能导出你负责的赛事'),
  );
  expect(isDisabled(container.querySelector('.entries-export'))).toBe(false);
  expect(s.apiCalls().filter((c) => c.action === 'admin.entry.export')).toHaveLength(1);
});
