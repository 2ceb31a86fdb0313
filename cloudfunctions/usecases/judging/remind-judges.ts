import { createHash, randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { roundWindow } from '@core/judging/round-window';
import { buildNotice } from '@core/notify/templates';
import { C, type CampaignDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { pushNow } from '../notify/notices';
import { CAMPAIGN_API_BUDGET_MS, queueCampaign, runFanout } from '../notify/campaign-run';
import { countReachable } from '../notify/audience';
import { actorName, loadRound } from './common';
import { writeAudit } from '../audit';
import { judgeCounts } from './progress-rows';
import { loadRoundData } from './round-data';

/**
 * 一键提醒: a 评审任务提醒 campaign to the round's judges with scores still to give — the same mechanism as the
 * organizers' campaigns (stored first, one notice per judge with a natural id, inbox first, then WeChat with the
 * judge's credit), pushed at once because the organizer waits for the answer. It shows in 消息推送 with its report.
 */
export const remindJudges: UseCase<'admin.round.remind'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  const now = ports.clock.now();
  // A judge reminded after the end could only be refused (ROUND_CLOSED): say so to the organizer instead.
  if (round.status !== 'setup' || roundWindow(round, now) === 'closed') {
    throw new AppError(ErrorCode.INVALID_STATE, '本轮评分已结束，无需提醒评委');
  }
  const data = await loadRoundData(ports, round);
  const behind = [...judgeCounts(data)].filter(([, c]) => c.done < c.assigned);
  if (behind.length === 0) return { sent: 0, refused: 0, failed: 0, judges: 0 };
  const sample = buildNotice('judgeTask', {
    roundId: round._id,
    roundName: round.name,
    pending: Math.max(...behind.map(([, c]) => c.assigned - c.done)),
    closesAt: round.closesAt,
  });
  if (!sample.ok) throw new Error(`judge reminder does not fit its template: ${sample.problems[0]?.message ?? ''}`);
  // One press is one reminder per judge: a retried press (same requestId) is the same campaign, a second press a
  // moment later is a second reminder, as the organizer meant.
  const press = createHash('sha256')
    .update(ctx.requestId ?? randomUUID())
    .digest('hex')
    .slice(0, 16);
  const campaignId = `cmp-remind-${round._id}-${press}`;
  const name = await actorName(ports.db, openid, '组委会');
  const templateId = ctx.templates.judgeTask;
  const reachable = await countReachable(
    ports,
    behind.map(([judge]) => judge),
    templateId,
  );
  await ports.db.transaction(async (tx) => {
    if ((await tx.get<CampaignDoc>(C.campaigns, campaignId)) !== null) return;
    await tx.set<CampaignDoc>(C.campaigns, {
      _id: campaignId,
      contestId: round.contestId,
      kind: 'judgeTask',
      fields: {},
      body: null,
      audience: { role: 'judges', roundId: round._id, pendingOnly: true },
      lines: sample.notice.lines,
      data: sample.notice.data,
      page: sample.notice.page,
      status: 'sending',
      sendAt: now.toISOString(),
      templateId,
      audienceCount: behind.length,
      reachableCount: reachable,
      fanout: { written: 0, done: false },
      createdBy: openid,
      createdByName: name,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });
  // Queued first: if this call dies before the recipients are written, cron writes and pushes them.
  await queueCampaign(ports, campaignId, now.toISOString());
  // The judges behind are the campaign's audience, in the fan-out's order (sorted openids): not read again.
  const audience = behind.map(([judge]) => judge).sort();
  const { ids } = await runFanout(ports, campaignId, CAMPAIGN_API_BUDGET_MS, audience);
  const tally = await pushNow(ports, ids);
  const sent = tally.sent;
  const refused = tally.unsubscribed + tally.inboxOnly;
  const failed = tally.failed + tally.queued + tally.quota + tally.unknown;
  await writeAudit(ports.db, {
    contestId: round.contestId,
    roundId: round._id,
    actorOpenid: openid,
    actorName: name,
    action: 'remind',
    after: `提醒 ${behind.length} 位评委：发送成功 ${sent}，未订阅 ${refused}，失败 ${failed}`,
    at: now.toISOString(),
  });
  return { sent, refused, failed, judges: behind.length };
};
