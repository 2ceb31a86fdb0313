import { shanghaiDay } from '../time/shanghai';
import { stageLabels, type Contest } from './types';

export type PhaseKey = 'registration' | 'preliminary' | 'semifinal' | 'final' | 'publicity';
export const phaseLabels: Record<PhaseKey, string> = { registration: '报名', ...stageLabels, publicity: '公示' };

export interface PhaseStep {
  key: PhaseKey;
  label: string;
  /** Shanghai calendar days; publicity has no end. */
  startsOn: string;
  endsOn: string | null;
  state: 'done' | 'current' | 'upcoming';
}

export interface ContestPhase {
  steps: PhaseStep[];
  /** null before registration opens. */
  current: PhaseKey | null;
  next: { key: PhaseKey; label: string; startsOn: string } | null;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Where a contest stands: 报名 → 预赛 → 复赛 → 决赛 → 公示, by Shanghai calendar days. The current step is
 * the latest one that has started (stages may overlap, as in the Shanghai 2024 notice, where registration
 * and 预赛 share August); 公示 starts the day after the last stage ends.
 */
export function contestPhase(contest: Pick<Contest, 'registration' | 'stages'>, now: Date): ContestPhase {
  const today = shanghaiDay(now);
  const raw: Array<Omit<PhaseStep, 'state' | 'label'>> = [
    {
      key: 'registration',
      startsOn: shanghaiDay(contest.registration.opensAt),
      endsOn: shanghaiDay(contest.registration.closesAt),
    },
    ...[...contest.stages]
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      .map((s) => ({ key: s.key, startsOn: s.startsOn, endsOn: s.endsOn })),
  ];
  const lastEnd = raw.reduce(
    (end, s) => (s.endsOn !== null && s.endsOn > end ? s.endsOn : end),
    raw[0]?.endsOn ?? today,
  );
  if (contest.stages.length > 0) raw.push({ key: 'publicity', startsOn: dayAfter(lastEnd), endsOn: null });

  let currentIndex = -1;
  raw.forEach((s, i) => {
    if (s.startsOn <= today) currentIndex = i;
  });
  const steps = raw.map((s, i) => ({
    ...s,
    label: phaseLabels[s.key],
    state: i < currentIndex ? ('done' as const) : i === currentIndex ? ('current' as const) : ('upcoming' as const),
  }));
  const upcoming = steps.find((s, i) => i > currentIndex);
  return {
    steps,
    current: currentIndex >= 0 ? (steps[currentIndex]?.key ?? null) : null,
    next: upcoming ? { key: upcoming.key, label: upcoming.label, startsOn: upcoming.startsOn } : null,
  };
}
