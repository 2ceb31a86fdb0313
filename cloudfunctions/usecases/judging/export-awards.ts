import { groupLabels, prizeLabels, type Prize } from '@core/contest/types';
import { AppError, ErrorCode } from '@core/errors';
import { formatPoints } from '@core/judging/points';
import { formatShanghai } from '@core/time/shanghai';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { UseCase } from '../context';
import { deliverExport } from '../files/deliver-export';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { GROUPS, PRIZE_ORDER, assertFinal } from './awarding';
import { loadRound } from './common';
import { loadRoundData, rankRound } from './round-data';

/** 获奖名单 and 推荐名单 as one .xlsx with two sheets, after the awards are confirmed. No phone or ID numbers. */
export const exportAwards: UseCase<'admin.award.export'> = async (ctx, input, ports) => {
  const round = await loadRound(ports.db, input.roundId);
  assertOrganizerOf(ctx.caller.grants, round.contestId);
  assertFinal(round);
  const decision = round.awards;
  if (decision === null || decision.state !== 'done') throw new AppError(ErrorCode.INVALID_STATE, '请先确认获奖名单');
  const [contest, data] = await Promise.all([loadContest(ports.db, round.contestId), loadRoundData(ports, round)]);
  const ranked = new Map(rankRound(round, data).map((r) => [r.entryId, r]));
  const entries = new Map(data.entries.map((e) => [e.entryId, e]));
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const awardsRows: Row[] = [
    ['组别', '奖项', '组内名次', '项目名称', '企业名称 / 负责人', '行业领域', '所在区', '决赛得分'].map(bold),
  ];
  const rank = (p: Prize) => PRIZE_ORDER.indexOf(p);
  const sorted = [...decision.prizes].sort((a, b) => {
    const ga = GROUPS.indexOf(entries.get(a.entryId)?.group ?? 'enterprise');
    const gb = GROUPS.indexOf(entries.get(b.entryId)?.group ?? 'enterprise');
    return (
      ga - gb ||
      rank(a.prize) - rank(b.prize) ||
      (ranked.get(a.entryId)?.groupRank ?? 0) - (ranked.get(b.entryId)?.groupRank ?? 0)
    );
  });
  for (const p of sorted) {
    const e = entries.get(p.entryId);
    const r = ranked.get(p.entryId);
    awardsRows.push([
      e ? groupLabels[e.group] : '',
      prizeLabels[p.prize],
      r ? String(r.groupRank) : '',
      e?.projectName ?? '',
      e?.orgName ?? '',
      e?.field ?? '',
      e?.district ?? '',
      r?.aggregate ? formatPoints(r.aggregate) : '',
    ]);
  }
  const nationalRows: Row[] = [['组别', '推荐至', '项目名称', '企业名称 / 负责人', '行业领域', '所在区'].map(bold)];
  for (const id of decision.recommend) {
    const e = entries.get(id);
    nationalRows.push([
      e ? groupLabels[e.group] : '',
      e?.group === 'maker' ? '全国创客组100强' : '全国企业组500强',
      e?.projectName ?? '',
      e?.orgName ?? '',
      e?.field ?? '',
      e?.district ?? '',
    ]);
  }
  const content = await writeXlsxFile([
    { data: awardsRows, sheet: '获奖名单' },
    { data: nationalRows, sheet: '推荐名单' },
  ]).toBuffer();
  const now = ports.clock.now();
  const stamp = formatShanghai(now, 'YYYYMMDD-HHmmss');
  return deliverExport(ports, ctx.caller, {
    name: `awards-${round._id}-${stamp}`,
    fileName: `${contest.name}-获奖名单-${stamp}.xlsx`,
    rows: decision.prizes.length + decision.recommend.length,
    content,
  });
};
