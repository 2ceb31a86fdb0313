/**
 * 评委管理 and 评审轮次: invite codes generated and shown large with the sentence for judges, copied, one
 * requestId across a retry; invites with their status; bound judges; the rounds of a contest with their
 * links and 新建 for stages without one; a contest picked first without ?contestId=; the admin home's link.
 */
import { render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { InviteView, JudgeView } from '@core/judging/views';
import AdminHomePage from '../../src/admin/pages/home/index';
import AdminJudgesPage from '../../src/admin/pages/judges/index';
import AdminRoundsPage from '../../src/admin/pages/rounds/index';
import { ok } from './support/fetch-stub';
import {
  CONTEST_ID,
  SERVER_NOW,
  callsOf,
  choose,
  click,
  drawn,
  has,
  restore,
  round,
  serve,
  text,
  type,
  wideScreen,
} from './support/admin-judging';

afterEach(restore);

function invite(code: string, overrides: Partial<InviteView> = {}): InviteView {
  return {
    code,
    contestId: CONTEST_ID,
    status: 'unused',
    // 2024-09-19 10:00 Beijing time.
    expiresAt: '2024-09-19T02:00:00.000Z',
    usedByName: null,
    usedAt: null,
    createdAt: SERVER_NOW,
    ...overrides,
  };
}

const judge: JudgeView = {
  key: 'j1',
  name: '王建国',
  organization: '复旦大学',
  title: '教授',
  expertise: ['新一代信息技术', '生物医药'],
  conflicts: { names: ['上海星河智能科技有限公司'], creditCodes: [] },
  boundAt: '2024-09-02T02:00:00.000Z',
};

test('generating invites shows the new codes large, copyable, with the sentence for judges', async () => {
  const made = [invite('ABCD2345'), invite('EFGH6789')];
  const invites: InviteView[] = [
    invite('USED2345', { status: 'used', usedByName: '王建国', usedAt: '2024-09-02T02:00:00.000Z' }),
    invite('OLDX2345', { status: 'expired', expiresAt: '2024-09-01T02:00:00.000Z' }),
  ];
  const answers: Array<{ json: unknown } | Error> = [new TypeError('Failed to fetch')];
  const s = await serve(
    '/admin/pages/judges/index',
    { contestId: CONTEST_ID },
    {
      'admin.judge.list': () => ok({ judges: [judge], invites }),
      'admin.judge.invite': () => {
        const answer = answers.shift();
        if (answer) return answer;
        invites.unshift(...made);
        return ok({ invites: made });
      },
    },
  );
  const copied: string[] = [];
  jest.spyOn(Taro, 'setClipboardData').mockImplementation(((option: { data: string }) => {
    copied.push(option.data);
    return Promise.resolve({ errMsg: 'setClipboardData:ok' });
  }) as unknown as typeof Taro.setClipboardData);

  const { container } = render(<AdminJudgesPage />);
  await drawn(container, '.judges-invite-row');
  expect(text(container, '.judges-invite-row[data-code="USED2345"] .judges-invite-status')).toBe('已使用（王建国）');
  expect(text(container, '.judges-invite-row[data-code="OLDX2345"] .judges-invite-status')).toBe('已过期');
  expect(text(container, '.judges-row[data-judge="j1"] .judges-org')).toBe('复旦大学');
  expect(text(container, '.judges-row[data-judge="j1"] .judges-conflicts')).toContain('上海星河智能科技有限公司');
  expect(text(container, '.judges-row[data-judge="j1"] .judges-expertise')).toContain('生物医药');

  await type(container, '.judges-invite-count', '2');
  await type(container, '.judges-invite-days', '14');
  click(container, '.judges-invite');
  await drawn(container, '.judges-invite-error');
  expect(text(container, '.judges-invite-error')).toContain('再次点击不会重复生成');
  expect(container.querySelector('.judges-new')).toBeNull();
  click(container, '.judges-invite');
  await drawn(container, '.judges-new');

  expect([...container.querySelectorAll('.judges-new-code')].map((c) => c.textContent)).toEqual([
    'ABCD2345',
    'EFGH6789',
  ]);
  expect(text(container, '.judges-new-message')).toContain('在小程序「我的 → 我是评委：绑定邀请码」中输入');
  expect(text(container, '.judges-new-message')).toContain('2024年9月19日 10:00前有效');
  const calls = callsOf(s, 'admin.judge.invite');
  expect(calls.map((c) => c.data)).toEqual([
    { contestId: CONTEST_ID, count: 2, validDays: 14 },
    { contestId: CONTEST_ID, count: 2, validDays: 14 },
  ]);
  expect(calls[1]?.requestId).toBe(calls[0]?.requestId);
  // The list shows the new codes as 未使用 after the reload.
  await drawn(container, '.judges-invite-row[data-code="ABCD2345"]');
  expect(text(container, '.judges-invite-row[data-code="ABCD2345"] .judges-invite-status')).toBe('未使用');

  click(container, '.judges-new-copy');
  await drawn(container, '.judges-copied');
  expect(copied[0]).toContain('邀请码 ABCD2345');
  click(container, '.judges-new-copy-all');
  await waitFor(() => expect(copied).toHaveLength(2));
  expect(copied[1]).toContain('ABCD2345\nEFGH6789');
  expect(copied[1]).toContain('我是评委：绑定邀请码');

  choose(container, 'judges-invite-filter', 'expired');
  expect([...container.querySelectorAll('.judges-invite-row')].map((r) => r.getAttribute('data-code'))).toEqual([
    'OLDX2345',
  ]);
});

test('a count out of range is refused beside the box, nothing is sent', async () => {
  const s = await serve(
    '/admin/pages/judges/index',
    { contestId: CONTEST_ID },
    {
      'admin.judge.list': () => ok({ judges: [], invites: [] }),
    },
  );
  const { container } = render(<AdminJudgesPage />);
  await drawn(container, '.judges-invite');
  expect(text(container, '.judges-empty')).toContain('还没有评委绑定');
  await type(container, '.judges-invite-count', '101');
  click(container, '.judges-invite');
  await waitFor(() => expect(text(container, '.field-error[data-for="count"]')).toBe('一次最多 100 个'));
  expect(callsOf(s, 'admin.judge.invite')).toHaveLength(0);
});

test('on a wide screen the judges are a table', async () => {
  const undo = wideScreen();
  try {
    await serve(
      '/admin/pages/judges/index',
      { contestId: CONTEST_ID },
      {
        'admin.judge.list': () => ok({ judges: [judge], invites: [invite('ABCD2345')] }),
      },
    );
    const { container } = render(<AdminJudgesPage />);
    await drawn(container, 'table.judges-table');
    expect(container.querySelector('tr.judges-row .judges-title')?.textContent).toBe('教授');
    expect(container.querySelector('table.judges-invites-table tr.judges-invite-row')).not.toBeNull();
  } finally {
    undo();
  }
});

test('评审轮次 lists the rounds with their links, 新建 for a stage without one, after picking a contest', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const s = await serve(
    '/admin/pages/rounds/index',
    {},
    {
      'admin.round.list': () =>
        ok({
          rounds: [
            round({
              status: 'advanced',
              advancement: { at: SERVER_NOW, rule: { kind: 'top', n: 3 }, admitted: 3, listId: 'l' },
            }),
            round({ id: `${CONTEST_ID}:final`, stage: 'final', name: '决赛现场评审', window: 'upcoming' }),
          ],
        }),
    },
  );
  const { container } = render(<AdminRoundsPage />);
  await drawn(container, '.rounds-pick-hint');
  expect(callsOf(s, 'admin.round.list')).toHaveLength(0);
  choose(container, 'rounds-contest', CONTEST_ID);
  await drawn(container, '.rounds-stage[data-stage="preliminary"]');

  const pre = container.querySelector('.rounds-stage[data-stage="preliminary"]') as HTMLElement;
  expect(pre.getAttribute('data-exists')).toBe('true');
  expect(text(pre, '.rounds-state')).toBe('已确认晋级');
  expect(text(pre, '.rounds-window')).toContain('2024-09-01 00:00 至 2024-09-15 23:59');
  expect(text(pre, '.rounds-outcome')).toContain('按前 3 名确认 3 个项目晋级复赛');
  expect(pre.querySelector('.rounds-awards')).toBeNull();
  const semi = container.querySelector('.rounds-stage[data-stage="semifinal"]') as HTMLElement;
  expect(semi.getAttribute('data-exists')).toBe('false');
  const final = container.querySelector('.rounds-stage[data-stage="final"]') as HTMLElement;
  expect(text(final, '.rounds-state')).toBe('未开始');

  click(semi, '.rounds-new');
  click(pre, '.rounds-board');
  click(pre, '.rounds-ranking');
  click(pre, '.rounds-edit');
  click(final, '.rounds-awards');
  click(container, '.rounds-judges-link');
  click(container, '.rounds-audit-link');
  expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
    '/admin/pages/round-edit/index?contestId=sh-2024&stage=semifinal',
    '/admin/pages/round/index?roundId=sh-2024%3Apreliminary',
    '/admin/pages/ranking/index?roundId=sh-2024%3Apreliminary',
    '/admin/pages/round-edit/index?contestId=sh-2024&stage=preliminary',
    '/admin/pages/awards/index?roundId=sh-2024%3Afinal',
    '/admin/pages/judges/index?contestId=sh-2024',
    '/admin/pages/audit/index?contestId=sh-2024',
  ]);
});

