import type { ContestSummary } from '@core/contest/views';
import type { MeOutput } from '@core/system/views';

/** Small factories; each test overrides what it is about. */
export function contest(overrides: Partial<ContestSummary> = {}): ContestSummary {
  return {
    id: 'sh-2024',
    name: '2024年“创客中国”上海市中小企业创新创业大赛',
    kind: 'regional',
    editionName: '第九届',
    year: 2024,
    hostRegion: '上海市',
    groups: ['enterprise', 'maker'],
    registration: { opensAt: '2024-05-31T16:00:00.000Z', closesAt: '2024-08-31T15:59:59.000Z', status: 'open' },
    stages: [
      { key: 'preliminary', format: '线上专家评审', startsOn: '2024-09-01', endsOn: '2024-09-15' },
      { key: 'semifinal', format: '分组路演答辩', startsOn: '2024-09-20', endsOn: '2024-09-30' },
      { key: 'final', format: '现场路演，当场亮分', startsOn: '2024-10-20', endsOn: '2024-10-20' },
    ],
    ...overrides,
  };
}

export const anonymous: MeOutput = { user: null, roles: [], areas: [] };

export function signedIn(name: string, roles: MeOutput['roles'], areas: MeOutput['areas']): MeOutput {
  return { user: { openid: `dev:${name}`, name }, roles, areas };
}
