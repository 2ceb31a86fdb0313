/** 报名详情 against a stubbed fetch only: every field, timeline, audits, and the three decisions. */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeOutput } from '@core/system/views';
import type { EntryStatus } from '@core/registration/entry-status';
import type { EntryDetail } from '@core/registration/views';
import type { CallRequest } from '@core/wire';
import AdminEntryPage from '../../src/admin/pages/entry/index';
import { refreshMe } from '../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { signedIn } from './support/fixtures';

const organizer = signedIn('组委会秘书处', [{ role: 'organizer', contestId: null, contestName: null }], ['admin']);

function entry(status: EntryStatus = 'submitted', overrides: Partial<EntryDetail> = {}): EntryDetail {
  return {
    id: 'sh-2024:o1',
    contestId: 'sh-2024',
    contestName: '2024年上海赛',
    group: 'enterprise',
    projectName: '工业视觉质检平台',
    orgName: '上海测试科技有限公司',
    field: '新一代信息技术',
    district: '浦东新区',
    status,
    mobileMasked: '138****1234',
    submittedAt: '2024-08-30T16:30:00.000Z',
    similar: { entryId: 'sh-2024:o2', projectName: '智能质检云平台', score: 0.91 },
    form: {
      group: 'enterprise',
      companyName: '上海测试科技有限公司',
      creditCode: '91310115MA1K000011',
      foundedOn: '2018-05-20',
      employees: 35,
      revenue: 1280.5,
      team: '核心团队来自高校。',
      contactName: '张明',
      field: '新一代信息技术',
      district: '浦东新区',
      projectName: '工业视觉质检平台',
      summary: '面向制造业的智能视觉质检平台。',
      highlights: '小样本缺陷检测。',
      mobile: '138****1234',
      email: 'contact@example.com',
      businessPlan: { fileId: 'secret-file-id', name: '商业计划书.pdf', size: 2_400_000 },
    },
    businessPlan: { name: '商业计划书.pdf', size: 2_400_000 },
    history: [{ status: 'submitted', at: '2024-08-30T16:30:00.000Z', reason: null }],
    audits: [],
    ...overrides,
  };
}

let stub: FetchStub | undefined;
beforeEach(() => {
  Object.assign(Taro.getCurrentInstance(), {
    router: { params: { id: 'sh-2024%3Ao1' }, path: '/admin/pages/entry/index' },
  });
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  Object.assign(Taro.getCurrentInstance(), { router: null });
  jest.restoreAllMocks();
});

async function serve(
  me: MeOutput,
  actions: Record<string, (req: CallRequest) => { json: unknown }>,
): Promise<FetchStub> {
  stub = stubFetch({ actions: { 'auth.me': () => ok(me), ...actions } });
  await act(() => refreshMe());
  return stub;
}

function decides(s: FetchStub): CallRequest[] {
  return s.apiCalls().filter((c) => c.action === 'admin.entry.decide');
}

/** Taro's Textarea draws its <textarea> a tick after the dialog opens. */
async function typeReason(container: HTMLElement, text: string): Promise<void> {
  const box = await waitFor(() => {
    const found = container.querySelector('.decision-reason textarea');
    if (!found) throw new Error('reason box not drawn yet');
    return found as HTMLTextAreaElement;
  });
  box.value = text;
  fireEvent.input(box);
}

test('shows every field masked as served, the plan, timeline and the 疑似雷同 hint', async () => {
  await serve(organizer, { 'admin.entry.get': () => ok({ entry: entry() }) });
  const { container } = render(<AdminEntryPage />);
  await waitFor(() => expect(container.querySelector('.entry-detail')).not.toBeNull());
  expect(container.querySelector('.entry-project')?.textContent).toBe('工业视觉质检平台');
  expect(container.querySelector('.entry-status')?.textContent).toBe('已提交');
  const field = (key: string) =>
    container.querySelector(`.entry-field[data-key="${key}"] .entry-field__value`)?.textContent;
  expect(field('creditCode')).toBe('91310115MA1K000011');
  expect(field('mobile')).toBe('138****1234');
  expect(field('revenue')).toBe('1280.5');
  expect(field('summary')).toBe('面向制造业的智能视觉质检平台。');
  // The storage id of the plan is not a field for people.
  expect(container.textContent).not.toContain('secret-file-id');
  expect(container.querySelector('.entry-plan-name')?.textContent).toBe('商业计划书.pdf（2.3 MB）');
  expect(container.querySelector('.entry-similar')?.textContent).toContain('智能质检云平台」相似 91%');
  const steps = [...container.querySelectorAll('.entry-timeline-step')].map((el) => el.className);
  expect(steps[0]).toContain('entry-timeline-step--current');
  expect(steps.slice(1).every((c) => c.includes('--upcoming'))).toBe(true);
  expect(container.querySelector('.entry-audits-empty')).not.toBeNull();
  // A submitted entry may be approved, rejected or disqualified.
  for (const hook of ['.decision-approve', '.decision-reject', '.decision-disqualify']) {
    expect(container.querySelector(hook)).not.toBeNull();
  }
});

