/**
 * When the planned reminders are due, in Shanghai time: 报名截止提醒 from closesAt − 72 h and − 24 h (never 还有 3 天
 * inside the last day), 评审截止提醒 from a round's closesAt − 24 h while it is open; and the per-contest switches.
 */
import fc from 'fast-check';
import {
  REMINDER_KINDS,
  REMINDERS,
  daysLeft,
  deadlineStepDue,
  judgeReminderDue,
  reminderEnabled,
  reminderSettingsView,
  reminderSource,
} from '../../../core/notify/reminders';
import { NOTIFY_KINDS, TEMPLATES } from '../../../core/notify/templates';
import { shanghaiToIso } from '../../../core/time/shanghai';

const window = { opensAt: shanghaiToIso('2026-12-01'), closesAt: shanghaiToIso('2026-12-31', '23:59:59') };
const at = (date: string, time: string) => new Date(shanghaiToIso(date, time));

test('registration: nothing before closesAt − 72 h, then the 3-day step, then the 1-day step, nothing after', () => {
  expect(deadlineStepDue(window, at('2026-12-28', '23:59:58'))).toBeNull();
  expect(deadlineStepDue(window, at('2026-12-28', '23:59:59'))).toBe('deadline3');
  expect(deadlineStepDue(window, at('2026-12-30', '23:59:58'))).toBe('deadline3');
  expect(deadlineStepDue(window, at('2026-12-30', '23:59:59'))).toBe('deadline1');
  expect(deadlineStepDue(window, at('2026-12-31', '23:59:59'))).toBe('deadline1');
  expect(deadlineStepDue(window, at('2027-01-01', '00:00:00'))).toBeNull();
  // A window that opens inside the last days reminds nobody before it opens.
  expect(deadlineStepDue({ ...window, opensAt: shanghaiToIso('2026-12-30') }, at('2026-12-29', '12:00:00'))).toBeNull();
});

test('the 1-day step is the only one due in the last day, whatever the instant', () => {
  const close = Date.parse(window.closesAt);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 * 86400_000 }), (before) => {
      const step = deadlineStepDue(window, new Date(close - before));
      if (before <= 86400_000) expect(step).toBe('deadline1');
      else if (before <= 3 * 86400_000) expect(step).toBe('deadline3');
      else expect(step).toBeNull();
    }),
  );
});

test('days left are rounded up and at least 1', () => {
  expect(daysLeft(window.closesAt, at('2026-12-28', '23:59:59'))).toBe(3);
  expect(daysLeft(window.closesAt, at('2026-12-29', '12:00:00'))).toBe(3);
  expect(daysLeft(window.closesAt, at('2026-12-31', '23:00:00'))).toBe(1);
});

test('judges: from closesAt − 24 h while the round is open', () => {
  const round = { opensAt: shanghaiToIso('2026-11-25'), closesAt: shanghaiToIso('2026-12-10', '23:59:59') };
  expect(judgeReminderDue(round, at('2026-12-09', '23:59:58'))).toBe(false);
  expect(judgeReminderDue(round, at('2026-12-09', '23:59:59'))).toBe(true);
  expect(judgeReminderDue(round, at('2026-12-10', '23:59:59'))).toBe(true);
  expect(judgeReminderDue(round, at('2026-12-11', '00:00:00'))).toBe(false);
  expect(
    judgeReminderDue({ ...round, opensAt: shanghaiToIso('2026-12-10', '12:00:00') }, at('2026-12-10', '08:00:00')),
  ).toBe(false);
});

test('every kind is a template kind with a label and a description, and on until switched off', () => {
  for (const kind of REMINDER_KINDS) {
    expect(NOTIFY_KINDS).toContain(kind);
    expect(TEMPLATES[kind]).toBeDefined();
    expect(REMINDERS[kind].label).not.toBe('');
    expect(REMINDERS[kind].description).not.toBe('');
    expect(reminderEnabled(undefined, kind)).toBe(true);
    expect(reminderEnabled({ [kind]: true }, kind)).toBe(true);
    expect(reminderEnabled({ [kind]: false }, kind)).toBe(false);
  }
  expect(REMINDER_KINDS).not.toContain('announcement');
  const view = reminderSettingsView('c1', { award: false });
  expect(view.kinds.map((k) => [k.kind, k.enabled])).toEqual(REMINDER_KINDS.map((k) => [k, k !== 'award']));
});

test('sources are ids of the wire, short enough with an openid to be a notice id', () => {
  const contestId = 'c'.repeat(64);
  const entryId = `e-${'a'.repeat(24)}`;
  const roundId = `${contestId}:preliminary`;
  const sources = [
    reminderSource.deadline('deadline3', contestId),
    reminderSource.deadline('deadline1', contestId),
    reminderSource.review(entryId, 12),
    reminderSource.advance(roundId),
    reminderSource.award(roundId),
    reminderSource.judgeCloses(roundId),
    reminderSource.results(`adv-${'b'.repeat(20)}`),
    reminderSource.final(roundId, 'f'.repeat(12)),
  ];
  for (const source of sources) expect(source).toMatch(/^[A-Za-z0-9_.:-]{1,160}$/);
  expect(new Set(sources).size).toBe(sources.length);
});
