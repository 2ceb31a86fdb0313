/**
 * 现场决赛 host console against a stubbed fetch and a stand-in for the show's push channel: 出场设置 (panel, minutes,
 * 首位选手延后评分, names on reveal) saved with admin.live.upsert; 抽签 with a typed seed and 手动排序 with a
 * reason; a contestant moved 路演 → 答辩 → 评分 → 亮分 → 完成 with admin.live.control, the scored count following
 * the judges; 标记缺席 and 提前结束评分 asking why; a refusal from the cloud in its words; the not-allowed state.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { LiveConsoleView } from '@core/live/views';
import type { JudgeView } from '@core/judging/views';
import type { CallRequest } from '@core/wire';
import AdminLivePage from '../../src/stage/pages/console/index';
import { ok } from './support/fetch-stub';
import { callsOf, click, drawn, fail, has, restore, round, serve, text, type } from './support/admin-judging';
import { judge } from './support/judging';
import {
  LIVE_ID,
  LIVE_NOW,
  LIVE_ROUND_ID,
  consoleView,
  installLiveStream,
  panel,
  screenView,
  slot,
  type LiveStream,
} from './support/live';

const PATH = '/stage/pages/console/index';

let stream: LiveStream | undefined;
beforeEach(() => {
  stream = installLiveStream();
});
afterEach(() => {
  stream?.uninstall();
  restore();
});

function card(container: HTMLElement, entryId: string): HTMLElement {
  const found = container.querySelector(`.live-slot-card[data-entry-id="${entryId}"]`);
  if (!found) throw new Error(`no card for ${entryId}`);
  return found as HTMLElement;
}

function stateOf(container: HTMLElement, entryId: string): string {
  return text(container, `.live-slot-card[data-entry-id="${entryId}"] .live-slot-state`);
}

/** Types into a Taro Textarea (the reason dialogs). */
async function typeReason(container: HTMLElement, selector: string, value: string): Promise<void> {
  const box = await waitFor(() => {
    const found = container.querySelector(`${selector} textarea`);
    if (!found) throw new Error(`${selector} has no textarea yet`);
    return found as HTMLTextAreaElement;
  });
  box.value = value;
  fireEvent.input(box);
}

function controls(calls: CallRequest[]): unknown[] {
  return calls.map((c) => c.data);
}

function candidate(key: string, name: string, organization: string): JudgeView {
  return {
    key,
    name,
    organization,
    title: '教授',
    expertise: ['新一代信息技术'],
    conflicts: { names: [], creditCodes: [] },
    boundAt: '2024-10-01T02:00:00.000Z',
  };
}

