/**
 * Every message the platform builds passes WeChat's field rules (so 47003 is never reached for a value the
 * platform makes), long names are cut where the kind allows and refused where an organizer typed them.
 */
import fc from 'fast-check';
import { checkSubscriptionData } from '../../../cloudfunctions/adapters/local/local-messenger';
import { subscriptionFieldType } from '../../../core/notify/field-rules';
import {
  NOTIFY_KINDS,
  TEMPLATES,
  buildNotice,
  cleanFieldValue,
  fitField,
  fitFields,
  templateEnvName,
  type NoticeInputs,
} from '../../../core/notify/templates';

/** What the platform holds: long company names, emoji, full-width text, line breaks, digits. */
const platformText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.stringMatching(/^[\u4e00-\u9fa5]{1,60}$/),
  fc.constantFrom(
    '上海某某人工智能科技股份有限公司关于新一代智能制造的创新项目',
    '🚀 火箭 🚀 项目 👩‍👩‍👧 家庭版',
    'ＡＢＣ全角字母１２３全角数字',
    '第九届"创客中国"中小企业创新创业大赛（上海赛区）',
    '换行\n的\r\n项目',
    'a',
  ),
);
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString());
// Names may clean down to nothing (a project called 🚀🚀): the message must still be sendable.
const platformName = platformText;

const inputs: { [K in keyof NoticeInputs]: fc.Arbitrary<NoticeInputs[K]> } = {
  registrationDeadline: fc.record({
    contestId: fc.constant('c1'),
    contestName: platformName,
    closesAt: instant,
    daysLeft: fc.integer({ min: 0, max: 3 }),
  }),
  reviewResult: fc.record({
    contestId: fc.constant('c1'),
    projectName: platformName,
    passed: fc.boolean(),
    reason: fc.option(platformText, { nil: null }),
    decidedAt: instant,
  }),
  advancement: fc.record({
    contestId: fc.constant('c1'),
    projectName: platformName,
    stageName: platformName,
    contestName: platformName,
  }),
  award: fc.record({
    contestId: fc.constant('c1'),
    projectName: platformName,
    awardName: platformName,
    contestName: platformName,
    publishedAt: instant,
  }),
  judgeTask: fc.record({
    roundId: fc.constant('c1:preliminary'),
    roundName: platformName,
    pending: fc.integer({ min: 1, max: 100_000 }),
    closesAt: instant,
  }),
  announcement: fc.record({
    contestId: fc.constant('c1'),
    title: fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9]{1,20}$/),
    contestName: platformName,
    at: instant,
    note: fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9，。]{1,20}$/),
  }),
  resultPublished: fc.record({
    contestId: fc.constant('c1'),
    listTitle: platformName,
    contestName: platformName,
    publishedAt: instant,
  }),
  finalSchedule: fc.record({
    contestId: fc.constant('c1'),
    contestName: platformName,
    startsAt: instant,
    place: platformName,
  }),
};

describe.each(NOTIFY_KINDS)('the %s template', (kind) => {
  test('has WeChat-typed keys, each once, and an environment variable', () => {
    const keys = TEMPLATES[kind].fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(subscriptionFieldType(key)).not.toBeNull();
    expect(templateEnvName(kind)).toMatch(/^TEMPLATE_[A-Z_]+$/);
  });

  test('every message built from platform data passes WeChat’s field rules', () => {
    const arbitrary = inputs[kind] as fc.Arbitrary<NoticeInputs[typeof kind]>;
    fc.assert(
      fc.property(arbitrary, (input) => {
        const built = buildNotice(kind, input);
        if (!built.ok) throw new Error(JSON.stringify(built.problems));
        expect(checkSubscriptionData(built.notice.data)).toBeNull();
        expect(Object.keys(built.notice.data).sort()).toEqual(TEMPLATES[kind].fields.map((f) => f.key).sort());
        expect(built.notice.lines.map((l) => l.label)).toEqual(TEMPLATES[kind].fields.map((f) => f.label));
      }),
      { numRuns: 200 },
    );
  });
});

test('the environment variable names follow the kinds', () => {
  expect(templateEnvName('judgeTask')).toBe('TEMPLATE_JUDGE_TASK');
  expect(templateEnvName('registrationDeadline')).toBe('TEMPLATE_REGISTRATION_DEADLINE');
  expect(new Set(NOTIFY_KINDS.map(templateEnvName)).size).toBe(NOTIFY_KINDS.length);
});

test('a long name is cut to 20 characters with an ellipsis where the kind allows', () => {
  const name = '上海某某人工智能科技股份有限公司关于新一代智能制造的创新项目';
  const fitted = fitField({ key: 'thing1', label: '项目名称', overflow: 'cut' }, name);
  expect(fitted).toEqual({ ok: true, value: `${Array.from(name).slice(0, 19).join('')}…` });
  expect(fitted.ok && Array.from(fitted.value)).toHaveLength(20);
});

test('an organizer’s text over the limit is refused with the field and the limit in Chinese', () => {
  const result = fitFields('announcement', {
    thing1: '关于第九届创客中国决赛路演顺序调整的重要通知',
    thing2: '上海赛区',
    time3: '2026年12月8日 09:00',
    thing4: '请准时参加',
  });
  expect(result).toEqual({
    ok: false,
    problems: [{ key: 'thing1', label: '通知标题', message: '「通知标题」最多 20 个字' }],
  });
});

test('emoji, controls and line breaks are taken out; an empty value is a problem, not a 47003', () => {
  expect(cleanFieldValue('🚀 路演\n项目\u202e')).toBe('路演 项目');
  expect(fitField({ key: 'thing1', label: '项目名称', overflow: 'cut' }, '🚀🚀')).toEqual({ ok: true, value: '—' });
  expect(fitField({ key: 'thing4', label: '备注', overflow: 'refuse' }, ' 🎉 ')).toEqual({
    ok: false,
    problem: { key: 'thing4', label: '备注', message: '请填写「备注」' },
  });
});

test('a value that breaks its type’s format is refused with the expected format', () => {
  const result = fitField({ key: 'time3', label: '时间', overflow: 'refuse' }, '下周一上午');
  expect(result).toMatchObject({ ok: false, problem: { message: expect.stringContaining('时间，如') } });
});
