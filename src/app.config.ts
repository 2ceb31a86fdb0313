const tabPages = ['pages/home/index', 'pages/news/index', 'pages/results/index', 'pages/me/index'];

// 赛事详情 and articles are opened from shared chats (a cold start lands on them), so they live in the main
// package next to the tabs. The objection form (with its uploads) is opened from 成绩 by signed-in users only:
// it lives in the entrant subpackage, downloaded on that tap.
// pages/not-found is where onPageNotFound (src/app.ts) sends an unknown address.
const publicPages = [...tabPages, 'pages/contest/index', 'pages/article/index', 'pages/not-found/index'];
// The dev sign-in and message pages talk to the local cloud's /dev routes, which exist only behind the H5 build.
const pages =
  process.env.TARO_ENV === 'h5' ? [...publicPages, 'pages/login/index', 'pages/dev-messages/index'] : publicPages;

export default defineAppConfig({
  pages,
  // Roots must match areaInfo[area].home in core/roles.ts.
  subPackages: [
    {
      root: 'entrant',
      pages: [
        'pages/home/index',
        'pages/register/index',
        'pages/entry/index',
        'pages/institution/index',
        'pages/objection/index',
        'pages/inbox/index',
        'pages/notify-settings/index',
      ],
    },
    {
      root: 'judge',
      pages: [
        'pages/home/index',
        'pages/bind/index',
        'pages/round/index',
        'pages/score/index',
        'pages/profile/index',
        'pages/live/index',
      ],
    },
    {
      root: 'admin',
      pages: [
        'pages/home/index',
        'pages/entries/index',
        'pages/entry/index',
        'pages/contest/index',
        'pages/institutions/index',
        'pages/news/index',
        'pages/article/index',
        'pages/results/index',
        'pages/objections/index',
        'pages/judges/index',
        'pages/rounds/index',
        'pages/round-edit/index',
        'pages/round/index',
        'pages/ranking/index',
        'pages/awards/index',
        'pages/audit/index',
        'pages/campaigns/index',
        'pages/campaign/index',
      ],
    },
    // The host console of the live final: its own subpackage, so the organizer pages keep their budget.
    { root: 'stage', pages: ['pages/console/index'] },
    // The notary's read-only log and sign-off.
    { root: 'notary', pages: ['pages/home/index'] },
    // The big screen of the live final: public, opened on a PC or tablet on the projector.
    { root: 'screen', pages: ['pages/live/index'] },
  ],
  tabBar: {
    color: '#6b7280',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/news/index',
        text: '新闻',
        iconPath: 'assets/tabbar/news.png',
        selectedIconPath: 'assets/tabbar/news-active.png',
      },
      {
        pagePath: 'pages/results/index',
        text: '成绩',
        iconPath: 'assets/tabbar/results.png',
        selectedIconPath: 'assets/tabbar/results-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '创客中国',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  lazyCodeLoading: 'requiredComponents',
  // Organizer pages and the big screen widen in PC WeChat and on tablets.
  resizable: true,
});