test('the admin home opens 评审管理 for the chosen contest, and each contest card has 评审', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const s = await serve(
    '/admin/pages/home/index',
    {},
    {
      'system.health': () => ok({ status: 'ok', time: SERVER_NOW, runtime: 'local', version: 't' }),
      'admin.system.status': () => ok({ counts: { users: 1, roles: 1, contests: 1, requests: 0, jobs: 0 }, jobs: [] }),
      'admin.entry.stats': () => ok({ total: 0, byStatus: [], byGroup: [], byField: [], byDistrict: [], byDay: [] }),
    },
  );
  const { container } = render(<AdminHomePage />);
  await drawn(container, '.admin-link-judging');
  expect(text(container, '.admin-link-judging')).toContain('评审轮次、评委、排名晋级与评奖');
  click(container, '.admin-link-judging');
  click(container, '.contest-card .contest-judging');
  choose(container, 'stats-contest', CONTEST_ID);
  click(container, '.admin-link-judging');
  expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
    '/admin/pages/rounds/index',
    '/admin/pages/rounds/index?contestId=sh-2024',
    '/admin/pages/rounds/index?contestId=sh-2024',
  ]);
  // The stats of the chosen contest arrive before the test ends.
  await waitFor(() => expect(callsOf(s, 'admin.entry.stats')).toHaveLength(2));
  await waitFor(() => expect(has(container, '.admin-stats__body--loading')).toBe(false));
});
