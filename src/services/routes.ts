import type { Group } from '@core/contest/types';

/** Page URLs with their queries, in one place so links and pages agree on parameter names. */
export const routes = {
  contest: (id: string) => `/pages/contest/index?id=${encodeURIComponent(id)}`,
  register: (contestId: string, group?: Group) =>
    `/entrant/pages/register/index?contestId=${encodeURIComponent(contestId)}${group ? `&group=${group}` : ''}`,
  entry: (contestId: string) => `/entrant/pages/entry/index?contestId=${encodeURIComponent(contestId)}`,
  entrantHome: '/entrant/pages/home/index',
  institution: '/entrant/pages/institution/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
};
