import { randomInt } from 'node:crypto';
import { AppError, ErrorCode, type FieldErrors } from '@core/errors';
import { INVITE_ALPHABET } from '@core/judging/schemas';
import { formatShanghai } from '@core/time/shanghai';
import type { InviteView, JudgeView } from '@core/judging/views';
import { DbError } from '../../ports';
import type { UseCase } from '../context';
import {
  C,
  judgeIdFor,
  roleGrantId,
  type ContestDoc,
  type JudgeDoc,
  type JudgeInviteDoc,
  type RoleGrantDoc,
} from '../collections';
import { findByIds } from '../find-by-ids';
import { assertOrganizerOf } from '../admin/scope';
import { personKey } from '../files/file-links';
import { assertTextsClean, loadContest } from '../registration/common';
import { actorName, assertJudgeOf, requireOpenid, writeAudit, writeAuditTx } from './common';
import { recuseConflicted } from './recuse';

function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

export function inviteView(doc: JudgeInviteDoc, now: Date, usedByName: string | null): InviteView {
  const status = doc.usedBy !== null ? 'used' : Date.parse(doc.expiresAt) <= now.getTime() ? 'expired' : 'unused';
  return {
    code: doc._id,
    contestId: doc.contestId,
    status,
    expiresAt: doc.expiresAt,
    usedByName,
    usedAt: doc.usedAt,
    createdAt: doc.createdAt,
  };
}

function conflictText(conflicts: JudgeDoc['conflicts']): string {
  const all = [...conflicts.names, ...conflicts.creditCodes];
  return all.length > 0 ? `回避单位：${all.join('、')}` : '未申报回避单位';
}

export function judgeView(doc: JudgeDoc): JudgeView {
  return {
    key: personKey(doc.openid),
    name: doc.name,
    organization: doc.organization,
    title: doc.title,
    expertise: doc.expertise,
    conflicts: doc.conflicts,
    boundAt: doc.boundAt,
  };
}

/** Single-use codes for one contest; the 32-letter alphabet makes 8 characters about 10^12 codes. */
export const inviteJudges: UseCase<'admin.judges.invite'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  await loadContest(ports.db, input.contestId);
  const now = ports.clock.now();
  const expiresAt = new Date(now.getTime() + input.validDays * 86400_000).toISOString();
  const invites = ports.db.collection<JudgeInviteDoc>(C.judgeInvites);
  const created: JudgeInviteDoc[] = [];
  while (created.length < input.count) {
    const doc: JudgeInviteDoc = {
      _id: newCode(),
      contestId: input.contestId,
      createdBy: openid,
      createdAt: now.toISOString(),
      expiresAt,
      usedBy: null,
      usedAt: null,
    };
    try {
      await invites.create(doc);
      created.push(doc);
    } catch (error) {
      // A collision with an existing code: draw again.
      if (!(error instanceof DbError && error.code === 'DUPLICATE')) throw error;
    }
  }
  await writeAudit(ports.db, {
    contestId: input.contestId,
    roundId: null,
    actorOpenid: openid,
    actorName: await actorName(ports.db, openid, '组委会'),
    action: 'judge_invite',
    after: `${created.length} 个邀请码，有效至北京时间 ${formatShanghai(expiresAt)}`,
    at: now.toISOString(),
  });
  return { invites: created.map((doc) => inviteView(doc, now, null)) };
};

/** Why a code can't be used by this caller, in words for the judge; null when it can. */
function inviteProblem(invite: JudgeInviteDoc | null, openid: string, now: Date): string | null {
  if (invite === null) return '邀请码不存在，请核对后重新输入';
  if (invite.usedBy !== null && invite.usedBy !== openid) return '该邀请码已被使用，请向组委会索取新的邀请码';
  if (invite.usedBy === null && Date.parse(invite.expiresAt) <= now.getTime())
    return '该邀请码已过期，请向组委会索取新的邀请码';
  return null;
}

