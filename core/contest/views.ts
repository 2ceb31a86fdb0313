import type { AwardPlan, ContestKind, Group, RegistrationStatus, StagePlan } from './types';

export interface ContestSummary {
  id: string;
  name: string;
  kind: ContestKind;
  editionName: string;
  year: number;
  hostRegion: string;
  groups: Group[];
  registration: { opensAt: string; closesAt: string; status: RegistrationStatus };
  stages: StagePlan[];
}

export interface ContestDetail extends ContestSummary {
  editionId: string;
  hosts: string[];
  organizers: string[];
  fields: string[];
  districts: string[];
  rules: string;
  awards: Partial<Record<Group, AwardPlan[]>>;
}
