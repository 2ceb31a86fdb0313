/** The contest as the notices describe it (see shared/seeds). */
export type ContestKind = 'regional' | 'thematic' | 'overseas' | 'final';
export const contestKindLabels: Record<ContestKind, string> = {
  regional: '区域赛',
  thematic: '专题赛',
  overseas: '境外区域赛',
  final: '总决赛',
};

export type Group = 'enterprise' | 'maker';
export const groupLabels: Record<Group, string> = { enterprise: '企业组', maker: '创客组' };

export type StageKey = 'preliminary' | 'semifinal' | 'final';
export const stageLabels: Record<StageKey, string> = { preliminary: '预赛', semifinal: '复赛', final: '决赛' };

export type Prize = 'first' | 'second' | 'third' | 'merit';
export const prizeLabels: Record<Prize, string> = {
  first: '一等奖',
  second: '二等奖',
  third: '三等奖',
  merit: '优胜奖',
};

export interface StagePlan {
  key: StageKey;
  /** How the stage is run, e.g. 线上专家评审. */
  format: string;
  /** Shanghai calendar days, inclusive. */
  startsOn: string;
  endsOn: string;
  note?: string;
}

export interface AwardPlan {
  prize: Prize;
  /** null: the notice says 若干 (a number the organizers decide). */
  count: number | null;
}

export interface Edition {
  _id: string;
  name: string;
  year: number;
}

export interface Contest {
  _id: string;
  editionId: string;
  kind: ContestKind;
  name: string;
  hostRegion: string;
  /** 主办单位 */
  hosts: string[];
  /** 承办单位 */
  organizers: string[];
  groups: Group[];
  fields: string[];
  districts: string[];
  /** Instants as UTC ISO strings; decided in Asia/Shanghai when entered. */
  registration: { opensAt: string; closesAt: string };
  stages: StagePlan[];
  rules: string;
  awards: Partial<Record<Group, AwardPlan[]>>;
  createdAt: string;
  updatedAt: string;
}

export type RegistrationStatus = 'upcoming' | 'open' | 'closed';
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  upcoming: '即将开始',
  open: '报名中',
  closed: '已截止',
};

/**
 * Open from `opensAt` to the end of the `closesAt` second: a window that closes at 23:59:59 (as
 * notices write it) still takes a submission at 23:59:59.900 and refuses one at 00:00:00.
 */
export function registrationStatus(window: Contest['registration'], now: Date): RegistrationStatus {
  const t = now.getTime();
  if (t < Date.parse(window.opensAt)) return 'upcoming';
  if (t >= Date.parse(window.closesAt) + 1000) return 'closed';
  return 'open';
}
