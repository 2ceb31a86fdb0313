/**
 * 报名 against a stubbed fetch only: real callCloud, schemas from core, autosave timers, Taro storage.
 * The contest is open by the server's clock (SERVER_NOW) although the test machine's date is later.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import type { MyEntry } from '@core/registration/views';
import type { CallRequest } from '@core/wire';
import RegisterPage from '../../src/entrant/pages/register/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { anonymous, signedIn } from './support/fixtures';
import { contestDetail, myEntry, SERVER_NOW } from './support/registration';

const entrant = signedIn('参赛者甲', [{ role: 'entrant', contestId: null, contestName: null }], ['entrant']);

type Handler = (req: CallRequest) => { json: unknown } | Error;

let stub: FetchStub | undefined;
beforeEach(() => {
  window.localStorage.clear();
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  jest.useRealTimers();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

async function openRegister(
  entries: MyEntry[],
  actions: Record<string, Handler> = {},
  params: Record<string, string> = { contestId: 'demo-sh', group: 'enterprise' },
  me: MeOutput = entrant,
  paths: Parameters<typeof stubFetch>[0]['paths'] = {},
) {
  Object.assign(Taro.getCurrentInstance(), { router: { params, path: '/entrant/pages/register/index' } });
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(me),
      'contest.get': () => ok({ contest: contestDetail(), now: SERVER_NOW }),
      'registration.mine': () => ok({ items: entries }),
      'registration.draft.save': () => ok({ entryId: 'e-1', savedAt: '2024-08-30T01:02:00.000Z', status: 'draft' }),
      ...actions,
    },
    paths,
  });
  await act(() => refreshMe());
  const view = render(<RegisterPage />);
  if (me.user !== null) await waitFor(() => expect(view.container.querySelector('.register-form')).not.toBeNull());
  return view;
}

/** Taro draws the <input> inside its element a tick after the element itself. */
async function control(container: HTMLElement, name: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`.form-field-${name} input, .form-field-${name} textarea`);
    if (!found) throw new Error(`no control for ${name} yet`);
    return found as HTMLInputElement;
  });
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  fireEvent.input(input);
}

function fieldError(container: HTMLElement, name: string): string | null {
  return container.querySelector(`.form-field-${name} .field-error`)?.textContent ?? null;
}

function calls(action: string): CallRequest[] {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === action);
}

async function settle(): Promise<void> {
  // Let fetch-stub promises and the state updates after them run.
  for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
}

describe('validation beside the field', () => {
  test('a wrong credit code is explained in Chinese when the field is left, and cleared once fixed', async () => {
    const { container } = await openRegister([]);
    const creditCode = await control(container, 'creditCode');

    type(creditCode, '91350100M000100Y44');
    // Not while typing a field never left…
    expect(fieldError(container, 'creditCode')).toBeNull();
    fireEvent.blur(creditCode);
    await waitFor(() => expect(fieldError(container, 'creditCode')).toBe('统一社会信用代码校验位不正确，请核对'));
    expect(container.querySelector('.form-field-creditCode')?.className).toContain('form-field--error');

    // …but a message already shown follows the typing.
    type(creditCode, '91350100M000100Y43');
    await waitFor(() => expect(fieldError(container, 'creditCode')).toBeNull());
  });

  test('submit checks every field at once and sends nothing while any is wrong', async () => {
    const { container } = await openRegister([]);
    type(await control(container, 'creditCode'), '9135 0100 M000 100Y4Z');
    fireEvent.click(container.querySelector('.register-submit') as Element);

    await waitFor(() =>
      expect(fieldError(container, 'creditCode')).toBe('统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）'),
    );
    expect(fieldError(container, 'companyName')).toBe('请填写企业名称');
    expect(fieldError(container, 'employees')).toBe('请填写员工人数');
    expect(fieldError(container, 'district')).toBe('请填写所在区');
    expect(fieldError(container, 'businessPlan')).toBe('请上传商业计划书');
    expect(container.querySelector('.register-banner')?.textContent).toContain('请检查标红的项目');
    expect(calls('registration.submit')).toHaveLength(0);
  });
});

