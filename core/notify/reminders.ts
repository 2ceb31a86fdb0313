/**
 * Automatic reminders: messages the platform sends by itself, planned by the cron function from the contests' and
 * rounds' dates or written by the decision they report. Each reaches a user at most once (its natural source id,
 * see reminderSource), and organizers turn each kind on or off per contest (admin.reminder.update); every kind is
 * on until they do.
 */
import { registrationStatus } from '../contest/types';
import { roundWindow } from '../judging/round-window';
import type { NotifyKind } from './templates';

export const REMINDER_KINDS = [
  'registrationDeadline',
  'reviewResult',
  'advancement',
  'award',
  'judgeTask',
  'resultPublished',
  'finalSchedule',
] as const satisfies readonly NotifyKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function isReminderKind(value: unknown): value is ReminderKind {
  return typeof value === 'string' && (REMINDER_KINDS as readonly string[]).includes(value);
}

/** What an organizer reads in 自动提醒: the kind's name and who gets what, when. */
export const REMINDERS: Readonly<Record<ReminderKind, { label: string; description: string }>> = {
  registrationDeadline: {
    label: '报名截止提醒',
    description: '报名截止前 3 天和前 1 天各一次，发给在本赛事还有未提交报名草稿的用户',
  },
  reviewResult: {
    label: '审核结果通知',
    description: '资格审核通过或未通过时发给报名人，未通过时附上理由',
  },
  advancement: {
    label: '晋级通知',
    description: '确认晋级名单后，发给晋级复赛或入围决赛的项目报名人',
  },
  award: {
    label: '获奖通知',
    description: '确认获奖名单后，发给获奖项目的报名人',
  },
  judgeTask: {
    label: '评审截止提醒',
    description: '评分截止前 1 天，发给本轮还有项目未评分的评委',
  },
  resultPublished: {
    label: '成绩公布通知',
    description: '名单公示时，发给订阅了本赛事提醒的用户',
  },
  finalSchedule: {
    label: '决赛安排通知',
    description: '决赛分组的时间和地点都填写后，发给该组入围决赛的报名人；时间或地点改动后再发一次',
  },
};

/** Per contest: the kinds an organizer switched; a kind not named is on. */
export type ReminderSwitches = Partial<Record<ReminderKind, boolean>>;

export function reminderEnabled(switches: ReminderSwitches | null | undefined, kind: ReminderKind): boolean {
  return switches?.[kind] !== false;
}

export interface ReminderSettingView {
  kind: ReminderKind;
  label: string;
  description: string;
  enabled: boolean;
}

export interface ReminderSettingsView {
  contestId: string;
  kinds: ReminderSettingView[];
}

export function reminderSettingsView(contestId: string, switches: ReminderSwitches | null | undefined) {
  return {
    contestId,
    kinds: REMINDER_KINDS.map((kind) => ({ kind, ...REMINDERS[kind], enabled: reminderEnabled(switches, kind) })),
  } satisfies ReminderSettingsView;
}

/** 报名截止提醒：开；审核结果通知：关 … for the audit record. */
export function reminderSwitchesText(switches: ReminderSwitches | null | undefined): string {
  return REMINDER_KINDS.map(
    (kind) => `${REMINDERS[kind].label}：${reminderEnabled(switches, kind) ? '开' : '关'}`,
  ).join('；');
}

// ---------------------------------------------------------------- when the planned ones are due

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The two registration-deadline reminders and how long before the close each is due. */
export const DEADLINE_STEPS = { deadline3: 3 * DAY_MS, deadline1: DAY_MS } as const;
export type DeadlineStep = keyof typeof DEADLINE_STEPS;

/** How long before a round's window closes its judges are reminded. */
export const JUDGE_LEAD_MS = DAY_MS;

/**
 * Which registration-deadline reminder is due at `now`: `deadline3` from closesAt − 72 h, `deadline1` from
 * closesAt − 24 h, while the window is open (Shanghai time is only how people read the instants). Inside the
 * last day only `deadline1` is due, so a planner that first sees a contest late never says 还有 3 天.
 */
export function deadlineStepDue(window: { opensAt: string; closesAt: string }, now: Date): DeadlineStep | null {
  if (registrationStatus(window, now) !== 'open') return null;
  const left = Date.parse(window.closesAt) - now.getTime();
  if (left <= DEADLINE_STEPS.deadline1) return 'deadline1';
  if (left <= DEADLINE_STEPS.deadline3) return 'deadline3';
  return null;
}

/** Whole days left before the close, rounded up (at least 1): the message's 还有 N 天. */
export function daysLeft(closesAt: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(closesAt) - now.getTime()) / DAY_MS));
}

/** The judges' reminder is due from closesAt − 24 h while the round's window is open. */
export function judgeReminderDue(window: { opensAt: string; closesAt: string }, now: Date): boolean {
  return roundWindow(window, now) === 'open' && Date.parse(window.closesAt) - now.getTime() <= JUDGE_LEAD_MS;
}

// ---------------------------------------------------------------- natural ids

/**
 * The source of each reminder: with the user's openid it is the notice's id, so whatever writes it again (a retried
 * request, a re-run job, the next planner run) writes nothing new. Ids of the wire: letters, digits, `_.:-`.
 */
export const reminderSource = {
  /** Per contest and step: each draft holder gets the 3-day and the 1-day reminder once. */
  deadline: (step: DeadlineStep, contestId: string) => `r.${step}.${contestId}`,
  /** Per decision: the entry's history step it made (approve → reject → approve are three decisions). */
  review: (entryId: string, step: number) => `r.review.${entryId}.${step}`,
  /** Per round: its entrants advance once. */
  advance: (roundId: string) => `r.advance.${roundId}`,
  /** Per final round: its winners are awarded once. */
  award: (roundId: string) => `r.award.${roundId}`,
  judgeCloses: (roundId: string) => `r.judgeCloses.${roundId}`,
  /** Per published list: its followers hear of it once. */
  results: (listId: string) => `r.results.${listId}`,
  /** Per final session and its time and place (a change is news, a re-save is not). */
  final: (roundId: string, scheduleHash: string) => `r.final.${roundId}.${scheduleHash}`,
};