export const checkInvite: UseCase<'judge.invite.check'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const invite = await ports.db.collection<JudgeInviteDoc>(C.judgeInvites).get(input.code);
  const problem = inviteProblem(invite, openid, ports.clock.now());
  if (problem !== null || invite === null) throw new AppError(ErrorCode.INVITE_INVALID, problem ?? undefined);
  const [contest, bound] = await Promise.all([
    loadContest(ports.db, invite.contestId),
    ports.db.collection<JudgeDoc>(C.judges).get(judgeIdFor(invite.contestId, openid)),
  ]);
  // Said before the judge fills the whole form, not after.
  if (bound !== null && bound.inviteCode !== invite._id) {
    throw new AppError(ErrorCode.INVALID_STATE, `您已是「${contest.name}」的评委，无需再次绑定`);
  }
  return { contestId: contest._id, contestName: contest.name, fields: contest.fields, expiresAt: invite.expiresAt };
};

function expertiseErrors(contest: ContestDoc, expertise: readonly string[]): FieldErrors {
  const unknown = expertise.filter((f) => !contest.fields.includes(f));
  return unknown.length > 0 ? { expertise: `请从本赛事的行业领域中选择（${unknown.join('、')} 不在其中）` } : {};
}

/**
 * Binds the caller as a judge of the invite's contest: the invite is spent, the judge grant and the profile
 * (with declared conflicts) written, all in one transaction, so a code can't bind two people.
 */
export const bindJudge: UseCase<'judge.bind'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const now = ports.clock.now();
  const invites = ports.db.collection<JudgeInviteDoc>(C.judgeInvites);
  const invite = await invites.get(input.code);
  const problem = inviteProblem(invite, openid, now);
  if (problem !== null || invite === null) throw new AppError(ErrorCode.INVITE_INVALID, problem ?? undefined);
  const contest = await loadContest(ports.db, invite.contestId);
  const errors = expertiseErrors(contest, input.expertise);
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);
  await assertTextsClean(ports.contentCheck, openid, {
    name: input.name,
    organization: input.organization,
    title: input.title,
    ...Object.fromEntries(input.conflicts.names.map((n, i) => [`conflicts.names.${i}`, n])),
  });
  const at = now.toISOString();
  const judge = await ports.db.transaction(async (tx) => {
    const current = await tx.get<JudgeInviteDoc>(C.judgeInvites, invite._id);
    const again = inviteProblem(current, openid, now);
    if (again !== null || current === null) throw new AppError(ErrorCode.INVITE_INVALID, again ?? undefined);
    const existing = await tx.get<JudgeDoc>(C.judges, judgeIdFor(contest._id, openid));
    if (existing !== null && existing.inviteCode !== current._id) {
      throw new AppError(ErrorCode.INVALID_STATE, `您已是「${contest.name}」的评委，无需再次绑定`);
    }
    const doc: JudgeDoc = {
      _id: judgeIdFor(contest._id, openid),
      contestId: contest._id,
      openid,
      name: input.name,
      organization: input.organization,
      title: input.title,
      expertise: input.expertise,
      conflicts: { names: input.conflicts.names, creditCodes: input.conflicts.creditCodes },
      inviteCode: current._id,
      boundAt: existing?.boundAt ?? at,
      updatedAt: at,
    };
    await tx.update<JudgeInviteDoc>(C.judgeInvites, current._id, { usedBy: openid, usedAt: current.usedAt ?? at });
    await tx.set<RoleGrantDoc>(C.roles, {
      _id: roleGrantId(openid, 'judge', contest._id),
      openid,
      role: 'judge',
      contestId: contest._id,
      createdAt: at,
    });
    await tx.set<JudgeDoc>(C.judges, doc);
    // Bound again with the same code (a retry, or an edit): the binding's record exists already.
    const auditId = `judge_bind:${current._id}`;
    if ((await tx.get(C.audits, auditId)) === null) {
      await writeAuditTx(tx, {
        id: auditId,
        contestId: contest._id,
        roundId: null,
        actorOpenid: openid,
        actorName: input.name,
        action: 'judge_bind',
        after: `${doc.name}（${doc.organization}）${conflictText(doc.conflicts)}`,
        at,
      });
    }
    return doc;
  });
  return { contestId: contest._id, contestName: contest.name, judge: judgeView(judge) };
};

