/**
 * 评审设置: the default rubric and its live total, criteria added / moved / removed with stable keys, the
 * Beijing-time window and the rest of admin.round.upsert on the wire, errors beside their boxes (ours and
 * the server's), a locked rubric read-only and RUBRIC_LOCKED from the server.
 */
import { render, waitFor } from '@testing-library/react';
import type { RoundView } from '@core/judging/views';
import {
  blankCriterion,
  checkRoundDraft,
  defaultCriteria,
  emptyRoundDraft,
  moveCriterion,
  nextCriterionKey,
  roundDraftFromView,
  rubricTotal,
} from '../../src/admin/lib/round-form';
import AdminRoundEditPage from '../../src/admin/pages/round-edit/index';
import { ok } from './support/fetch-stub';
import {
  CONTEST_ID,
  callsOf,
  click,
  contestDetail,
  drawn,
  fail,
  isDisabled,
  restore,
  round,
  serve,
  text,
  type,
} from './support/admin-judging';

afterEach(restore);

const PATH = '/admin/pages/round-edit/index';

function rows(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('.rubric-row')];
}

function keys(container: HTMLElement): string[] {
  return rows(container).map((r) => r.getAttribute('data-key') ?? '');
}

describe('the form’s rules', () => {
  test('the default rubric is 100 points over five criteria keyed c1 … c5', () => {
    const criteria = defaultCriteria();
    expect(criteria.map((c) => [c.key, c.name, c.maxPoints])).toEqual([
      ['c1', '技术创新性', '30'],
      ['c2', '商业模式', '20'],
      ['c3', '市场前景', '20'],
      ['c4', '团队能力', '15'],
      ['c5', '社会效益', '15'],
    ]);
    expect(rubricTotal(criteria)).toEqual({ text: '100', complete: true });
  });

  test('the total is exact with half points and weights, and says when a row does not count yet', () => {
    expect(
      rubricTotal([
        { maxPoints: '7.5', weight: '0.35' },
        { maxPoints: '10', weight: '1.1' },
      ]),
    ).toEqual({ text: '13.625', complete: true });
    expect(
      rubricTotal([
        { maxPoints: '30', weight: '1' },
        { maxPoints: '', weight: '1' },
      ]),
    ).toEqual({
      text: '30',
      complete: false,
    });
  });

  test('a new key never reuses a removed one; stored keys stay', () => {
    expect(nextCriterionKey([{ key: 'c1' }, { key: 'c4' }])).toBe('c5');
    expect(nextCriterionKey([{ key: 'innovation' }])).toBe('c1');
    expect(blankCriterion(defaultCriteria()).key).toBe('c6');
    expect(moveCriterion(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveCriterion(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  test('a stored round comes back to the same input; thresholds equal to the default stay default', () => {
    const stored = round({ scoreGapPoints: 20, judgeBiasPoints: 8 });
    const draft = roundDraftFromView(stored);
    expect([draft.opensOn, draft.opensTime, draft.closesOn, draft.closesTime]).toEqual([
      '2024-09-01',
      '00:00',
      '2024-09-15',
      '23:59',
    ]);
    const checked = checkRoundDraft(draft, CONTEST_ID, 'preliminary', null);
    expect(checked.ok && checked.input).toMatchObject({
      rubric: stored.rubric,
      opensAt: '2024-09-01T00:00:00+08:00',
      closesAt: '2024-09-15T23:59:59+08:00',
      scoreGapPoints: null,
      judgeBiasPoints: 8,
    });
  });

  test('a window closing before it opens is refused beside 截止, with the schema’s own words', () => {
    const draft = { ...emptyRoundDraft('preliminary', contestDetail()), closesOn: '2024-08-01' };
    expect(checkRoundDraft(draft, CONTEST_ID, 'preliminary', null)).toEqual({
      ok: false,
      errors: { closesAt: '评分截止时间应晚于开始时间' },
    });
  });
});

test('a new round: the default rubric totals 100, a criterion added updates the total, save sends the round', async () => {
  const saved: { round?: RoundView } = {};
  const s = await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'preliminary' },
    {
      'admin.round.get': () =>
        saved.round ? ok({ round: saved.round, sessions: [] }) : fail('NOT_FOUND', '评审轮次不存在'),
      'admin.round.upsert': (req) => {
        saved.round = round({ updatedAt: '2024-09-05T02:00:00.000Z' });
        return ok({ round: saved.round, echo: req.data });
      },
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.round-edit-form');
  expect(text(container, '.round-edit-state')).toBe('新建轮次');
  expect(keys(container)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  expect(text(container, '.rubric-total')).toBe('满分合计 100 分');
  // The window defaults to the contest's 预赛 dates.
  expect((container.querySelector('input.round-opens-date') as HTMLInputElement).value).toBe('2024-09-01');
  expect((container.querySelector('input.round-closes-date') as HTMLInputElement).value).toBe('2024-09-15');

  click(container, '.rubric-add');
  expect(keys(container)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  expect(text(container, '.rubric-total')).toBe('满分合计 110 分');
  await type(container, '.rubric-row[data-key="c6"] .rubric-name', '知识产权');
  await type(container, '.rubric-row[data-key="c6"] .rubric-max', '5');
  await type(container, '.rubric-row[data-key="c1"] .rubric-max', '25');
  expect(text(container, '.rubric-total')).toBe('满分合计 100 分');
  // 知识产权 up one place, 社会效益 removed.
  click(container, '.rubric-row[data-key="c6"] .rubric-up');
  click(container, '.rubric-row[data-key="c5"] .rubric-remove');
  expect(keys(container)).toEqual(['c1', 'c2', 'c3', 'c4', 'c6']);
  expect(text(container, '.rubric-total')).toBe('满分合计 85 分');

  click(container, '.round-aggregation-mean');
  expect(container.querySelector('.round-aggregation-mean')?.getAttribute('aria-checked')).toBe('true');
  click(container, '.round-blind');
  await type(container, '.round-judges-per-entry', '5');
  await type(container, 'input.round-closes-time', '18:00');
  await type(container, '.round-score-gap', '15');
  click(container, '.round-save');
  await drawn(container, '.round-saved');
  const [sent] = callsOf(s, 'admin.round.upsert');
  expect(sent?.data).toEqual({
    contestId: CONTEST_ID,
    stage: 'preliminary',
    name: '预赛线上评审',
    rubric: {
      criteria: [
        { key: 'c1', name: '技术创新性', description: '核心技术的先进性与自主知识产权', maxPoints: 25, weight: 1 },
        { key: 'c2', name: '商业模式', description: '盈利模式清晰、可持续', maxPoints: 20, weight: 1 },
        { key: 'c3', name: '市场前景', description: '市场规模、竞争优势与成长性', maxPoints: 20, weight: 1 },
        { key: 'c4', name: '团队能力', description: '团队结构、经验与执行力', maxPoints: 15, weight: 1 },
        { key: 'c6', name: '知识产权', description: '', maxPoints: 5, weight: 1 },
      ],
    },
    aggregation: 'mean',
    judgesPerEntry: 5,
    blind: false,
    opensAt: '2024-09-01T00:00:00+08:00',
    closesAt: '2024-09-15T18:00:59+08:00',
    mode: 'online',
    panelCapacity: null,
    scoreGapPoints: 15,
    judgeBiasPoints: null,
  });
  expect(sent?.requestId).toEqual(expect.any(String));
  // Now stored: the page shows the saved round (its own keys).
  await waitFor(() => expect(text(container, '.round-edit-state')).toContain('已保存的轮次'));
  expect(keys(container)).toEqual(['innovation', 'business', 'market', 'team', 'social']);
});

test('errors sit beside their boxes: ours before sending, the server’s INVALID_INPUT by its keys', async () => {
  const s = await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'preliminary' },
    {
      'admin.round.get': () => ok({ round: round(), sessions: [] }),
      'admin.round.upsert': () =>
        fail('INVALID_INPUT', '填写的内容有误，请检查后重试', {
          'rubric.criteria.1.name': '评分项名称含有不适宜的内容',
          closesAt: '评分截止时间应晚于开始时间',
        }),
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.rubric-row');
  await type(container, '.rubric-row[data-key="innovation"] .rubric-max', '27.3');
  await type(container, '.rubric-row[data-key="business"] .rubric-name', '');
  await type(container, '.round-judges-per-entry', '0');
  click(container, '.round-save');
  await drawn(container, '.round-errors');
  const error = (key: string) => text(container, `.field-error[data-for="${key}"]`);
  expect(error('rubric.criteria.0.maxPoints')).toBe('满分应为 0.5 的整数倍');
  expect(container.querySelector('.rubric-row[data-key="innovation"] .field-error')?.getAttribute('data-for')).toBe(
    'rubric.criteria.0.maxPoints',
  );
  expect(error('rubric.criteria.1.name')).toBe('请填写评分项名称');
  expect(error('judgesPerEntry')).toBe('每个项目至少 1 位评委');
  expect(callsOf(s, 'admin.round.upsert')).toHaveLength(0);

  // Editing a box clears its message.
  await type(container, '.rubric-row[data-key="innovation"] .rubric-max', '30');
  expect(container.querySelector('.field-error[data-for="rubric.criteria.0.maxPoints"]')).toBeNull();
  await type(container, '.rubric-row[data-key="business"] .rubric-name', '商业模式');
  await type(container, '.round-judges-per-entry', '3');
  click(container, '.round-save');
  await drawn(container, '.round-server-error');
  expect(error('rubric.criteria.1.name')).toBe('评分项名称含有不适宜的内容');
  expect(container.querySelector('.rubric-row[data-key="business"] .field-error')?.textContent).toBe(
    '评分项名称含有不适宜的内容',
  );
  expect(error('closesAt')).toBe('评分截止时间应晚于开始时间');
  expect(callsOf(s, 'admin.round.upsert')).toHaveLength(1);
});

test('a locked rubric is read-only and sent as stored; other settings still change', async () => {
  const locked = round({ rubricLocked: true });
  const s = await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'preliminary' },
    {
      'admin.round.get': () => ok({ round: locked, sessions: [] }),
      'admin.round.upsert': () => ok({ round: { ...locked, aggregation: 'trimmed' } }),
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.rubric-row');
  expect(text(container, '.rubric-locked')).toContain('已有评分，评分表已锁定');
  expect(container.querySelectorAll('.rubric-row--locked').length).toBe(5);
  expect(container.querySelector('.rubric-name')).toBeNull();
  expect(container.querySelector('.rubric-max')).toBeNull();
  expect(container.querySelector('.rubric-add')).toBeNull();
  expect(container.querySelector('.rubric-remove')).toBeNull();
  expect(text(container, '.rubric-row[data-key="innovation"]')).toContain('30 分');

  click(container, '.round-aggregation-trimmed');
  click(container, '.round-save');
  await drawn(container, '.round-saved');
  const [sent] = callsOf(s, 'admin.round.upsert');
  expect((sent?.data as { rubric: unknown }).rubric).toEqual(locked.rubric);
  expect((sent?.data as { aggregation: string }).aggregation).toBe('trimmed');
});

test('RUBRIC_LOCKED from the server is said beside the rubric, which is then shown locked', async () => {
  let first = true;
  const s = await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'preliminary' },
    {
      'admin.round.get': () => {
        const answer = ok({ round: round({ rubricLocked: !first }), sessions: [] });
        first = false;
        return answer;
      },
      'admin.round.upsert': () => fail('RUBRIC_LOCKED', '本轮已有评分，评分表已锁定，不能修改'),
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.rubric-row');
  await type(container, '.rubric-row[data-key="innovation"] .rubric-max', '40');
  expect(text(container, '.rubric-total')).toBe('满分合计 110 分');
  click(container, '.round-save');
  await drawn(container, '.rubric-locked-error');
  expect(text(container, '.rubric-locked-error')).toContain('本轮已有评分，评分表已锁定');
  await drawn(container, '.rubric-locked');
  expect(container.querySelector('.rubric-max')).toBeNull();
  expect(text(container, '.rubric-total')).toBe('满分合计 100 分');
  expect(callsOf(s, 'admin.round.get').length).toBeGreaterThanOrEqual(2);
});

test('分组评审 asks for the entries per session; a decided round cannot be saved', async () => {
  const s = await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'semifinal' },
    {
      'admin.round.get': () => fail('NOT_FOUND', '评审轮次不存在'),
      'admin.round.upsert': () => ok({ round: round() }),
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.round-capacity');
  expect(container.querySelector('.round-mode-panels')?.getAttribute('aria-pressed')).toBe('true');
  await type(container, '.round-capacity', '');
  click(container, '.round-save');
  await waitFor(() => expect(text(container, '.field-error[data-for="panelCapacity"]')).toBe('请填写每组项目数'));
  expect(callsOf(s, 'admin.round.upsert')).toHaveLength(0);
  click(container, '.round-mode-online');
  expect(container.querySelector('.round-capacity')).toBeNull();
});

test('a round already advanced is read-only', async () => {
  await serve(
    PATH,
    { contestId: CONTEST_ID, stage: 'preliminary' },
    {
      'admin.round.get': () => ok({ round: round({ status: 'advanced' }), sessions: [] }),
    },
  );
  const { container } = render(<AdminRoundEditPage />);
  await drawn(container, '.round-edit-closed');
  expect(isDisabled(container.querySelector('.round-save'))).toBe(true);
});
