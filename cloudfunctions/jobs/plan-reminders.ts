import {
  DEADLINE_STEPS,
  JUDGE_LEAD_MS,
  daysLeft,
  deadlineStepDue,
  judgeReminderDue,
  reminderEnabled,
  reminderSource,
} from '@core/notify/reminders';
import { buildNotice } from '@core/notify/templates';
import type { Doc, Filter, Ports } from '../ports';
import {
  C,
  noticeId,
  type AssignmentDoc,
  type ContestDoc,
  type EntryDoc,
  type NoticeDoc,
  type ReminderPlanState,
  type ReminderSettingsDoc,
  type RoundDoc,
} from '../usecases/collections';
import { eachLimited } from '../usecases/each-limited';
import { findByIds } from '../usecases/find-by-ids';
import { createNotices, type NoticeDraft } from '../usecases/notify/notices';
import { saveReminderPlan } from '../usecases/notify/reminders';
import type { JobContext } from './run-due-jobs';

/**
 * The planner of the dated automatic reminders, a recurring cron job: 报名截止提醒 from closesAt − 72 h and from
 * closesAt − 24 h to every user holding a draft in the contest, and 评审截止提醒 from a round's closesAt − 24 h to its
 * judges with entries still to score. Each notice has a natural id (`r.deadline3.<contest>`, `r.deadline1.<contest>`,
 * `r.judgeCloses.<round>` with the openid), so whatever runs twice writes once. A pass over the recipients is paged
 * by id and resumed from its cursor when the budget runs out; once a pass is through, later runs read only what
 * changed since it began (a draft started in the last days, a judge given an entry after a recusal).
 */
export const PLAN_REMINDERS_JOB = 'reminders.plan';
export const PLAN_EVERY_SECONDS = 300;
/** The planner's share of a cron tick (jobs get 20 s of the tick's 50 s, the drain the rest). */
const PLAN_BUDGET_MS = 12_000;
const PAGE = 500;
/** Read a little before the last pass began: a write that was committing just then is not missed. */
const SLACK_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

export async function planReminders(
  _payload: Record<string, unknown>,
  ports: Ports,
  context: JobContext,
): Promise<Record<string, unknown>> {
  const started = Date.now();
  const over = () => Date.now() - started > PLAN_BUDGET_MS;
  const now = ports.clock.now();
  const t = now.getTime();
  let created = 0;
  let more = false;

  // Registration closes within 3 days (a window is open through its closing second).
  const closing = await pages<ContestDoc>(ports, C.contests, {
    'registration.closesAt': { $gt: iso(t - 1000), $lte: iso(t + DEADLINE_STEPS.deadline3) },
  });
  for (const contest of closing) {
    if (over()) {
      more = true;
      break;
    }
    const step = deadlineStepDue(contest.registration, now);
    if (step === null) continue;
    const settings = await settingsOf(ports, contest._id);
    if (!reminderEnabled(settings?.enabled, 'registrationDeadline')) continue;
    const built = buildNotice('registrationDeadline', {
      contestId: contest._id,
      contestName: contest.name,
      closesAt: contest.registration.closesAt,
      daysLeft: daysLeft(contest.registration.closesAt, now),
    });
    if (!built.ok) {
      ports.log.error('deadline reminder does not fit its template', { contestId: contest._id });
      continue;
    }
    const source = reminderSource.deadline(step, contest._id);
    const pass = await runPass<EntryDoc>(ports, {
      contestId: contest._id,
      key: step,
      state: settings?.plans[step] ?? null,
      over,
      page: (after, since) =>
        ports.db.collection<EntryDoc>(C.entries).find(
          {
            contestId: contest._id,
            status: 'draft',
            ...(since === null ? {} : { updatedAt: { $gte: iso(Date.parse(since) - SLACK_MS) } }),
            ...(after === null ? {} : { _id: { $gt: after } }),
          },
          { orderBy: [['_id', 'asc']], limit: PAGE },
        ),
      write: async (drafts) =>
        (
          await createNotices(
            ports,
            context.templates,
            drafts.map((e) => ({ openid: e.ownerOpenid, source, notice: built.notice, contestId: contest._id })),
          )
        ).created,
    });
    created += pass.created;
    more ||= !pass.finished;
  }

  // Judging closes within a day, in rounds still scoring.
  const rounds = await pages<RoundDoc>(ports, C.rounds, {
    status: 'setup',
    closesAt: { $gt: iso(t - 1000), $lte: iso(t + JUDGE_LEAD_MS) },
  });
  for (const round of rounds) {
    if (over()) {
      more = true;
      break;
    }
    if (!judgeReminderDue(round, now)) continue;
    const settings = await settingsOf(ports, round.contestId);
    if (!reminderEnabled(settings?.enabled, 'judgeTask')) continue;
    const key = `judgeCloses-${round.stage}`;
    const source = reminderSource.judgeCloses(round._id);
    const assignments = ports.db.collection<AssignmentDoc>(C.assignments);
    const pending = { roundId: round._id, status: 'active', score: null } as const;
    const pass = await runPass<AssignmentDoc>(ports, {
      contestId: round.contestId,
      key,
      state: settings?.plans[key] ?? null,
      over,
      page: (after, since) =>
        assignments.find(
          {
            ...pending,
            ...(since === null ? {} : { assignedAt: { $gte: iso(Date.parse(since) - SLACK_MS) } }),
            ...(after === null ? {} : { _id: { $gt: after } }),
          },
          { orderBy: [['_id', 'asc']], limit: PAGE },
        ),
      // A judge's assignments span pages: each judge once, with the count of all their entries still to score.
      write: async (page) => {
        const judges = [...new Set(page.map((a) => a.judgeOpenid))];
        const told = await findByIds<NoticeDoc>(
          ports.db,
          C.notices,
          judges.map((openid) => noticeId(source, openid)),
        );
        const drafts: NoticeDraft[] = [];
        await eachLimited(
          judges.filter((openid) => !told.has(noticeId(source, openid))),
          8,
          async (openid) => {
            const left = await assignments.count({ ...pending, judgeOpenid: openid });
            if (left === 0) return;
            const built = buildNotice('judgeTask', {
              roundId: round._id,
              roundName: round.name,
              pending: left,
              closesAt: round.closesAt,
            });
            if (built.ok) drafts.push({ openid, source, notice: built.notice, contestId: round.contestId });
          },
        );
        return (await createNotices(ports, context.templates, drafts)).created;
      },
    });
    created += pass.created;
    more ||= !pass.finished;
  }
  return { created, more };
}

