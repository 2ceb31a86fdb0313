/**
 * 评委绑定 and the way in from 我的, against a stubbed fetch only: real callCloud with core's schemas,
 * the useMe store, PageShell.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import type { CallRequest } from '@core/wire';
import JudgeBindPage from '../../src/judge/pages/bind/index';
import { refreshMe } from '../../src/hooks/useMe';
import MePage from '../../src/pages/me/index';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { anonymous, signedIn } from './support/fixtures';
import { judge } from './support/judging';

const newcomer = signedIn('陈晓燕', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);
const invite = {
  contestId: 'demo-sh',
  contestName: '上海区域赛（演示）',
  fields: ['新一代信息技术', '节能环保', '生物医药'],
  expiresAt: '2024-09-30T15:59:59.000Z',
};

type Handler = (req: CallRequest) => { json: unknown } | Error;

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.restoreAllMocks();
});

async function open(actions: Record<string, Handler> = {}, me: MeOutput = newcomer) {
  let current = me;
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(current),
      'judge.invite.check': () => ok(invite),
      ...actions,
    },
  });
  await act(() => refreshMe());
  const view = render(<JudgeBindPage />);
  return { ...view, becomes: (next: MeOutput) => (current = next) };
}

function calls(action: string): CallRequest[] {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === action);
}

/** Taro draws the <input> inside its element a tick after the element itself. */
async function inputIn(container: HTMLElement, selector: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`${selector} input, ${selector} textarea`);
    if (!found) throw new Error(`no input in ${selector} yet`);
    return found as HTMLInputElement;
  });
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  fireEvent.input(input);
}

