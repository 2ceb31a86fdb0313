import { reminderEnabled, reminderSource, type ReminderKind, type ReminderSwitches } from '@core/notify/reminders';
import { buildNotice, type NoticeInputs } from '@core/notify/templates';
import type { TemplateIds } from '@core/notify/views';
import { createHash } from 'node:crypto';
import { DbError, type Db, type Ports, type Tx } from '../../ports';
import {
  C,
  type EntryDoc,
  type FollowDoc,
  type ReminderPlanState,
  type ReminderSettingsDoc,
  type ResultListDoc,
  type RoundDoc,
  type SessionDoc,
} from '../collections';
import { findByIds } from '../find-by-ids';
import { queueJob } from '../queue-job';
import { createNoticeTx, createNotices, type NoticeDraft } from './notices';

/**
 * The automatic reminders that decisions cause (the cron planner writes the dated ones: jobs/plan-reminders.ts).
 * Each is a notice with a natural source id (core/notify/reminders.ts), so a retried request or a re-run job writes
 * nothing twice; one recipient's is written in the decision's own transaction, many recipients' by the step that
 * already loops over them. A kind the contest turned off writes nothing.
 */

// ---------------------------------------------------------------- the contest's settings

export async function loadReminderSwitches(db: Db, contestId: string): Promise<ReminderSwitches> {
  return (await db.collection<ReminderSettingsDoc>(C.reminderSettings).get(contestId))?.enabled ?? {};
}

export async function reminderOn(db: Db, contestId: string, kind: ReminderKind): Promise<boolean> {
  return reminderEnabled(await loadReminderSwitches(db, contestId), kind);
}

/**
 * Changes a contest's settings document in one transaction: `work` sees the current one (null before the first
 * write) and returns the fields to write, or null to write nothing. Two first writes racing each other: the loser's
 * insert is a duplicate, and it runs again on the winner's document.
 */
export async function changeReminderSettings<R>(
  db: Db,
  contestId: string,
  now: string,
  work: (
    tx: Tx,
    current: ReminderSettingsDoc | null,
  ) => Promise<{ patch: Partial<Omit<ReminderSettingsDoc, '_id'>> | null; result: R }>,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const current = await tx.get<ReminderSettingsDoc>(C.reminderSettings, contestId);
        const { patch, result } = await work(tx, current);
        if (patch === null) return result;
        if (current === null) {
          await tx.create<ReminderSettingsDoc>(C.reminderSettings, {
            _id: contestId,
            contestId,
            enabled: {},
            plans: {},
            updatedAt: now,
            updatedBy: null,
            ...patch,
          });
        } else await tx.update<ReminderSettingsDoc>(C.reminderSettings, contestId, patch);
        return result;
      });
    } catch (error) {
      if (!(error instanceof DbError && error.code === 'DUPLICATE') || attempt >= 3) throw error;
    }
  }
}

/** The planner's progress on one planned reminder of a contest (its own field: an organizer's switch is untouched). */
export async function saveReminderPlan(
  db: Db,
  contestId: string,
  key: string,
  state: ReminderPlanState,
  now: string,
): Promise<void> {
  await changeReminderSettings(db, contestId, now, async (_tx, current) => ({
    patch: { plans: { ...(current?.plans ?? {}), [key]: state } },
    result: undefined,
  }));
}

// ---------------------------------------------------------------- one recipient, in the decision's transaction

/**
 * 审核结果通知 to the entrant, written in the transaction of the decision: `step` is the history step the decision
 * made, so each decision is one notice and a retried transaction makes the same one. The reason of a refusal is in
 * the inbox body in full (the WeChat field cuts it at 20 characters).
 */
export async function reviewNoticeTx(
  tx: Tx,
  templates: TemplateIds,
  args: { entry: EntryDoc; step: number; passed: boolean; reason: string | null; at: string },
): Promise<boolean> {
  const { entry } = args;
  const settings = await tx.get<ReminderSettingsDoc>(C.reminderSettings, entry.contestId);
  if (!reminderEnabled(settings?.enabled, 'reviewResult')) return false;
  const built = buildNotice('reviewResult', {
    contestId: entry.contestId,
    projectName: entry.projectName,
    passed: args.passed,
    reason: args.reason,
    decidedAt: args.at,
  });
  if (!built.ok) return false;
  return createNoticeTx(
    tx,
    templates,
    {
      openid: entry.ownerOpenid,
      source: reminderSource.review(entry._id, args.step),
      notice: built.notice,
      contestId: entry.contestId,
      body: args.passed || args.reason === null ? null : `未通过原因：${args.reason}`,
    },
    args.at,
  );
}

/**
 * A notice to an entry's owner built from `inputs`, for a transaction that moves the entry (晋级, 获奖): null when the
 * values do not fit (they are names the kind cuts, so only a broken date could).
 */
export function entrantDraft<K extends 'advancement' | 'award'>(
  kind: K,
  entry: EntryDoc,
  source: string,
  inputs: NoticeInputs[K],
): NoticeDraft | null {
  const built = buildNotice(kind, inputs);
  if (!built.ok) return null;
  return { openid: entry.ownerOpenid, source, notice: built.notice, contestId: entry.contestId };
}