describe('server answers', () => {
  test('details keyed form.creditCode and businessPlan.fileId land beside their fields; DUPLICATE_ENTRY in the banner', async () => {
    const answers: Array<{ json: unknown } | Error> = [
      {
        json: {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: '填写的内容有误，请检查后重试',
            details: {
              'form.creditCode': '统一社会信用代码校验位不正确，请核对',
              'businessPlan.fileId': '请重新上传商业计划书',
            },
          },
        },
      },
      {
        json: {
          ok: false,
          error: {
            code: 'DUPLICATE_ENTRY',
            message: '该企业或创客已报名本届大赛的「数字经济专题赛（演示）」，同一届只能报名一项赛事',
            details: { contestId: 'demo-digital', contestName: '数字经济专题赛（演示）' },
          },
        },
      },
      new TypeError('Failed to fetch'),
      ok({ entryId: 'e-1', status: 'submitted', submittedAt: SERVER_NOW }),
    ];
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { container } = await openRegister([myEntry()], {
      'registration.submit': () => answers.shift() ?? new Error('no more answers'),
    });
    const submit = () => fireEvent.click(container.querySelector('.register-submit') as Element);

    submit();
    await waitFor(() => expect(fieldError(container, 'creditCode')).toBe('统一社会信用代码校验位不正确，请核对'));
    expect(fieldError(container, 'businessPlan')).toBe('请重新上传商业计划书');
    expect(container.querySelector('.register-banner')?.textContent).toContain('填写的内容有误');

    submit();
    await waitFor(() =>
      expect(container.querySelector('.register-banner--DUPLICATE_ENTRY')?.textContent).toContain(
        '该企业或创客已报名本届大赛的「数字经济专题赛（演示）」，同一届只能报名一项赛事',
      ),
    );

    // No answer at all: the retry is the same attempt, with the same requestId.
    submit();
    await waitFor(() => expect(container.querySelector('.register-banner--NETWORK')).not.toBeNull());
    submit();
    await waitFor(() =>
      expect(redirectTo).toHaveBeenCalledWith({ url: '/entrant/pages/entry/index?contestId=demo-sh' }),
    );

    const sent = calls('registration.submit');
    expect(sent).toHaveLength(4);
    const ids = sent.map((c) => c.requestId);
    // An answered refusal ends an attempt (the server keeps its answer per id); a lost call does not.
    expect(new Set(ids.slice(0, 3)).size).toBe(3);
    expect(ids[3]).toBe(ids[2]);
    expect(sent[0]?.data).toMatchObject({
      contestId: 'demo-sh',
      form: { group: 'enterprise', creditCode: '91350100M000100Y43', employees: 35 },
    });
  });
});

