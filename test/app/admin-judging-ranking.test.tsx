/**
 * 排名与晋级: the ranking with 并列, filters and paging; the cut-off preview with a tie straddling it, the
 * confirm held back until the tie is resolved (exactly the open number, or all), advance with the preview's
 * fingerprint and the chosen ids under one requestId across a retry, CUTOFF_CHANGED, and the result.
 */
import { render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CutoffView } from '@core/judging/views';
import { admitWholeTie, allTiesResolved, chosenEntries, toggleTied } from '../../src/admin/lib/cutoff-choice';
import AdminRankingPage from '../../src/admin/pages/ranking/index';
import { ok } from './support/fetch-stub';
import {
  ROUND_ID,
  callsOf,
  choose,
  click,
  confirmModals,
  cutoffEntry,
  drawn,
  has,
  fail,
  isDisabled,
  rankingRow,
  restore,
  round,
  serve,
  text,
  type,
  wideScreen,
} from './support/admin-judging';

afterEach(restore);

const PATH = '/admin/pages/ranking/index';

/** 名额按项目数占比, 2 slots: 生物医药 admits e-2; in 新一代信息技术 e-1 and e-3 tie for its one slot. */
function preview(fingerprint = 'fp-1'): CutoffView {
  const tied = [
    cutoffEntry(1, { scopeRank: 1, aggregate: '88.00' }),
    cutoffEntry(3, { scopeRank: 1, aggregate: '88.00' }),
  ];
  return {
    rule: { kind: 'proportional', n: 2 },
    fingerprint,
    scopes: [
      {
        scope: '生物医药',
        label: '生物医药',
        kind: 'field',
        entries: 3,
        slots: 1,
        quota: '1.00',
        admitted: 1,
        straddling: [],
        open: 0,
      },
      {
        scope: '新一代信息技术',
        label: '新一代信息技术',
        kind: 'field',
        entries: 3,
        slots: 1,
        quota: '1.00',
        admitted: 0,
        straddling: tied,
        open: 1,
      },
    ],
    admitted: [cutoffEntry(2, { field: '生物医药', aggregate: '90.00' })],
    straddling: tied,
    out: [cutoffEntry(5), cutoffEntry(4, { field: '生物医药' })],
    outCount: 3,
    unscored: [cutoffEntry(7, { aggregate: null })],
    shortOfScores: 0,
    next: { status: 'semifinalist', listKind: 'preliminary' },
  };
}

describe('resolving a straddling tie', () => {
  const p = preview();
  const scope = p.scopes[1]!;
  test('no more than the open number can be picked, unless the whole tie is admitted', () => {
    let choices = toggleTied({}, scope, 'e-3', true);
    expect(allTiesResolved(p, choices)).toBe(true);
    choices = toggleTied(choices, scope, 'e-1', true);
    expect(chosenEntries(p, choices)).toEqual(['e-3']);
    choices = admitWholeTie(choices, scope, true);
    expect(chosenEntries(p, choices)).toEqual(['e-1', 'e-3']);
    expect(allTiesResolved(p, admitWholeTie(choices, scope, false))).toBe(false);
  });
});

