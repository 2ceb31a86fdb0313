/**
 * 评定奖项 and 决策记录: the proposal per group with the contest's counts, proposed again when a count
 * changes; a prize changed per row, a tie across a prize line highlighted, recommendations defaulting to the
 * winners; the decision on the wire (prizes, recommend, 公示) under one requestId; 导出 Excel; the audit log
 * in Beijing time, filtered by round, paged and exported.
 */
import { render, waitFor } from '@testing-library/react';
import type { AwardsGroupView } from '@core/judging/views';
import { decideInput, noChanges } from '../../src/admin/lib/awards-form';
import { auditValue } from '../../src/admin/lib/judging';
import AdminAuditPage from '../../src/admin/pages/audit/index';
import AdminAwardsPage from '../../src/admin/pages/awards/index';
import { ok } from './support/fetch-stub';
import {
  CONTEST_ID,
  ROUND_ID,
  SERVER_NOW,
  awardsGroup,
  callsOf,
  choose,
  click,
  confirmModals,
  drawn,
  restore,
  round,
  serve,
  text,
  type,
} from './support/admin-judging';

afterEach(restore);

const FINAL = 'sh-2024:final';

function item(n: number, overrides: Partial<AwardsGroupView['items'][number]> = {}): AwardsGroupView['items'][number] {
  return {
    entryId: `e-${n}`,
    projectName: `项目${n}`,
    orgName: `上海测试科技有限公司${n}`,
    field: '新一代信息技术',
    rank: n,
    tied: false,
    aggregate: `${95 - n}.00`,
    prize: null,
    ...overrides,
  };
}

/** 企业组 first 1, second 1: e-2 and e-3 tie across the 二等奖 line (both proposed 二等奖). 创客组 first 1. */
function proposal(counts?: { enterprise?: Array<{ prize: string; count: number }> }) {
  const firstCount = counts?.enterprise?.find((c) => c.prize === 'first')?.count ?? 1;
  const enterprise = awardsGroup({
    counts: [
      { prize: 'first', count: firstCount },
      { prize: 'second', count: 1 },
      { prize: 'third', count: 0 },
      { prize: 'merit', count: 0 },
    ],
    items:
      firstCount === 2
        ? [
            item(1, { prize: 'first' }),
            item(2, { rank: 2, tied: true, prize: 'first' }),
            item(3, { rank: 2, tied: true, prize: 'first' }),
            item(4, { rank: 4 }),
          ]
        : [
            item(1, { prize: 'first' }),
            item(2, { rank: 2, tied: true, prize: 'second' }),
            item(3, { rank: 2, tied: true, prize: 'second' }),
            item(4, { rank: 4 }),
          ],
    ties: [{ between: firstCount === 2 ? ['first', 'second'] : ['second', null], entryIds: ['e-2', 'e-3'] }],
  });
  const maker = awardsGroup({
    group: 'maker',
    counts: [
      { prize: 'first', count: 1 },
      { prize: 'second', count: 0 },
      { prize: 'third', count: 0 },
      { prize: 'merit', count: 0 },
    ],
    items: [item(11, { rank: 1, prize: 'first' }), item(12, { rank: 2 })],
  });
  return { round: round({ id: FINAL, stage: 'final', name: '决赛现场评审' }), groups: [enterprise, maker] };
}

test('by default every prize winner is recommended; 无 takes a finalist out of both', () => {
  const { groups } = proposal();
  const input = decideInput(FINAL, groups, { prizes: { 'e-3': null }, recommend: { 'e-4': true } }, 7);
  expect(input).toEqual({
    roundId: FINAL,
    prizes: [
      { entryId: 'e-1', prize: 'first' },
      { entryId: 'e-2', prize: 'second' },
      { entryId: 'e-11', prize: 'first' },
    ],
    recommend: ['e-1', 'e-2', 'e-4', 'e-11'],
    publicityDays: 7,
  });
  expect(decideInput(FINAL, groups, noChanges, 0).prizes).toHaveLength(4);
});

