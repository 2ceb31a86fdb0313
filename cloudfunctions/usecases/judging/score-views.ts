import { AppError, ErrorCode } from '@core/errors';
import { blindNames } from '@core/judging/blind';
import { formatPoints } from '@core/judging/points';
import type { Rubric } from '@core/judging/types';
import type { JudgeAssignmentView, MyScoreView } from '@core/judging/views';
import { C, assignmentIdFor, type AssignmentDoc, type StoredScore } from '../collections';
import type { UseCase } from '../context';

export const LINK_SECONDS = 10 * 60;

export function myScoreView(score: StoredScore): MyScoreView {
  return {
    points: Object.fromEntries(Object.entries(score.halves).map(([key, halves]) => [key, halves / 2])),
    comment: score.comment,
    total: formatPoints(score.units),
    submittedAt: score.submittedAt,
    updatedAt: score.updatedAt,
    revision: score.revision,
  };
}

/** 技术创新性 27.5，商业模式 18，… 合计 86.50；评语：… — how an audit record reads to organizers. */
export function describeScore(rubric: Rubric, score: Pick<StoredScore, 'halves' | 'units' | 'comment'>): string {
  const parts = rubric.criteria.map((c) => `${c.name} ${(score.halves[c.key] ?? 0) / 2}`);
  return `${parts.join('，')}；合计 ${formatPoints(score.units)}${score.comment ? `；评语：${score.comment}` : ''}`;
}

export function stateOf(a: AssignmentDoc): JudgeAssignmentView['state'] {
  return a.status === 'recused' ? 'recused' : a.score !== null ? 'scored' : 'pending';
}

/**
 * A task list shows only the project name; under blind review the names of its company (or, for a maker,
 * the leader: the round entry keeps one name) come out of it, as in the entry itself.
 */
export function listNames(orgName: string): string[] {
  return blindNames({ orgName, form: { group: 'enterprise', companyName: orgName } });
}

/** The caller's assignment, or FORBIDDEN: a judge sees only entries assigned to them. */
export async function myAssignment(
  ports: Parameters<UseCase<'judge.entry.get'>>[2],
  roundId: string,
  entryId: string,
  openid: string,
) {
  const assignment = await ports.db
    .collection<AssignmentDoc>(C.assignments)
    .get(assignmentIdFor(roundId, entryId, openid));
  if (assignment === null) throw new AppError(ErrorCode.FORBIDDEN, '该项目未分配给您，不能查看或评分');
  return assignment;
}
