/**
 * 评分 against a stubbed fetch only: real callCloud, core's checkPoints and exact point arithmetic, Taro
 * storage for the draft, and the real outbox (flushed by the page on submit, or by the test playing
 * "the network is back").
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { JudgeEntryView } from '@core/judging/views';
import type { CallRequest } from '@core/wire';
import JudgeScorePage from '../../src/judge/pages/score/index';
import { refreshMe } from '../../src/hooks/useMe';
import { dropOutboxItem, flushOutbox, outboxItems } from '../../src/services/outbox';
import { resetServerClock } from '../../src/services/server-clock';
import { ok, stubFetch, type FetchStub } from './support/fetch-stub';
import { entryView, judge, JUDGING_NOW, judgeRound, myScore, scoreAnswer } from './support/judging';

type Handler = (req: CallRequest) => { json: unknown } | Error;

const PARAMS = { roundId: 'r-pre', entryId: 'e-1' };
const FULL = { innovation: '27.5', business: '18', team: '17.5', market: '12', finance: '11.5' };

let stub: FetchStub | undefined;
beforeEach(() => {
  for (const item of outboxItems()) dropOutboxItem(item.key);
  window.localStorage.clear();
  Object.assign(Taro.getCurrentInstance(), { router: { params: PARAMS, path: '/judge/pages/score/index' } });
});
afterEach(() => {
  stub?.restore();
  stub = undefined;
  resetServerClock();
  jest.restoreAllMocks();
  Object.assign(Taro.getCurrentInstance(), { router: null });
});

function serve(entry: () => JudgeEntryView, actions: Record<string, Handler> = {}, now = JUDGING_NOW): void {
  stub?.restore();
  stub = stubFetch({
    actions: {
      'auth.me': () => ok(judge),
      'judge.entry.get': () => ok({ entry: entry(), now }),
      ...actions,
    },
  });
}

async function open(
  entry: () => JudgeEntryView = () => entryView(),
  actions: Record<string, Handler> = {},
  now?: string,
) {
  serve(entry, actions, now);
  await act(() => refreshMe());
  const view = render(<JudgeScorePage />);
  await waitFor(() =>
    expect(view.container.querySelector('.score-sheet, .page-forbidden, .page-error')).not.toBeNull(),
  );
  return view;
}

/** Taro draws the <input> inside its element a tick after the element itself. */
async function input(container: HTMLElement, key: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector(`.score-criterion-${key} input`);
    if (!found) throw new Error(`no input for ${key} yet`);
    return found as HTMLInputElement;
  });
}

function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  element.value = value;
  fireEvent.input(element);
}

async function fill(container: HTMLElement, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) type(await input(container, key), value);
}

function text(container: HTMLElement, selector: string): string | null {
  return container.querySelector(selector)?.textContent ?? null;
}

function errorOf(container: HTMLElement, key: string): string | null {
  return text(container, `.score-criterion-${key} .field-error`);
}