test('propose, change a count and a prize, settle the tie, decide and export', async () => {
  const modal = confirmModals();
  let decided = false;
  const s = await serve(
    '/admin/pages/awards/index',
    { roundId: FINAL },
    {
      'admin.award.propose': (req) => {
        const view = proposal(
          (req.data as { counts?: { enterprise?: Array<{ prize: string; count: number }> } }).counts,
        );
        return ok(
          decided
            ? {
                ...view,
                round: {
                  ...view.round,
                  status: 'awarded',
                  awards: { at: SERVER_NOW, awardsListId: 'awd-1', nationalListId: 'nat-1' },
                },
              }
            : view,
        );
      },
      'admin.award.decide': () => {
        decided = true;
        return ok({
          round: round({
            id: FINAL,
            stage: 'final',
            status: 'awarded',
            updatedAt: SERVER_NOW,
            awards: { at: SERVER_NOW, awardsListId: 'awd-1', nationalListId: 'nat-1' },
          }),
          awarded: 3,
          awardsListId: 'awd-1',
          nationalListId: 'nat-1',
        });
      },
      'admin.award.export': () =>
        ok({
          url: '/files/exports/awards.xlsx?sig=1',
          fileName: '上海赛-获奖名单.xlsx',
          rows: 6,
          expiresAt: SERVER_NOW,
        }),
    },
  );
  const clicked: string[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  const { container } = render(<AdminAwardsPage />);
  await drawn(container, '.awards-row');
  expect(callsOf(s, 'admin.award.propose')[0]?.data).toEqual({ roundId: FINAL });

  const row = (id: string) => container.querySelector(`.awards-row[data-entry-id="${id}"]`) as HTMLElement;
  const enterprise = container.querySelector('.awards-group[data-group="enterprise"]') as HTMLElement;
  expect((enterprise.querySelector('.awards-count-enterprise-first input') as HTMLInputElement).value).toBe('1');
  expect(row('e-2').getAttribute('data-tie')).toBe('true');
  expect(row('e-2').classList.contains('awards-row--tie')).toBe(true);
  expect(row('e-1').getAttribute('data-tie')).toBeNull();
  expect(text(enterprise, '.awards-tie')).toContain('项目2、项目3');
  expect(text(enterprise, '.awards-tie')).toContain('「二等奖」与「无奖」的分界');
  expect(text(row('e-2'), '.awards-tied')).toBe('并列');
  expect(row('e-2').getAttribute('data-prize')).toBe('second');
  expect(container.querySelector('.awards-recommend-e-2')?.getAttribute('aria-checked')).toBe('true');
  expect(container.querySelector('.awards-recommend-e-4')?.getAttribute('aria-checked')).toBe('false');
  expect(text(enterprise, '.awards-given__item[data-prize="second"]')).toBe('二等奖 2/1');

  // Two first prizes: proposed again with the new counts (after a pause).
  await type(container, '.awards-count-enterprise-first', '2');
  await waitFor(() => expect(callsOf(s, 'admin.award.propose')).toHaveLength(2), { timeout: 3000 });
  expect(callsOf(s, 'admin.award.propose')[1]?.data).toEqual({
    roundId: FINAL,
    counts: {
      enterprise: [
        { prize: 'first', count: 2 },
        { prize: 'second', count: 1 },
        { prize: 'third', count: 0 },
        { prize: 'merit', count: 0 },
      ],
      maker: [
        { prize: 'first', count: 1 },
        { prize: 'second', count: 0 },
        { prize: 'third', count: 0 },
        { prize: 'merit', count: 0 },
      ],
    },
  });
  await waitFor(() => expect(row('e-2').getAttribute('data-prize')).toBe('first'));
  expect(text(enterprise, '.awards-tie')).toContain('「一等奖」与「二等奖」的分界');

  // The organizer settles the tie: e-3 gets 二等奖, e-4 优胜奖 but not recommended, 创客组's e-12 recommended.
  choose(container, 'awards-prize-e-3', 'second');
  choose(container, 'awards-prize-e-4', 'merit');
  click(container, '.awards-recommend-e-4');
  click(container, '.awards-recommend-e-12');
  expect(row('e-3').getAttribute('data-prize')).toBe('second');
  await type(container, '.awards-days', '5');
  click(container, '.awards-decide');
  await drawn(container, '.awards-done');
  expect(modal.mock.calls[0]?.[0]).toMatchObject({
    content: expect.stringContaining('企业组：一等奖 2、二等奖 1、优胜奖 1；创客组：一等奖 1，共 5 个项目获奖'),
  });
  const [sent] = callsOf(s, 'admin.award.decide');
  expect(sent?.data).toEqual({
    roundId: FINAL,
    prizes: [
      { entryId: 'e-1', prize: 'first' },
      { entryId: 'e-2', prize: 'first' },
      { entryId: 'e-3', prize: 'second' },
      { entryId: 'e-4', prize: 'merit' },
      { entryId: 'e-11', prize: 'first' },
    ],
    recommend: ['e-1', 'e-2', 'e-3', 'e-11', 'e-12'],
    publicityDays: 5,
  });
  expect(sent?.requestId).toEqual(expect.any(String));
  expect(container.querySelector('.awards-decide')).toBeNull();
  // Decided: the prizes as they stand, nothing left to change.
  await drawn(container, '.awards-decided-prize');
  expect(container.querySelector('.awards-prize')).toBeNull();
  expect(container.querySelector('.awards-count-enterprise-first')).toBeNull();

  click(container, '.awards-export');
  await drawn(container, '.awards-export-done');
  expect(text(container, '.awards-export-done')).toBe('已导出：上海赛-获奖名单.xlsx');
  expect(clicked).toEqual(['上海赛-获奖名单.xlsx']);
});

test('a round of another stage is not for awards', async () => {
  const s = await serve('/admin/pages/awards/index', { roundId: ROUND_ID }, {});
  const { container } = render(<AdminAwardsPage />);
  await drawn(container, '.page-empty');
  expect(text(container, '.page-empty-message')).toContain('只有决赛轮次可以评定奖项');
  expect(callsOf(s, 'admin.award.propose')).toHaveLength(0);
});

test('a record’s before / after reads in words, with times in Beijing time', () => {
  expect(auditValue('3 个邀请码，有效至 2026-12-15T08:34:22.368Z')).toBe('3 个邀请码，有效至 2026-12-15 16:34');
  expect(auditValue('{"scored":false}')).toBe('已评分：否');
  expect(auditValue('{"rule":{"kind":"top","n":12},"admitted":12,"chosen":["e-1","e-2"]}')).toBe(
    '晋级规则：前 12 名；晋级项目：12；并列中选定：2 个',
  );
  expect(auditValue('{"aggregation":"mean","window":"2024-08-31T16:00:00.000Z ~ 2024-09-15T15:59:59.000Z"}')).toBe(
    '汇总方式：算术平均；评分时间：2024-09-01 00:00 ~ 2024-09-15 23:59',
  );
  expect(auditValue(null)).toBeNull();
});

test('决策记录: Beijing time, before → after, paged, filtered by round and exported', async () => {
  const rows = Array.from({ length: 20 }, (_, i) => ({
    id: `a-${i}`,
    // 2024-09-05 16:30 UTC is 2024-09-06 00:30 in Beijing.
    at: '2024-09-05T16:30:00.000Z',
    actorName: '周晔',
    action: 'score',
    actionLabel: '评分或修改评分',
    roundId: ROUND_ID,
    entryId: 'e-1',
    before: i === 0 ? '合计 86.50' : null,
    after: i === 0 ? '["技术创新性 27", "合计 88.00"]' : '合计 70.00',
    reason: i === 0 ? '评委更正笔误' : null,
  }));
  const s = await serve(
    '/admin/pages/audit/index',
    { contestId: CONTEST_ID },
    {
      'admin.round.list': () => ok({ rounds: [round()] }),
      'admin.audit.list': (req) => {
        const { page } = req.data as { page: number };
        return ok({ items: page === 1 ? rows : rows.slice(0, 5), total: 45, page, pageSize: 20 });
      },
      'admin.audit.export': () =>
        ok({
          url: '/files/exports/audit.xlsx?sig=1',
          fileName: '上海赛-决策记录.xlsx',
          rows: 45,
          expiresAt: SERVER_NOW,
        }),
    },
  );
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const { container } = render(<AdminAuditPage />);
  await drawn(container, '.audit-row');
  const first = container.querySelector('.audit-row[data-id="a-0"]') as HTMLElement;
  expect(text(first, '.audit-time')).toBe('2024-09-06 00:30:00');
  expect(text(first, '.audit-actor')).toBe('周晔');
  expect(text(first, '.audit-action')).toBe('评分或修改评分');
  expect(text(first, '.audit-before')).toBe('合计 86.50');
  expect(text(first, '.audit-after')).toBe('技术创新性 27；合计 88.00');
  expect(text(first, '.audit-reason')).toBe('评委更正笔误');
  expect(text(container, '.audit-total')).toContain('共 45 条 · 第 1 / 3 页');

  click(container, '.audit-next');
  await waitFor(() =>
    expect(callsOf(s, 'admin.audit.list').at(-1)?.data).toEqual({ contestId: CONTEST_ID, page: 2, pageSize: 20 }),
  );
  await waitFor(() => expect(container.querySelectorAll('.audit-row').length).toBe(5));

  choose(container, 'audit-filter-round', ROUND_ID);
  await waitFor(() =>
    expect(callsOf(s, 'admin.audit.list').at(-1)?.data).toEqual({
      contestId: CONTEST_ID,
      roundId: ROUND_ID,
      page: 1,
      pageSize: 20,
    }),
  );
  click(container, '.audit-export');
  await drawn(container, '.audit-export-done');
  expect(callsOf(s, 'admin.audit.export')[0]?.data).toEqual({ contestId: CONTEST_ID, roundId: ROUND_ID });
  expect(text(container, '.audit-export-done')).toContain('已导出 45 条');
});
