import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { formatShanghai } from '@core/time/shanghai';
import type { JudgingAuditRow } from '@core/judging/views';
import type { Filter } from '../../ports';
import type { UseCase } from '../context';
import { C, type AuditAction, type AuditDoc } from '../collections';
import { assertOrganizerOf } from '../admin/scope';
import { loadContest } from '../registration/common';
import { deliverExport } from '../files/deliver-export';

const EXPORT_MAX = 50_000;

export const auditActionLabels: Record<AuditAction, string> = {
  approve: '资格审核通过',
  reject: '资格审核不通过',
  disqualify: '取消参赛资格',
  export_sensitive: '导出含敏感信息的报名表',
  institution_approve: '服务机构审核通过',
  institution_reject: '服务机构审核不通过',
  judge_invite: '生成评委邀请码',
  judge_bind: '评委绑定',
  judge_profile: '评委修改资料或回避单位',
  round_upsert: '设置评审轮次',
  assign: '分配评委',
  score: '评分或修改评分',
  recuse: '评委回避',
  remind: '提醒评委',
  advance: '确认晋级名单',
  award: '确认获奖名单',
};

function row(doc: AuditDoc): JudgingAuditRow {
  return {
    id: doc._id,
    at: doc.at,
    actorName: doc.actorName,
    action: doc.action,
    actionLabel: auditActionLabels[doc.action] ?? doc.action,
    roundId: doc.roundId ?? null,
    entryId: doc.entryId,
    before: doc.before,
    after: doc.after,
    reason: doc.reason,
  };
}

function filterOf(contestId: string, roundId: string | undefined): Filter {
  return roundId ? { contestId, roundId } : { contestId };
}

/** The contest's decision log (judging and the other decisions recorded per contest), newest first. */
export const listAudit: UseCase<'admin.audit.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const audits = ports.db.collection<AuditDoc>(C.audits);
  const filter = filterOf(input.contestId, input.roundId);
  const [items, total] = await Promise.all([
    audits.find(filter, {
      orderBy: [['at', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    audits.count(filter),
  ]);
  return { items: items.map(row), total, page: input.page, pageSize: input.pageSize };
};

export const exportAudit: UseCase<'admin.audit.export'> = async (ctx, input, ports) => {
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
