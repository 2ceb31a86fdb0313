import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id } from '../schemas/common';
import { liveControlInput, liveDrawInput, liveExportInput, liveGroup, liveRef, liveUpsertInput } from './schemas';
import type { LiveConsoleView, LiveFinalist, LiveSummary } from './views';

/** The organizers' run of show and host console. */
export const liveAdminActions = {
  /** The live shows of a 决赛 round: one per group, or one per 场次 of a group run in sessions. */
  'admin.live.list': defineAction<{ shows: LiveSummary[] }>()({
    input: v.object({ roundId: id('评审轮次') }),
    access: ['organizer'],
    write: false,
  }),

  /**
   * The finalists of one group and the show holding each, to split the group into 场次. Joins the round's
   * finalists first, as an assignment run or the first 设置 does.
   */
  'admin.live.finalists': defineAction<{ finalists: LiveFinalist[] }>()({
    input: v.object({ roundId: id('评审轮次'), group: liveGroup }),
    access: ['organizer'],
    write: true,
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
