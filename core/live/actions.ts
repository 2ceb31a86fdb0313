import * as v from 'valibot';
import { defineAction } from '../action-def';
import type { MyScoreView } from '../judging/views';
import { judgeLiveScoreInput, liveRef, notaryConfirmInput, notaryLogInput } from './schemas';
import type { LiveSession } from './types';
import type { JudgeLiveView, LiveScreenView, NotaryLogView } from './views';

/** The live final's actions for the big screen (public), the judges on the panel and the notary. */
export const liveActions = {
  /** The released projection of one show: what the big screen shows. */
  'live.screen': defineAction<{ screen: LiveScreenView; now: string }>()({
    input: v.object(liveRef),
    access: 'public',
    write: false,
  }),

  /** The caller's live shows (panel member) with the current contestant's sheet. */
  'judge.live': defineAction<{ shows: JudgeLiveView[]; now: string }>()({
    input: v.optional(v.object({ liveId: v.optional(liveRef.liveId) }), {}),
    access: ['judge'],
    write: false,
  }),

  'judge.live.score': defineAction<{ score: MyScoreView; changed: boolean; revealed: boolean }>()({
    input: judgeLiveScoreInput,
    access: ['judge'],
    write: true,
  }),

  'notary.live.list': defineAction<{
    shows: Array<{
      liveId: string;
      contestName: string;
      roundName: string;
      group: 'enterprise' | 'maker';
      session: LiveSession | null;
      frozen: boolean;
    }>;
  }>()({
    input: v.optional(v.object({}), {}),
    access: ['notary'],
    write: false,
  }),

  'notary.live.log': defineAction<{ log: NotaryLogView }>()({
    input: notaryLogInput,
    access: ['notary'],
    write: false,
  }),

  'notary.live.confirm': defineAction<{ frozen: { byName: string; at: string; head: string } }>()({
    input: notaryConfirmInput,
    access: ['notary'],
    write: true,
  }),
} as const;
