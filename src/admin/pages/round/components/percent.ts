/** A bar's fill: done of `of` in whole percent, 0 when there is nothing to do. */
export function percent(done: number, of: number): number {
  return of > 0 ? Math.round((done / of) * 100) : 0;
}
