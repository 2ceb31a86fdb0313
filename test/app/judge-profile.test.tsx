/** 我的资料与回避单位 against a stubbed fetch only: real callCloud and core's schemas. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { JudgeView } from '@core/judging/views';
import type { CallRequest } from '@core/wire';
import JudgeProfilePage from '../../src/judge/pages/profile/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { contestDetail } from './support/registration';
import { judge } from './support/judging';

type Handler = (req: CallRequest) => { json: unknown } | Error;

const profile: JudgeView & { contestId: string; contestName: string; contestFields: string[] } = {
  key: 'k-wangjianguo',
  name: '王建国',
  organization: '上海交通大学',
  title: '教授',
  expertise: ['新一代信息技术'],
  conflicts: { names: ['上海测试科技有限公司'], creditCodes: [] },
  boundAt: '2024-08-01T02:00:00.000Z',
  contestId: 'demo-sh',
  contestName: '上海区域赛（演示）',
  contestFields: contestDetail().fields,
};

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

async function open(actions: Record<string, Handler> = {}) {
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(judge),
      'judge.profile.get': () => ok({ items: [profile] }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  const view = render(<JudgeProfilePage />);
  await waitFor(() => expect(view.container.querySelector('.profile-contest')).not.toBeNull());
  return view;
}

async function inputIn(container: HTMLElement, selector: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`${selector} input`);
    if (!found) throw new Error(`no input in ${selector} yet`);
    return found as HTMLInputElement;
  });
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  fireEvent.input(input);
}

test('shows the profile per contest with the contest’s fields; a new conflict is saved with judge.profile.update', async () => {
  const { container } = await open({
    'judge.profile.update': (req) => ok({ judge: { ...profile, ...(req.data as object) } }),
  });
  expect(container.querySelector('.profile-contest-name')?.textContent).toBe('上海区域赛（演示）');
  expect((await inputIn(container, '.form-field-organization')).value).toBe('上海交通大学');
  await waitFor(() =>
    expect([...container.querySelectorAll('.expertise-chip')].map((c) => c.textContent)).toEqual([
      '✓ 新一代信息技术',
      '节能环保',
    ]),
  );
  expect((await inputIn(container, '.conflict-name-row')).value).toBe('上海测试科技有限公司');
  expect(container.querySelector('.conflicts-note')?.textContent).toContain('尚未评分的这些单位的项目将自动回避');

  fireEvent.click(container.querySelector('.expertise-chip[data-value="节能环保"]') as Element);
  fireEvent.click(container.querySelector('.conflict-name-add') as Element);
  await waitFor(() => expect(container.querySelectorAll('.conflict-name-row input')).toHaveLength(2));
  type(container.querySelectorAll('.conflict-name-row input')[1] as HTMLInputElement, '浦江创投');
  fireEvent.click(container.querySelector('.profile-save') as Element);

  await waitFor(() => expect(container.querySelector('.profile-saved')).not.toBeNull());
  const [call] = (stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.profile.update');
  expect(call?.data).toEqual({
    contestId: 'demo-sh',
    name: '王建国',
    organization: '上海交通大学',
    title: '教授',
    expertise: ['新一代信息技术', '节能环保'],
    conflicts: { names: ['上海测试科技有限公司', '浦江创投'], creditCodes: [] },
  });
  expect(call?.requestId).toBeDefined();
});

test('taking every field off is refused beside the chips; a server refusal shows in the banner', async () => {
  const { container } = await open({
    'judge.profile.update': () => ({
      json: { ok: false, error: { code: 'NOT_FOUND', message: '没有找到您在该赛事的评委资料' } },
    }),
  });
  await waitFor(() => expect(container.querySelectorAll('.expertise-chip')).toHaveLength(2));
  fireEvent.click(container.querySelector('.expertise-chip[data-value="新一代信息技术"]') as Element);
  await waitFor(() =>
    expect(container.querySelector('.form-field-expertise .field-error')?.textContent).toBe('请至少选择一个擅长领域'),
  );
  fireEvent.click(container.querySelector('.profile-save') as Element);
  expect((stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.profile.update')).toHaveLength(0);

  fireEvent.click(container.querySelector('.expertise-chip[data-value="节能环保"]') as Element);
  fireEvent.click(container.querySelector('.profile-save') as Element);
  await waitFor(() =>
    expect(container.querySelector('.profile-banner--NOT_FOUND')?.textContent).toBe('没有找到您在该赛事的评委资料'),
  );
  expect(container.querySelector('.profile-saved')).toBeNull();
});
