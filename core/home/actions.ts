import { defineAction } from '../action-def';
import type { ContestPhase } from '../contest/phase';
import type { ContestSummary } from '../contest/views';
import type { ArticleSummary } from '../news/views';
import { noInput } from '../schemas/common';

export const homeActions = {
  'home.get': defineAction<{
    banners: ArticleSummary[];
    contests: Array<ContestSummary & { phase: ContestPhase }>;
    latest: ArticleSummary[];
    now: string;
  }>()({ input: noInput, access: 'public', write: false }),
} as const;
