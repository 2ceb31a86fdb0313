import { AppError, ErrorCode } from '@core/errors';
import { roundWindow } from '@core/judging/round-window';
import { formatShanghai } from '@core/time/shanghai';
import { requireOpenid, type UseCase } from '../context';
import { assertOrganizerOf } from '../scope';
import { actorName, loadRound } from './common';
import { writeAudit } from '../audit';
import { judgeCounts, thing } from './progress-rows';
import { loadRoundData } from './round-data';

/**
 * 一键提醒: a subscription message to every judge with scores still to give. A judge who has not
 * subscribed (43101) is counted as refused; nothing is retried automatically (each subscription allows
 * one message, see the notification work).
 */
export const remindJudges: UseCase<'admin.round.remind'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  // A judge reminded after the end could only be refused (ROUND_CLOSED): say so to the organizer instead.
  if (round.status !== 'setup' || roundWindow(round, ports.clock.now()) === 'closed') {
    throw new AppError(ErrorCode.INVALID_STATE, '本轮评分已结束，无需提醒评委');
  }
  const data = await loadRoundData(ports, round);
  const behind = [...judgeCounts(data).entries()].filter(([, c]) => c.done < c.assigned);
  let sent = 0;
  let refused = 0;
  let failed = 0;
  for (const [judgeOpenid, c] of behind) {
    const result = await ports.messenger.send({
      toOpenid: judgeOpenid,
      templateId: ctx.templates.judgeReminder,
      page: `judge/pages/round/index?roundId=${encodeURIComponent(round._id)}`,
      data: {
        thing1: { value: thing(round.name) },
        number2: { value: String(c.assigned - c.done) },
        time3: { value: formatShanghai(round.closesAt, 'YYYY年M月D日 HH:mm') },
        thing4: { value: '请在截止前完成评分' },
      },
    });
    if (result.ok) sent += 1;
    else if (result.errCode === 43101) refused += 1;
    else {
      failed += 1;
      ports.log.error('judge reminder failed', { roundId: round._id, errCode: result.errCode, errMsg: result.errMsg });
    }
  }
  await writeAudit(ports.db, {
    contestId: round.contestId,
    roundId: round._id,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'remind',
    after: `提醒 ${behind.length} 位评委：发送成功 ${sent}，未订阅 ${refused}，失败 ${failed}`,
    at: ports.clock.now().toISOString(),
  });
  return { sent, refused, failed, judges: behind.length };
};
