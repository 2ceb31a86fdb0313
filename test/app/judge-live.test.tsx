/**
 * 现场评分 on the judge's phone against a stubbed fetch and a stand-in for the show's push channel: the page
 * waits while the contestant presents, opens the sheet by itself when the host opens scoring (the show's version
 * moves, judge.live is read again), sends judge.live.score through the real outbox (one requestId for one
 * content, so a retry after a lost answer is the same request), and locks the sheet when the host closes scoring.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyScoreView } from '@core/judging/views';
import type { JudgeLiveView } from '@core/live/views';
import type { CallRequest } from '@core/wire';
import JudgeLivePage from '../../src/judge/pages/live/index';
import { refreshMe } from '../../src/hooks/useMe';
import { dropOutboxItem, outboxItems } from '../../src/services/outbox';
import { resetServerClock } from '../../src/services/server-clock';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { installPageHost } from './support/page-hooks';
import { judge, myScore } from './support/judging';
import {
  LIVE_ID,
  LIVE_NOW,
  installLiveStream,
  judgeLiveView,
  openSheet,
  screenView,
  type LiveStream,
} from './support/live';

type Handler = (req: CallRequest) => { json: unknown } | Error;

const FULL = { innovation: '27.5', business: '18', team: '17.5', market: '12', finance: '11.5' };
const POINTS = { innovation: 27.5, business: 18, team: 17.5, market: 12, finance: 11.5 };

let stub: FetchStub | undefined;
let stream: LiveStream | undefined;
beforeEach(() => {
  for (const item of outboxItems()) dropOutboxItem(item.key);
  window.localStorage.clear();
  stream = installLiveStream();
  Object.assign(Taro.getCurrentInstance(), {
    router: { params: { liveId: LIVE_ID }, path: '/judge/pages/live/index' },
  });
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  stream?.uninstall();
  resetServerClock();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

/** The judge signed in; judge.live answers what `show()` says at the time of the call. */
async function open(show: () => JudgeLiveView, actions: Record<string, Handler> = {}) {
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(judge),
      'judge.live': () => ok({ shows: [show()], now: LIVE_NOW }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  const view = render(<JudgeLivePage />);
  await waitFor(() => expect(view.container.querySelector('.live-page, .page-forbidden, .page-error')).not.toBeNull());
  return view;
}

function text(container: HTMLElement, selector: string): string | null {
  return container.querySelector(selector)?.textContent ?? null;
}

async function input(container: HTMLElement, key: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`.score-criterion-${key} input`);
    if (!found) throw new Error(`no input for ${key} yet`);
    return found as HTMLInputElement;
  });
}

async function fill(container: HTMLElement, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const box = await input(container, key);
    box.value = value;
    fireEvent.input(box);
  }
}

function scoreCalls(): CallRequest[] {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.live.score');
}

function liveReads(): number {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.live').length;
}

function scored(points: Record<string, number>, at: string): MyScoreView {
  return myScore({ points, comment: '', total: '86.50', submittedAt: at, updatedAt: at });
}

test('before 评分 the judge waits with the rubric; when the host opens scoring the sheet opens by itself', async () => {
  let show = judgeLiveView();
  const { container } = await open(() => show);

  expect(text(container, '.live-stage-project')).toBe('决赛项目1');
  expect(text(container, '.live-stage-state')).toBe('路演');
  expect(text(container, '.live-wait-text')).toBe('主持人开始评分后，评分表会自动打开');
  expect([...container.querySelectorAll('.live-rubric__item')].map((i) => i.textContent)).toEqual([
    '技术创新满分 30',
    '商业模式满分 20',
    '团队能力满分 20',
    '市场前景满分 15',
    '财务状况满分 15',
  ]);
  expect(container.querySelector('.score-sheet')).toBeNull();
  expect(stream?.urls()).toEqual([`/live/${encodeURIComponent(LIVE_ID)}/stream`]);

  // The host taps 开始评分: the show moves to version 4 and the judge's view now carries the open sheet.
  show = judgeLiveView({
    version: 4,
    current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'scoring' },
    sheet: openSheet(),
  });
  const reads = liveReads();
  await stream?.push(
    screenView({
      version: 4,
      current: {
        entryId: 'e-1',
        position: 1,
        total: 3,
        absent: 0,
        projectName: '决赛项目1',
        orgName: '上海决赛科技有限公司1',
        state: 'scoring',
        timer: null,
      },
      progress: { scored: 0, of: 3 },
    }),
  );
  await waitFor(() => expect(container.querySelector('.live-sheet-area--open .score-sheet')).not.toBeNull());
  expect(liveReads()).toBe(reads + 1);
  expect(container.querySelector('.live-wait')).toBeNull();
  expect(text(container, '.live-sheet-position')).toBe('第 1 位');
  expect(text(container, '.live-sheet-project')).toBe('决赛项目1');
  expect(text(container, '.live-sheet-status')).toBe('评分进行中');
  expect([...container.querySelectorAll('.score-criterion')].map((c) => c.getAttribute('data-key'))).toEqual([
    'innovation',
    'business',
    'team',
    'market',
    'finance',
  ]);
  expect(text(container, '.score-criterion-innovation .score-max')).toBe('满分 30');
  expect(text(container, '.live-stage-progress')).toBe('评委已提交 0/3');
  expect((await input(container, 'innovation')).disabled).toBe(false);
  expect(text(container, '.score-submit')).toBe('提交评分');
});

