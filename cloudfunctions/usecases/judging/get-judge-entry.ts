import { groupLabels } from '@core/contest/types';
import { AppError, ErrorCode } from '@core/errors';
import { blindNames, redactNames } from '@core/judging/blind';
import { C, type ContestDoc, type EntryDoc } from '../collections';
import { requireOpenid, type UseCase } from '../context';
import { entryFilesAccess, signedLink } from '../files/file-links';
import { assertJudgeOf, judgeRoundView, loadRound } from './common';
import { LINK_SECONDS, myAssignment, myScoreView, stateOf } from './score-views';

/** One assigned entry's materials with blind review applied, the rubric, and the caller's own score. */
export const getJudgeEntry: UseCase<'judge.entry.get'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const round = await loadRound(ports.db, input.roundId);
  assertJudgeOf(ctx.caller.grants, round.contestId);
  const assignment = await myAssignment(ports, round._id, input.entryId, openid);
  if (assignment.status === 'recused') throw new AppError(ErrorCode.FORBIDDEN, '您已回避该项目，不能再查看材料');
  const [entry, contest] = await Promise.all([
    ports.db.collection<EntryDoc>(C.entries).get(input.entryId),
    ports.db.collection<ContestDoc>(C.contests).get(round.contestId),
  ]);
  if (entry === null) throw new AppError(ErrorCode.NOT_FOUND, '项目不存在');
  // The same rule that decides who may have the plan's link decides who may read the entry at all.
  const access = await entryFilesAccess(ports, ctx.caller, entry, { assignment, asJudge: true });
  if (!access.ok) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      access.reason === 'conflict' ? '您与该项目存在回避关系，不能查看或评分' : '该项目未分配给您，不能查看或评分',
    );
  }
  const now = ports.clock.now();
  const form = entry.form;
  const blind = round.blind;
  const names = blindNames(entry);
  const shown = (text: string) => (blind ? redactNames(text, names) : text);
  const facts: Array<{ label: string; value: string }> = [{ label: '组别', value: groupLabels[entry.group] }];
  if (form.group === 'enterprise') {
    if (form.foundedOn) facts.push({ label: '成立日期', value: form.foundedOn });
    if (form.employees !== undefined) facts.push({ label: '员工人数', value: `${form.employees} 人` });
    if (form.revenue !== undefined) facts.push({ label: '上年营业收入', value: `${form.revenue} 万元` });
    if (form.team) facts.push({ label: '团队情况', value: shown(form.team) });
  } else {
    const members = form.members ?? [];
    if (members.length > 0) {
      facts.push({
        label: '团队成员',
        value: members.map((m, i) => (blind ? `成员${i + 1}：${m.role}` : `${m.name}（${m.role}）`)).join('；'),
      });
    }
  }
  const plan = form.businessPlan;
  const businessPlan = plan
    ? {
        name: blind ? '商业计划书.pdf' : plan.name,
        size: plan.size,
        url: await signedLink(ports, ctx.caller, plan.fileId, LINK_SECONDS, { grant: access.grant }),
        expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
      }
    : null;
  return {
    entry: {
      round: judgeRoundView(round, contest?.name ?? '', now),
      entryId: entry._id,
      projectName: shown(entry.projectName),
      group: entry.group,
      field: entry.field,
      district: entry.district,
      orgName: blind ? null : entry.orgName,
      summary: shown(form.summary ?? ''),
      highlights: shown(form.highlights ?? ''),
      facts,
      businessPlan,
      state: stateOf(assignment),
      myScore: assignment.score ? myScoreView(assignment.score) : null,
    },
    now: now.toISOString(),
  };
};
