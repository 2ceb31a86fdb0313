/**
 * The live final's views as the cloud answers them (core/live/views.ts), and a stand-in for the local cloud's
 * push channel: `GET /live/<liveId>/stream` (Server-Sent Events, cloudfunctions/local/live-stream.ts), which the
 * pages follow on H5. A test plays the server's frames (`{ screen, now }`) through it; without it the feed would
 * poll `live.screen` every 3 s.
 */
import { act } from '@testing-library/react';
import type { ConsoleSlotView, JudgeLiveView, LiveConsoleView, LiveScreenView } from '@core/live/views';
import { rubric } from './judging';

export const LIVE_ID = 'sh-2024:final:enterprise';
export const LIVE_ROUND_ID = 'sh-2024:final';
/** Shanghai 2024-10-20 09:30, the final's morning. */
export const LIVE_NOW = '2024-10-20T01:30:00.000Z';

export function slot(n: number, overrides: Partial<ConsoleSlotView> = {}): ConsoleSlotView {
  return {
    entryId: `e-${n}`,
    position: n,
    projectName: `决赛项目${n}`,
    orgName: `上海决赛科技有限公司${n}`,
    field: '新一代信息技术',
    state: 'waiting',
    reason: null,
    timer: null,
    eligible: 3,
    scored: [],
    missing: [],
    recused: [],
    reveal: null,
    ...overrides,
  };
}

/** The panel, by opaque key (never an openid), as the console lists it. */
export const panel = [
  { key: 'k-wang', name: '王建国', label: '评委 1' },
  { key: 'k-li', name: '李芳', label: '评委 2' },
  { key: 'k-zhao', name: '赵敏', label: '评委 3' },
];

export function consoleView(overrides: Partial<LiveConsoleView> = {}): LiveConsoleView {
  return {
    liveId: LIVE_ID,
    roundId: LIVE_ROUND_ID,
    contestId: 'sh-2024',
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    roundName: '总决赛',
    group: 'enterprise',
    session: null,
    aggregation: 'trimmed',
    settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: false, judgeLabels: 'numbered' },
    judges: panel,
    candidates: [],
    order: { method: 'draw', seed: 'final-2024', reason: null, at: '2024-10-20T01:00:00.000Z' },
    slots: [slot(1), slot(2), slot(3)],
    boardShown: false,
    board: [],
    frozen: null,
    head: { count: 6, hash: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2' },
    checkpoints: 1,
    version: 3,
    now: LIVE_NOW,
    ...overrides,
  };
}

export function screenView(overrides: Partial<LiveScreenView> = {}): LiveScreenView {
  return {
    liveId: LIVE_ID,
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    roundName: '总决赛',
    group: 'enterprise',
    session: null,
    version: 3,
    phase: 'running',
    current: null,
    progress: null,
    reveal: null,
    board: null,
    upNext: null,
    frozen: false,
    updatedAt: LIVE_NOW,
    ...overrides,
  };
}

export function judgeLiveView(overrides: Partial<JudgeLiveView> = {}): JudgeLiveView {
  return {
    liveId: LIVE_ID,
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    roundName: '总决赛',
    group: 'enterprise',
    session: null,
    version: 3,
    current: { entryId: 'e-1', position: 1, projectName: '决赛项目1', state: 'pitch' },
    sheet: null,
    rubric,
    recused: false,
    ...overrides,
  };
}

/** The sheet of contestant 1 as judge.live hands it out while the host has scoring open. */
export function openSheet(overrides: Partial<NonNullable<JudgeLiveView['sheet']>> = {}): JudgeLiveView['sheet'] {
  return {
    entryId: 'e-1',
    position: 1,
    projectName: '决赛项目1',
    orgName: '上海决赛科技有限公司1',
    open: true,
    myScore: null,
    ...overrides,
  };
}

type Listener = ((event: MessageEvent<string>) => void) | null;

/** One open `/live/<liveId>/stream`, as EventSource sees it. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: Listener = null;
  onerror: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  close(): void {
    this.closed = true;
  }
}

export interface LiveStream {
  /** The streams the page opened, by URL. */
  urls: () => string[];
  /** How many of them are still open. */
  openCount: () => number;
  /** The server sends a frame on every open stream: the released projection and its clock. */
  push: (screen: LiveScreenView, now?: string) => Promise<void>;
  uninstall: () => void;
}

export function installLiveStream(): LiveStream {
  FakeEventSource.opened = [];
  Object.assign(globalThis, { EventSource: FakeEventSource });
  return {
    urls: () => FakeEventSource.opened.map((s) => s.url),
    openCount: () => FakeEventSource.opened.filter((s) => !s.closed).length,
    push: async (screen, now = LIVE_NOW) => {
      const data = JSON.stringify({ screen, now });
      await act(async () => {
        for (const source of FakeEventSource.opened) {
          if (source.closed) continue;
          source.onopen?.();
          source.onmessage?.(new MessageEvent('message', { data }));
        }
      });
    },
    uninstall: () => {
      Reflect.deleteProperty(globalThis, 'EventSource');
      FakeEventSource.opened = [];
    },
  };
}
