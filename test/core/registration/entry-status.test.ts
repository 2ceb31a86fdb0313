import {
  decisionTransitions,
  ENTRY_DECISIONS,
  ENTRY_STATUSES,
  entryStatusLabels,
  isActive,
  nextStatus,
  timeline,
  type EntryDecision,
  type EntryStatus,
} from '../../../core/registration/entry-status';

test('every status has its Chinese label', () => {
  expect(entryStatusLabels).toEqual({
    draft: '草稿',
    submitted: '已提交',
    approved: '资格审核通过',
    rejected: '资格审核未通过',
    semifinalist: '晋级复赛',
    finalist: '入围决赛',
    awarded: '获奖',
    disqualified: '取消资格',
    withdrawn: '已撤回',
  });
  expect(Object.keys(entryStatusLabels)).toEqual([...ENTRY_STATUSES]);
});

/** The whole table: rows are statuses, columns decisions; a decision not listed is refused. */
const expected: Record<EntryStatus, Partial<Record<EntryDecision, EntryStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { withdraw: 'withdrawn', approve: 'approved', reject: 'rejected', disqualify: 'disqualified' },
  approved: { reject: 'rejected', advance: 'semifinalist', disqualify: 'disqualified' },
  rejected: { approve: 'approved', disqualify: 'disqualified' },
  semifinalist: { shortlist: 'finalist', disqualify: 'disqualified' },
  finalist: { award: 'awarded', disqualify: 'disqualified' },
  awarded: { disqualify: 'disqualified' },
  disqualified: {},
  withdrawn: {},
};

const cases = ENTRY_STATUSES.flatMap((status) =>
  ENTRY_DECISIONS.map((decision) => [status, decision, expected[status][decision] ?? null] as const),
);

test.each(cases)('%s + %s → %s', (status, decision, to) => {
  const result = nextStatus(status, decision);
  if (to === null) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  } else {
    expect(result).toEqual({ ok: true, status: to });
  }
});

test('refusals say why, in Chinese', () => {
  expect(nextStatus('withdrawn', 'approve')).toEqual({
    ok: false,
    reason: '该报名当前为「已撤回」，不能执行「资格审核通过」',
  });
  expect(nextStatus('approved', 'approve')).toEqual({ ok: false, reason: '该报名已是「资格审核通过」，无需重复操作' });
  expect(nextStatus('disqualified', 'disqualify')).toEqual({
    ok: false,
    reason: '该报名已是「取消资格」，无需重复操作',
  });
  expect(nextStatus('draft', 'disqualify')).toEqual({
    ok: false,
    reason: '该报名当前为「草稿」，不能执行「取消参赛资格」',
  });
});

test('unknown statuses or decisions from stored data are refused, not trusted', () => {
  expect(nextStatus('archived' as EntryStatus, 'approve')).toEqual({ ok: false, reason: '报名状态异常，请联系组委会' });
  expect(nextStatus('submitted', 'delete' as EntryDecision)).toEqual({ ok: false, reason: '不支持的操作' });
  expect(nextStatus('submitted', 'toString' as EntryDecision)).toEqual({ ok: false, reason: '不支持的操作' });
});

test('who decides, and which decisions need a reason', () => {
  const by = Object.fromEntries(ENTRY_DECISIONS.map((d) => [d, decisionTransitions[d].by]));
  expect(by).toEqual({
    submit: 'entrant',
    withdraw: 'entrant',
    approve: 'organizer',
    reject: 'organizer',
    advance: 'organizer',
    shortlist: 'organizer',
    award: 'organizer',
    disqualify: 'organizer',
  });
  expect(ENTRY_DECISIONS.filter((d) => decisionTransitions[d].needsReason)).toEqual(['reject', 'disqualify']);
});

test('the one-entry key is held from submit until withdraw, rejected and disqualified included', () => {
  expect(ENTRY_STATUSES.filter(isActive)).toEqual([
    'submitted',
    'approved',
    'rejected',
    'semifinalist',
    'finalist',
    'awarded',
    'disqualified',
  ]);
  expect(isActive('bogus' as EntryStatus)).toBe(false);
});

test('no transition leaves a key-holding status for a free one except withdraw', () => {
  for (const decision of ENTRY_DECISIONS) {
    const t = decisionTransitions[decision];
    for (const from of t.from) {
      if (isActive(from) && !isActive(t.to)) expect(decision).toBe('withdraw');
    }
  }
});

test('the timeline shows the past in time order with Shanghai times, then the road ahead', () => {
  const steps = timeline([
    { status: 'approved', at: '2024-08-05T02:00:00.000Z', reason: null },
    { status: 'submitted', at: '2024-08-01T16:30:00.000Z' },
    { status: 'draft', at: '2024-07-30T01:00:00.000Z', reason: '' },
  ]);
  expect(steps).toEqual([
    { status: 'draft', label: '草稿', at: '2024-07-30T01:00:00.000Z', atText: '2024年7月30日 09:00', state: 'done' },
    {
      status: 'submitted',
      label: '已提交',
      at: '2024-08-01T16:30:00.000Z',
      atText: '2024年8月2日 00:30',
      state: 'done',
    },
    {
      status: 'approved',
      label: '资格审核通过',
      at: '2024-08-05T02:00:00.000Z',
      atText: '2024年8月5日 10:00',
      state: 'current',
    },
    { status: 'semifinalist', label: '晋级复赛', at: null, atText: '', state: 'upcoming' },
    { status: 'finalist', label: '入围决赛', at: null, atText: '', state: 'upcoming' },
    { status: 'awarded', label: '获奖', at: null, atText: '', state: 'upcoming' },
  ]);
});

test('a step off the main road ends the timeline and carries its reason', () => {
  const steps = timeline([
    { status: 'submitted', at: '2024-08-01T00:00:00.000Z' },
    { status: 'rejected', at: '2024-08-03T00:00:00.000Z', reason: '材料不全' },
  ]);
  expect(steps.map((s) => [s.status, s.state, s.reason])).toEqual([
    ['submitted', 'done', undefined],
    ['rejected', 'current', '材料不全'],
  ]);
});

test('a draft shows the whole road ahead; equal times keep their order; unreadable times go last', () => {
  expect(timeline([{ status: 'draft', at: '2024-08-01T00:00:00.000Z' }]).map((s) => s.status)).toEqual([
    'draft',
    'submitted',
    'approved',
    'semifinalist',
    'finalist',
    'awarded',
  ]);
  const steps = timeline([
    { status: 'submitted', at: 'not a time' },
    { status: 'draft', at: '2024-08-01T00:00:00.000Z' },
    { status: 'approved', at: '2024-08-01T00:00:00.000Z' },
  ]);
  expect(steps.slice(0, 3).map((s) => [s.status, s.atText])).toEqual([
    ['draft', '2024年8月1日 08:00'],
    ['approved', '2024年8月1日 08:00'],
    ['submitted', ''],
  ]);
  expect(timeline([])).toEqual([]);
});
