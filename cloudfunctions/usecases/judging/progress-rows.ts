import { formatPoints } from '@core/judging/points';
import { type RoundData } from './round-data';

export const signed = (f: { num: number; den: number }) => (f.num > 0 ? `+${formatPoints(f)}` : formatPoints(f));

export function judgeCounts(data: RoundData) {
  const counts = new Map<string, { assigned: number; done: number; recused: number; last: string | null }>();
  const row = (openid: string) => {
    let r = counts.get(openid);
    if (!r) counts.set(openid, (r = { assigned: 0, done: 0, recused: 0, last: null }));
    return r;
  };
  for (const a of data.active) {
    const r = row(a.judgeOpenid);
    r.assigned += 1;
    if (a.score) {
      r.done += 1;
      if (r.last === null || a.score.updatedAt > r.last) r.last = a.score.updatedAt;
    }
  }
  for (const a of data.recused) row(a.judgeOpenid).recused += 1;
  return counts;
}
