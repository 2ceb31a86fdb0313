import type { ActionInput } from '@core/actions';
import type { ContestDetail } from '@core/contest/views';
import { prizeLabels, stageLabels, type ContestKind, type Group, type Prize, type StageKey } from '@core/contest/types';
import { contestInput } from '@core/contest/schemas';
import type { FieldErrors } from '@core/errors';
import { inShanghai } from '@core/time/shanghai';
import { validate } from '@core/validation';

/**
 * The contest settings form as typed (strings, one box per thing) and its translation to and from
 * `admin.contest.upsert`. Kept apart from the page so the rules of the translation (Shanghai wall-clock
 * times, which stages and prizes are sent) are plain functions.
 */

export const STAGE_KEYS: readonly StageKey[] = ['preliminary', 'semifinal', 'final'];
export const PRIZES: readonly Prize[] = ['first', 'second', 'third', 'merit'];
export const GROUPS: readonly Group[] = ['enterprise', 'maker'];

export interface StageDraft {
  enabled: boolean;
  format: string;
  startsOn: string;
  endsOn: string;
  note: string;
}

export interface AwardDraft {
  /** Digits as typed; '' means the prize is not awarded. */
  count: string;
  /** 若干: the organizers decide the number later (sent as count null). */
  several: boolean;
}

export interface ContestDraft {
  editionId: string;
  kind: ContestKind;
  name: string;
  hostRegion: string;
  hosts: string[];
  organizers: string[];
  groups: Group[];
  fields: string[];
  districts: string[];
  /** Shanghai wall clock: YYYY-MM-DD and HH:mm. */
  opensOn: string;
  opensTime: string;
  closesOn: string;
  closesTime: string;
  stages: Record<StageKey, StageDraft>;
  rules: string;
  awards: Record<Group, Record<Prize, AwardDraft>>;
}

/** One box of the form changed; each card of the page edits the draft through it. */
export type SetDraft = <K extends keyof ContestDraft>(key: K, value: ContestDraft[K]) => void;

const defaultFormats: Record<StageKey, string> = {
  preliminary: '线上专家评审',
  semifinal: '线下现场演示和答辩',
  final: '现场演示和答辩、现场评分',
};

function emptyAwards(): Record<Prize, AwardDraft> {
  return {
    first: { count: '', several: false },
    second: { count: '', several: false },
    third: { count: '', several: false },
    merit: { count: '', several: false },
  };
}

export function emptyDraft(editionId = ''): ContestDraft {
  return {
    editionId,
    kind: 'regional',
    name: '',
    hostRegion: '',
    hosts: [],
    organizers: [],
    groups: ['enterprise', 'maker'],
    fields: [],
    districts: [],
    opensOn: '',
    opensTime: '00:00',
    closesOn: '',
    closesTime: '23:59',
    stages: {
      preliminary: { enabled: true, format: defaultFormats.preliminary, startsOn: '', endsOn: '', note: '' },
      semifinal: { enabled: true, format: defaultFormats.semifinal, startsOn: '', endsOn: '', note: '' },
      final: { enabled: true, format: defaultFormats.final, startsOn: '', endsOn: '', note: '' },
    },
    rules: '',
    awards: { enterprise: emptyAwards(), maker: emptyAwards() },
  };
}

export function draftFromContest(contest: ContestDetail): ContestDraft {
  const draft = emptyDraft(contest.editionId);
  const opens = inShanghai(contest.registration.opensAt);
  const closes = inShanghai(contest.registration.closesAt);
  const stages = { ...draft.stages };
  for (const key of STAGE_KEYS) {
    const stage = contest.stages.find((s) => s.key === key);
    stages[key] = stage
      ? { enabled: true, format: stage.format, startsOn: stage.startsOn, endsOn: stage.endsOn, note: stage.note ?? '' }
      : { ...stages[key], enabled: false };
  }
  const awards = { enterprise: emptyAwards(), maker: emptyAwards() };
  for (const group of GROUPS) {
    for (const plan of contest.awards[group] ?? []) {
      awards[group][plan.prize] =
        plan.count === null ? { count: '', several: true } : { count: String(plan.count), several: false };
    }
  }
  return {
    ...draft,
    kind: contest.kind,
    name: contest.name,
    hostRegion: contest.hostRegion,
    hosts: [...contest.hosts],
    organizers: [...contest.organizers],
    groups: GROUPS.filter((g) => contest.groups.includes(g)),
    fields: [...contest.fields],
    districts: [...contest.districts],
    opensOn: opens.format('YYYY-MM-DD'),
    opensTime: opens.format('HH:mm'),
    closesOn: closes.format('YYYY-MM-DD'),
    closesTime: closes.format('HH:mm'),
    stages,
    rules: contest.rules,
    awards,
  };
}

export type ContestUpsert = ActionInput<'admin.contest.upsert'>;

/**
 * Registration opens at the start of the chosen minute and closes at its end (23:59 → 23:59:59), the way
 * notices word a deadline; the offset is always +08:00, since organizers type Beijing time.
 */
