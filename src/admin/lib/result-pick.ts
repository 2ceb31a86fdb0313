import type { ActionInput } from '@core/actions';
import type { Prize } from '@core/contest/types';
import type { EntryStatus } from '@core/registration/entry-status';
import type { EntryRow } from '@core/registration/views';
import type { ResultKind } from '@core/results/types';
import type { FieldErrors } from '@core/errors';

/**
 * The 发布新名单 form's rules as plain functions: which entries may be picked, what goes on the wire,
 * and what stops a publish before it is sent.
 */

/** Mirrors the server's list of statuses a public list may show (cloudfunctions/usecases/results/publish.ts). */
export const LISTABLE: readonly EntryStatus[] = ['submitted', 'approved', 'semifinalist', 'finalist', 'awarded'];

export const PRIZES: readonly Prize[] = ['first', 'second', 'third', 'merit'];

export function isListable(status: EntryStatus): boolean {
  return LISTABLE.includes(status);
}

export interface Picked {
  row: EntryRow;
  prize: Prize | null;
}

export interface PublishForm {
  contestId: string | undefined;
  kind: ResultKind | undefined;
  title: string;
  picked: Picked[];
  /** As typed. */
  publicityDays: string;
}

export type PublishInput = ActionInput<'admin.result.publish'>;

/**
 * The request, or what is missing, keyed like the form's boxes. A 获奖名单 goes out ordered by prize
 * (一等奖 first), as the notices print it; other lists keep the order of picking and carry no prizes.
 */
export function publishInput(
  form: PublishForm,
): { ok: true; input: PublishInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.contestId) errors.contestId = '请选择赛事';
  if (!form.kind) errors.kind = '请选择名单类型';
  if (form.picked.length === 0) errors.entries = '请至少选择一个项目';
  else if (form.kind === 'awards' && form.picked.some((p) => p.prize === null)) {
    errors.entries = '获奖名单请为每个项目选择奖项';
  }
  const days = form.publicityDays.trim() === '' ? 0 : Number(form.publicityDays);
  if (!Number.isInteger(days) || days < 0 || days > 30) errors.publicityDays = '公示天数应为 0 到 30 的整数';
  if (!form.contestId || !form.kind || Object.keys(errors).length > 0) return { ok: false, errors };

  const awards = form.kind === 'awards';
  const ordered = awards
    ? [...form.picked].sort((a, b) => PRIZES.indexOf(a.prize ?? 'merit') - PRIZES.indexOf(b.prize ?? 'merit'))
    : form.picked;
  const input: PublishInput = {
    contestId: form.contestId,
    kind: form.kind,
    entries: ordered.map((p) => (awards ? { entryId: p.row.id, prize: p.prize } : { entryId: p.row.id })),
    publicityDays: days,
  };
  const title = form.title.trim();
  if (title !== '') input.title = title;
  return { ok: true, input };
}

/** 全选本页: picks every listable row of the page not yet picked, or, when all are, unpicks them. */
export function togglePage(picked: Picked[], rows: EntryRow[]): Picked[] {
  const listable = rows.filter((r) => isListable(r.status));
  const ids = new Set(picked.map((p) => p.row.id));
  if (listable.length > 0 && listable.every((r) => ids.has(r.id))) {
    const page = new Set(listable.map((r) => r.id));
    return picked.filter((p) => !page.has(p.row.id));
  }
  return [...picked, ...listable.filter((r) => !ids.has(r.id)).map((row) => ({ row, prize: null }))];
}
