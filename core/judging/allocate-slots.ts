/**
 * 名额按项目数占比: slots shared among industry fields in proportion to their entries. Integer arithmetic
 * throughout (a remainder is n·count mod total, not a float's fractional part), so two fields whose exact
 * quotas are equal really compare equal and the tie rule decides, not rounding noise.
 */

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}应为非负整数：${value}`);
}

/** n × c, refusing products a double would round. */
function product(n: number, c: number): number {
  const p = n * c;
  if (!Number.isSafeInteger(p)) throw new RangeError(`名额与项目数过大：${n} × ${c}`);
  return p;
}

/**
 * Hamilton's largest-remainder method: each share gets ⌊n·count/Σ⌋, and the slots left go one each to the
 * largest remainders (equal remainders: larger count first, then lower index). Sums to n whenever Σ > 0,
 * and every share is within one of its exact quota. All zeros when Σ = 0.
 */
export function largestRemainder(counts: readonly number[], n: number): number[] {
  checkCount(n, '名额');
  let total = 0;
  for (const c of counts) {
    checkCount(c, '项目数');
    total += c;
  }
  if (total === 0) return counts.map(() => 0);
  const shares = counts.map((c) => Math.floor(product(n, c) / total));
  const remainders = counts.map((c) => product(n, c) % total);
  let left = n - shares.reduce((a, b) => a + b, 0);
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  for (const i of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

export interface FieldSlots {
  field: string;
  entries: number;
  /** The exact proportional share n × entries / Σentries (for display). */
  quota: number;
  slots: number;
}

/**
 * Slots per field: the largest remainder, then at least one slot for every field with entries. A field
 * left at 0 takes a slot from the field whose allocation most exceeds its exact quota (then the larger
 * allocation, then the earlier field), among fields holding at least 2, so a field never drops to 0 to
 * lift another. Fields with no entries get 0.
 *
 * With n ≥ Σentries every field simply gets all its entries: a field cannot use more slots than it has
 * entries, and the slots beyond Σentries stay unused (the sum is then Σentries, not n). Below that the
 * largest remainder never gives a field more than its entries, so no redistribution is ever needed.
 */
export function allocateFieldSlots(
  fields: ReadonlyArray<{ field: string; entries: number }>,
  n: number,
): { ok: true; slots: FieldSlots[] } | { ok: false; reason: string } {
  if (!Number.isSafeInteger(n) || n < 1) return { ok: false, reason: `名额应为不少于 1 的整数：${n}` };
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.field)) return { ok: false, reason: `行业领域重复：${f.field}` };
    seen.add(f.field);
    if (!Number.isSafeInteger(f.entries) || f.entries < 0) {
      return { ok: false, reason: `行业领域「${f.field}」的项目数应为非负整数：${f.entries}` };
    }
  }
  const total = fields.reduce((a, f) => a + f.entries, 0);
  const withEntries = fields.filter((f) => f.entries > 0).length;
  if (n < withEntries) {
    return {
      ok: false,
      reason: `名额 ${n} 个少于有项目的行业领域 ${withEntries} 个，无法保证每个领域至少 1 个名额`,
    };
  }
  const quota = (entries: number) => (total === 0 ? 0 : (n * entries) / total);
  if (n >= total) {
    return {
      ok: true,
      slots: fields.map((f) => ({ field: f.field, entries: f.entries, quota: quota(f.entries), slots: f.entries })),
    };
  }

  const counts = fields.map((f) => f.entries);
  const slots = largestRemainder(counts, n);
  /** allocation − quota, scaled by Σ to stay an integer. */
  const excess = (i: number) => (slots[i] ?? 0) * total - n * (counts[i] ?? 0);
  const starved = counts
    .map((c, i) => ({ i, c, rem: (n * c) % total }))
    .filter(({ i, c }) => c > 0 && slots[i] === 0)
    .sort((a, b) => b.rem - a.rem || b.c - a.c || a.i - b.i);
  for (const { i } of starved) {
    let donor = -1;
    for (let j = 0; j < slots.length; j++) {
      if ((slots[j] ?? 0) < 2) continue;
      if (
        donor < 0 ||
        excess(j) > excess(donor) ||
        (excess(j) === excess(donor) && (slots[j] ?? 0) > (slots[donor] ?? 0))
      ) {
        donor = j;
      }
    }
    // n ≥ the number of fields with entries, so while one is at 0 another holds at least 2.
    if (donor < 0) return { ok: false, reason: '无法保证每个行业领域至少 1 个名额' };
    slots[donor] = (slots[donor] ?? 0) - 1;
    slots[i] = 1;
  }
  return {
    ok: true,
    slots: fields.map((f, i) => ({
      field: f.field,
      entries: f.entries,
      quota: quota(f.entries),
      slots: slots[i] ?? 0,
    })),
  };
}