function scoreCalls(): CallRequest[] {
  return (stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.score');
}

function echo(req: CallRequest) {
  const data = req.data as { points: Record<string, number>; comment: string };
  return ok(scoreAnswer(data.points, data.comment, '2024-08-30T00:05:00.000Z'));
}

describe('the materials', () => {
  test('project, field, company and facts; under blind review a note instead of the company', async () => {
    const { container, unmount } = await open();
    expect(text(container, '.score-project')).toBe('工业视觉质检平台');
    expect(text(container, '.score-meta')).toBe('企业组 · 新一代信息技术 · 浦东新区');
    expect(text(container, '.score-org')).toBe('上海测试科技有限公司');
    expect([...container.querySelectorAll('.score-fact')].map((f) => f.textContent)).toEqual([
      '组别企业组',
      '员工人数35 人',
    ]);
    expect(text(container, '.score-window')).toBe('预赛线上评审 · 评分中 · 北京时间 2024年8月31日 23:59 截止');
    expect(text(container, '.score-plan')).toContain('200 KB');
    unmount();

    const blind = await open(() => entryView({ orgName: null, round: judgeRound({ blind: true }) }));
    expect(blind.container.querySelector('.score-org')).toBeNull();
    expect(text(blind.container, '.score-blind')).toContain('匿名评审');
  });

  test('the business plan opens from the link judge.entry.get handed out (H5: a new tab)', async () => {
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.target}`);
    });
    const { container } = await open();
    fireEvent.click(container.querySelector('.score-plan') as Element);
    expect(clicked).toEqual(['/files/entries/e-1/plan.pdf?exp=1&sig=x _blank']);
  });

  test('an entry not assigned to the caller (FORBIDDEN) shows the not-allowed state', async () => {
    const { container } = await open(() => entryView(), {
      'judge.entry.get': () => ({
        json: { ok: false, error: { code: 'FORBIDDEN', message: '该项目未分配给您，不能查看或评分' } },
      }),
    });
    expect(text(container, '.page-forbidden-message')).toBe('该项目未分配给您，不能查看或评分');
    expect(container.querySelector('.score-sheet')).toBeNull();
  });
});

describe('the sheet', () => {
  test('the running total is exact: 27.5 + 18 + 17.5 + 12 + 11.5 = 86.5, and 86.50 once the server has it', async () => {
    const { container } = await open(() => entryView(), { 'judge.score': echo });
    expect(text(container, '.score-total')).toContain('合计 0 / 100');
    await fill(container, { innovation: '27.5', business: '18' });
    await waitFor(() => expect(text(container, '.score-total')).toContain('合计 45.5 / 100'));
    expect(text(container, '.score-total')).toContain('已打 2/5 项');
    await fill(container, { team: '17.5', market: '12', finance: '11.5' });
    await waitFor(() => expect(text(container, '.score-total')).toContain('合计 86.5 / 100'));

    fireEvent.click(container.querySelector('.score-submit') as Element);
    await waitFor(() => expect(container.querySelector('.score-state--submitted')).not.toBeNull());
    expect(text(container, '.score-state--submitted')).toContain('合计 86.50 分');
    expect(scoreCalls()[0]?.data).toEqual({
      roundId: 'r-pre',
      entryId: 'e-1',
      points: { innovation: 27.5, business: 18, team: 17.5, market: 12, finance: 11.5 },
      comment: '',
    });
  });

  test('weighted criteria add up in exact units, not in drifting floats (0.5 × 0.1 + 0.5 × 0.2 = 0.15)', async () => {
    const weighted = judgeRound({
      rubric: {
        criteria: [
          { key: 'a', name: '甲', description: '', maxPoints: 10, weight: 0.1 },
          { key: 'b', name: '乙', description: '', maxPoints: 10, weight: 0.2 },
        ],
      },
      maxPoints: 3,
    });
    const { container } = await open(() => entryView({ round: weighted }));
    expect(text(container, '.score-total')).toContain('/ 3');
    await fill(container, { a: '0.5', b: '0.5' });
    await waitFor(() => expect(text(container, '.score-total')).toContain('合计 0.15 / 3'));
  });

  test('7.3 and more than the maximum are explained beside the criterion, and nothing is sent', async () => {
    const { container } = await open(() => entryView(), { 'judge.score': echo });
    await fill(container, FULL);
    type(await input(container, 'innovation'), '7.3');
    await waitFor(() => expect(errorOf(container, 'innovation')).toBe('「技术创新」的分数应为 0.5 的整数倍'));
    type(await input(container, 'market'), '15.5');
    await waitFor(() => expect(errorOf(container, 'market')).toBe('「市场前景」最高 15 分'));
    // Invalid scores are not counted in the running total.
    expect(text(container, '.score-total')).toContain('合计 47 / 100');

    type(await input(container, 'finance'), '');
    fireEvent.click(container.querySelector('.score-submit') as Element);
    await waitFor(() => expect(errorOf(container, 'finance')).toBe('请为「财务状况」打分'));
    expect(errorOf(container, 'innovation')).toBe('「技术创新」的分数应为 0.5 的整数倍');
    expect(text(container, '.score-banner')).toBe('还有 3 项需要修改，请检查标红的项目');
    expect(scoreCalls()).toHaveLength(0);
    expect(outboxItems()).toHaveLength(0);

    type(await input(container, 'innovation'), '7.5');
    await waitFor(() => expect(errorOf(container, 'innovation')).toBeNull());
  });

  test('− and + move by 0.5 within 0 and the maximum', async () => {
    const { container } = await open();
    const plus = container.querySelector('.score-criterion-market .score-plus') as Element;
    const minus = container.querySelector('.score-criterion-market .score-minus') as Element;
    fireEvent.click(plus);
    await waitFor(async () => expect((await input(container, 'market')).value).toBe('0.5'));
    type(await input(container, 'market'), '14.5');
    fireEvent.click(plus);
    await waitFor(async () => expect((await input(container, 'market')).value).toBe('15'));
    fireEvent.click(plus);
    expect((await input(container, 'market')).value).toBe('15');
    type(await input(container, 'market'), '7.3');
    fireEvent.click(minus);
    await waitFor(async () => expect((await input(container, 'market')).value).toBe('7'));
    type(await input(container, 'market'), '0');
    fireEvent.click(minus);
    await waitFor(async () => expect((await input(container, 'market')).value).toBe('0'));
  });

  test('every change is kept on the phone: the page opened again restores it', async () => {
    const first = await open();
    await fill(first.container, { innovation: '27.5', business: '18' });
    type(first.container.querySelector('.score-comment textarea') as HTMLTextAreaElement, '技术扎实');
    first.unmount();

    const again = await open();
    expect((await input(again.container, 'innovation')).value).toBe('27.5');
    expect((await input(again.container, 'business')).value).toBe('18');
    expect((await input(again.container, 'team')).value).toBe('');
    expect((again.container.querySelector('.score-comment textarea') as HTMLTextAreaElement).value).toBe('技术扎实');
    expect(again.container.querySelector('.score-restored')).not.toBeNull();
    expect(text(again.container, '.score-total')).toContain('合计 45.5 / 100');
  });

  test('the server’s score wins over an older draft, a newer draft over the server’s score', async () => {
    // A draft typed now (2024-08-30), then a score saved on another phone later that day.
    const first = await open();
    await fill(first.container, { innovation: '20' });
    first.unmount();
    const later = await open(() =>
      entryView({ state: 'scored', myScore: myScore({ updatedAt: '2024-08-30T08:00:00.000Z' }) }),
    );
    expect((await input(later.container, 'innovation')).value).toBe('27.5');
    expect(later.container.querySelector('.score-restored')).toBeNull();
    expect(text(later.container, '.score-state--submitted')).toContain('北京时间 8月30日 16:00:00');
    later.unmount();

    // The same draft against a score from the day before: the draft is newer.
    const earlier = await open(() => entryView({ state: 'scored', myScore: myScore() }));
    expect((await input(earlier.container, 'innovation')).value).toBe('20');
    // The draft is the whole sheet as it was typed.
    expect((await input(earlier.container, 'business')).value).toBe('');
    expect(earlier.container.querySelector('.score-restored')).not.toBeNull();
    expect(earlier.container.querySelector('.score-dirty')).not.toBeNull();
    expect(text(earlier.container, '.score-submit')).toBe('更新评分');
  });

  test('after the window closes the sheet is read-only', async () => {
    const { container } = await open(
      () => entryView({ state: 'scored', myScore: myScore(), round: judgeRound({ window: 'closed' }) }),
      {},
      '2024-09-01T00:00:00.000Z',
    );
    expect(container.querySelector('.score-sheet--readonly')).not.toBeNull();
    expect(text(container, '.score-window')).toContain('已截止');
    expect(container.querySelector('.score-submit')).toBeNull();
    expect((await input(container, 'innovation')).disabled).toBe(true);
    expect(text(container, '.score-sheet')).toContain('本轮评分已截止，评分表只读');
  });
});

describe('submitting through the outbox', () => {
  test('offline: the score waits (待同步); when the network is back it is sent with the same requestId (已提交)', async () => {
    let online = false;
    const { container } = await open(() => entryView(), {
      'judge.score': (req) => (online ? echo(req) : new TypeError('Failed to fetch')),
    });
    await fill(container, FULL);
    fireEvent.click(container.querySelector('.score-submit') as Element);

    await waitFor(() => expect(container.querySelector('.score-state--pending')).not.toBeNull());
    expect(text(container, '.score-state--pending')).toContain('待同步');
    expect(text(container, '.score-state--pending')).toContain('网络恢复后将自动提交');
    expect(outboxItems()).toEqual([expect.objectContaining({ action: 'judge.score', attempts: 1, failed: null })]);
    expect(scoreCalls()).toHaveLength(1);

    online = true;
    await act(async () => {
      await flushOutbox();
    });
    await waitFor(() => expect(container.querySelector('.score-state--submitted')).not.toBeNull());
    expect(text(container, '.score-state--submitted')).toContain('合计 86.50 分');
    const [lost, delivered] = scoreCalls();
    expect(delivered?.requestId).toBe(lost?.requestId);
    expect(delivered?.data).toEqual(lost?.data);
    expect(outboxItems()).toEqual([]);
  });

  test('a refusal (ROUND_CLOSED) shows 提交失败 with the server’s message, and the draft stays', async () => {
    const { container, unmount } = await open(() => entryView(), {
      'judge.score': () => ({ json: { ok: false, error: { code: 'ROUND_CLOSED', message: '本轮评分已截止' } } }),
    });
    await fill(container, FULL);
    fireEvent.click(container.querySelector('.score-submit') as Element);
    await waitFor(() => expect(container.querySelector('.score-state--failed')).not.toBeNull());
    expect(text(container, '.score-state--failed')).toContain('提交失败');
    expect(text(container, '.score-state--failed')).toContain('本轮评分已截止');
    expect((await input(container, 'innovation')).value).toBe('27.5');
    unmount();

    const again = await open();
    expect((await input(again.container, 'finance')).value).toBe('11.5');
    expect(text(again.container, '.score-state--failed')).toContain('本轮评分已截止');
  });

  test('the server’s per-criterion refusal lands beside the criterion', async () => {
    const { container } = await open(() => entryView(), {
      'judge.score': () => ({
        json: {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: '评分表已更新，请刷新后重新打分',
            details: { 'points.team': '「团队能力」最高 15 分' },
          },
        },
      }),
    });
    await fill(container, FULL);
    fireEvent.click(container.querySelector('.score-submit') as Element);
    await waitFor(() => expect(errorOf(container, 'team')).toBe('「团队能力」最高 15 分'));
    expect(text(container, '.score-state--failed')).toContain('评分表已更新，请刷新后重新打分');
  });
});

describe('回避', () => {
  test('asks for a reason of 2 to 200 characters, sends it, and goes back to the round', async () => {
    const navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' });
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { container } = await open(() => entryView(), {
      'judge.recuse': () => ok({ state: 'recused', replacedBy: true }),
    });
    await fill(container, { innovation: '20' });
    fireEvent.click(container.querySelector('.score-recuse') as Element);
    const reason = await waitFor(() => {
      const found = container.querySelector('.recuse-reason textarea');
      if (!found) throw new Error('no reason box yet');
      return found as HTMLTextAreaElement;
    });
    type(reason, '是');
    fireEvent.click(container.querySelector('.recuse-confirm') as Element);
    await waitFor(() => expect(text(container, '.recuse-reason-error')).toBe('回避理由至少 2 个字'));
    expect((stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.recuse')).toHaveLength(0);

    type(reason, '曾在该企业担任顾问');
    fireEvent.click(container.querySelector('.recuse-confirm') as Element);
    // Opened on its own here (no page below it), so the round page is opened in its place.
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/judge/pages/round/index?roundId=r-pre' }));
    expect(navigateBack).not.toHaveBeenCalled();
    const [call] = (stub?.apiCalls() ?? []).filter((c) => c.action === 'judge.recuse');
    expect(call?.data).toEqual({ roundId: 'r-pre', entryId: 'e-1', reason: '曾在该企业担任顾问' });
    expect(call?.requestId).toBeDefined();
    expect(container.querySelector('.score-state--recused')).not.toBeNull();
    // The draft typed before is of no use any more.
    expect(Object.keys(window.localStorage).filter((k) => k.startsWith('judge.draft.'))).toEqual([]);
    expect(container.querySelector('.score-submit')).toBeNull();
  });
});
