import type { CutoffView } from '@core/judging/views';

/**
 * The organizer's resolution of the ties straddling a cut-off, per scope: pick exactly the `open` number of
 * the tied entries (on grounds outside the score), or admit the whole tie. core/judging/cutoff.ts
 * (resolveCutoff) refuses anything in between; here the boxes never let a pick go past `open` unless
 * 全部晋级 is on, so the only unfinished state is "fewer than open".
 */

export interface TieChoice {
  chosen: string[];
  all: boolean;
}

export type TieChoices = Record<string, TieChoice>;

type Scope = CutoffView['scopes'][number];

const none: TieChoice = { chosen: [], all: false };

export function choiceOf(choices: TieChoices, scope: Scope): TieChoice {
  return choices[scope.scope] ?? none;
}

/** Ticks or unticks one tied entry; past `open` the tick is refused (全部晋级 admits them all). */
export function toggleTied(choices: TieChoices, scope: Scope, entryId: string, on: boolean): TieChoices {
  const current = choiceOf(choices, scope);
  if (current.all) return choices;
  const has = current.chosen.includes(entryId);
  if (on === has) return choices;
  if (on && current.chosen.length >= scope.open) return choices;
  const chosen = on ? [...current.chosen, entryId] : current.chosen.filter((id) => id !== entryId);
  return { ...choices, [scope.scope]: { chosen, all: false } };
}

/** 全部晋级 on: every tied entry in; off: back to none picked. */
export function admitWholeTie(choices: TieChoices, scope: Scope, on: boolean): TieChoices {
  return {
    ...choices,
    [scope.scope]: on ? { chosen: scope.straddling.map((e) => e.entryId), all: true } : { chosen: [], all: false },
  };
}

export function tieResolved(choices: TieChoices, scope: Scope): boolean {
  if (scope.straddling.length === 0) return true;
  const c = choiceOf(choices, scope);
  return c.all || c.chosen.length === scope.open;
}

export function allTiesResolved(preview: CutoffView, choices: TieChoices): boolean {
  return preview.scopes.every((s) => tieResolved(choices, s));
}

/** What goes to admin.round.advance as `chosen`: the picked tied entries, in the preview's ranking order. */
export function chosenEntries(preview: CutoffView, choices: TieChoices): string[] {
  const picked = new Set(preview.scopes.flatMap((s) => (s.straddling.length > 0 ? choiceOf(choices, s).chosen : [])));
  return preview.straddling.map((e) => e.entryId).filter((id) => picked.has(id));
}

/** How many entries a confirm with these choices admits. */
export function admittedCount(preview: CutoffView, choices: TieChoices): number {
  return preview.admitted.length + chosenEntries(preview, choices).length;
}