describe('drafts', () => {
  test('typing saves one draft ~800 ms after it stops, and says when', async () => {
    const { container } = await openRegister([]);
    const name = await control(container, 'companyName');
    jest.useFakeTimers();

    type(name, '上');
    act(() => void jest.advanceTimersByTime(300));
    type(name, '上海');
    act(() => void jest.advanceTimersByTime(300));
    type(name, '上海测试科技');
    act(() => void jest.advanceTimersByTime(799));
    await settle();
    expect(calls('registration.draft.save')).toHaveLength(0);

    act(() => void jest.advanceTimersByTime(1));
    await settle();
    const saves = calls('registration.draft.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.data).toMatchObject({
      contestId: 'demo-sh',
      form: { group: 'enterprise', companyName: '上海测试科技' },
    });
    expect(saves[0]?.requestId).toBeDefined();
    // 01:02 UTC is 09:02 in Shanghai.
    await waitFor(() => expect(container.querySelector('.save-state')?.textContent).toBe('已保存 09:02'));

    act(() => void jest.advanceTimersByTime(10_000));
    await settle();
    expect(calls('registration.draft.save')).toHaveLength(1);
  });

  test('a submitted entry is edited with 提交修改 and never autosaved', async () => {
    const { container } = await openRegister([
      myEntry({ status: 'submitted', submittedAt: '2024-08-29T03:00:00.000Z', updatedAt: '2024-08-29T03:00:00.000Z' }),
    ]);
    expect(container.querySelector('.register-submit')?.textContent).toBe('提交修改');
    const name = await control(container, 'companyName');
    expect(name.value).toBe('上海测试科技有限公司');
    jest.useFakeTimers();
    type(name, '上海测试科技股份有限公司');
    act(() => void jest.advanceTimersByTime(5000));
    await settle();
    expect(calls('registration.draft.save')).toHaveLength(0);
    expect(container.querySelector('.save-state')?.textContent).toContain('不会自动保存');
  });

  test('the draft from registration.mine is restored into the form', async () => {
    const { container } = await openRegister([myEntry()], {}, { contestId: 'demo-sh' });
    expect((await control(container, 'companyName')).value).toBe('上海测试科技有限公司');
    expect((await control(container, 'creditCode')).value).toBe('91350100M000100Y43');
    expect((await control(container, 'employees')).value).toBe('35');
    expect((container.querySelector('.form-field-district select') as HTMLSelectElement).value).toBe('浦东新区');
    expect((container.querySelector('.form-field-foundedOn input') as HTMLInputElement).value).toBe('2020-05-01');
    expect(container.querySelector('.form-field-summary .form-counter')?.textContent).toBe('15/500');
    expect(container.querySelector('.upload-plan-name')?.textContent).toContain('商业计划书.pdf');
    // 02:00 UTC: the cloud's save time, in Shanghai.
    expect(container.querySelector('.save-state')?.textContent).toBe('已保存 10:00');
  });

  test('an unsent local copy newer than the cloud draft wins, and is sent', async () => {
    const offline: Handler = () => new TypeError('Failed to fetch');
    const first = await openRegister([myEntry()], { 'registration.draft.save': offline });
    type(await control(first.container, 'projectName'), '离线时改的项目名');
    // Leaving the page saves at once; the network is down, so only the local copy has it.
    first.unmount();
    await settle();
    expect(calls('registration.draft.save')).toHaveLength(1);
    stub?.restore();

    const second = await openRegister([myEntry()]);
    expect((await control(second.container, 'projectName')).value).toBe('离线时改的项目名');
    expect(second.container.querySelector('.draft-restored')).not.toBeNull();
    await waitFor(() => expect(calls('registration.draft.save')).toHaveLength(1));
    expect(calls('registration.draft.save')[0]?.data).toMatchObject({ form: { projectName: '离线时改的项目名' } });
  });

  test('a maker with a stored ID number sees only the mask and submits without it', async () => {
    const maker = myEntry({
      group: 'maker',
      form: {
        group: 'maker',
        leaderName: '李娜',
        idMasked: '1101**********002X',
        members: [{ name: '王五', role: '技术负责人' }],
        district: '徐汇区',
        field: '节能环保',
        projectName: '社区养老数字平台',
        summary: '为社区老人提供健康监测。',
        highlights: '低成本传感器。',
        mobile: '13912345678',
        email: 'lina@example.com',
        businessPlan: { fileId: 'local://entries/e-1/plan-1.pdf', name: '计划书.pdf', size: 1024 },
      },
    });
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { container } = await openRegister([maker], {
      'registration.submit': () => ok({ entryId: 'e-1', status: 'submitted', submittedAt: SERVER_NOW }),
    });
    // The member's name is in the box once Taro has drawn the <input> inside its element (see control):
    // the form being there is not enough.
    await waitFor(() =>
      expect((container.querySelector('.member-row-0 .member-name input') as HTMLInputElement | null)?.value).toBe(
        '王五',
      ),
    );
    expect(container.querySelector('.id-masked')?.textContent).toContain('已填写 1101**********002X');
    // No ID box at all, not one Taro has yet to draw: its element (.form-input) is there from the first render.
    expect(container.querySelector('.form-field-idNumber .form-input')).toBeNull();
    expect(container.querySelector('.form-field-idNumber input')).toBeNull();

    fireEvent.click(container.querySelector('.register-submit') as Element);
    await waitFor(() => expect(calls('registration.submit')).toHaveLength(1));
    const form = (calls('registration.submit')[0]?.data as { form: Record<string, unknown> }).form;
    expect(form).not.toHaveProperty('idNumber');
    expect(form).toMatchObject({ group: 'maker', leaderName: '李娜', members: [{ name: '王五', role: '技术负责人' }] });

    // 重新填写 asks for the number again.
    fireEvent.click(container.querySelector('.id-reenter') as Element);
    await control(container, 'idNumber');
  });
});

describe('subscription at submit', () => {
  test('提交报名 asks for 审核结果 / 晋级 / 获奖 in the tap and reports the accepts before leaving', async () => {
    // The local cloud's stand-in of WeChat's prompt needs the dev sign-in token.
    Taro.setStorageSync('chuangke.devToken', 'token-entrant');
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const ids = { reviewResult: 't-review', advancement: 't-advance', award: 't-award' };
    const { container } = await openRegister(
      [myEntry({ status: 'draft' })],
      {
        'notify.template.list': () => ok({ templates: { ...ids, judgeTask: null, announcement: 't-announce' } }),
        'registration.submit': () => ok({ entryId: 'e-1', status: 'submitted', submittedAt: SERVER_NOW }),
        'notify.subscription.record': () => ok({ credits: [] }),
      },
      undefined,
      undefined,
      {
        'POST /dev/subscribe': (request) => ({
          json: Object.fromEntries(
            ((request.body as { templateIds: string[] }).templateIds ?? []).map((id) => [id, 'accept']),
          ),
        }),
      },
    );
    await waitFor(() => expect(calls('notify.template.list')).toHaveLength(1));
    await settle();
    fireEvent.click(container.querySelector('.register-submit') as Element);
    // Asked at once, inside the tap, with nothing awaited before it.
    const subscribeCalls = () => stub?.calls.filter((c) => c.url === '/dev/subscribe') ?? [];
    expect(subscribeCalls().map((c) => c.body)).toEqual([{ templateIds: ['t-review', 't-advance', 't-award'] }]);
    await waitFor(() => expect(redirect).toHaveBeenCalled());
    expect(calls('registration.submit')).toHaveLength(1);
    expect(calls('notify.subscription.record').map((c) => c.data)).toEqual([
      {
        results: [
          { templateId: 't-review', result: 'accept' },
          { templateId: 't-advance', result: 'accept' },
          { templateId: 't-award', result: 'accept' },
        ],
      },
    ]);
  });
});

