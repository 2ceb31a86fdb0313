import type { Group, Prize } from '../contest/types';

/** The result lists the notices name, in the order a contest publishes them. */
export const RESULT_KINDS = ['preliminary', 'finalist', 'awards', 'national'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export const resultKindLabels: Record<ResultKind, string> = {
  preliminary: '预赛晋级名单',
  finalist: '决赛入围名单',
  awards: '获奖名单',
  national: '推荐全国500强/100强名单',
};

/** One line of a published list: a snapshot, never phone or ID numbers. */
/** A list holds at most this many projects (admin.result.publish refuses more). */
export const RESULT_LIST_MAX_ITEMS = 1000;
/** Projects of each list in a results.list answer: what 成绩 shows before 展开全部. */
export const RESULT_PREVIEW_ITEMS = 10;
/** Lists per results.list page, and projects per results.items page: answers stay far below 1 MB. */
export const RESULT_LISTS_PAGE_MAX = 10;
export const RESULT_ITEMS_PAGE_MAX = 50;

export interface ResultItem {
  entryId: string;
  projectName: string;
  orgName: string;
  group: Group;
  field: string;
  district: string;
  prize: Prize | null;
}

/** Objections may be filed from publication until the end of the 公示 period. */
export function isInPublicity(list: { publicityEndsAt: string | null; status: string }, now: Date): boolean {
  return (
    list.status === 'published' && list.publicityEndsAt !== null && now.getTime() < Date.parse(list.publicityEndsAt)
  );
}