function click(container: HTMLElement, selector: string): void {
  const element = container.querySelector(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  fireEvent.click(element);
}

function fieldError(container: HTMLElement, selector: string): string | null {
  return container.querySelector(`${selector} .field-error`)?.textContent ?? null;
}

async function toForm(container: HTMLElement, code = 'abcd-2345') {
  type(await inputIn(container, '.bind-code'), code);
  click(container, '.bind-check');
  await waitFor(() => expect(container.querySelector('.bind-form-step')).not.toBeNull());
}

describe('step 1: the invite code', () => {
  test('a visitor is told to sign in first, with the way to do it', async () => {
    const { container } = await open({}, anonymous);
    await waitFor(() => expect(container.querySelector('.page-forbidden')).not.toBeNull());
    expect(container.querySelector('.page-forbidden-message')?.textContent).toBe('请先登录后再绑定评委邀请码');
    expect(container.querySelector('.page-forbidden-action')?.textContent).toBe('登录');
    expect(container.querySelector('.bind-code-step')).toBeNull();
  });

  test('a malformed code is explained without a call; the server’s INVITE_INVALID message is shown as it says', async () => {
    const { container } = await open({
      'judge.invite.check': () => ({
        json: { ok: false, error: { code: 'INVITE_INVALID', message: '该邀请码已被使用，请向组委会索取新的邀请码' } },
      }),
    });
    const code = await inputIn(container, '.bind-code');
    type(code, 'abc1');
    click(container, '.bind-check');
    await waitFor(() =>
      expect(container.querySelector('.bind-code-error')?.textContent).toBe('邀请码为 8 位字母或数字，请核对'),
    );
    expect(calls('judge.invite.check')).toHaveLength(0);

    // Spaces and lower case are forgiven, as by the schema; the server decides the rest.
    type(code, 'abcd 2345');
    click(container, '.bind-check');
    await waitFor(() =>
      expect(container.querySelector('.bind-code-error')?.textContent).toBe(
        '该邀请码已被使用，请向组委会索取新的邀请码',
      ),
    );
    expect(calls('judge.invite.check').map((c) => c.data)).toEqual([{ code: 'ABCD2345' }]);
    expect(container.querySelector('.bind-form-step')).toBeNull();
  });
});

describe('step 2: the profile', () => {
  test('a good code names the contest and offers its fields; missing and wrong fields are explained beside them, nothing sent', async () => {
    const { container } = await open();
    await toForm(container);
    expect(container.querySelector('.bind-contest')?.textContent).toBe('上海区域赛（演示）');
    expect(container.querySelector('.bind-code-shown')?.textContent).toBe('ABCD2345');
    expect([...container.querySelectorAll('.expertise-chip')].map((c) => c.textContent)).toEqual(invite.fields);
    expect(container.querySelector('.conflicts-note')?.textContent).toContain(
      '申报回避单位后，不会被分配这些单位的项目',
    );
    // The name comes from the account.
    expect((await inputIn(container, '.form-field-name')).value).toBe('陈晓燕');

    click(container, '.conflict-name-add');
    type(await inputIn(container, '.conflict-name-row'), '某');
    click(container, '.conflict-code-add');
    type(await inputIn(container, '.conflict-code-row'), '91350100M000100Y44');
    click(container, '.bind-submit');

    await waitFor(() => expect(fieldError(container, '.form-field-organization')).toBe('请填写工作单位'));
    expect(fieldError(container, '.form-field-title')).toBe('请填写职称或职务');
    expect(fieldError(container, '.form-field-expertise')).toBe('请至少选择一个擅长领域');
    expect(fieldError(container, '.conflict-name-row')).toBe('回避单位名称至少 2 个字');
    expect(fieldError(container, '.conflict-code-row')).toBe('统一社会信用代码校验位不正确，请核对');
    expect(fieldError(container, '.form-field-name')).toBeNull();
    expect(container.querySelector('.bind-banner--INVALID_INPUT')?.textContent).toContain('请检查标红的项目');
    expect(calls('judge.bind')).toHaveLength(0);

    // A message follows the typing once shown.
    type(await inputIn(container, '.form-field-organization'), '上海交通大学');
    await waitFor(() => expect(fieldError(container, '.form-field-organization')).toBeNull());
  });

  test('success sends the chosen expertise and conflicts, fetches the judge role and opens the 评审工作台', async () => {
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const view = await open({
      'judge.bind': (req) => {
        view.becomes(judge);
        const data = req.data as { name: string };
        return ok({ contestId: 'demo-sh', contestName: '上海区域赛（演示）', judge: { name: data.name } });
      },
    });
    const { container } = view;
    await toForm(container);

    type(await inputIn(container, '.form-field-organization'), ' 上海交通大学 ');
    type(await inputIn(container, '.form-field-title'), '教授');
    click(container, '.expertise-chip[data-value="生物医药"]');
    click(container, '.expertise-chip[data-value="新一代信息技术"]');
    click(container, '.expertise-chip[data-value="节能环保"]');
    click(container, '.expertise-chip[data-value="节能环保"]');
    expect(container.querySelector('.expertise-chip[data-value="节能环保"]')?.className).not.toContain('--on');
    expect(container.querySelector('.expertise-chip[data-value="生物医药"]')?.className).toContain(
      'expertise-chip--on',
    );

    // Three lines, the middle one left blank and one removed: only what is on screen is sent.
    click(container, '.conflict-name-add');
    click(container, '.conflict-name-add');
    click(container, '.conflict-name-add');
    await waitFor(() => expect(container.querySelectorAll('.conflict-name-row input')).toHaveLength(3));
    const rows = [...container.querySelectorAll('.conflict-name-row input')] as HTMLInputElement[];
    type(rows[0] as HTMLInputElement, '上海测试科技有限公司');
    type(rows[2] as HTMLInputElement, '浦江创投');
    click(container, '.conflict-code-add');
    type(await inputIn(container, '.conflict-code-row'), '9135 0100 M000 100Y43');
    click(container, '.conflict-code-add');
    await waitFor(() => expect(container.querySelectorAll('.conflict-code-row')).toHaveLength(2));
    fireEvent.click(container.querySelectorAll('.conflict-code-remove')[1] as Element);
    await waitFor(() => expect(container.querySelectorAll('.conflict-code-row')).toHaveLength(1));

    const meCallsBefore = calls('auth.me').length;
    click(container, '.bind-submit');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/judge/pages/home/index' }));

    const [bind] = calls('judge.bind');
    expect(bind?.data).toEqual({
      code: 'ABCD2345',
      name: '陈晓燕',
      organization: '上海交通大学',
      title: '教授',
      expertise: ['生物医药', '新一代信息技术'],
      conflicts: { names: ['上海测试科技有限公司', '浦江创投'], creditCodes: ['91350100M000100Y43'] },
    });
    expect(bind?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    // The new role is fetched before the 评审工作台 opens, so it lets the judge in.
    expect(calls('auth.me').length).toBe(meCallsBefore + 1);
  });

  test('the server’s refusals: a line it flags lands beside that line; INVITE_INVALID in the banner with a way back', async () => {
    const answers = [
      {
        json: {
          ok: false,
          error: {
            code: 'CONTENT_RISKY',
            message: '内容含有不适宜的信息，请修改后重试',
            // The second line sent is the third on screen: the blank one in between is not sent.
            details: { 'conflicts.names.1': '回避单位名称含有不适宜的内容' },
          },
        },
      },
      { json: { ok: false, error: { code: 'INVITE_INVALID', message: '该邀请码已过期，请向组委会索取新的邀请码' } } },
    ];
    const { container } = await open({ 'judge.bind': () => answers.shift() ?? new Error('no more answers') });
    await toForm(container);
    type(await inputIn(container, '.form-field-organization'), '上海交通大学');
    type(await inputIn(container, '.form-field-title'), '教授');
    click(container, '.expertise-chip[data-value="节能环保"]');
    click(container, '.conflict-name-add');
    click(container, '.conflict-name-add');
    click(container, '.conflict-name-add');
    await waitFor(() => expect(container.querySelectorAll('.conflict-name-row input')).toHaveLength(3));
    const rows = [...container.querySelectorAll('.conflict-name-row input')] as HTMLInputElement[];
    type(rows[0] as HTMLInputElement, '上海测试科技有限公司');
    type(rows[2] as HTMLInputElement, '某某违规内容');

    click(container, '.bind-submit');
    await waitFor(() =>
      expect(container.querySelectorAll('.conflict-name-row')[2]?.querySelector('.field-error')?.textContent).toBe(
        '回避单位名称含有不适宜的内容',
      ),
    );
    expect(container.querySelectorAll('.conflict-name-row')[0]?.querySelector('.field-error')).toBeNull();
    expect(container.querySelector('.bind-banner--CONTENT_RISKY')?.textContent).toContain('请检查标红的项目');

    type(container.querySelectorAll('.conflict-name-row input')[2] as HTMLInputElement, '浦江创投');
    click(container, '.bind-submit');
    await waitFor(() =>
      expect(container.querySelector('.bind-banner--INVITE_INVALID')?.textContent).toContain(
        '该邀请码已过期，请向组委会索取新的邀请码',
      ),
    );
    // Refused answers end an attempt: each submit is a new request.
    const ids = calls('judge.bind').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);

    click(container, '.bind-banner--INVITE_INVALID .judge-banner__link');
    await waitFor(() => expect(container.querySelector('.bind-code-step')).not.toBeNull());
  });
});

describe('我的', () => {
  test('a signed-in user who is not a judge gets 我是评委：绑定邀请码; a judge and a visitor do not', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    stub = stubFetch({
      actions: {
        'auth.me': () => ok(newcomer),
        'registration.mine': () => ok({ items: [] }),
        'results.objection.mine': () => ok({ items: [] }),
      },
    });
    await act(() => refreshMe());
    const first = render(<MePage />);
    await waitFor(() => expect(first.container.querySelector('.me-judge-bind')).not.toBeNull());
    expect(first.container.querySelector('.me-judge-bind')?.textContent).toContain('我是评委：绑定邀请码');
    click(first.container, '.me-judge-bind');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/judge/pages/bind/index' });
    first.unmount();

    for (const me of [judge, anonymous]) {
      stub.restore();
      stub = stubFetch({
        actions: {
          'auth.me': () => ok(me),
          'registration.mine': () => ok({ items: [] }),
          'results.objection.mine': () => ok({ items: [] }),
        },
      });
      await act(() => refreshMe());
      const view = render(<MePage />);
      await waitFor(() => expect(view.container.querySelector('.me-card')).not.toBeNull());
      expect(view.container.querySelector('.me-judge-bind')).toBeNull();
      if (me === judge) expect(view.container.querySelector('.area-link-judge')).not.toBeNull();
      view.unmount();
    }
  });
});
