import type { Group } from '@core/contest/types';

/** Page URLs with their queries, in one place so links and pages agree on parameter names. */
export const routes = {
  home: '/pages/home/index',
  news: '/pages/news/index',
  results: '/pages/results/index',
  contest: (id: string) => `/pages/contest/index?id=${encodeURIComponent(id)}`,
  /** Also the share path of an article: a main-package page, so a shared card opens it on a cold start. */
  article: (id: string) => `/pages/article/index?id=${encodeURIComponent(id)}`,
  /**
   * 提出异议 about a list, or one project on it. `title` and `project` only label the form; the server
   * decides from the ids what the objection is about.
   */
  objection: (target: { listId: string; entryId?: string; title?: string; project?: string }) => {
    const query = Object.entries(target)
      .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    return `/entrant/pages/objection/index?${query}`;
  },
  register: (contestId: string, group?: Group) =>
    `/entrant/pages/register/index?contestId=${encodeURIComponent(contestId)}${group ? `&group=${group}` : ''}`,
  entry: (contestId: string) => `/entrant/pages/entry/index?contestId=${encodeURIComponent(contestId)}`,
  entrantHome: '/entrant/pages/home/index',
  institution: '/entrant/pages/institution/index',
  inbox: '/entrant/pages/inbox/index',
  notifySettings: '/entrant/pages/notify-settings/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
};