async function settingsOf(ports: Ports, contestId: string): Promise<ReminderSettingsDoc | null> {
  return ports.db.collection<ReminderSettingsDoc>(C.reminderSettings).get(contestId);
}

/** Every match, a page at a time (contests closing soon, rounds closing soon: a handful). */
async function pages<T extends Doc>(ports: Ports, collection: string, filter: Filter): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const last = out.at(-1)?._id;
    const page = await ports.db
      .collection<T>(collection)
      .find(
        { ...filter, ...(last === undefined ? {} : { _id: { $gt: last } }) },
        { orderBy: [['_id', 'asc']], limit: 100 },
      );
    out.push(...page);
    if (page.length < 100) return out;
  }
}

/**
 * One planned reminder's pass: pages from the saved cursor until the end or the budget, then saves where it stopped
 * (a finished pass: when it began, so the next reads only what changed since).
 */
async function runPass<T extends Doc>(
  ports: Ports,
  args: {
    contestId: string;
    key: string;
    state: ReminderPlanState | null;
    over: () => boolean;
    page: (after: string | null, since: string | null) => Promise<T[]>;
    write: (docs: T[]) => Promise<number>;
  },
): Promise<{ created: number; finished: boolean }> {
  const now = ports.clock.now().toISOString();
  const resuming = args.state !== null && args.state.cursor !== null;
  const passStartedAt = resuming && args.state ? args.state.passStartedAt : now;
  const since = args.state?.since ?? null;
  let cursor = resuming ? (args.state?.cursor ?? null) : null;
  let created = 0;
  let finished = false;
  while (!args.over()) {
    const docs = await args.page(cursor, since);
    if (docs.length > 0) created += await args.write(docs);
    cursor = docs.at(-1)?._id ?? cursor;
    if (docs.length < PAGE) {
      finished = true;
      break;
    }
  }
  const total = (args.state?.created ?? 0) + created;
  const next: ReminderPlanState = finished
    ? { cursor: null, since: passStartedAt, passStartedAt, created: total }
    : { cursor, since, passStartedAt, created: total };
  await saveReminderPlan(ports.db, args.contestId, args.key, next, now);
  return { created, finished };
}
