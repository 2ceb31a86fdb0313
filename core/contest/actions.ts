import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id } from '../schemas/common';
import type { ContestDetail, ContestSummary } from './views';

export const contestActions = {
  'contest.list': defineAction<{
    items: ContestSummary[];
    editions: Array<{ id: string; name: string; year: number }>;
    /** The server's clock, so countdowns don't depend on the phone's. */
    now: string;
  }>()({
    input: v.optional(v.object({ editionId: v.optional(id('届次')) }), {}),
    access: 'public',
    write: false,
  }),

  'contest.get': defineAction<{ contest: ContestDetail; now: string }>()({
    input: v.object({ id: id('赛事') }),
    access: 'public',
    write: false,
  }),
} as const;
