import type { ResultItem, ResultKind } from './types';

export interface ResultListView {
  id: string;
  contestId: string;
  contestName: string;
  kind: ResultKind;
  title: string;
  publishedAt: string;
  publicityEndsAt: string | null;
  inPublicity: boolean;
  status: 'published' | 'withdrawn';
  /** Every project, or on the public 成绩 tab (results.list) only the first RESULT_PREVIEW_ITEMS. */
  items: ResultItem[];
  /** How many projects the list holds, whatever `items` carries. */
  itemCount: number;
}

export interface ObjectionView {
  id: string;
  listId: string;
  listTitle: string;
  contestName: string;
  entryId: string | null;
  projectName: string | null;
  reason: string;
  contact: string;
  hasAttachment: boolean;
  /** The evidence's file name, to open it the right way (files.link.get with objectionEvidence). */
  attachmentName: string | null;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}