test('提交评分 sends judge.live.score; after a network failure (待同步) the retry carries the same requestId', async () => {
  let online = false;
  const { container } = await open(
    () =>
      judgeLiveView({
        version: 4,
        current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'scoring' },
        sheet: openSheet(),
      }),
    {
      'judge.live.score': (req) => {
        if (!online) return new TypeError('Failed to fetch');
        const data = req.data as { points: Record<string, number> };
        return ok({ score: scored(data.points, '2024-10-20T01:35:00.000Z'), changed: true, revealed: false });
      },
    },
  );
  await fill(container, FULL);
  await waitFor(() => expect(text(container, '.score-total')).toContain('合计 86.5 / 100'));

  fireEvent.click(container.querySelector('.score-submit') as Element);
  await waitFor(() => expect(container.querySelector('.score-state--pending')).not.toBeNull());
  expect(text(container, '.score-state--pending')).toContain('待同步');
  expect(text(container, '.live-footer-state')).toBe('待同步：网络恢复后自动提交');
  expect(scoreCalls()).toHaveLength(1);
  expect(scoreCalls()[0]?.data).toEqual({ liveId: LIVE_ID, entryId: 'e-1', points: POINTS, comment: '' });
  expect(scoreCalls()[0]?.requestId).toEqual(expect.any(String));

  // The Wi-Fi is back; the judge taps again.
  online = true;
  fireEvent.click(container.querySelector('.score-submit') as Element);
  await waitFor(() => expect(container.querySelector('.score-state--submitted')).not.toBeNull());
  expect(text(container, '.score-state--submitted')).toContain('合计 86.50 分');
  expect(text(container, '.live-footer-state')).toBe('已提交 86.50 分');
  expect(text(container, '.score-submit')).toBe('更新评分');
  const [lost, delivered] = scoreCalls();
  expect(scoreCalls()).toHaveLength(2);
  expect(delivered?.requestId).toBe(lost?.requestId);
  expect(delivered?.data).toEqual(lost?.data);
  expect(outboxItems()).toEqual([]);
});

test('when the host closes scoring the sheet locks: read only, with a note, the score the server holds', async () => {
  let show = judgeLiveView({
    version: 4,
    current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'scoring' },
    sheet: openSheet(),
  });
  const { container } = await open(() => show, {
    'judge.live.score': (req) => {
      const data = req.data as { points: Record<string, number> };
      return ok({ score: scored(data.points, '2024-10-20T01:35:00.000Z'), changed: true, revealed: false });
    },
  });
  await fill(container, FULL);
  fireEvent.click(container.querySelector('.score-submit') as Element);
  await waitFor(() => expect(container.querySelector('.score-state--submitted')).not.toBeNull());
  expect(container.querySelector('.live-sheet-locked')).toBeNull();

  // The host taps 结束评分: the contestant is revealed, the sheet comes back closed with the judge's score in it.
  show = judgeLiveView({
    version: 5,
    current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'revealed' },
    sheet: openSheet({ open: false, myScore: scored(POINTS, '2024-10-20T01:35:00.000Z') }),
  });
  await stream?.push(screenView({ version: 5 }));

  await waitFor(() => expect(container.querySelector('.live-sheet-area--closed')).not.toBeNull());
  expect(text(container, '.live-sheet-status')).toBe('评分已结束');
  expect(text(container, '.live-sheet-locked')).toBe('评分已结束，评分表只读');
  expect(container.querySelector('.score-sheet--readonly')).not.toBeNull();
  expect(container.querySelector('.score-submit')).toBeNull();
  // Taro's Input hands `disabled` down to its inner <input> on its own next render.
  for (const key of Object.keys(FULL)) {
    const box = await input(container, key);
    await waitFor(() => expect(box.disabled).toBe(true));
  }
  expect((await input(container, 'innovation')).value).toBe('27.5');
  expect(text(container, '.score-state--submitted')).toContain('合计 86.50 分');
  expect(screen.queryByText('提交评分')).toBeNull();
});

test('hidden, the page lets go of the show’s stream; shown again, it follows it again and reads the sheet afresh', async () => {
  const host = installPageHost();
  try {
    let show = judgeLiveView({ version: 3 });
    const { container } = await open(() => show);
    await waitFor(() => expect(stream?.openCount()).toBe(1));
    const reads = () => stub?.apiCalls().filter((c) => c.action === 'judge.live').length ?? 0;
    const before = reads();

    act(() => {
      host.fire('useDidHide');
    });
    await waitFor(() => expect(stream?.openCount()).toBe(0));

    // Meanwhile the host opened scoring: the page shown again has the sheet without waiting for a push.
    show = judgeLiveView({
      version: 6,
      current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'scoring' },
      sheet: openSheet(),
    });
    act(() => {
      host.fire('useDidShow');
    });
    await waitFor(() => expect(stream?.openCount()).toBe(1));
    await waitFor(() => expect(reads()).toBe(before + 1));
    await waitFor(() => expect(container.querySelector('.score-submit')).not.toBeNull());
  } finally {
    host.uninstall();
  }
});
