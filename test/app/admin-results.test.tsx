/**
 * 成绩发布 and 异议处理: the chosen entries and prizes on the wire with one requestId across a retry
 * after a lost answer, 撤回 and 答复 refused without text, lists shown with their 公示 period.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ObjectionView, ResultListView } from '@core/results/views';
import type { EntryStatus } from '@core/registration/entry-status';
import type { EntryRow } from '@core/registration/views';
import type { CallRequest } from '@core/wire';
import { publishInput, togglePage } from '../../src/admin/lib/result-pick';
import AdminObjectionsPage from '../../src/admin/pages/objections/index';
import AdminResultsPage from '../../src/admin/pages/results/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contest, signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);
// 2024-09-01 10:00 in Beijing.
const SERVER_NOW = '2024-09-01T02:00:00.000Z';

function row(id: string, status: EntryStatus = 'approved', overrides: Partial<EntryRow> = {}): EntryRow {
  return {
    id,
    contestId: 'sh-2024',
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    group: 'enterprise',
    projectName: `项目${id}`,
    orgName: `企业${id}`,
    field: '新一代信息技术',
    district: '浦东新区',
    status,
    mobileMasked: '138****1234',
    submittedAt: '2024-08-25T02:00:00.000Z',
    similar: null,
    ...overrides,
  };
}

function list(overrides: Partial<ResultListView> = {}): ResultListView {
  return {
    id: 'r-1',
    contestId: 'sh-2024',
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    kind: 'finalist',
    title: '2024年“创客中国”上海市中小企业创新创业大赛 决赛入围名单',
    publishedAt: '2024-09-01T02:00:00.000Z',
    publicityEndsAt: '2024-09-08T02:00:00.000Z',
    inPublicity: true,
    status: 'published',
    items: [
      {
        entryId: 'e-1',
        projectName: '项目e-1',
        orgName: '企业e-1',
        group: 'enterprise',
        field: '新一代信息技术',
        district: '浦东新区',
        prize: null,
      },
    ],
    itemCount: overrides.items?.length ?? 1,
    ...overrides,
  };
}

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.restoreAllMocks();
});

type Handler = (req: CallRequest) => { json: unknown } | Error;

async function serve(actions: Record<string, Handler>): Promise<FetchStub> {
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(organizer),
      'contest.list': () => ok({ items: [contest()], editions: [], now: SERVER_NOW }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  return stub;
}

async function drawn(container: HTMLElement, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`${selector} not drawn yet`);
    return found as HTMLElement;
  });
}

function click(container: HTMLElement, selector: string): void {
  const found = container.querySelector(selector);
  if (!found) throw new Error(`${selector} is not on the page`);
  fireEvent.click(found);
}

async function type(container: HTMLElement, selector: string, value: string): Promise<void> {
  const box = (await drawn(container, selector)) as HTMLInputElement;
  box.value = value;
  fireEvent.input(box);
}

function confirmModals() {
  return jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
}

describe('the publish form’s rules', () => {
  const picked = [
    { row: row('e-1'), prize: 'merit' as const },
    { row: row('e-2'), prize: 'first' as const },
  ];

  test('a 获奖名单 goes out ordered by prize; other lists carry no prizes', () => {
    const awards = publishInput({ contestId: 'sh-2024', kind: 'awards', title: ' ', picked, publicityDays: '5' });
    expect(awards).toEqual({
      ok: true,
      input: {
        contestId: 'sh-2024',
        kind: 'awards',
        entries: [
          { entryId: 'e-2', prize: 'first' },
          { entryId: 'e-1', prize: 'merit' },
        ],
        publicityDays: 5,
      },
    });
    const finalists = publishInput({ contestId: 'sh-2024', kind: 'finalist', title: '', picked, publicityDays: '' });
    expect(finalists.ok && finalists.input.entries).toEqual([{ entryId: 'e-1' }, { entryId: 'e-2' }]);
    expect(finalists.ok && finalists.input.publicityDays).toBe(0);
  });

  test('nothing is sent without a contest, a kind, a project, prizes on a 获奖名单 or a sensible 公示 period', () => {
    expect(publishInput({ contestId: undefined, kind: undefined, title: '', picked: [], publicityDays: '31' })).toEqual(
      {
        ok: false,
        errors: {
          contestId: '请选择赛事',
          kind: '请选择名单类型',
          entries: '请至少选择一个项目',
          publicityDays: '公示天数应为 0 到 30 的整数',
        },
      },
    );
    const unprized = publishInput({
      contestId: 'sh-2024',
      kind: 'awards',
      title: '',
      picked: [{ row: row('e-1'), prize: null }],
      publicityDays: '7',
    });
    expect(unprized).toEqual({ ok: false, errors: { entries: '获奖名单请为每个项目选择奖项' } });
  });

  test('全选本页 picks the listable rows of the page, and unpicks them when all are picked', () => {
    const rows = [row('e-1'), row('e-2', 'rejected'), row('e-3', 'finalist')];
    const once = togglePage([], rows);
    expect(once.map((p) => p.row.id)).toEqual(['e-1', 'e-3']);
    expect(togglePage(once, rows)).toEqual([]);
  });
});

test('publishing sends the chosen entryIds and prizes, with the same requestId when retried after a network failure', async () => {
  const entries = [row('e-1'), row('e-2', 'finalist'), row('e-3', 'disqualified'), row('e-4', 'submitted')];
  const answers: Array<{ json: unknown } | Error> = [new TypeError('Failed to fetch')];
  const s = await serve({
    'admin.result.list': () => ok({ lists: [] }),
    'admin.entry.list': (req) => {
      const { q } = req.data as { q?: string };
      const items = q ? entries.filter((e) => e.projectName.includes(q)) : entries;
      return ok({ items, total: items.length, page: 1, pageSize: 20 });
    },
    'admin.result.publish': (req) =>
      answers.shift() ??
      ok({
        list: list({
          kind: 'awards',
          title: '2024年上海市大赛获奖名单',
          items: (req.data as { entries: Array<{ entryId: string }> }).entries.map((e) => ({
            ...list().items[0]!,
            entryId: e.entryId,
          })),
        }),
      }),
  });
  const modal = confirmModals();
  const { container } = render(<AdminResultsPage />);
  await drawn(container, '.results-new');
  click(container, '.results-new');
  await drawn(container, '.results-composer');
  click(container, '.results-contest .choice-select__trigger');
  click(container, '.results-contest .choice-option[data-value="sh-2024"]');
  click(container, '.results-kind-awards');
  await drawn(container, '.results-pick-row');

  // A disqualified entry can't be listed: its box is disabled and 全选本页 leaves it out.
  expect(container.querySelector('.results-pick-row[data-entry-id="e-3"]')?.getAttribute('data-listable')).toBe(
    'false',
  );
  click(container, '.results-pick-all');
  expect(container.querySelector('.results-picked-count')?.textContent).toBe('已选 3 个项目');
  click(container, '.results-pick-e-4');
  expect(container.querySelector('.results-pick-e-4')?.getAttribute('aria-checked')).toBe('false');

  // Without prizes a 获奖名单 is refused here.
  click(container, '.results-publish');
  await waitFor(() =>
    expect(container.querySelector('.field-error[data-for="entries"]')?.textContent).toBe(
      '获奖名单请为每个项目选择奖项',
    ),
  );
  click(container, '.results-selected-row[data-entry-id="e-1"] .results-prize-second');
  click(container, '.results-selected-row[data-entry-id="e-2"] .results-prize-first');
  await type(container, '.results-publicity-days input', '5');
  expect(container.querySelector('.results-preview')?.textContent).toContain('共 2 个项目（一等奖 1、二等奖 1）');
  expect(container.querySelector('.results-preview')?.textContent).toContain('公示 5 天，至 2024年9月6日 10:00');

  click(container, '.results-publish');
  await drawn(container, '.results-publish-error');
  expect(container.querySelector('.results-publish-error')?.textContent).toContain('网络异常');
  click(container, '.results-publish');
  await drawn(container, '.results-published');
  expect(container.querySelector('.results-published')?.textContent).toContain(
    '已发布「2024年上海市大赛获奖名单」，共 2 个项目',
  );
  expect(container.querySelector('.results-composer')).toBeNull();

  const publishes = s.apiCalls().filter((c) => c.action === 'admin.result.publish');
  expect(publishes).toHaveLength(2);
  expect(publishes[0]?.data).toEqual({
    contestId: 'sh-2024',
    kind: 'awards',
    entries: [
      { entryId: 'e-2', prize: 'first' },
      { entryId: 'e-1', prize: 'second' },
    ],
    publicityDays: 5,
  });
  expect(publishes[1]?.data).toEqual(publishes[0]?.data);
  expect(publishes[0]?.requestId).toEqual(expect.any(String));
  expect(publishes[1]?.requestId).toBe(publishes[0]?.requestId);
  // Each attempt was confirmed: the list can't be changed once out.
  expect(modal).toHaveBeenCalledTimes(2);
});

test('a server refusal of one project is shown beside it, and the next attempt is a new request', async () => {
  const entries = [row('e-1'), row('e-2')];
  const s = await serve({
    'admin.result.list': () => ok({ lists: [] }),
    'admin.entry.list': () => ok({ items: entries, total: 2, page: 1, pageSize: 20 }),
    'admin.result.publish': () => ({
      json: {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '名单中有不能列入的项目',
          details: { 'entries.1.entryId': '「项目e-2」当前状态不能列入名单' },
        },
      },
    }),
  });
  confirmModals();
  const { container } = render(<AdminResultsPage />);
  await drawn(container, '.results-new');
  click(container, '.results-new');
  await drawn(container, '.results-composer');
  click(container, '.results-contest .choice-select__trigger');
  click(container, '.results-contest .choice-option[data-value="sh-2024"]');
  click(container, '.results-kind-finalist');
  await drawn(container, '.results-pick-row');
  click(container, '.results-pick-e-1');
  click(container, '.results-pick-e-2');
  click(container, '.results-publish');
  await drawn(container, '.field-error[data-for="entries.e-2"]');
  expect(container.querySelector('.field-error[data-for="entries.e-2"]')?.textContent).toBe(
    '「项目e-2」当前状态不能列入名单',
  );
  expect(container.querySelector('.results-publish-error')?.textContent).toBe('名单中有不能列入的项目');
  click(container, '.results-publish');
  await waitFor(() => expect(s.apiCalls().filter((c) => c.action === 'admin.result.publish')).toHaveLength(2));
  const [first, second] = s.apiCalls().filter((c) => c.action === 'admin.result.publish');
  expect(first?.data).toMatchObject({
    kind: 'finalist',
    entries: [{ entryId: 'e-1' }, { entryId: 'e-2' }],
    publicityDays: 7,
  });
  expect(second?.requestId).not.toBe(first?.requestId);
});

test('the published lists show kind, count, publish time and 公示至; 撤回 needs a reason', async () => {
  let lists = [
    list(),
    list({ id: 'r-0', kind: 'preliminary', title: '预赛晋级名单', publicityEndsAt: null, inPublicity: false }),
  ];
  const s = await serve({
    'admin.result.list': () => ok({ lists }),
    'admin.result.withdraw': (req) => {
      const { id } = req.data as { id: string };
      lists = lists.map((l) => (l.id === id ? { ...l, status: 'withdrawn', inPublicity: false } : l));
      return ok({ list: lists.find((l) => l.id === id) });
    },
  });
  const { container } = render(<AdminResultsPage />);
  const first = await drawn(container, '.results-list-row[data-list-id="r-1"]');
  expect(first.querySelector('.results-list-kind')?.textContent).toBe('决赛入围名单');
  expect(first.querySelector('.results-list-count')?.textContent).toBe('1 个项目');
  expect(first.querySelector('.results-list-published')?.textContent).toBe('发布于 2024-09-01 10:00');
  expect(first.querySelector('.results-list-publicity')?.textContent).toBe('公示中，至 2024年9月8日 10:00');
  expect(first.querySelector('.results-list-status')?.textContent).toBe('已发布');
  expect(container.querySelector('.results-list-row[data-list-id="r-0"] .results-list-publicity')?.textContent).toBe(
    '不设公示期',
  );

  click(container, '.results-list-row[data-list-id="r-1"] .results-withdraw');
  await drawn(container, '.results-withdraw-dialog');
  click(container, '.decision-confirm');
  expect(container.querySelector('.decision-reason-error')?.textContent).toBe('请填写撤回理由');
  expect(s.apiCalls().filter((c) => c.action === 'admin.result.withdraw')).toHaveLength(0);

  await type(container, '.decision-reason textarea', '名单有误，更正后重新发布');
  click(container, '.decision-confirm');
  await drawn(container, '.results-withdrawn');
  expect(s.apiCalls().find((c) => c.action === 'admin.result.withdraw')?.data).toEqual({
    id: 'r-1',
    reason: '名单有误，更正后重新发布',
  });
  await waitFor(() =>
    expect(container.querySelector('.results-list-row[data-list-id="r-1"]')?.getAttribute('data-status')).toBe(
      'withdrawn',
    ),
  );
  expect(container.querySelector('.results-list-row[data-list-id="r-1"] .results-withdraw')).toBeNull();
});

describe('异议处理', () => {
  function objection(overrides: Partial<ObjectionView> = {}): ObjectionView {
    return {
      id: 'o-1',
      listId: 'r-1',
      listTitle: '决赛入围名单',
      contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
      entryId: 'e-1',
      projectName: '项目e-1',
      reason: '该项目与往届获奖项目雷同',
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

  test('each objection shows list, project, reason, contact and time; 答复 needs text and then shows as answered', async () => {
    const s = await serve({
      'admin.objection.list': () => ok({ items: [objection()] }),
      'admin.objection.answer': (req) => {
        const { answer } = req.data as { answer: string };
        return ok({
          objection: objection({ status: 'answered', answer, answeredAt: '2024-09-03T02:00:00.000Z' }),
        });
      },
    });
    const { container } = render(<AdminObjectionsPage />);
    const row = await drawn(container, '.objection-row[data-objection-id="o-1"]');
    expect(s.apiCalls().find((c) => c.action === 'admin.objection.list')?.data).toEqual({ status: 'open' });
    expect(row.querySelector('.objection-list')?.textContent).toBe('决赛入围名单');
    expect(row.querySelector('.objection-project')?.textContent).toBe('项目e-1');
    expect(row.querySelector('.objection-reason')?.textContent).toBe('该项目与往届获奖项目雷同');
    expect(row.querySelector('.objection-contact')?.textContent).toBe('13800000000');
    expect(row.querySelector('.objection-time')?.textContent).toBe('提出于 2024-09-02 10:00（北京时间）');

    click(container, '.objection-answer-submit');
    await drawn(container, '.objection-answer-error');
    expect(container.querySelector('.objection-answer-error')?.textContent).toBe('请填写答复');
    await type(container, '.objection-answer-input textarea', '   ');
    click(container, '.objection-answer-submit');
    expect(container.querySelector('.objection-answer-error')?.textContent).toBe('请填写答复');
    expect(s.apiCalls().filter((c) => c.action === 'admin.objection.answer')).toHaveLength(0);

    await type(container, '.objection-answer-input textarea', '经核查，该项目为企业自主研发，不存在雷同。');
    click(container, '.objection-answer-submit');
    await drawn(container, '.objection-answered');
    expect(container.querySelector('.objection-answered')?.textContent).toContain(
      '经核查，该项目为企业自主研发，不存在雷同。',
    );
    expect(container.querySelector('.objection-row')?.getAttribute('data-status')).toBe('answered');
    const answers = s.apiCalls().filter((c) => c.action === 'admin.objection.answer');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.data).toEqual({ id: 'o-1', answer: '经核查，该项目为企业自主研发，不存在雷同。' });
    expect(answers[0]?.requestId).toEqual(expect.any(String));
  });

  test('the filer’s evidence opens on a link asked for that objection; a refusal is shown beside it', async () => {
    const opened: string[] = [];
    jest.spyOn(window, 'open').mockImplementation(() => {
      const tab = { closed: false, opener: null, location: { href: '' }, close: () => undefined };
      Object.defineProperty(tab.location, 'href', { set: (url: string) => opened.push(url), get: () => '' });
      return tab as unknown as Window;
    });
    let allowed = true;
    const s = await serve({
      'admin.objection.list': () =>
        ok({ items: [objection({ hasAttachment: true, attachmentName: '专利证书.pdf' }), objection({ id: 'o-2' })] }),
      'files.link.get': () =>
        allowed
          ? ok({ url: '/files/objections/l-1/p/x.pdf?sig=abc', expiresAt: '2024-09-03T02:10:00.000Z' })
          : { json: { ok: false, error: { code: 'FORBIDDEN', message: '没有权限查看该文件' } } },
    });
    const { container } = render(<AdminObjectionsPage />);
    const row = await drawn(container, '.objection-row[data-objection-id="o-1"]');
    expect(container.querySelector('.objection-row[data-objection-id="o-2"] .objection-attachment')).toBeNull();
    expect(row.querySelector('.objection-attachment')?.textContent).toBe('查看证明材料（专利证书.pdf）');
    click(row, '.objection-attachment');
    await waitFor(() => expect(opened).toEqual(['/files/objections/l-1/p/x.pdf?sig=abc']));
    expect(s.apiCalls().find((c) => c.action === 'files.link.get')?.data).toEqual({
      attachment: 'objectionEvidence',
      objectionId: 'o-1',
    });
    allowed = false;
    click(row, '.objection-attachment');
    await drawn(row, '.objection-attachment-error');
    expect(row.querySelector('.objection-attachment-error')?.textContent).toBe('没有权限查看该文件');
  });
});
