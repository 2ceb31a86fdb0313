import Taro from '@tarojs/taro';

const TAB_PAGES = ['pages/home/index', 'pages/news/index', 'pages/results/index', 'pages/me/index'];

/**
 * Opens a page path as stored with a notification (`entrant/pages/entry/index?contestId=…`, no leading slash, as
 * WeChat's `page` field takes it): tab pages by switchTab (which takes no query), others by navigateTo.
 */
export function openStoredPage(page: string): void {
  const path = page.replace(/^\//, '');
  const [route = ''] = path.split('?');
  if (TAB_PAGES.includes(route)) void Taro.switchTab({ url: `/${route}` });
  else void Taro.navigateTo({ url: `/${path}` });
}
