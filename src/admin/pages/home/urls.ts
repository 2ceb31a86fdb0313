import Taro from '@tarojs/taro';

/** Where the home page's links and cards lead; the entries list opens filtered when a contest is chosen. */
export function go(url: string): void {
  void Taro.navigateTo({ url });
}

export function entriesUrl(contestId: string | undefined, status?: string): string {
  const query = [contestId ? `contestId=${encodeURIComponent(contestId)}` : '', status ? `status=${status}` : '']
    .filter((part) => part !== '')
    .join('&');
  return `/admin/pages/entries/index${query ? `?${query}` : ''}`;
}

export function contestUrl(contestId: string | undefined): string {
  return contestId ? `/admin/pages/contest/index?id=${encodeURIComponent(contestId)}` : '/admin/pages/contest/index';
}
