import { judgeConflicts } from './conflicts';
import { fnv1a32 } from './seeded-random';
import type { EntryForAssignment, JudgeProfileForAssignment } from './types';

/**
 * Substitutes for one entry after a recusal: judges free of conflicts who are not on the entry yet (in any
 * state), least loaded first, an expert in the entry's field before a non-expert of the same load, then a
 * seeded order. Picking the least loaded keeps the round's loads within one of each other when they were.
 */
export function pickSubstitutes(input: {
  entry: EntryForAssignment;
  judges: readonly JudgeProfileForAssignment[];
  /** Judges already on the entry, active or recused. */
  taken: ReadonlySet<string>;
  loads: Readonly<Record<string, number>>;
  count: number;
  seed: string;
}): string[] {
  const loads = { ...input.loads };
  const candidates = input.judges.filter((j) => !input.taken.has(j.id) && !judgeConflicts(j, input.entry));
  const chosen: string[] = [];
  for (let i = 0; i < input.count; i++) {
    let best: JudgeProfileForAssignment | null = null;
    let bestKey: [number, number, number] | null = null;
    for (const judge of candidates) {
      if (chosen.includes(judge.id)) continue;
      const key: [number, number, number] = [
        loads[judge.id] ?? 0,
        judge.expertise.includes(input.entry.field) ? 0 : 1,
        fnv1a32(`${input.seed}\u0000${judge.id}`),
      ];
      if (
        bestKey === null ||
        key[0] < bestKey[0] ||
        (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
      ) {
        best = judge;
        bestKey = key;
      }
    }
    if (best === null) break;
    chosen.push(best.id);
    loads[best.id] = (loads[best.id] ?? 0) + 1;
  }
  return chosen;
}
