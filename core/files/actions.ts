import * as v from 'valibot';
import { defineAction } from '../action-def';
import { id } from '../schemas/common';
import { uploadRequest } from './uploads';

export const filesActions = {
  /** Where to upload a business plan: the server picks the path; type and size are checked before. */
  'files.upload.prepare': defineAction<{
    target: { kind: 'wx-cloud'; cloudPath: string } | { kind: 'http'; url: string; method: 'PUT' };
    path: string;
    maxBytes: number;
  }>()({
    input: uploadRequest,
    access: 'user',
    write: false,
    readsGrants: true,
  }),

  /**
   * A short-lived link to a private file: an entry's business plan (its entrant, the contest's organizers,
   * judges assigned to it) or an objection's evidence (its filer, the list's organizers).
   */
  'files.link.get': defineAction<{ url: string; expiresAt: string }>()({
    input: v.variant(
      'attachment',
      [
        v.object({ attachment: v.literal('businessPlan'), entryId: id('报名') }),
        v.object({ attachment: v.literal('objectionEvidence'), objectionId: id('异议') }),
      ],
      '不支持的附件类型',
    ),
    access: 'user',
    write: false,
    readsGrants: true,
  }),
} as const;
