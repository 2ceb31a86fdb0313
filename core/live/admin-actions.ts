import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id } from '../schemas/common';
import { liveControlInput, liveDrawInput, liveExportInput, liveRef, liveUpsertInput } from './schemas';
import type { LiveConsoleView, LiveSummary } from './views';

/** The organizers' run of show and host console. */
export const liveAdminActions = {
  /** The live shows of a 决赛 round (one per group that has one). */
  'admin.live.list': defineAction<{ shows: LiveSummary[] }>()({
    input: v.object({ roundId: id('评审轮次') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.live.get': defineAction<{ console: LiveConsoleView }>()({
    input: v.object(liveRef),
    access: ['organizer'],
    write: false,
  }),

  'admin.live.upsert': defineAction<{ console: LiveConsoleView }>()({
    input: liveUpsertInput,
    access: ['organizer'],
    write: true,
  }),

  'admin.live.draw': defineAction<{ console: LiveConsoleView }>()({
    input: liveDrawInput,
    access: ['organizer'],
    write: true,
  }),

  'admin.live.control': defineAction<{ console: LiveConsoleView }>()({
    input: liveControlInput,
    access: ['organizer'],
    write: true,
  }),

  /** 成绩单 (.xlsx) or the signed log (.json, for `npm run verify-log`): the organizers and the notary. */
  'admin.live.export': defineAction<{ url: string; fileName: string; expiresAt: string }>()({
    input: liveExportInput,
    access: ['organizer', 'notary'],
    write: false,
  }),
} as const;
