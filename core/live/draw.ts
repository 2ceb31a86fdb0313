import { seededOrder } from '../judging/seeded-random';

/**
 * The order of appearance drawn from a seed: the contestants sorted by id, then shuffled by the seed
 * (`seededOrder`), so anyone holding the seed and the list of contestants replays the same order.
 */
export function drawOrder(entryIds: readonly string[], seed: string): string[] {
  return seededOrder(entryIds, `live-draw:${seed}`, (id) => id);
}
