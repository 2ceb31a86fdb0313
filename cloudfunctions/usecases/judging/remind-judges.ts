import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '@core/errors';
import { roundWindow } from '@core/judging/round-window';
import { buildNotice } from '@core/notify/templates';
import { requireOpenid, type UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { createNotices, pushNow, type NoticeDraft } from '../notify/notices';
import { actorName, loadRound } from './common';
import { writeAudit } from '../audit';
import { judgeCounts } from './progress-rows';
import { loadRoundData } from './round-data';

/**
 * 一键提醒: a 评审任务提醒 to every judge with scores still to give, through the notices (inbox first, then
 * WeChat with the judge's credit). A judge without a credit is counted 未订阅 and still finds it in 我的 → 消息.
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
  const behind = [...judgeCounts(data).entries()].filter(([, c]) => c.done < c.assigned);
  // One press is one reminder per judge: a retried press (same requestId) is answered by the router, a second
  // press a moment later is a second reminder, as the organizer meant.
  const press = ctx.requestId ?? randomUUID();
  const drafts: NoticeDraft[] = [];
  for (const [judgeOpenid, c] of behind) {
    const built = buildNotice('judgeTask', {
      roundId: round._id,
      roundName: round.name,
      pending: c.assigned - c.done,
      closesAt: round.closesAt,
    });
    if (!built.ok) throw new Error(`judge reminder does not fit its template: ${built.problems[0]?.message ?? ''}`);
    drafts.push({
      openid: judgeOpenid,
      source: `r.judgeTask.${round._id}.${press}`,
      notice: built.notice,
      contestId: round.contestId,
    });
  }
  const { ids } = await createNotices(ports, ctx.templates, drafts);
  const tally = await pushNow(ports, ids);
  const sent = tally.sent;
  const refused = tally.unsubscribed + tally.inboxOnly;
  const failed = tally.failed + tally.queued + tally.quota + tally.unknown;
  await writeAudit(ports.db, {
    contestId: round.contestId,
    roundId: round._id,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'remind',
    after: `提醒 ${behind.length} 位评委：发送成功 ${sent}，未订阅 ${refused}，失败 ${failed}`,
    at: now.toISOString(),
  });
  return { sent, refused, failed, judges: behind.length };
};
