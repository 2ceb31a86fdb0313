/** Small factories and helpers for the organizers' judging pages; each test overrides what it is about. */
import { act, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ContestDetail } from '@core/contest/views';
import type {
  AwardsGroupView,
  CutoffEntryView,
  CutoffView,
  JudgeProgressRow,
  RankingRow,
  RoundProgress,
  RoundView,
} from '@core/judging/views';
import type { CallRequest } from '@core/wire';
import { refreshMe } from '../../../src/hooks/useMe';
import { ok, stubFetch, type FetchStub } from './fetch-stub';
import { contest, signedIn } from './fixtures';

export const organizer = signedIn(
  '组委会秘书处',
  [{ role: 'organizer', contestId: null, contestName: null }],
  ['admin'],
);

/** Shanghai 2024-09-05 10:00. */
export const SERVER_NOW = '2024-09-05T02:00:00.000Z';
export const CONTEST_ID = 'sh-2024';
export const ROUND_ID = 'sh-2024:preliminary';

export function contestDetail(overrides: Partial<ContestDetail> = {}): ContestDetail {
  return {
    ...contest(),
    editionId: 'edition-9',
    hosts: ['上海市经济和信息化委员会'],
    organizers: ['上海市中小企业发展服务中心'],
    fields: ['新一代信息技术', '生物医药'],
    districts: ['浦东新区', '徐汇区'],
    rules: '',
    awards: {
      enterprise: [
        { prize: 'first', count: 2 },
        { prize: 'second', count: 3 },
        { prize: 'third', count: 6 },
        { prize: 'merit', count: null },
      ],
      maker: [
        { prize: 'first', count: 1 },
        { prize: 'second', count: 1 },
        { prize: 'third', count: 2 },
      ],
    },
    ...overrides,
  };
}

export function round(overrides: Partial<RoundView> = {}): RoundView {
  return {
    id: ROUND_ID,
    contestId: CONTEST_ID,
    contestName: '2024年“创客中国”上海市中小企业创新创业大赛',
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric: {
      criteria: [
        { key: 'innovation', name: '技术创新性', description: '核心技术的先进性', maxPoints: 30, weight: 1 },
        { key: 'business', name: '商业模式', description: '', maxPoints: 20, weight: 1 },
        { key: 'market', name: '市场前景', description: '', maxPoints: 20, weight: 1 },
        { key: 'team', name: '团队能力', description: '', maxPoints: 15, weight: 1 },
        { key: 'social', name: '社会效益', description: '', maxPoints: 15, weight: 1 },
      ],
    },
    maxPoints: 100,
    rubricLocked: false,
    aggregation: 'mean',
    judgesPerEntry: 3,
    blind: true,
    // 2024-09-01 00:00 to 2024-09-15 23:59:59, Beijing time.
    opensAt: '2024-08-31T16:00:00.000Z',
    closesAt: '2024-09-15T15:59:59.000Z',
    window: 'open',
    mode: 'online',
    panelCapacity: null,
    scoreGapPoints: 20,
    judgeBiasPoints: 10,
    status: 'setup',
    assignedAt: '2024-09-01T02:00:00.000Z',
    assignProgress: null,
    counts: { entries: 6, judges: 4, assignments: 18 },
    advancement: null,
    awards: null,
    updatedAt: '2024-09-01T02:00:00.000Z',
    ...overrides,
  };
}

export function judgeRow(overrides: Partial<JudgeProgressRow> = {}): JudgeProgressRow {
  return {
    key: 'j1',
    name: '王建国',
    organization: '复旦大学',
    assigned: 6,
    done: 6,
    recused: 0,
    behind: false,
    bias: '+1.50',
    biasFlagged: false,
    lastScoredAt: '2024-09-03T02:00:00.000Z',
    ...overrides,
  };
}

export function progress(overrides: Partial<RoundProgress> = {}): RoundProgress {
  return {
    round: round(),
    judges: [
      judgeRow({ key: 'j4', name: '赵敏', assigned: 4, done: 1, behind: true, bias: '-12.50', biasFlagged: true }),
      judgeRow(),
    ],
    entries: { total: 6, complete: 4, byScores: [0, 1, 1, 4] },
    tooFew: [
      { entryId: 'e-5', projectName: '便携式心电监测贴片', judges: 3, scores: 2 },
      { entryId: 'e-6', projectName: '瑞安快速病原检测试剂盒', judges: 2, scores: 1 },
    ],
    tooFewCount: 2,
    recusals: [
      {
        entryId: 'e-6',
        projectName: '瑞安快速病原检测试剂盒',
        judgeName: '陈晓燕',
        reason: '曾为该企业提供咨询',
        at: '2024-09-02T06:30:00.000Z',
      },
    ],
    flags: [
      {
        entryId: 'e-2',
        projectName: '云帆中小企业数据中台',
        judgeName: '赵敏',
        total: '52.00',
        median: '85.00',
        gap: '-33.00',
      },
    ],
    sessions: [],
    ...overrides,
  };
}