export function toInstant(day: string, time: string, edge: 'start' | 'end'): string {
  if (day === '' || time === '') return '';
  return `${day}T${time}:${edge === 'start' ? '00' : '59'}+08:00`;
}

export function draftToInput(draft: ContestDraft, id?: string): ContestUpsert {
  const stages = STAGE_KEYS.filter((key) => draft.stages[key].enabled).map((key) => {
    const s = draft.stages[key];
    const note = s.note.trim();
    return { key, format: s.format, startsOn: s.startsOn, endsOn: s.endsOn, ...(note ? { note } : {}) };
  });
  const awards: ContestUpsert['awards'] = {};
  for (const group of draft.groups) {
    awards[group] = PRIZES.flatMap((prize): Array<{ prize: Prize; count: number | null }> => {
      const a = draft.awards[group][prize];
      if (a.several) return [{ prize, count: null }];
      if (a.count.trim() === '') return [];
      return [{ prize, count: Number(a.count.trim()) }];
    });
  }
  return {
    ...(id ? { id } : {}),
    editionId: draft.editionId,
    kind: draft.kind,
    name: draft.name,
    hostRegion: draft.hostRegion,
    hosts: draft.hosts,
    organizers: draft.organizers,
    groups: draft.groups,
    fields: draft.fields,
    districts: draft.districts,
    registration: {
      opensAt: toInstant(draft.opensOn, draft.opensTime, 'start'),
      closesAt: toInstant(draft.closesOn, draft.closesTime, 'end'),
    },
    stages,
    rules: draft.rules,
    awards,
  };
}

/**
 * Checks the form with the action's own schema, plus what a schema can't word well for a form (an empty
 * date box, letters in a count). Errors are keyed by the form's own boxes: `stages.semifinal.endsOn`,
 * `awards.maker.first`, `registration.closesAt`, `editionId`…
 */
export function checkDraft(
  draft: ContestDraft,
  id?: string,
): { ok: true; input: ContestUpsert } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.editionId === '') errors.editionId = '请选择届次';
  if (draft.opensOn === '' || draft.opensTime === '') errors['registration.opensAt'] = '请选择报名开始日期和时间';
  if (draft.closesOn === '' || draft.closesTime === '') errors['registration.closesAt'] = '请选择报名截止日期和时间';
  for (const key of STAGE_KEYS) {
    const s = draft.stages[key];
    if (!s.enabled) continue;
    if (s.startsOn === '') errors[`stages.${key}.startsOn`] = `请选择${stageLabels[key]}开始日期`;
    if (s.endsOn === '') errors[`stages.${key}.endsOn`] = `请选择${stageLabels[key]}结束日期`;
  }
  for (const group of draft.groups) {
    for (const prize of PRIZES) {
      const a = draft.awards[group][prize];
      if (!a.several && a.count.trim() !== '' && !/^\d{1,4}$/.test(a.count.trim())) {
        errors[`awards.${group}.${prize}`] = `${prizeLabels[prize]}名额应为非负整数`;
      }
    }
  }
  const input = draftToInput(draft, id);
  const checked = validate(contestInput, input);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.errors)) {
      const key = formKey(path, input);
      errors[key] ??= message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: inFormOrder(errors) };
  return { ok: true, input };
}

/** Boxes top to bottom, so the summary above 保存 lists problems in the order the form shows them. */
const FORM_ORDER = [
  'name',
  'kind',
  'editionId',
  'hostRegion',
  'hosts',
  'organizers',
  'groups',
  'fields',
  'districts',
  'registration',
  'stages',
  'rules',
  'awards',
];

function rank(key: string): number {
  const i = FORM_ORDER.findIndex((prefix) => key === prefix || key.startsWith(`${prefix}.`));
  return i < 0 ? FORM_ORDER.length : i;
}

export function inFormOrder(errors: FieldErrors): FieldErrors {
  const keys = Object.keys(errors);
  const sorted = keys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
    .map(({ key }) => key);
  const out: FieldErrors = {};
  for (const key of sorted) out[key] = errors[key] ?? '';
  return out;
}

/** A schema path (`stages.1.endsOn`, `awards.maker.0.count`, `fields.2`) → the form box it belongs to. */
export function formKey(path: string, input: ContestUpsert): string {
  const parts = path.split('.');
  const [head, second, third] = parts;
  if (head === 'stages' && second !== undefined && /^\d+$/.test(second)) {
    const stage = input.stages[Number(second)];
    return stage ? ['stages', stage.key, ...parts.slice(2)].join('.') : 'stages';
  }
  if (head === 'awards' && (second === 'enterprise' || second === 'maker') && third !== undefined) {
    const plan = input.awards[second]?.[Number(third)];
    return plan ? `awards.${second}.${plan.prize}` : `awards.${second}`;
  }
  // A problem with one tag (fields.2) is shown under the tag list.
  if (
    (head === 'fields' || head === 'districts' || head === 'hosts' || head === 'organizers') &&
    second !== undefined
  ) {
    return head;
  }
  return path;
}