test('the ranking shows 并列 on ties, the scores and criterion means; filters re-rank within the group', async () => {
  const rows = [
    rankingRow(1, { entryId: 'e-2', projectName: '云帆数据中台', rank: 1, aggregate: '90.00' }),
    rankingRow(2, {
      entryId: 'e-1',
      projectName: '星河视觉质检',
      rank: 2,
      tied: true,
      aggregate: '88.00',
      groupRank: 1,
    }),
    rankingRow(3, {
      entryId: 'e-3',
      projectName: '知行关节模组',
      rank: 2,
      tied: true,
      aggregate: '88.00',
      groupRank: 1,
      groupTied: true,
    }),
    rankingRow(4, {
      entryId: 'e-7',
      projectName: '未评分项目',
      rank: 4,
      tied: true,
      scoreCount: 0,
      aggregate: null,
      trimmed: null,
      median: null,
      criteria: {},
    }),
  ];
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.ranking': (req) => {
        const { page } = req.data as { page: number };
        return ok({ round: round(), rows, total: 120, page, pageSize: 50 });
      },
    },
  );
  const { container } = render(<AdminRankingPage />);
  await drawn(container, '.ranking-row');
  const row = (id: string) => container.querySelector(`.ranking-row[data-entry-id="${id}"]`) as HTMLElement;
  expect(row('e-2').querySelector('.ranking-tied')).toBeNull();
  expect(text(row('e-1'), '.ranking-rank')).toBe('2');
  expect(text(row('e-1'), '.ranking-tied')).toBe('并列');
  expect(text(row('e-3'), '.ranking-tied')).toBe('并列');
  expect(text(row('e-1'), '.ranking-aggregate')).toBe('88.00');
  expect(text(row('e-1'), '.ranking-criterion[data-key="innovation"]')).toContain('26.00');
  // Unscored entries share the last rank, shown without a number.
  expect(text(row('e-7'), '.ranking-rank')).toBe('—');
  expect(row('e-7').querySelector('.ranking-tied')).toBeNull();

  click(container, '.ranking-next');
  await waitFor(() => expect(callsOf(s, 'admin.round.ranking').at(-1)?.data).toMatchObject({ page: 2 }));
  choose(container, 'ranking-filter-group', 'enterprise');
  await waitFor(() =>
    expect(callsOf(s, 'admin.round.ranking').at(-1)?.data).toEqual({
      roundId: ROUND_ID,
      group: 'enterprise',
      page: 1,
      pageSize: 50,
    }),
  );
  // Within 企业组 the group's rank counts: e-1 is 1st and not tied there, e-3 is.
  await waitFor(() => expect(text(row('e-1'), '.ranking-rank')).toBe('1'));
  expect(row('e-1').querySelector('.ranking-tied')).toBeNull();
  expect(text(row('e-3'), '.ranking-tied')).toBe('并列');
});

test('a wide screen gets the table with a column per criterion', async () => {
  const undo = wideScreen();
  try {
    await serve(
      PATH,
      { roundId: ROUND_ID },
      {
        'admin.round.ranking': () => ok({ round: round(), rows: [rankingRow(1)], total: 1, page: 1, pageSize: 50 }),
      },
    );
    const { container } = render(<AdminRankingPage />);
    await drawn(container, 'table.ranking-table tr.ranking-row');
    expect(container.querySelectorAll('table.ranking-table th').length).toBe(7 + 5);
  } finally {
    undo();
  }
});

test('advancing while scoring is unfinished warns with the counts and needs a second confirmation; ranks name their field', async () => {
  // The first modal (评分尚未完成) is turned down, then accepted; the second is the usual confirm.
  const modal = confirmModals(false, true, true);
  const unfinished: CutoffView = { ...preview('fp-1'), straddling: [], scopes: [], shortOfScores: 4 };
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.ranking': () =>
        ok({ round: round({ window: 'open' }), rows: [rankingRow(1)], total: 1, page: 1, pageSize: 50 }),
      'admin.round.cutoff': () => ok({ round: round({ window: 'open' }), preview: unfinished }),
      'admin.round.advance': () => fail('INTERNAL', '系统繁忙，请稍后再试'),
    },
  );
  const { container } = render(<AdminRankingPage />);
  await drawn(container, '.cutoff-card');
  click(container, '.cutoff-rule-proportional');
  await type(container, '.cutoff-n', '2');
  click(container, '.cutoff-preview-run');
  await drawn(container, '.cutoff-preview');
  const k = round().judgesPerEntry;
  expect(text(container, '.cutoff-unfinished')).toContain(`4 个项目的评分不足 ${k} 份，评分窗口仍开放`);
  // 按项目数占比: a rank below the line says in which field it counts.
  const out = container.querySelector('.cutoff-out-row[data-entry-id="e-4"]') as HTMLElement;
  expect(text(out, '.cutoff-list__meta')).toContain('生物医药第 ');

  click(container, '.cutoff-confirm');
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
  expect(modal.mock.calls[0]?.[0]).toMatchObject({
    title: '评分尚未完成',
    content: expect.stringContaining(`4 个项目的评分不足 ${k} 份，评分窗口仍开放`),
  });
  expect(callsOf(s, 'admin.round.advance')).toHaveLength(0);

  click(container, '.cutoff-confirm');
  await waitFor(() => expect(callsOf(s, 'admin.round.advance')).toHaveLength(1));
  expect(modal.mock.calls.map((call) => call[0]?.title)).toEqual(['评分尚未完成', '评分尚未完成', '确认晋级']);
});