export function rankingRow(n: number, overrides: Partial<RankingRow> = {}): RankingRow {
  return {
    entryId: `e-${n}`,
    projectName: `项目${n}`,
    orgName: `上海测试科技有限公司${n}`,
    group: 'enterprise',
    field: '新一代信息技术',
    district: '浦东新区',
    scoreCount: 3,
    aggregate: `${90 - n}.00`,
    trimmed: `${90 - n}.00`,
    median: `${90 - n}.00`,
    topCriterion: null,
    previous: null,
    criteria: { innovation: '26.00', business: '17.00', market: '16.00', team: '12.00', social: '11.00' },
    rank: n,
    tied: false,
    groupRank: n,
    groupTied: false,
    fieldRank: n,
    fieldTied: false,
    ...overrides,
  };
}

export function cutoffEntry(n: number, overrides: Partial<CutoffEntryView> = {}): CutoffEntryView {
  return {
    entryId: `e-${n}`,
    projectName: `项目${n}`,
    orgName: `上海测试科技有限公司${n}`,
    group: 'enterprise',
    field: '新一代信息技术',
    rank: n,
    scopeRank: n,
    aggregate: `${90 - n}.00`,
    ...overrides,
  };
}

export function awardsGroup(overrides: Partial<AwardsGroupView> = {}): AwardsGroupView {
  return {
    group: 'enterprise',
    counts: [
      { prize: 'first', count: 2 },
      { prize: 'second', count: 3 },
      { prize: 'third', count: 6 },
      { prize: 'merit', count: 0 },
    ],
    items: [],
    ties: [],
    ...overrides,
  };
}

export type { CutoffView };

let current: FetchStub | undefined;

export function restore(): void {
  current?.restore();
  current = undefined;
  Object.assign(Taro.getCurrentInstance(), { router: null });
  jest.restoreAllMocks();
}

type Handler = (req: CallRequest) => { json: unknown } | Error;

/** The organizer signed in, the page opened at `path` with `params`, the actions answered by `actions`. */
export async function serve(
  path: string,
  params: Record<string, string>,
  actions: Record<string, Handler>,
): Promise<FetchStub> {
  Object.assign(Taro.getCurrentInstance(), { router: { params, path } });
  current = stubFetch({
    actions: {
      'auth.me': () => ok(organizer),
      'contest.list': () => ok({ items: [contest()], editions: [], now: SERVER_NOW }),
      'contest.get': () => ok({ contest: contestDetail(), now: SERVER_NOW }),
      ...actions,
    },
  });
  await act(() => refreshMe());
  return current;
}

/** The calls of one action, decoded. */
export function callsOf(stub: FetchStub, action: string): CallRequest[] {
  return stub.apiCalls().filter((c) => c.action === action);
}

export function fail(code: string, message: string, details?: Record<string, string>): { json: unknown } {
  return { json: { ok: false, error: { code, message, ...(details ? { details } : {}) } } };
}

export async function drawn(container: HTMLElement, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`${selector} not drawn yet`);
    return found as HTMLElement;
  });
}

export function click(container: HTMLElement, selector: string): void {
  const found = container.querySelector(selector);
  if (!found) throw new Error(`${selector} is not on the page`);
  fireEvent.click(found);
}

/** Types into a Taro Input (its inner <input>, drawn a moment after the box) or a plain <input>. */
export async function type(container: HTMLElement, selector: string, value: string): Promise<void> {
  const found = await waitFor(() => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`${selector} is not on the page`);
    const input = (el.tagName === 'INPUT' ? el : el.querySelector('input')) as HTMLInputElement | null;
    if (!input) throw new Error(`${selector} has no input yet`);
    return { el, input };
  });
  if (found.el === found.input) {
    // A React-controlled <input> (DateTimeField on H5): change it the way React notices.
    fireEvent.change(found.input, { target: { value } });
    return;
  }
  // Taro's Input listens to its inner <input> itself.
  found.input.value = value;
  fireEvent.input(found.input);
}

export function choose(container: HTMLElement, hook: string, value: string): void {
  click(container, `.${hook} .choice-select__trigger`);
  click(container, `.${hook} .choice-option[data-value="${value}"]`);
}

/** React writes disabled={false} onto Taro's custom element as the attribute "false". */
export function isDisabled(el: Element | null): boolean {
  return el !== null && el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
}

/** Whether `selector` is on the page; a boolean, so a failed expectation prints no DOM node. */
export function has(container: HTMLElement, selector: string): boolean {
  return container.querySelector(selector) !== null;
}

export function text(container: HTMLElement, selector: string): string {
  return container.querySelector(selector)?.textContent ?? '';
}

export function confirmModals(...answers: boolean[]): jest.SpyInstance {
  const spy = jest.spyOn(Taro, 'showModal');
  for (const confirm of answers) spy.mockResolvedValueOnce({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
  spy.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  return spy;
}

/** Desktop-wide H5: tables instead of cards. Returns the undo. */
export function wideScreen(): () => void {
  const matchMedia = jest.fn().mockImplementation((query: string) => ({
    matches: query === '(min-width: 1024px)',
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  Object.assign(window, { matchMedia });
  return () => Reflect.deleteProperty(window, 'matchMedia');
}
