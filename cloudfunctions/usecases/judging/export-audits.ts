import { formatShanghai } from '@core/time/shanghai';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { C, type AuditDoc } from '../collections';
import type { UseCase } from '../context';
import { deliverExport } from '../files/deliver-export';
import { loadContest } from '../registration/common';
import { assertOrganizerOf } from '../scope';
import { EXPORT_MAX, filterOf, row } from './audit-rows';

export const exportAudits: UseCase<'admin.audit.export'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const docs = await ports.db
    .collection<AuditDoc>(C.audits)
    .find(filterOf(input.contestId, input.roundId), { orderBy: [['at', 'asc']], limit: EXPORT_MAX });
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const rows: Row[] = [['时间（北京时间）', '操作人', '操作', '轮次', '项目编号', '之前', '之后', '理由'].map(bold)];
  for (const d of docs) {
    const r = row(d);
    rows.push([
      formatShanghai(r.at, 'YYYY-MM-DD HH:mm:ss'),
      r.actorName,
      r.actionLabel,
      r.roundId ?? '',
      r.entryId ?? '',
      r.before ?? '',
      r.after ?? '',
      r.reason ?? '',
    ]);
  }
  const content = await writeXlsxFile(rows, { sheet: '决策记录' }).toBuffer();
  const now = ports.clock.now();
  const stamp = formatShanghai(now, 'YYYYMMDD-HHmmss');
  return deliverExport(ports, ctx.caller, {
    name: `audit-${contest._id}-${stamp}`,
    fileName: `${contest.name}-决策记录-${stamp}.xlsx`,
    rows: docs.length,
    content,
  });
};
