import { groupLabels } from '@core/contest/types';
import { entryStatusLabels } from '@core/registration/entry-status';
import { maskMobile } from '@core/registration/mask';
import { formatShanghai } from '@core/time/shanghai';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { writeAudit } from '../audit';
import { C, type ContestDoc, type EntryDoc, type UserDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { deliverExport } from '../files/deliver-export';
import { findByIds } from '../find-by-ids';
import { contestScopeFilter } from '../scope';
import { entryListFilter } from './entry-views';

const header = [
  '报名编号',
  '赛事',
  '组别',
  '状态',
  '项目名称',
  '企业名称 / 负责人',
  '统一社会信用代码',
  '身份证号（脱敏）',
  '行业领域',
  '所在区',
  '联系人',
  '手机',
  '邮箱',
  '提交时间（北京时间）',
  '相似提示',
];

/**
 * The entry list as .xlsx, filters applied. Mobiles are masked unless the organizer asks for
 * sensitive data, which is audited; ID numbers are never stored, so they are masked either way.
 */
export const exportEntries: UseCase<'admin.entry.export'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const filter = entryListFilter(contestScopeFilter(ctx.caller.grants, input.contestId), input);
  const entries = await ports.db.collection<EntryDoc>(C.entries).find(filter, { orderBy: [['submittedAt', 'asc']] });
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    entries.map((e) => e.contestId),
  );
  const now = ports.clock.now();

  // Audited before the file exists: an export of sensitive data never happens unrecorded.
  if (input.includeSensitive) {
    const actor = await ports.db.collection<UserDoc>(C.users).get(openid);
    await writeAudit(ports.db, {
      contestId: input.contestId ?? null,
      actorOpenid: openid,
      actorName: actor?.name ?? '组委会',
      action: 'export_sensitive',
      before: null,
      after: `${entries.length} 条`,
      reason: JSON.stringify({ ...input, includeSensitive: true }),
      at: now.toISOString(),
    });
  }
  const rows: Row[] = [header.map((value) => ({ value, fontWeight: 'bold' as const }))];
  for (const e of entries) {
    const form = e.form;
    const mobile = form.mobile ?? '';
    rows.push([
      e._id,
      contests.get(e.contestId)?.name ?? '',
      groupLabels[e.group],
      entryStatusLabels[e.status],
      e.projectName,
      e.orgName,
      form.group === 'enterprise' ? (form.creditCode ?? '') : '',
      form.group === 'maker' && 'idMasked' in form ? (form.idMasked ?? '') : '',
      e.field,
      e.district,
      form.group === 'enterprise' ? (form.contactName ?? '') : (form.leaderName ?? ''),
      input.includeSensitive ? mobile : maskMobile(mobile),
      form.email ?? '',
      e.submittedAt ? formatShanghai(e.submittedAt, 'YYYY-MM-DD HH:mm:ss') : '',
      e.similar ? `与「${e.similar.projectName}」相似度 ${Math.round(e.similar.score * 100)}%` : '',
    ]);
  }
  const content = await writeXlsxFile(rows, { sheet: '报名列表' }).toBuffer();
  const stamp = formatShanghai(now, 'YYYYMMDD-HHmmss');
  const fileName = `报名列表-${stamp}${input.includeSensitive ? '-含敏感信息' : ''}.xlsx`;
  return deliverExport(ports, ctx.caller, { name: `entries-${stamp}`, fileName, rows: entries.length, content });
};
