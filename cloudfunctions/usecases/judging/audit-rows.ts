import type { JudgingAuditRow } from '@core/judging/views';
import type { Filter } from '../../ports';
import { type AuditAction, type AuditDoc } from '../collections';

export const EXPORT_MAX = 50_000;

const auditActionLabels: Record<AuditAction, string> = {
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
  campaign: '发送通知',
  reminders: '设置自动提醒',
  live_setup: '设置现场决赛',
  live_order: '确定出场顺序（抽签或手动）',
  live_reopen: '重新开放现场评分',
  live_close: '提前结束现场评分',
  live_absent: '标记选手缺席或退赛',
  live_confirm: '公证员确认成绩',
};

export function row(doc: AuditDoc): JudgingAuditRow {
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

export function filterOf(contestId: string, roundId: string | undefined): Filter {
  return roundId ? { contestId, roundId } : { contestId };
}
