import { AppError, ErrorCode } from '@core/errors';
import { LOG_FORMAT, shortHash, type LogExport } from '@core/live/chain';
import { leaderboard } from '@core/live/reveal';
import { showLabel, slotStateLabels } from '@core/live/types';
import { formatShanghai } from '@core/time/shanghai';
import { hasRole } from '@core/roles';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import {
  C,
  assignmentIdFor,
  type AssignmentDoc,
  type LiveCheckpointDoc,
  type LiveEventDoc,
  type LiveShowDoc,
} from '../collections';
import type { UseCase } from '../context';
import { personKey } from '../files/file-links';
import { deliverExport } from '../files/deliver-export';
import { findByIds } from '../find-by-ids';

/**
 * The group's 成绩单 (.xlsx: per contestant each judge's total, the dropped ones, the final and rank, then the
 * head hash and every checkpoint) or its signed log (.json, what `npm run verify-log` checks). For the contest's
 * organizers and its notary; no phone or ID numbers are in either.
 */
export const exportShow: UseCase<'admin.live.export'> = async (ctx, input, ports) => {
  const show = await ports.db.collection<LiveShowDoc>(C.liveShows).get(input.liveId);
  if (show === null) throw new AppError(ErrorCode.NOT_FOUND, '现场决赛尚未设置');
  if (!hasRole(ctx.caller.grants, 'organizer', show.contestId) && !hasRole(ctx.caller.grants, 'notary', show.contestId))
    throw new AppError(ErrorCode.FORBIDDEN, '只有本赛事的组委会和公证员可以导出成绩单');
  const [events, checkpoints] = await Promise.all([
    ports.db.collection<LiveEventDoc>(C.liveEvents).find({ liveId: show._id }, { orderBy: [['seq', 'asc']] }),
    ports.db
      .collection<LiveCheckpointDoc>(C.liveCheckpoints)
      .find({ liveId: show._id }, { orderBy: [['count', 'asc']] }),
  ]);
  const stamp = formatShanghai(ports.clock.now(), 'YYYYMMDD-HHmmss');
  const title = `${show.contestName}-${show.roundName}-${showLabel(show.group, show.session).replace(' · ', '-')}`;

  if (input.format === 'log') {
    const ids = show.slots.flatMap((s) => s.eligible.map((o) => assignmentIdFor(show.roundId, s.entryId, o)));
    const stored = await findByIds<AssignmentDoc>(ports.db, C.assignments, ids);
    const log: LogExport = {
      format: LOG_FORMAT,
      liveId: show._id,
      title,
      aggregation: show.aggregation,
      keyId: ctx.liveSigner.keyId,
      publicKey: ctx.liveSigner.publicKeyPem,
      events: events.map(({ _id: _, ...e }) => e),
      checkpoints: checkpoints.map(({ _id: _, ...c }) => c),
      scores: [...stored.values()]
        .filter((a) => a.status === 'active' && a.score !== null)
        .sort((a, b) => a._id.localeCompare(b._id))
        .map((a) => ({ entryId: a.entryId, judge: personKey(a.judgeOpenid), units: a.score?.units ?? 0 })),
      exportedAt: ports.clock.now().toISOString(),
    };
    return deliverExport(ports, ctx.caller, {
      name: `live-log-${show._id}-${stamp}`,
      fileName: `${title}-评分日志-${stamp}.json`,
      rows: events.length,
      content: new TextEncoder().encode(JSON.stringify(log, null, 2)),
      kind: 'json',
    });
  }

  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const labels = show.judges.map((o, i) =>
    show.settings.judgeLabels === 'named' ? (show.judgeNames[o] ?? `评委 ${i + 1}`) : `评委 ${i + 1}`,
  );
  const rows: Row[] = [
    [bold(title)],
    [
      `公证状态：${show.frozen ? `已由 ${show.frozen.byName} 于 ${formatShanghai(new Date(show.frozen.at), 'YYYY-MM-DD HH:mm')} 确认` : '未确认'}`,
    ],
    [],
    ['出场序号', '项目名称', '企业名称 / 负责人', '状态', ...labels, '去掉的分数', '最终得分', '组内名次'].map(bold),
  ];
  const ranked = new Map(
    leaderboard(
      show.slots.flatMap((s) => {
        const r = show.reveals[s.entryId];
        return r ? [{ final: r.final, position: s.position, entryId: s.entryId }] : [];
      }),
    ).map((r) => [r.entryId, r.rank]),
  );
  for (const s of show.slots.slice().sort((a, b) => a.position - b.position)) {
    const r = show.reveals[s.entryId];
    const meta = show.entries[s.entryId] ?? { projectName: '', orgName: '', field: '' };
    const byJudge = new Map((r?.lines ?? []).map((l) => [l.judge, l]));
    rows.push([
      s.position > 0 ? String(s.position) : '',
      meta.projectName,
      meta.orgName,
      slotStateLabels[s.state] + (s.reason ? `（${s.reason}）` : ''),
      ...show.judges.map((o) => {
        const line = byJudge.get(personKey(o));
        if (!s.eligible.includes(o)) return '回避';
        return line ? line.total : '';
      }),
      (r?.lines ?? [])
        .filter((l) => l.dropped !== null)
        .map((l) => `${l.dropped === 'high' ? '最高' : '最低'} ${l.total}`)
        .join('，'),
      r ? r.finalText + (r.changedFrom ? `（原 ${r.changedFrom}）` : '') : '',
      ranked.has(s.entryId) ? String(ranked.get(s.entryId)) : '',
    ]);
  }
  rows.push([], [bold('日志头哈希'), show.head.hash], [bold('事件数'), String(show.head.count)], []);
  rows.push(['检查点（第 N 条）', '哈希', '时间（北京时间）', '密钥', '签名'].map(bold));
  for (const c of checkpoints)
    rows.push([String(c.count), c.head, formatShanghai(new Date(c.at), 'YYYY-MM-DD HH:mm:ss'), c.keyId, c.signature]);
  rows.push([], ['公证员签字：', '', '监督人签字：', '', '日期：']);
  const content = await writeXlsxFile([{ data: rows, sheet: '成绩单' }]).toBuffer();
  return deliverExport(ports, ctx.caller, {
    name: `live-${show._id}-${stamp}`,
    fileName: `${title}-成绩单-${shortHash(show.head.hash)}-${stamp}.xlsx`,
    rows: show.slots.length,
    content,
  });
};