describe('upload on the form', () => {
  test('a 21 MB file is refused beside the field before anything is asked of the server', async () => {
    const { container } = await openRegister([]);
    const input = container.querySelector('.upload-plan-input') as HTMLInputElement;
    const big = new File([new Uint8Array(21 * 1024 * 1024)], '商业计划书.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() =>
      expect(fieldError(container, 'businessPlan')).toBe('商业计划书不能超过 20 MB（所选文件 21.0 MB）'),
    );
    expect(calls('files.upload.prepare')).toHaveLength(0);
  });

  test('a PDF is PUT to the signed link with progress, and the form keeps {fileId, name, size}', async () => {
    const sent: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> = [];
    class FakeXhr {
      upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
        onprogress: null,
      };
      status = 0;
      responseText = '';
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      ontimeout: (() => void) | null = null;
      private request = { method: '', url: '', headers: {} as Record<string, string> };
      open(method: string, url: string) {
        this.request.method = method;
        this.request.url = url;
      }
      setRequestHeader(name: string, value: string) {
        this.request.headers[name] = value;
      }
      send(body: unknown) {
        sent.push({ ...this.request, body });
        setTimeout(() => {
          this.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 8 });
          this.status = 200;
          this.responseText = JSON.stringify({ ok: true, data: { fileId: 'local://entries/e-1/plan-x.pdf', size: 8 } });
          this.onload?.();
        }, 0);
      }
    }
    const previous = globalThis.XMLHttpRequest;
    Object.assign(globalThis, { XMLHttpRequest: FakeXhr });
    try {
      const { container } = await openRegister([], {
        'files.upload.prepare': () =>
          ok({
            target: { kind: 'http', url: 'http://127.0.0.1:10086/upload/entries/e-1/plan-x.pdf?sig=1', method: 'PUT' },
            path: 'entries/e-1/plan-x.pdf',
            maxBytes: 20 * 1024 * 1024,
          }),
      });
      const pdf = new File(['%PDF-1.4'], '计划书.PDF', { type: 'application/pdf' });
      fireEvent.change(container.querySelector('.upload-plan-input') as HTMLInputElement, { target: { files: [pdf] } });
      await waitFor(() => expect(container.querySelector('.upload-plan-name')?.textContent).toContain('计划书.PDF'));
      expect(calls('files.upload.prepare')[0]?.data).toEqual({
        contestId: 'demo-sh',
        purpose: 'businessPlan',
        fileName: '计划书.PDF',
        contentType: 'application/pdf',
        size: 8,
      });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        method: 'PUT',
        url: 'http://127.0.0.1:10086/upload/entries/e-1/plan-x.pdf?sig=1',
        headers: { 'content-type': 'application/pdf' },
      });
      expect(sent[0]?.body).toBe(pdf);
      // The plan goes into the draft like any other field.
      await waitFor(() => expect(calls('registration.draft.save')).toHaveLength(1), { timeout: 2000 });
      expect(calls('registration.draft.save')[0]?.data).toMatchObject({
        form: { businessPlan: { fileId: 'local://entries/e-1/plan-x.pdf', name: '计划书.PDF', size: 8 } },
      });
    } finally {
      Object.assign(globalThis, { XMLHttpRequest: previous });
    }
  });
});

test('a visitor on H5 is told to sign in, with the way there, and no entrant action is called', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const { container } = await openRegister([], {}, undefined, anonymous);
  await waitFor(() => expect(container.querySelector('.page-forbidden-message')?.textContent).toBe('请先登录后再报名'));
  fireEvent.click(container.querySelector('.page-forbidden-action') as Element);
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  expect(calls('registration.mine')).toHaveLength(0);
});
