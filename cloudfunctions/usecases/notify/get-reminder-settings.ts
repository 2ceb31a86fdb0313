import { reminderSettingsView } from '@core/notify/reminders';
import type { UseCase } from '../context';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { loadReminderSwitches } from './reminders';

/** 自动提醒 of one contest: each kind, who gets it and when, and whether it is on (every kind is on by default). */
export const getReminderSettings: UseCase<'admin.reminder.get'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  return reminderSettingsView(contest._id, await loadReminderSwitches(ports.db, contest._id));
};
