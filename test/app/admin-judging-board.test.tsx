/**
 * 评审看板: judge progress with bars, 回避 and flagged 偏差; entries complete and the histogram; 评分不足,
 * 回避记录 and 评分差异提醒; 分配评委 and what it did, with 后台分配中 polled until done; 提醒未完成的评委 and its
 * counts, one requestId while its outcome is unknown; 复赛 sessions with place and time saved in Beijing time.
 */
import { render, screen, waitFor } from '@testing-library/react';
import type { RoundView } from '@core/judging/views';
import AdminRoundPage from '../../src/admin/pages/round/index';
import { ok } from './support/fetch-stub';
import {
  ROUND_ID,
  callsOf,
  click,
  confirmModals,
  drawn,
  has,
  fail,
  isDisabled,
  judgeRow,
  progress,
  restore,
  round,
  serve,
  text,
  type,
  wideScreen,
} from './support/admin-judging';

afterEach(restore);

const PATH = '/admin/pages/round/index';

test('judge progress, entries, too few, recusals and flags; the reminder is confirmed and its counts shown', async () => {
  const modal = confirmModals(false, true);
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => ok({ round: round(), sessions: [] }),
      'admin.round.progress': () => ok(progress()),
      'admin.round.remind': () => ok({ sent: 0, refused: 1, failed: 0, judges: 1 }),
    },
  );
  const { container } = render(<AdminRoundPage />);
  await drawn(container, '.round-judge');

  const lagging = container.querySelector('.round-judge[data-judge="j4"]') as HTMLElement;
  expect(lagging.getAttribute('data-behind')).toBe('true');
  expect(text(lagging, '.round-judge-done')).toBe('已评 1/4');
  expect((lagging.querySelector('.round-judge-bar__fill') as HTMLElement).style.width).toBe('25%');
  expect(lagging.querySelector('.round-judge-bias--flagged')?.textContent).toContain('-12.50');
  const done = container.querySelector('.round-judge[data-judge="j1"]') as HTMLElement;
  expect((done.querySelector('.round-judge-bar__fill') as HTMLElement).style.width).toBe('100%');
  expect(done.querySelector('.round-judge-bias--flagged')).toBeNull();
  expect(text(done, '.round-judge-recused')).toBe('回避 0');

  expect(text(container, '.round-entries-complete')).toContain('4/6');
  expect(
    [...container.querySelectorAll('.round-histogram-bar')].map((b) => [
      b.getAttribute('data-scores'),
      b.getAttribute('data-count'),
    ]),
  ).toEqual([
    ['0', '0'],
    ['1', '1'],
    ['2', '1'],
    ['3', '4'],
  ]);
  expect(text(container, '.round-toofew-row[data-entry-id="e-6"]')).toContain('评委 2 位 · 已评 1 个（评委不足）');
  expect(text(container, '.round-recusal[data-entry-id="e-6"]')).toContain('陈晓燕 回避：曾为该企业提供咨询');
  expect(text(container, '.round-recusal[data-entry-id="e-6"]')).toContain('9月2日 14:30');
  expect(text(container, '.round-flag[data-entry-id="e-2"]')).toContain('赵敏 打 52.00 分，中位数 85.00 分');
  expect(text(container, '.round-flag[data-entry-id="e-2"]')).toContain('相差 -33.00 分');

  // Cancelled: nothing sent. Confirmed: sent once, the counts shown.
  click(container, '.round-remind');
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
  expect(callsOf(s, 'admin.round.remind')).toHaveLength(0);
  click(container, '.round-remind');
  await drawn(container, '.round-remind-result');
  expect(text(container, '.round-remind-result')).toBe('已提醒 1 位评委：发送成功 0，未订阅 1，失败 0');
  expect(callsOf(s, 'admin.round.remind').map((c) => c.data)).toEqual([{ roundId: ROUND_ID }]);
});

test('提醒未完成的评委 tapped again after 上一次提交仍在处理中 is the same request; after an answer, a new one', async () => {
  const answers = [
    fail('REQUEST_IN_PROGRESS', '上一次提交仍在处理中，请稍后再试'),
    ok({ sent: 1, refused: 0, failed: 0, judges: 1 }),
    ok({ sent: 0, refused: 1, failed: 0, judges: 1 }),
  ];
  confirmModals();
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => ok({ round: round(), sessions: [] }),
      'admin.round.progress': () => ok(progress()),
      'admin.round.remind': () => answers.shift() ?? fail('INTERNAL', '系统繁忙，请稍后再试'),
    },
  );
  const { container } = render(<AdminRoundPage />);
  await drawn(container, '.round-judge');

  // The first send is still running on the server: the retry must be answered from its record, not sent again.
  click(container, '.round-remind');
  expect(await screen.findByText('上一次提交仍在处理中，请稍后再试')).toBeTruthy();
  click(container, '.round-remind');
  expect(await screen.findByText('已提醒 1 位评委：发送成功 1，未订阅 0，失败 0')).toBeTruthy();
  // Answered: the next tap is a new reminder.
  click(container, '.round-remind');
  expect(await screen.findByText('已提醒 1 位评委：发送成功 0，未订阅 1，失败 0')).toBeTruthy();

  const ids = callsOf(s, 'admin.round.remind').map((c) => c.requestId);
  expect(ids).toHaveLength(3);
  expect(ids[0]).toEqual(expect.any(String));
  expect(ids[1]).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[1]);
});

