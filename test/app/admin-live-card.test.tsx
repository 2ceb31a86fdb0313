/**
 * 现场决赛 on a live round's 评审看板: a group without a show offers 整组设置 and 分场次; a group run in 场次
 * lists each session with how far it is and adds the next one (s1, s2, … skipping none taken); a whole-group
 * show opens its console.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';
import type { LiveSummary } from '@core/live/views';
import '../../src/admin/lib/actions';
import { LiveCard } from '../../src/admin/pages/round/components/LiveCard';
import { ok } from './support/fetch-stub';
import { click, drawn, restore, serve, text } from './support/admin-judging';

const ROUND = 'sh-2024:final';

function summary(overrides: Partial<LiveSummary>): LiveSummary {
  return {
    liveId: `${ROUND}:enterprise`,
    group: 'enterprise',
    session: null,
    contestants: 3,
    judges: 5,
    phase: 'setup',
    frozen: false,
    ...overrides,
  };
}

afterEach(restore);

test('a group without a show is set up whole or split into sessions; a whole show opens its console', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  await serve(
    '/admin/pages/round/index',
    { roundId: ROUND },
    {
      'admin.live.list': () => ok({ shows: [summary({ liveId: `${ROUND}:maker`, group: 'maker', phase: 'running' })] }),
    },
  );
  const { container } = render(<LiveCard roundId={ROUND} />);
  await drawn(container, '.round-live-enterprise .round-live-split');
  expect(text(container, '.round-live-enterprise .round-live-group__state')).toBe('尚未设置');
  expect(text(container, '.round-live-maker .round-live-group__state')).toBe('进行中 · 3 位选手 · 5 位评委');
  // A group already set up whole cannot be split.
  expect(container.querySelector('.round-live-maker .round-live-split')).toBeNull();

  click(container, '.round-live-enterprise .round-live-split');
  click(container, '.round-live-enterprise .round-live-link');
  click(container, '.round-live-maker .round-live-link');
  expect(navigate.mock.calls.map(([options]) => options.url)).toEqual([
    `/stage/pages/console/index?roundId=${encodeURIComponent(ROUND)}&group=enterprise&session=s1`,
    `/stage/pages/console/index?roundId=${encodeURIComponent(ROUND)}&group=enterprise`,
    `/stage/pages/console/index?liveId=${encodeURIComponent(`${ROUND}:maker`)}`,
  ]);
});

test('a group in sessions lists each session and adds the first free number', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  await serve(
    '/admin/pages/round/index',
    { roundId: ROUND },
    {
      'admin.live.list': () =>
        ok({
          shows: [
            summary({ liveId: `${ROUND}:enterprise:s1`, session: { key: 's1', name: '上午场' }, frozen: true }),
            summary({ liveId: `${ROUND}:enterprise:s3`, session: { key: 's3', name: '加场' }, contestants: 1 }),
          ],
        }),
    },
  );
  const { container } = render(<LiveCard roundId={ROUND} />);
  await drawn(container, '.round-live-sessions.round-live-enterprise');
  expect(
    [...container.querySelectorAll('.round-live-session')].map(
      (row) =>
        `${text(row as HTMLElement, '.round-live-group__name')}：${text(row as HTMLElement, '.round-live-group__state')}`,
    ),
  ).toEqual(['上午场：公证员已确认 · 3 位选手 · 5 位评委', '加场：准备中 · 1 位选手 · 5 位评委']);
  click(container, `.round-live-session[data-live-id="${ROUND}:enterprise:s3"]`);
  click(container, '.round-live-add-session');
  expect(navigate.mock.calls.map(([options]) => options.url)).toEqual([
    `/stage/pages/console/index?liveId=${encodeURIComponent(`${ROUND}:enterprise:s3`)}`,
    `/stage/pages/console/index?roundId=${encodeURIComponent(ROUND)}&group=enterprise&session=s2`,
  ]);
});
