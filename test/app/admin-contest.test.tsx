/** 赛事设置: Beijing-time window on the wire, the action's own validation, CONTEST_IN_USE, 新建届次. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ContestDetail } from '@core/contest/views';
import type { CallRequest } from '@core/wire';
import { draftFromContest, draftToInput, emptyDraft, checkDraft } from '../../src/admin/pages/contest/contest-form';
import AdminContestPage from '../../src/admin/pages/contest/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contest, signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);

function detail(): ContestDetail {
  return {
    ...contest({
      // 2024-08-23 00:00 to 2024-08-31 23:59:59 Beijing time.
      registration: { opensAt: '2024-08-22T16:00:00.000Z', closesAt: '2024-08-31T15:59:59.000Z', status: 'closed' },
    }),
    editionId: 'edition-9',
    hosts: ['上海市经济和信息化委员会'],
    organizers: ['上海市中小企业发展服务中心'],
    fields: ['新一代信息技术', '节能环保'],
    districts: ['浦东新区', '徐汇区'],
    rules: '一、赛程……',
    awards: {
      enterprise: [
        { prize: 'first', count: 2 },
        { prize: 'merit', count: null },
      ],
      maker: [{ prize: 'first', count: 1 }],
    },
  };
}

const editions = [{ id: 'edition-9', name: '第九届', year: 2024 }];

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  Object.assign(Taro.getCurrentInstance(), { router: null });
  jest.restoreAllMocks();
});

async function serve(id: string | null, actions: Record<string, (req: CallRequest) => { json: unknown }> = {}) {
  Object.assign(Taro.getCurrentInstance(), {
    router: { params: id ? { id } : {}, path: '/admin/pages/contest/index' },
  });
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(organizer),
      'contest.list': () => ok({ items: [contest()], editions, now: '2024-08-01T00:00:00.000Z' }),
      'contest.get': () => ok({ contest: detail(), now: '2024-08-01T00:00:00.000Z' }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  return stub;
}

describe('the form ↔ admin.contest.upsert', () => {
  test('shows the stored window on a Beijing wall clock and sends it back with +08:00, closing at :59', () => {
    const draft = draftFromContest(detail());
    expect([draft.opensOn, draft.opensTime, draft.closesOn, draft.closesTime]).toEqual([
      '2024-08-23',
      '00:00',
      '2024-08-31',
      '23:59',
    ]);
    const input = draftToInput(draft, 'sh-2024');
    expect(input.registration).toEqual({
      opensAt: '2024-08-23T00:00:00+08:00',
      closesAt: '2024-08-31T23:59:59+08:00',
    });
    expect(input.awards).toEqual({
      enterprise: [
        { prize: 'first', count: 2 },
        { prize: 'merit', count: null },
      ],
      maker: [{ prize: 'first', count: 1 }],
    });
    expect(input.stages.map((s) => s.key)).toEqual(['preliminary', 'semifinal', 'final']);
    expect(checkDraft(draft, 'sh-2024')).toMatchObject({ ok: true });
  });

  test('an empty new contest is refused with Chinese messages keyed by its boxes', () => {
    const result = checkDraft({ ...emptyDraft('edition-9'), groups: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      name: '请填写赛事名称',
      groups: '至少选择一个组别',
      fields: '至少设置一个行业领域',
      'registration.opensAt': '请选择报名开始日期和时间',
      'registration.closesAt': '请选择报名截止日期和时间',
      'stages.preliminary.startsOn': '请选择预赛开始日期',
    });
  });

  test('a stage that ends before it starts and a count with letters are named by stage and prize', () => {
    const draft = draftFromContest(detail());
    draft.stages.semifinal = { ...draft.stages.semifinal, startsOn: '2024-08-20', endsOn: '2024-08-10' };
    draft.awards.maker.second = { count: '2名', several: false };
    const result = checkDraft(draft, 'sh-2024');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['stages.semifinal.endsOn']).toBe('结束日期不能早于开始日期');
    expect(result.errors['awards.maker.second']).toBe('二等奖名额应为非负整数');
  });
});

test('editing sends the changed settings and shows the server’s CONTEST_IN_USE message', async () => {
  const s = await serve('sh-2024', {
    'admin.contest.upsert': () => ({
      json: {
        ok: false,
        error: {
          code: 'CONTEST_IN_USE',
          message: '已有报名在使用，不能删除或修改：行业领域：节能环保',
          details: { inUse: ['行业领域：节能环保'] },
        },
      },
    }),
  });
  const { container } = render(<AdminContestPage />);
  await waitFor(() => expect(container.querySelector('.contest-form')).not.toBeNull());
  const nameBox = container.querySelector('.contest-name-input input') as HTMLInputElement;
  expect(nameBox.value).toBe('2024年“创客中国”上海市中小企业创新创业大赛');
  expect((container.querySelector('input.contest-closes-time') as HTMLInputElement).value).toBe('23:59');

  fireEvent.change(container.querySelector('input.contest-closes-date') as Element, {
    target: { value: '2024-09-05' },
  });
  fireEvent.change(container.querySelector('input.contest-closes-time') as Element, { target: { value: '18:00' } });
  fireEvent.click(
    container.querySelector('.contest-fields .tag-editor-tag[data-value="节能环保"] .tag-editor-remove') as Element,
  );
  fireEvent.click(container.querySelector('.contest-save') as Element);

  await waitFor(() =>
    expect(container.querySelector('.contest-server-error')?.textContent).toBe(
      '已有报名在使用，不能删除或修改：行业领域：节能环保',
    ),
  );
  const sent = s.apiCalls().find((c) => c.action === 'admin.contest.upsert');
  expect(sent?.data).toMatchObject({
    id: 'sh-2024',
    editionId: 'edition-9',
    fields: ['新一代信息技术'],
    districts: ['浦东新区', '徐汇区'],
    registration: { opensAt: '2024-08-23T00:00:00+08:00', closesAt: '2024-09-05T18:00:59+08:00' },
  });
  // What was typed stays, so the organizer can put the field back.
  expect(container.querySelector('.contest-fields .tag-editor-tag[data-value="节能环保"]')).toBeNull();
});

test('saving an incomplete new contest shows the problems and sends nothing', async () => {
  const s = await serve(null);
  const { container } = render(<AdminContestPage />);
  await waitFor(() => expect(container.querySelector('.contest-save')).not.toBeNull());
  expect(container.querySelector('.contest-edition .choice-select__value')?.textContent).toBe('第九届（2024）');
  fireEvent.click(container.querySelector('.contest-save') as Element);
  await waitFor(() => expect(container.querySelector('.contest-errors')).not.toBeNull());
  // The summary lists problems top to bottom, as the form shows them.
  expect(container.querySelector('.contest-errors')?.textContent).toMatch(
    /^有 \d+ 处需要修改：· 请填写赛事名称· 请填写举办地区/,
  );
  expect(container.querySelector('.field-error[data-for="name"]')?.textContent).toBe('请填写赛事名称');
  expect(container.querySelector('.field-error[data-for="fields"]')?.textContent).toBe('至少设置一个行业领域');
  expect(container.querySelector('.field-error[data-for="registration.closesAt"]')?.textContent).toBe(
    '请选择报名截止日期和时间',
  );
  expect(s.apiCalls().filter((c) => c.action === 'admin.contest.upsert')).toHaveLength(0);
});

test('新建届次 creates an edition and chooses it for the contest', async () => {
  let list = editions;
  const s = await serve(null, {
    'contest.list': () => ok({ items: [], editions: list, now: '2024-08-01T00:00:00.000Z' }),
    'admin.edition.upsert': (req) => {
      const { name, year } = req.data as { name: string; year: number };
      list = [{ id: 'edition-2025-abc', name, year }, ...editions];
      return ok({ id: 'edition-2025-abc' });
    },
  });
  const { container } = render(<AdminContestPage />);
  await waitFor(() => expect(container.querySelector('.edition-new')).not.toBeNull());
  fireEvent.click(container.querySelector('.edition-new') as Element);
  const type = async (selector: string, value: string) => {
    const input = await waitFor(() => {
      const found = container.querySelector(`${selector} input`);
      if (!found) throw new Error(`${selector} not drawn yet`);
      return found as HTMLInputElement;
    });
    input.value = value;
    fireEvent.input(input);
  };
  await type('.edition-name', '第十届');
  await type('.edition-year', '2025');
  fireEvent.click(container.querySelector('.edition-create') as Element);
  await waitFor(() =>
    expect(container.querySelector('.contest-edition .choice-select__value')?.textContent).toBe('第十届（2025）'),
  );
  expect(s.apiCalls().find((c) => c.action === 'admin.edition.upsert')?.data).toEqual({ name: '第十届', year: 2025 });
});