test('the cut-off: a straddling tie holds back the confirm; advance sends the fingerprint and the pick; CUTOFF_CHANGED asks for a new preview', async () => {
  const modal = confirmModals();
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
  const previews = [preview('fp-1'), preview('fp-2')];
  const advances: Array<{ json: unknown } | Error> = [
    fail('CUTOFF_CHANGED', '评分或名单有变化，请重新预览后再确认'),
    new TypeError('Failed to fetch'),
  ];
  const s = await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      // Scoring is over: the window has closed and every entry has its k scores.
      'admin.round.ranking': () =>
        ok({ round: round({ window: 'closed' }), rows: [rankingRow(1)], total: 1, page: 1, pageSize: 50 }),
      'admin.round.cutoff': () =>
        ok({ round: round({ window: 'closed' }), preview: previews.shift() ?? preview('fp-2') }),
      'admin.round.advance': () =>
        advances.shift() ??
        ok({
          round: round({
            status: 'advanced',
            updatedAt: '2024-09-05T02:00:00.000Z',
            advancement: {
              at: '2024-09-05T02:00:00.000Z',
              rule: { kind: 'proportional', n: 2 },
              admitted: 2,
              listId: 'adv-1',
            },
          }),
          advanced: 2,
          listId: 'adv-1',
        }),
    },
  );
  const { container } = render(<AdminRankingPage />);
  await drawn(container, '.cutoff-card');
  click(container, '.cutoff-rule-proportional');
  click(container, '.cutoff-preview-run');
  await waitFor(() => expect(text(container, '.field-error[data-for="rule.n"]')).toContain('请填写晋级名额'));
  expect(callsOf(s, 'admin.round.cutoff')).toHaveLength(0);
  await type(container, '.cutoff-n', '2');
  click(container, '.cutoff-preview-run');
  await drawn(container, '.cutoff-preview');

  expect(callsOf(s, 'admin.round.cutoff')[0]?.data).toEqual({
    roundId: ROUND_ID,
    rule: { kind: 'proportional', n: 2 },
  });
  expect(text(container, '.cutoff-scope[data-scope="新一代信息技术"] .cutoff-scope-quota')).toContain('1.00');
  expect(text(container, '.cutoff-admitted')).toContain('项目2');
  expect(text(container, '.cutoff-out')).toContain('共 3 个');
  expect(text(container, '.cutoff-unscored')).toContain('项目7');
  const tie = container.querySelector('.cutoff-tie[data-scope="新一代信息技术"]') as HTMLElement;
  expect(text(tie, '.cutoff-tie__title')).toContain('2 个项目并列第 1 名（88.00 分），剩余名额 1 个');
  expect(tie.getAttribute('data-resolved')).toBe('false');
  expect(isDisabled(container.querySelector('.cutoff-confirm'))).toBe(true);

  // One pick fills the open slot; the other box is then off.
  click(tie, '.cutoff-tie-pick-e-3');
  expect(tie.getAttribute('data-resolved')).toBe('true');
  expect(container.querySelector('.cutoff-tie-pick-e-1')?.classList.contains('check-row--disabled')).toBe(true);
  click(tie, '.cutoff-tie-pick-e-1');
  expect(container.querySelector('.cutoff-tie-pick-e-1')?.getAttribute('aria-checked')).toBe('false');
  expect(isDisabled(container.querySelector('.cutoff-confirm'))).toBe(false);
  expect(text(container, '.cutoff-confirm')).toBe('确认晋级（2 个项目）');
  await type(container, '.cutoff-days', '5');

  click(container, '.cutoff-confirm');
  await drawn(container, '.cutoff-changed');
  expect(text(container, '.cutoff-changed')).toContain('评分有变化');
  expect(isDisabled(container.querySelector('.cutoff-confirm'))).toBe(true);
  expect(modal.mock.calls[0]?.[0]).toMatchObject({
    content: expect.stringContaining('2 个项目晋级复赛，并发布名单「预赛晋级名单」，公示 5 天'),
  });

  // A new preview: the pick starts again.
  click(container, '.cutoff-preview-again');
  await waitFor(() => expect(callsOf(s, 'admin.round.cutoff')).toHaveLength(2));
  await waitFor(() => expect(has(container, '.cutoff-changed')).toBe(false));
  expect(container.querySelector('.cutoff-tie[data-scope="新一代信息技术"]')?.getAttribute('data-resolved')).toBe(
    'false',
  );
  click(container, '.cutoff-tie-all');
  expect(container.querySelector('.cutoff-tie-pick-e-1')?.getAttribute('aria-checked')).toBe('true');
  expect(text(container, '.cutoff-confirm')).toBe('确认晋级（3 个项目）');
  click(container, '.cutoff-tie-all');
  click(container, '.cutoff-tie-pick-e-3');

  click(container, '.cutoff-confirm');
  await drawn(container, '.cutoff-error');
  expect(text(container, '.cutoff-error')).toContain('不会重复晋级');
  click(container, '.cutoff-confirm');
  await drawn(container, '.cutoff-done');
  expect(text(container, '.cutoff-done')).toContain('2 个项目晋级复赛');
  expect(text(container, '.cutoff-done')).toContain('「预赛晋级名单」已发布，公示 5 天');
  expect(container.querySelector('.cutoff-card')).toBeNull();

  const sent = callsOf(s, 'admin.round.advance');
  expect(sent.map((c) => c.data)).toEqual([
    { roundId: ROUND_ID, rule: { kind: 'proportional', n: 2 }, fingerprint: 'fp-1', chosen: ['e-3'], publicityDays: 5 },
    { roundId: ROUND_ID, rule: { kind: 'proportional', n: 2 }, fingerprint: 'fp-2', chosen: ['e-3'], publicityDays: 5 },
    { roundId: ROUND_ID, rule: { kind: 'proportional', n: 2 }, fingerprint: 'fp-2', chosen: ['e-3'], publicityDays: 5 },
  ]);
  expect(sent[1]?.requestId).not.toBe(sent[0]?.requestId);
  expect(sent[2]?.requestId).toBe(sent[1]?.requestId);

  click(container, '.cutoff-results-link');
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/results/index' });
});

