import { type FieldErrors } from '@core/errors';
import { INVITE_ALPHABET } from '@core/judging/schemas';
import type { InviteView, JudgeView } from '@core/judging/views';
import { randomInt } from 'node:crypto';
import { type ContestDoc, type JudgeDoc, type JudgeInviteDoc } from '../collections';
import { personKey } from '../files/file-links';

export function newCode(): string {
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

export function conflictText(conflicts: JudgeDoc['conflicts']): string {
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

/** Why a code can't be used by this caller, in words for the judge; null when it can. */
export function inviteProblem(invite: JudgeInviteDoc | null, openid: string, now: Date): string | null {
  if (invite === null) return '邀请码不存在，请核对后重新输入';
  if (invite.usedBy !== null && invite.usedBy !== openid) return '该邀请码已被使用，请向组委会索取新的邀请码';
  if (invite.usedBy === null && Date.parse(invite.expiresAt) <= now.getTime())
    return '该邀请码已过期，请向组委会索取新的邀请码';
  return null;
}

export function expertiseErrors(contest: ContestDoc, expertise: readonly string[]): FieldErrors {
  const unknown = expertise.filter((f) => !contest.fields.includes(f));
  return unknown.length > 0 ? { expertise: `请从本赛事的行业领域中选择（${unknown.join('、')} 不在其中）` } : {};
}
