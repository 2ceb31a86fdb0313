import {
  REMINDER_KINDS,
  reminderEnabled,
  reminderSettingsView,
  reminderSwitchesText,
  type ReminderSwitches,
} from '@core/notify/reminders';
import { writeAuditTx } from '../audit';
import { requireOpenid, type UseCase } from '../context';
import { actorName } from '../judging/common';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { changeReminderSettings } from './reminders';

/**
 * Turns kinds of automatic reminders on or off for one contest. The switches and their audit record are one
 * transaction; a call that changes nothing writes nothing. Reminders already written stay in the inboxes.
 */
export const updateReminderSettings: UseCase<'admin.reminder.update'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const name = await actorName(ports.db, openid, '组委会');
  const at = ports.clock.now().toISOString();
  const changes: ReminderSwitches = {};
  for (const kind of REMINDER_KINDS) {
    const value = input.enabled[kind];
    if (value !== undefined) changes[kind] = value;
  }
  const enabled = await changeReminderSettings(ports.db, contest._id, at, async (tx, current) => {
    const before = current?.enabled ?? {};
    const after: ReminderSwitches = { ...before, ...changes };
    if (REMINDER_KINDS.every((kind) => reminderEnabled(before, kind) === reminderEnabled(after, kind))) {
      return { patch: null, result: before };
    }
    await writeAuditTx(tx, {
      contestId: contest._id,
      actorOpenid: openid,
      actorName: name,
      action: 'reminders',
      before: reminderSwitchesText(before),
      after: reminderSwitchesText(after),
      at,
    });
    return { patch: { enabled: after, updatedAt: at, updatedBy: openid }, result: after };
  });
  return reminderSettingsView(contest._id, enabled);
};