describe('设置', () => {
  test('the first save creates the show with the panel in the order chosen, the minutes and both switches', async () => {
    let show: LiveConsoleView | null = null;
    const s = await serve(
      PATH,
      { roundId: LIVE_ROUND_ID, group: 'enterprise' },
      {
        'admin.live.get': () => (show ? ok({ console: show }) : fail('NOT_FOUND', '现场决赛尚未设置')),
        'admin.round.get': () =>
          ok({ round: round({ id: LIVE_ROUND_ID, stage: 'final', name: '总决赛', mode: 'live' }), sessions: [] }),
        'admin.judge.list': () =>
          ok({
            judges: [
              candidate('k-wang', '王建国', '复旦大学'),
              candidate('k-li', '李芳', '上海交通大学'),
              candidate('k-zhao', '赵敏', '同济大学'),
            ],
            invites: [],
          }),
        'admin.live.upsert': () => {
          show = consoleView({
            judges: [
              { key: 'k-li', name: '李芳', label: '李芳' },
              { key: 'k-wang', name: '王建国', label: '王建国' },
            ],
            settings: { pitchMinutes: 6, qaMinutes: 4, deferFirst: true, judgeLabels: 'named' },
            order: null,
            slots: [slot(1, { position: 0 }), slot(2, { position: 0 }), slot(3, { position: 0 })],
            version: 1,
          });
          return ok({ console: show });
        },
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-setup');
    expect(text(container, '.live-judges__empty')).toBe('尚未选择评委');
    expect(text(container, '.live-setup-save')).toBe('创建并保存');

    // Nothing chosen: said beside the panel, nothing sent.
    click(container, '.live-setup-save');
    await waitFor(() =>
      expect(text(container, '.form-row[data-for="judges"] .field-error')).toBe('请至少选择 1 位评委'),
    );
    expect(callsOf(s, 'admin.live.upsert')).toHaveLength(0);

    click(container, '.live-judge--free[data-key="k-li"]');
    await drawn(container, '.live-judge--chosen[data-key="k-li"]');
    click(container, '.live-judge--free[data-key="k-wang"]');
    await drawn(container, '.live-judge--chosen[data-key="k-wang"]');
    expect(
      [...container.querySelectorAll('.live-judge--chosen')].map(
        (j) => `${text(j as HTMLElement, '.live-judge__number')} ${text(j as HTMLElement, '.live-judge__name')}`,
      ),
    ).toEqual(['评委 1 李芳', '评委 2 王建国']);
    expect(has(container, '.form-row[data-for="judges"] .field-error')).toBe(false);

    await type(container, '.live-pitch-minutes', '6');
    await type(container, '.live-qa-minutes', '4');
    click(container, '.live-defer-first');
    await waitFor(() =>
      expect(container.querySelector('.live-defer-first')?.getAttribute('aria-checked')).toBe('true'),
    );
    click(container, '.live-labels-named');
    await waitFor(() =>
      expect(container.querySelector('.live-labels-named')?.getAttribute('aria-pressed')).toBe('true'),
    );
    expect(text(container, '.live-help')).toBe('亮分时大屏显示每位评委的姓名');

    click(container, '.live-setup-save');
    await drawn(container, '.live-setup-saved');
    expect(text(container, '.live-setup-saved')).toBe('已创建本组现场决赛，请抽签或手动排序');
    expect(callsOf(s, 'admin.live.upsert').map((c) => c.data)).toEqual([
      {
        roundId: LIVE_ROUND_ID,
        group: 'enterprise',
        judges: ['k-li', 'k-wang'],
        settings: { pitchMinutes: 6, qaMinutes: 4, deferFirst: true, judgeLabels: 'named' },
      },
    ]);
    // The show exists now: its order is next, and the form saves changes from here on.
    await drawn(container, '.live-order-setup');
    expect(text(container, '.live-draw-button')).toBe('抽签');
    expect(text(container, '.live-setup-save')).toBe('保存出场设置');
  });

  test('a 场次: its name and finalists; one held by another session cannot be chosen; none chosen is refused here', async () => {
    const sessionId = `${LIVE_ROUND_ID}:enterprise:s2`;
    let show: LiveConsoleView | null = null;
    const s = await serve(
      PATH,
      { roundId: LIVE_ROUND_ID, group: 'enterprise', session: 's2' },
      {
        'admin.live.get': () => (show ? ok({ console: show }) : fail('NOT_FOUND', '现场决赛尚未设置')),
        'admin.round.get': () =>
          ok({ round: round({ id: LIVE_ROUND_ID, stage: 'final', name: '总决赛', mode: 'live' }), sessions: [] }),
        'admin.judge.list': () => ok({ judges: [candidate('k-li', '李芳', '上海交通大学')], invites: [] }),
        'admin.live.finalists': () =>
          ok({
            finalists: [
              {
                entryId: 'e-1',
                projectName: '决赛项目1',
                orgName: '上海一号公司',
                field: '生物医药',
                liveId: `${LIVE_ROUND_ID}:enterprise:s1`,
                sessionName: '上午场',
              },
              {
                entryId: 'e-2',
                projectName: '决赛项目2',
                orgName: '上海二号公司',
                field: '生物医药',
                liveId: null,
                sessionName: null,
              },
              {
                entryId: 'e-3',
                projectName: '决赛项目3',
                orgName: '上海三号公司',
                field: '生物医药',
                liveId: null,
                sessionName: null,
              },
            ],
          }),
        'admin.live.upsert': () => {
          show = consoleView({
            liveId: sessionId,
            session: { key: 's2', name: '下午场' },
            judges: [{ key: 'k-li', name: '李芳', label: '评委 1' }],
            order: null,
            slots: [slot(3, { position: 0 })],
            version: 1,
          });
          return ok({ console: show });
        },
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-finalist[data-entry-id="e-3"]');
    // A new session is named by its number until the organizer names it.
    expect((container.querySelector('.live-session-name input') as HTMLInputElement).value).toBe('第2场');
    expect(text(container, '.live-finalist[data-entry-id="e-1"] .live-finalist__where')).toBe('已在「上午场」');
    click(container, '.live-finalist[data-entry-id="e-1"] .live-finalist-check');
    expect(
      container.querySelector('.live-finalist[data-entry-id="e-1"] .live-finalist-check')?.getAttribute('aria-checked'),
    ).toBe('false');

    click(container, '.live-judge--free[data-key="k-li"]');
    await drawn(container, '.live-judge--chosen[data-key="k-li"]');
    click(container, '.live-setup-save');
    await waitFor(() =>
      expect(text(container, '.form-row[data-for="session.entryIds"] .field-error')).toBe(
        '请至少选择 1 个本场次的项目',
      ),
    );
    expect(callsOf(s, 'admin.live.upsert')).toHaveLength(0);

    await type(container, '.live-session-name', '下午场');
    click(container, '.live-finalist[data-entry-id="e-3"] .live-finalist-check');
    await waitFor(() =>
      expect(
        container
          .querySelector('.live-finalist[data-entry-id="e-3"] .live-finalist-check')
          ?.getAttribute('aria-checked'),
      ).toBe('true'),
    );
    click(container, '.live-setup-save');
    await drawn(container, '.live-setup-saved');
    expect(text(container, '.live-setup-saved')).toBe('已创建本场次现场决赛，请抽签或手动排序');
    expect(callsOf(s, 'admin.live.upsert').map((c) => c.data)).toEqual([
      {
        roundId: LIVE_ROUND_ID,
        group: 'enterprise',
        session: { key: 's2', name: '下午场', entryIds: ['e-3'] },
        judges: ['k-li'],
        settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: false, judgeLabels: 'numbered' },
      },
    ]);
    expect(text(container, '.live-title')).toContain('企业组 · 下午场');
  });

  test('抽签 with a typed seed: a seed with spaces is refused here; a good one is sent and the order shown with it', async () => {
    const undrawn = consoleView({
      order: null,
      slots: [slot(1, { position: 0 }), slot(2, { position: 0 }), slot(3, { position: 0 })],
    });
    const s = await serve(
      PATH,
      { liveId: LIVE_ID },
      {
        'admin.live.get': () => ok({ console: undrawn }),
        'admin.live.draw': () =>
          ok({
            console: consoleView({
              order: { method: 'draw', seed: 'final-2024', reason: null, at: LIVE_NOW },
              slots: [slot(2, { position: 1 }), slot(3, { position: 2 }), slot(1, { position: 3 })],
              version: 4,
            }),
          }),
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-order-setup');
    expect(text(container, '.live-order-setup .admin-card-head')).toContain('尚未确定');

    await type(container, '.live-draw-seed', '决赛 2024!');
    click(container, '.live-draw-button');
    await drawn(container, '.live-draw-seed-error');
    expect(text(container, '.live-draw-seed-error')).toBe('抽签种子只能包含文字、字母、数字和 . : - _');
    expect(callsOf(s, 'admin.live.draw')).toHaveLength(0);

    await type(container, '.live-draw-seed', 'final-2024');
    click(container, '.live-draw-button');
    await drawn(container, '.live-order-done');
    expect(text(container, '.live-order-done')).toBe('已抽签，种子 final-2024');
    expect(callsOf(s, 'admin.live.draw').map((c) => c.data)).toEqual([{ liveId: LIVE_ID, seed: 'final-2024' }]);
    expect(text(container, '.live-order-seed__value')).toBe('final-2024');
    expect(text(container, '.live-order-method')).toContain('抽签');
    expect(
      [...container.querySelectorAll('.live-order-setup .live-order-row')].map(
        (r) =>
          `${text(r as HTMLElement, '.live-order-row__position')} ${text(r as HTMLElement, '.live-order-row__project')}`,
      ),
    ).toEqual(['1 决赛项目2', '2 决赛项目3', '3 决赛项目1']);
    expect(text(container, '.live-draw-button')).toBe('重新抽签');
  });

  test('手动排序 asks why: empty is refused in Chinese; with a reason the order is saved with admin.live.upsert', async () => {
    const drawnShow = consoleView();
    const s = await serve(
      PATH,
      { liveId: LIVE_ID },
      {
        'admin.live.get': () => ok({ console: drawnShow }),
        'admin.live.upsert': () =>
          ok({
            console: consoleView({
              order: { method: 'manual', seed: null, reason: '选手因交通原因申请调后', at: LIVE_NOW },
              slots: [slot(1), slot(3, { position: 2 }), slot(2, { position: 3 })],
              version: 4,
            }),
          }),
      },
    );
    const { container } = render(<AdminLivePage />);
    // The order is set: the page opens on 控制台; 设置 is one tap away until the first contestant goes on.
    await drawn(container, '.live-console');
    click(container, '.live-tab-setup');
    await drawn(container, '.live-manual-start');
    click(container, '.live-manual-start');
    await drawn(container, '.live-manual-row');
    click(container, '.live-manual-row[data-entry-id="e-3"] .live-manual-up');
    await waitFor(() =>
      expect([...container.querySelectorAll('.live-manual-row')].map((r) => r.getAttribute('data-entry-id'))).toEqual([
        'e-1',
        'e-3',
        'e-2',
      ]),
    );
    click(container, '.live-manual-save');
    await drawn(container, '.live-order-dialog');
    click(container, '.live-order-confirm');
    await drawn(container, '.live-order-reason-error');
    expect(text(container, '.live-order-reason-error')).toBe('请填写手动排序的原因');
    expect(callsOf(s, 'admin.live.upsert')).toHaveLength(0);

    await typeReason(container, '.live-order-dialog .live-order-reason', '选手因交通原因申请调后');
    click(container, '.live-order-confirm');
    await drawn(container, '.live-order-done');
    expect(text(container, '.live-order-done')).toBe('已按手动顺序保存，原因已记入评分日志');
    expect(callsOf(s, 'admin.live.upsert').map((c) => c.data)).toEqual([
      {
        roundId: LIVE_ROUND_ID,
        group: 'enterprise',
        judges: ['k-wang', 'k-li', 'k-zhao'],
        settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: false, judgeLabels: 'numbered' },
        manualOrder: { entryIds: ['e-1', 'e-3', 'e-2'], reason: '选手因交通原因申请调后' },
      },
    ]);
    expect(has(container, '.live-order-dialog')).toBe(false);
    expect(text(container, '.live-order-why')).toBe('手动排序原因：选手因交通原因申请调后');
    expect(text(container, '.live-order-method')).toContain('手动排序');
    expect(
      [...container.querySelectorAll('.live-order-setup .live-order-row')].map((r) => r.getAttribute('data-entry-id')),
    ).toEqual(['e-1', 'e-3', 'e-2']);
  });
});

test('手动排序 of a 场次 saves the session with its finalists, so it is not taken for the whole group', async () => {
  const sessionId = `${LIVE_ROUND_ID}:enterprise:s1`;
  const show = consoleView({
    liveId: sessionId,
    session: { key: 's1', name: '上午场' },
    slots: [slot(1), slot(2, { position: 2 })],
  });
  const s = await serve(
    PATH,
    { liveId: sessionId },
    {
      'admin.live.get': () => ok({ console: show }),
      'admin.live.finalists': () => ok({ finalists: [] }),
      'admin.live.upsert': () => ok({ console: show }),
    },
  );
  const { container } = render(<AdminLivePage />);
  await drawn(container, '.live-console');
  expect(text(container, '.live-title')).toContain('企业组 · 上午场');
  click(container, '.live-tab-setup');
  await drawn(container, '.live-manual-start');
  click(container, '.live-manual-start');
  await drawn(container, '.live-manual-row');
  click(container, '.live-manual-row[data-entry-id="e-2"] .live-manual-up');
  click(container, '.live-manual-save');
  await drawn(container, '.live-order-dialog');
  await typeReason(container, '.live-order-dialog .live-order-reason', '选手申请调换顺序');
  click(container, '.live-order-confirm');
  await drawn(container, '.live-order-done');
  expect(callsOf(s, 'admin.live.upsert').map((c) => c.data)).toEqual([
    expect.objectContaining({
      session: { key: 's1', name: '上午场', entryIds: ['e-1', 'e-2'] },
      manualOrder: { entryIds: ['e-2', 'e-1'], reason: '选手申请调换顺序' },
    }),
  ]);
});

describe('控制台', () => {
  const pitchTimer = { phase: 'pitch' as const, plannedMs: 480_000, extraMs: 0, elapsedMs: 0, runningSince: LIVE_NOW };
  const qaTimer = { phase: 'qa' as const, plannedMs: 420_000, extraMs: 0, elapsedMs: 0, runningSince: LIVE_NOW };
  const nobody = panel.map(({ key, name }) => ({ key, name }));

  test('路演 → 答辩 → 评分 (x / y scored, following the judges) → 提前结束评分 with a reason → 亮分 → 完成', async () => {
    let show = consoleView();
    const next: Partial<Record<string, () => LiveConsoleView>> = {
      pitch: () =>
        consoleView({ slots: [slot(1, { state: 'pitch', timer: pitchTimer }), slot(2), slot(3)], version: 4 }),
      qa: () => consoleView({ slots: [slot(1, { state: 'qa', timer: qaTimer }), slot(2), slot(3)], version: 5 }),
      score: () =>
        consoleView({
          slots: [
            slot(1, { state: 'scoring', timer: { ...qaTimer, runningSince: null }, missing: nobody }),
            slot(2),
            slot(3),
          ],
          version: 6,
        }),
      close: () =>
        consoleView({
          slots: [
            slot(1, {
              state: 'revealed',
              reason: '评委手机故障，经评审组长同意',
              scored: [nobody[0] as { key: string; name: string }],
              missing: nobody.slice(1),
              reveal: {
                entryId: 'e-1',
                position: 1,
                projectName: '决赛项目1',
                lines: [{ label: '评委 1', total: '86.50', dropped: null }],
                aggregation: 'trimmed',
                final: '86.50',
                revision: 1,
                changedFrom: null,
                headHash: 'a1b2c3d4e5f6',
                at: '2024-10-20T01:50:00.000Z',
              },
            }),
            slot(2),
            slot(3),
          ],
          version: 8,
        }),
      finish: () => consoleView({ slots: [slot(1, { state: 'done' }), slot(2), slot(3)], version: 9 }),
    };
    const s = await serve(
      PATH,
      { liveId: LIVE_ID },
      {
        'admin.live.get': () => ok({ console: show }),
        'admin.live.control': (req) => {
          const command = (req.data as { command: string }).command;
          const move = next[command];
          if (!move) return fail('INVALID_STATE', '当前状态不允许此操作');
          show = move();
          return ok({ console: show });
        },
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-slot-card--next[data-entry-id="e-1"]');
    expect(stateOf(container, 'e-1')).toBe('候场');
    expect(text(card(container, 'e-1'), '.live-slot-card__position')).toBe('下一位 · 第 1 / 3 位');

    click(card(container, 'e-1'), '.live-command-pitch');
    await waitFor(() => expect(stateOf(container, 'e-1')).toBe('路演'));
    expect(text(card(container, 'e-1'), '.live-clock__phase')).toBe('路演');
    expect(text(card(container, 'e-1'), '.live-clock__plan')).toBe('计划 8 分钟');
    expect(has(card(container, 'e-1'), '.live-command-pause')).toBe(true);

    click(card(container, 'e-1'), '.live-command-qa');
    await waitFor(() => expect(stateOf(container, 'e-1')).toBe('答辩'));
    expect(text(card(container, 'e-1'), '.live-clock__plan')).toBe('计划 7 分钟');

    click(card(container, 'e-1'), '.live-command-score');
    await waitFor(() => expect(stateOf(container, 'e-1')).toBe('评分'));
    expect(text(card(container, 'e-1'), '.live-progress-count')).toBe('已评分 0 / 3');
    expect(text(card(container, 'e-1'), '.live-progress-missing')).toBe('未评王建国、李芳、赵敏');
    expect(has(card(container, 'e-1'), '.live-clock')).toBe(false);

    // 王建国 scores on his phone: the show moves, the console reads itself again.
    show = consoleView({
      slots: [
        slot(1, {
          state: 'scoring',
          timer: { ...qaTimer, runningSince: null },
          scored: nobody.slice(0, 1),
          missing: nobody.slice(1),
        }),
        slot(2),
        slot(3),
      ],
      version: 7,
    });
    await stream?.push(screenView({ version: 7, progress: { scored: 1, of: 3 } }));
    await waitFor(() => expect(text(card(container, 'e-1'), '.live-progress-count')).toBe('已评分 1 / 3'));
    expect(text(card(container, 'e-1'), '.live-progress-scored')).toBe('已评王建国');
    expect(text(card(container, 'e-1'), '.live-progress-missing')).toBe('未评李芳、赵敏');

    // Two judges still out: closing early must say why.
    expect(text(card(container, 'e-1'), '.live-command-close')).toBe('提前结束评分');
    click(card(container, 'e-1'), '.live-command-close');
    await drawn(container, '.live-reason-dialog');
    expect(text(container, '.live-reason-dialog .reason-dialog__title')).toBe('提前结束评分');
    expect(text(container, '.live-reason-dialog .reason-dialog__description')).toContain(
      '第 1 位「决赛项目1」尚有 2 位评委未评分（李芳、赵敏）',
    );
    click(container, '.live-reason-confirm');
    await drawn(container, '.live-reason-reason-error');
    expect(text(container, '.live-reason-reason-error')).toBe('请填写原因');
    expect(controls(callsOf(s, 'admin.live.control'))).toHaveLength(3);

    await typeReason(container, '.live-reason-dialog .live-reason-reason', '评委手机故障，经评审组长同意');
    click(container, '.live-reason-confirm');
    await waitFor(() => expect(stateOf(container, 'e-1')).toBe('亮分'));
    expect(has(container, '.live-reason-dialog')).toBe(false);
    expect(text(card(container, 'e-1'), '.live-reveal-final')).toBe('86.50');
    expect(text(card(container, 'e-1'), '.live-slot-reason')).toBe('原因：评委手机故障，经评审组长同意');

    click(card(container, 'e-1'), '.live-command-finish');
    // Done: the card goes, the next contestant is up, the order counts one done.
    await drawn(container, '.live-slot-card--next[data-entry-id="e-2"]');
    expect(has(container, '.live-slot-card[data-entry-id="e-1"]')).toBe(false);
    expect(text(container, '.live-order-row[data-entry-id="e-1"] .live-state')).toBe('完成');
    expect(text(container, '.live-order-count')).toBe('已完成 1 / 3');

    expect(controls(callsOf(s, 'admin.live.control'))).toEqual([
      { liveId: LIVE_ID, command: 'pitch', entryId: 'e-1' },
      { liveId: LIVE_ID, command: 'qa', entryId: 'e-1' },
      { liveId: LIVE_ID, command: 'score', entryId: 'e-1' },
      { liveId: LIVE_ID, command: 'close', entryId: 'e-1', reason: '评委手机故障，经评审组长同意' },
      { liveId: LIVE_ID, command: 'finish', entryId: 'e-1' },
    ]);
  });

  test('标记缺席 asks why: empty is refused in Chinese; with a reason it is sent and the next contestant is up', async () => {
    let show = consoleView();
    const s = await serve(
      PATH,
      { liveId: LIVE_ID },
      {
        'admin.live.get': () => ok({ console: show }),
        'admin.live.control': () => {
          show = consoleView({
            slots: [slot(1, { state: 'absent', reason: '选手未到场' }), slot(2), slot(3)],
            version: 4,
          });
          return ok({ console: show });
        },
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-slot-card--next[data-entry-id="e-1"]');

    click(card(container, 'e-1'), '.live-command-absent');
    await drawn(container, '.live-reason-dialog');
    expect(text(container, '.live-reason-dialog .reason-dialog__title')).toBe('标记缺席');
    click(container, '.live-reason-confirm');
    await drawn(container, '.live-reason-reason-error');
    expect(text(container, '.live-reason-reason-error')).toBe('请填写原因');
    expect(callsOf(s, 'admin.live.control')).toHaveLength(0);

    await typeReason(container, '.live-reason-dialog .live-reason-reason', '选手未到场');
    click(container, '.live-reason-confirm');
    await drawn(container, '.live-slot-card--next[data-entry-id="e-2"]');
    expect(has(container, '.live-reason-dialog')).toBe(false);
    expect(text(container, '.live-order-row[data-entry-id="e-1"] .live-state')).toBe('缺席');
    expect(text(container, '.live-order-count')).toBe('已完成 0 / 3 · 缺席或退赛 1');
    expect(controls(callsOf(s, 'admin.live.control'))).toEqual([
      { liveId: LIVE_ID, command: 'absent', entryId: 'e-1', reason: '选手未到场' },
    ]);
  });

  test('首位选手延后评分: while the first is scored and the second still in 答辩, the first is highlighted, as on the screen', async () => {
    const show = consoleView({
      settings: { pitchMinutes: 8, qaMinutes: 7, deferFirst: true, judgeLabels: 'numbered' },
      slots: [
        slot(1, { state: 'scoring' }),
        slot(2, { state: 'qa', timer: { ...pitchTimer, phase: 'qa' as const, plannedMs: 420_000 } }),
        slot(3),
      ],
      version: 9,
    });
    await serve(PATH, { liveId: LIVE_ID }, { 'admin.live.get': () => ok({ console: show }) });
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-slot-card--current');
    const cards = [...container.querySelectorAll('.live-slot-card')].map((c) => c.getAttribute('data-entry-id'));
    expect(container.querySelector('.live-slot-card--current')?.getAttribute('data-entry-id')).toBe('e-1');
    expect(cards.slice(0, 2)).toEqual(['e-1', 'e-2']);
  });

  test('a refusal (INVALID_STATE: another console moved first) shows the cloud’s Chinese message; the console reads again', async () => {
    let show = consoleView();
    const s = await serve(
      PATH,
      { liveId: LIVE_ID },
      {
        'admin.live.get': () => ok({ console: show }),
        'admin.live.control': () => {
          // The second console already started contestant 1.
          show = consoleView({ slots: [slot(1, { state: 'pitch', timer: pitchTimer }), slot(2), slot(3)], version: 4 });
          return fail('INVALID_STATE', '只有候场的选手可以开始路演（当前：路演）', {
            state: 'pitch',
            stateLabel: '路演',
          });
        },
      },
    );
    const { container } = render(<AdminLivePage />);
    await drawn(container, '.live-slot-card--next[data-entry-id="e-1"]');
    const reads = callsOf(s, 'admin.live.get').length;

    click(card(container, 'e-1'), '.live-command-pitch');
    await drawn(container, '.live-slot-card[data-entry-id="e-1"] .live-refusal');
    expect(text(card(container, 'e-1'), '.live-refusal')).toBe(
      '「开始路演」未执行：只有候场的选手可以开始路演（当前：路演）',
    );
    await waitFor(() => expect(stateOf(container, 'e-1')).toBe('路演'));
    expect(callsOf(s, 'admin.live.get').length).toBeGreaterThan(reads);
    expect(controls(callsOf(s, 'admin.live.control'))).toEqual([{ liveId: LIVE_ID, command: 'pitch', entryId: 'e-1' }]);
  });
});

test('a signed-in judge (not an organizer) gets the not-allowed state and no console', async () => {
  const s = await serve(
    PATH,
    { liveId: LIVE_ID },
    {
      'auth.me': () => ok(judge),
      'admin.live.get': () => ok({ console: consoleView() }),
    },
  );
  const { container } = render(<AdminLivePage />);
  await drawn(container, '.page-forbidden');
  expect(text(container, '.page-forbidden-message')).toBe('此页面仅限组委会访问');
  expect(has(container, '.live-console')).toBe(false);
  expect(has(container, '.live-setup')).toBe(false);
  expect(callsOf(s, 'admin.live.get')).toHaveLength(0);
});