test('no one behind, or scoring over: the reminder button is off', async () => {
  await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => ok({ round: round(), sessions: [] }),
      'admin.round.progress': () => ok(progress({ judges: [judgeRow()] })),
    },
  );
  const first = render(<AdminRoundPage />);
  await drawn(first.container, '.round-judge');
  expect(isDisabled(first.container.querySelector('.round-remind'))).toBe(true);
  first.unmount();
  restore();

  await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => ok({ round: round({ window: 'closed' }), sessions: [] }),
      'admin.round.progress': () => ok(progress({ round: round({ window: 'closed' }) })),
    },
  );
  const closed = render(<AdminRoundPage />);
  await drawn(closed.container, '.round-remind-closed');
  expect(isDisabled(closed.container.querySelector('.round-remind'))).toBe(true);
});

test('分配评委 shows what it did and the entries short of judges; a background run is polled until done', async () => {
  let state: RoundView['assignProgress'] = null;
  let gets = 0;
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => {
        gets += 1;
        // The third look finds the background run finished.
        if (state?.state === 'running' && gets >= 3) state = { state: 'done', total: 60, done: 60 };
        return ok({ round: round({ assignProgress: state }), sessions: [] });
      },
      'admin.round.progress': () => ok(progress()),
      'admin.round.assign': () => {
        state = { state: 'running', total: 60, done: 20 };
        return ok({
          round: round({ assignProgress: state, updatedAt: '2024-09-05T02:00:00.000Z' }),
          joined: 20,
          added: 40,
          removed: 2,
          short: [{ entryId: 'e-9', projectName: '光谷柔性光伏封装材料', missing: 1 }],
          loads: { min: 6, max: 7 },
          sessions: 0,
        });
      },
    },
  );
  const { container } = render(<AdminRoundPage />);
  await drawn(container, '.round-assign');
  await type(container, '.round-assign-seed', 'demo');
  click(container, '.round-assign');
  await drawn(container, '.round-assign-result');
  expect(text(container, '.round-assign-joined')).toBe('新加入 20 个项目');
  expect(text(container, '.round-assign-added')).toBe('新增分配 40 份');
  expect(text(container, '.round-assign-removed')).toBe('撤销 2 份');
  expect(text(container, '.round-assign-loads')).toBe('每位评委 6 至 7 个项目');
  expect(text(container, '.round-assign-short-row[data-entry-id="e-9"]')).toContain('光谷柔性光伏封装材料：还差 1 位');
  expect(callsOf(s, 'admin.round.assign').map((c) => c.data)).toEqual([{ roundId: ROUND_ID, seed: 'demo' }]);

  await drawn(container, '.round-assign-running');
  expect(text(container, '.round-assign-running')).toContain('后台分配中 20/60');
  expect(isDisabled(container.querySelector('.round-assign'))).toBe(true);
  // Polled every few seconds until the run is done; then the progress is read again.
  await waitFor(() => expect(has(container, '.round-assign-running')).toBe(false), { timeout: 8000 });
  expect(gets).toBeGreaterThanOrEqual(3);
  await waitFor(() => expect(callsOf(s, 'admin.round.progress').length).toBeGreaterThanOrEqual(3));
}, 15000);

test('an assignment refused by the server says why', async () => {
  await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.get': () => ok({ round: round({ assignedAt: null }), sessions: [] }),
      'admin.round.progress': () => ok(progress({ judges: [] })),
      'admin.round.assign': () => fail('INVALID_STATE', '本赛事还没有评委，请先发放邀请码让评委绑定'),
    },
  );
  const { container } = render(<AdminRoundPage />);
  await drawn(container, '.round-judges-empty');
  click(container, '.round-assign');
  await drawn(container, '.round-assign-error');
  expect(text(container, '.round-assign-error')).toBe('本赛事还没有评委，请先发放邀请码让评委绑定');
});

test('复赛 sessions: place and Beijing time saved per session; a wide screen gets the judges table', async () => {
  const undo = wideScreen();
  try {
    const panels = round({ id: 'sh-2024:semifinal', stage: 'semifinal', mode: 'panels', panelCapacity: 3 });
    const session = {
      key: '浦东新区|新一代信息技术|1',
      district: '浦东新区',
      field: '新一代信息技术',
      place: '',
      startsAt: null,
      entryIds: ['e-1', 'e-2', 'e-3'],
      judgeKeys: ['j1', 'j4'],
    };
    const s = await serve(
      PATH,
      { roundId: 'sh-2024:semifinal' },
      {
        'admin.round.get': () => ok({ round: panels, sessions: [session] }),
        'admin.round.progress': () => ok(progress({ round: panels })),
        'admin.session.update': (req) => ok({ session: { ...session, ...(req.data as object) } }),
      },
    );
    const { container } = render(<AdminRoundPage />);
    await drawn(container, 'table.round-judges-table tr.round-judge');
    const row = await drawn(container, '.round-session');
    expect(text(row, '.round-session__head')).toContain('3 个项目 · 评委：王建国、赵敏');
    await type(row, '.round-session-place', '张江科学会堂 3 楼');
    await type(row, 'input.round-session-date', '2024-09-21');
    click(row, '.round-session-save');
    await drawn(row, '.round-session-error');
    expect(text(row, '.round-session-error')).toBe('请同时选择日期和时间，或都留空');
    await type(row, 'input.round-session-time', '09:00');
    click(row, '.round-session-save');
    await drawn(row, '.round-session-saved');
    expect(callsOf(s, 'admin.session.update').map((c) => c.data)).toEqual([
      {
        roundId: 'sh-2024:semifinal',
        key: '浦东新区|新一代信息技术|1',
        place: '张江科学会堂 3 楼',
        startsAt: '2024-09-21T09:00:00+08:00',
      },
    ]);
  } finally {
    undo();
  }
});
