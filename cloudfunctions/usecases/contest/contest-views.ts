import type { ContestDetail, ContestSummary } from '@core/contest/views';
import { registrationStatus } from '@core/contest/types';
import type { ContestDoc, EditionDoc } from '../collections';

export function contestSummary(contest: ContestDoc, edition: EditionDoc | undefined, now: Date): ContestSummary {
  return {
    id: contest._id,
    name: contest.name,
    kind: contest.kind,
    editionName: edition?.name ?? '',
    year: edition?.year ?? 0,
    hostRegion: contest.hostRegion,
    groups: contest.groups,
    registration: { ...contest.registration, status: registrationStatus(contest.registration, now) },
    stages: contest.stages,
  };
}

export function contestDetail(contest: ContestDoc, edition: EditionDoc | undefined, now: Date): ContestDetail {
  return {
    ...contestSummary(contest, edition, now),
    editionId: contest.editionId,
    hosts: contest.hosts,
    organizers: contest.organizers,
    fields: contest.fields,
    districts: contest.districts,
    rules: contest.rules,
    awards: contest.awards,
  };
}