test('a rule changed after the preview needs a new preview; the final has no cut-off', async () => {
  await serve(
    PATH,
    { roundId: ROUND_ID },
    {
      'admin.round.ranking': () => ok({ round: round(), rows: [rankingRow(1)], total: 1, page: 1, pageSize: 50 }),
      'admin.round.cutoff': () => ok({ round: round(), preview: { ...preview(), rule: { kind: 'top', n: 2 } } }),
    },
  );
  const { container } = render(<AdminRankingPage />);
  await drawn(container, '.cutoff-card');
  click(container, '.cutoff-rule-top');
  await type(container, '.cutoff-n', '2');
  click(container, '.cutoff-preview-run');
  await drawn(container, '.cutoff-preview');
  await type(container, '.cutoff-n', '3');
  expect(container.querySelector('.cutoff-preview')).toBeNull();
  expect(container.querySelector('.cutoff-confirm')).toBeNull();
});

test('the final round links to 评定奖项 instead of a cut-off', async () => {
  await serve(
    PATH,
    { roundId: 'sh-2024:final' },
    {
      'admin.round.ranking': () =>
        ok({
          round: round({ id: 'sh-2024:final', stage: 'final' }),
          rows: [rankingRow(1)],
          total: 1,
          page: 1,
          pageSize: 50,
        }),
    },
  );
  const { container } = render(<AdminRankingPage />);
  await drawn(container, '.ranking-final-note');
  expect(container.querySelector('.cutoff-card')).toBeNull();
  expect(container.querySelector('.ranking-previous')).not.toBeNull();
});