export const judgeProfile: UseCase<'judge.profile'> = async (ctx, _input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  const docs = await ports.db.collection<JudgeDoc>(C.judges).find({ openid }, { limit: 200 });
  const contests = await findByIds<ContestDoc>(
    ports.db,
    C.contests,
    docs.map((d) => d.contestId),
  );
  return {
    items: docs.map((doc) => ({
      ...judgeView(doc),
      contestId: doc.contestId,
      contestName: contests.get(doc.contestId)?.name ?? '',
      contestFields: contests.get(doc.contestId)?.fields ?? [],
    })),
  };
};

/**
 * A judge edits their profile; newly declared conflicts take effect at once: pending assignments to a
 * conflicted entry are recused and topped up with another judge.
 */
export const updateJudgeProfile: UseCase<'judge.updateProfile'> = async (ctx, input, ports) => {
  const openid = requireOpenid(ctx.caller.openid);
  assertJudgeOf(ctx.caller.grants, input.contestId);
  const contest = await loadContest(ports.db, input.contestId);
  const errors = expertiseErrors(contest, input.expertise);
  if (Object.keys(errors).length > 0) throw new AppError(ErrorCode.INVALID_INPUT, undefined, errors);
  await assertTextsClean(ports.contentCheck, openid, {
    name: input.name,
    organization: input.organization,
    title: input.title,
    ...Object.fromEntries(input.conflicts.names.map((n, i) => [`conflicts.names.${i}`, n])),
  });
  const at = ports.clock.now().toISOString();
  const id = judgeIdFor(contest._id, openid);
  const saved = await ports.db.transaction(async (tx) => {
    const current = await tx.get<JudgeDoc>(C.judges, id);
    if (current === null) throw new AppError(ErrorCode.NOT_FOUND, '没有找到您在该赛事的评委资料');
    const next: JudgeDoc = {
      ...current,
      name: input.name,
      organization: input.organization,
      title: input.title,
      expertise: input.expertise,
      conflicts: { names: input.conflicts.names, creditCodes: input.conflicts.creditCodes },
      updatedAt: at,
    };
    await tx.set<JudgeDoc>(C.judges, next);
    await writeAuditTx(tx, {
      contestId: contest._id,
      roundId: null,
      actorOpenid: openid,
      actorName: input.name,
      action: 'judge_profile',
      before: `擅长：${current.expertise.join('、')}；${conflictText(current.conflicts)}`,
      after: `擅长：${next.expertise.join('、')}；${conflictText(next.conflicts)}`,
      at,
    });
    return next;
  });
  await recuseConflicted(ports, saved, at);
  return { judge: judgeView(saved) };
};

export const listJudges: UseCase<'admin.judges.list'> = async (ctx, input, ports) => {
  assertOrganizerOf(ctx.caller.grants, input.contestId);
  const [judges, invites] = await Promise.all([
    ports.db.collection<JudgeDoc>(C.judges).find({ contestId: input.contestId }, { orderBy: [['boundAt', 'asc']] }),
    ports.db
      .collection<JudgeInviteDoc>(C.judgeInvites)
      .find({ contestId: input.contestId }, { orderBy: [['createdAt', 'desc']], limit: 500 }),
  ]);
  const names = new Map(judges.map((j) => [j.openid, j.name]));
  const now = ports.clock.now();
  return {
    judges: judges.map(judgeView),
    invites: invites.map((doc) => inviteView(doc, now, doc.usedBy ? (names.get(doc.usedBy) ?? null) : null)),
  };
};