test('不通过 without a reason is refused here in Chinese and sends nothing; with one it sends admin.entry.decide', async () => {
  let current = entry('submitted');
  const s = await serve(organizer, {
    'admin.entry.get': () => ok({ entry: current }),
    'admin.entry.decide': (req) => {
      const { reason } = req.data as { reason: string };
      current = entry('rejected', {
        history: [...current.history, { status: 'rejected', at: '2024-09-01T02:00:00.000Z', reason }],
        audits: [
          {
            id: 'a1',
            actorName: '组委会秘书处',
            action: 'reject',
            before: 'submitted',
            after: 'rejected',
            reason,
            at: '2024-09-01T02:00:00.000Z',
          },
        ],
      });
      return ok({ entryId: current.id, status: 'rejected' });
    },
  });
  const { container } = render(<AdminEntryPage />);
  await waitFor(() => expect(container.querySelector('.decision-reject')).not.toBeNull());

  fireEvent.click(container.querySelector('.decision-reject') as Element);
  expect(container.querySelector('.decision-dialog--reject')).not.toBeNull();
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  expect(container.querySelector('.decision-reason-error')?.textContent).toBe('请填写不通过的理由');
  await typeReason(container, '   ');
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  expect(container.querySelector('.decision-reason-error')?.textContent).toBe('请填写不通过的理由');
  await act(() => Promise.resolve());
  expect(decides(s)).toHaveLength(0);

  await typeReason(container, ' 商业计划书与简介不符 ');
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  await waitFor(() => expect(container.querySelector('.entry-status')?.textContent).toBe('资格审核未通过'));
  expect(decides(s)).toHaveLength(1);
  expect(decides(s)[0]).toMatchObject({
    data: { entryId: 'sh-2024:o1', decision: 'reject', reason: '商业计划书与简介不符' },
    requestId: expect.any(String),
  });
  expect(container.querySelector('.reason-dialog')).toBeNull();
  expect(container.querySelector('.decision-done')?.textContent).toContain('资格审核未通过');
  const audit = container.querySelector('.entry-audit') as Element;
  expect(audit.querySelector('.entry-audit-actor')?.textContent).toBe('组委会秘书处');
  expect(audit.querySelector('.entry-audit-at')?.textContent).toBe('2024-09-01 10:00:00');
  expect(audit.querySelector('.entry-audit-change')?.textContent).toBe('资格审核不通过：已提交 → 资格审核未通过');
  expect(audit.querySelector('.entry-audit-reason')?.textContent).toBe('理由：商业计划书与简介不符');
  // Rejected: it may be approved after all, or disqualified, but not rejected twice.
  expect(container.querySelector('.decision-reject')).toBeNull();
  expect(container.querySelector('.decision-approve')).not.toBeNull();
});

test('a decision the server refuses with INVALID_STATE shows its words and reloads the entry', async () => {
  let gets = 0;
  const s = await serve(organizer, {
    'admin.entry.get': () => {
      gets += 1;
      // Another organizer rejected it meanwhile: the second read sees that.
      return ok({ entry: entry(gets === 1 ? 'submitted' : 'disqualified') });
    },
    'admin.entry.decide': () => ({
      json: {
        ok: false,
        error: { code: 'INVALID_STATE', message: '该报名当前为「取消资格」，不能执行「资格审核通过」' },
      },
    }),
  });
  const { container } = render(<AdminEntryPage />);
  await waitFor(() => expect(container.querySelector('.decision-approve')).not.toBeNull());
  fireEvent.click(container.querySelector('.decision-approve') as Element);
  await waitFor(() =>
    expect(container.querySelector('.decision-error')?.textContent).toBe(
      '该报名当前为「取消资格」，不能执行「资格审核通过」',
    ),
  );
  await waitFor(() => expect(container.querySelector('.entry-status')?.textContent).toBe('取消资格'));
  expect(decides(s)[0]?.data).toEqual({ entryId: 'sh-2024:o1', decision: 'approve' });
  expect(container.querySelector('.decision-none')?.textContent).toContain('没有可执行的审核操作');
});

test('取消资格 needs a reason and says it cannot be undone', async () => {
  const s = await serve(organizer, {
    'admin.entry.get': () => ok({ entry: entry('approved') }),
    'admin.entry.decide': () => ok({ entryId: 'sh-2024:o1', status: 'disqualified' }),
  });
  const { container } = render(<AdminEntryPage />);
  await waitFor(() => expect(container.querySelector('.decision-disqualify')).not.toBeNull());
  fireEvent.click(container.querySelector('.decision-disqualify') as Element);
  const dialog = container.querySelector('.decision-dialog--disqualify') as Element;
  expect(dialog.textContent).toContain('不能恢复');
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  expect(container.querySelector('.decision-reason-error')?.textContent).toBe('请填写取消资格的理由');
  await typeReason(container, '经核实，项目材料抄袭他人成果');
  fireEvent.click(container.querySelector('.decision-confirm') as Element);
  await waitFor(() => expect(decides(s)).toHaveLength(1));
  expect(decides(s)[0]?.data).toEqual({
    entryId: 'sh-2024:o1',
    decision: 'disqualify',
    reason: '经核实，项目材料抄袭他人成果',
  });
});

test('查看商业计划书 asks for a short-lived link to this entry’s plan', async () => {
  const opened: string[] = [];
  jest.spyOn(window, 'open').mockImplementation(() => {
    const tab = { closed: false, opener: null, location: { href: '' }, close: () => undefined };
    Object.defineProperty(tab.location, 'href', { set: (url: string) => opened.push(url), get: () => '' });
    return tab as unknown as Window;
  });
  const s = await serve(organizer, {
    'admin.entry.get': () => ok({ entry: entry() }),
    'files.link.get': () => ok({ url: '/files/entries/plan.pdf?sig=abc', expiresAt: '2024-09-01T00:10:00.000Z' }),
  });
  const { container } = render(<AdminEntryPage />);
  await waitFor(() => expect(container.querySelector('.entry-plan-open')).not.toBeNull());
  fireEvent.click(container.querySelector('.entry-plan-open') as Element);
  await waitFor(() => expect(opened).toEqual(['/files/entries/plan.pdf?sig=abc']));
  expect(s.apiCalls().find((c) => c.action === 'files.link.get')?.data).toEqual({
    entryId: 'sh-2024:o1',
    attachment: 'businessPlan',
  });
});