// ---------------------------------------------------------------- 成绩公布通知 to the contest's followers

export const RESULTS_REMINDER_JOB = 'reminders.results';
/** Followers per createMany, and how long one run writes before it hands on. */
const FOLLOWERS_PAGE = 500;
const RESULTS_BUDGET_MS = 15_000;
/** A list still `publishing` after this long was left by a crash that nobody retried: nobody is told of it. */
const PUBLISHING_STALE_MS = 15 * 60_000;

/**
 * Queued while the list is being published (before it becomes visible), with the list's id as its natural key: a
 * re-publish of the same list is the same job, and a crash after the list appears still tells its followers.
 */
export async function queueResultsReminder(ports: Ports, listId: string): Promise<void> {
  await queueJob(ports.db, {
    id: `${RESULTS_REMINDER_JOB}:${listId}`,
    kind: RESULTS_REMINDER_JOB,
    payload: { listId },
    runAt: ports.clock.now().toISOString(),
  });
}

/** The job: one notice per follower of the list's contest, paged by id, continued by a next job past the budget. */
export async function continueResultsReminder(
  payload: Record<string, unknown>,
  ports: Ports,
  context: { templates: TemplateIds },
): Promise<Record<string, unknown>> {
  const started = Date.now();
  const listId = typeof payload.listId === 'string' ? payload.listId : '';
  let cursor = typeof payload.cursor === 'string' ? payload.cursor : null;
  const now = ports.clock.now();
  const list = await ports.db.collection<ResultListDoc>(C.resultLists).get(listId);
  if (list === null || list.status === 'withdrawn') return { created: 0, skipped: 'no list' };
  if (list.status === 'publishing') {
    if (now.getTime() - Date.parse(list.publishedAt) > PUBLISHING_STALE_MS) return { created: 0, skipped: 'stale' };
    // Still being written: look again in a minute (a job of its own, so the wait is not counted as a failure).
    await queueJob(ports.db, {
      id: `${RESULTS_REMINDER_JOB}:${listId}:wait-${now.getTime()}`,
      kind: RESULTS_REMINDER_JOB,
      payload: { listId },
      runAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    return { created: 0, waiting: true };
  }
  if (!(await reminderOn(ports.db, list.contestId, 'resultPublished'))) return { created: 0, skipped: 'off' };
  const built = buildNotice('resultPublished', {
    contestId: list.contestId,
    listTitle: list.title,
    contestName: list.contestName,
    publishedAt: list.publishedAt,
  });
  if (!built.ok) {
    ports.log.error('result reminder does not fit its template', { listId, problem: built.problems[0]?.message });
    return { created: 0, skipped: 'does not fit' };
  }
  const follows = ports.db.collection<FollowDoc>(C.follows);
  const source = reminderSource.results(list._id);
  let created = 0;
  for (;;) {
    const page = await follows.find(
      { contestId: list.contestId, ...(cursor === null ? {} : { _id: { $gt: cursor } }) },
      { orderBy: [['_id', 'asc']], limit: FOLLOWERS_PAGE },
    );
    const made = await createNotices(
      ports,
      context.templates,
      page.map((f) => ({ openid: f.openid, source, notice: built.notice, contestId: list.contestId })),
    );
    created += made.created;
    cursor = page.at(-1)?._id ?? cursor;
    if (page.length < FOLLOWERS_PAGE) return { created, done: true };
    if (Date.now() - started > RESULTS_BUDGET_MS) break;
  }
  await queueJob(ports.db, {
    id: `${RESULTS_REMINDER_JOB}:${listId}:${cursor ?? ''}`,
    kind: RESULTS_REMINDER_JOB,
    payload: { listId, cursor },
    runAt: ports.clock.now().toISOString(),
  });
  return { created, done: false };
}

// ---------------------------------------------------------------- 决赛安排通知 to a final session's finalists

/**
 * When a session of a final round has both its place and its time, its finalists are told. The source carries a
 * hash of the session, place and time: saving the same again tells nobody twice, a changed time or place is news.
 */
export async function notifyFinalSchedule(
  ports: Ports,
  templates: TemplateIds,
  round: RoundDoc,
  session: SessionDoc,
  contestName: string,
): Promise<number> {
  if (round.stage !== 'final' || session.startsAt === null || session.place.trim() === '') return 0;
  if (!(await reminderOn(ports.db, round.contestId, 'finalSchedule'))) return 0;
  const built = buildNotice('finalSchedule', {
    contestId: round.contestId,
    contestName,
    startsAt: session.startsAt,
    place: session.place,
  });
  if (!built.ok) return 0;
  const hash = createHash('sha256')
    .update(`${session.key}\u0000${session.place}\u0000${session.startsAt}`)
    .digest('hex')
    .slice(0, 12);
  const source = reminderSource.final(round._id, hash);
  const entries = await findByIds<EntryDoc>(ports.db, C.entries, session.entryIds);
  const drafts: NoticeDraft[] = [...entries.values()]
    .filter((e) => e.contestId === round.contestId && e.status === 'finalist')
    .map((e) => ({ openid: e.ownerOpenid, source, notice: built.notice, contestId: round.contestId }));
  return (await createNotices(ports, templates, drafts)).created;
}
