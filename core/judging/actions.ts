import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id, noInput, text } from '../schemas/common';
import { inviteCode, judgeBindInput, judgeProfileInput, judgeScoreInput, roundEntryRef } from './schemas';
import type { JudgeEntryView, JudgeRoundAssignments, JudgeView, MyScoreView } from './views';

export const judgingActions = {
  /** What an invite code opens, before the judge fills the form (contest name, its fields). */
  'judge.invite.check': defineAction<{ contestId: string; contestName: string; fields: string[]; expiresAt: string }>()(
    { input: v.object({ code: inviteCode }), access: 'user', write: false },
  ),

  'judge.bind': defineAction<{ contestId: string; contestName: string; judge: JudgeView }>()({
    input: judgeBindInput,
    access: 'user',
    write: true,
  }),

  /** The judge's own profile and declared conflicts, per contest. */
  'judge.profile.get': defineAction<{
    items: Array<JudgeView & { contestId: string; contestName: string; contestFields: string[] }>;
  }>()({
    input: noInput,
    access: ['judge'],
    write: false,
  }),

  'judge.profile.update': defineAction<{ judge: JudgeView }>()({
    input: v.object({ contestId: id('赛事'), ...judgeProfileInput }),
    access: ['judge'],
    write: true,
  }),

  /** `items: false` (评审工作台): the rounds and their 已评 x/y only, counted on the server. */
  'judge.assignment.list': defineAction<{ rounds: JudgeRoundAssignments[]; now: string }>()({
    input: v.optional(
      v.object({ roundId: v.optional(id('评审轮次')), items: v.optional(v.boolean('items 应为是或否'), true) }),
      {},
    ),
    access: ['judge'],
    write: false,
  }),

  'judge.entry.get': defineAction<{ entry: JudgeEntryView; now: string }>()({
    input: v.object(roundEntryRef),
    access: ['judge'],
    write: false,
  }),

  'judge.score': defineAction<{ score: MyScoreView; changed: boolean }>()({
    input: judgeScoreInput,
    access: ['judge'],
    write: true,
  }),

  'judge.recuse': defineAction<{ state: 'recused'; replacedBy: boolean }>()({
    input: v.object({ ...roundEntryRef, reason: text('回避理由', { min: 2, max: 200 }) }),
    access: ['judge'],
    write: true,
  }),
} as const;
