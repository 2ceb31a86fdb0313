/**
 * @jest-environment jsdom
 *
 * The weapp build as WeChat would load it: app.json, every page's WXML and WXSS through the official
 * compilers (wcc / wcsc from miniprogram-compiler, which miniprogram-simulate uses underneath), and
 * whole Taro pages rendered by miniprogram-simulate. jsdom because simulate renders into a DOM.
 * Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as compiler from 'miniprogram-compiler';
import wcsc from 'miniprogram-compiler/src/wcsc';
import { getBrowsersList } from 'miniprogram-compat';
import { areaInfo } from '@core/roles';
import pkg from '../../package.json';
import { distRoot, installRuntime, openPage, waitUntil, type CallFunctionParam } from './support/mini-runtime';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  lazyCodeLoading?: string;
  resizable?: boolean;
  window?: { navigationBarTitleText?: string };
}

if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
  throw new Error(`dist/weapp is missing (${distRoot}): run \`npm run build:weapp\` before the weapp tests.`);
}

const appJson = JSON.parse(fs.readFileSync(path.join(distRoot, 'app.json'), 'utf8')) as AppJson;
const allPages = [
  ...appJson.pages,
  ...(appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
];

describe('app.json', () => {
  test('tab bar is 首页 / 新闻 / 成绩 / 我的, in that order', () => {
    expect(appJson.tabBar?.list.map((item) => [item.pagePath, item.text])).toEqual([
      ['pages/home/index', '首页'],
      ['pages/news/index', '新闻'],
      ['pages/results/index', '成绩'],
      ['pages/me/index', '我的'],
    ]);
  });

  test('every tab has a normal and a selected icon: an 81×81 PNG within WeChat’s 40 KB', () => {
    const icons = (appJson.tabBar?.list ?? []).flatMap((item) => [item.iconPath, item.selectedIconPath]);
    expect(icons).toHaveLength(8);
    expect(new Set(icons).size).toBe(8);
    for (const icon of icons) {
      const bytes = fs.readFileSync(path.join(distRoot, icon ?? 'missing'));
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR is the first chunk: width and height are its first two big-endian words.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([81, 81]);
      expect(bytes.length).toBeLessThanOrEqual(40 * 1024);
    }
  });

  test('the code is compiled for the lowest base library it needs, so DevTools need not transpile it again', () => {
    // 2.32.3: wx.onNeedPrivacyAuthorization. miniprogram-compat holds WeChat's own engine data per base library.
    const engines = getBrowsersList(pkg.config.minLibVersion) ?? [];
    expect(engines.length).toBeGreaterThan(0);
    const lowest = new Map(
      pkg.browserslist.map((query) => /^(\w+) >= ([\d.]+)$/.exec(query)).map((m) => [m?.[1], m?.[2]]),
    );
    for (const engine of engines) {
      const [name, version] = engine.split(' ');
      expect([engine, lowest.get(name)]).toEqual([engine, version]);
    }
    const project = JSON.parse(fs.readFileSync(path.join(distRoot, 'project.config.json'), 'utf8')) as {
      setting?: { es6?: boolean; enhance?: boolean };
    };
    expect(project.setting).toMatchObject({ es6: false, enhance: false });
    const code = fs
      .readdirSync(distRoot, { recursive: true })
      .filter((f) => String(f).endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(distRoot, String(f)), 'utf8'))
      .join('\n');
    expect(code).toMatch(/\basync function\b/);
    // The message inside Babel's regenerator runtime: present whenever async functions were turned into ES5.
    expect(code).not.toContain('Generator is already running');
  });

  test('role areas are subpackages opening on their home pages; the dev login is not shipped', () => {
    expect(appJson.subPackages?.map((sub) => [sub.root, sub.pages[0]])).toEqual([
      ['entrant', 'pages/home/index'],
      ['judge', 'pages/home/index'],
      ['admin', 'pages/home/index'],
      // The host console of the live final, apart from the other organizer pages.
      ['stage', 'pages/console/index'],
      ['notary', 'pages/home/index'],
      // The big screen of the live final: public, in a package of its own so a projector loads only it.
      ['screen', 'pages/live/index'],
    ]);
    expect(appJson.resizable).toBe(true);
    // Every subpackage an area claims exists, and the area opens on a page of its own first package.
    const roots = appJson.subPackages?.map((sub) => sub.root) ?? [];
    for (const info of Object.values(areaInfo)) {
      expect(roots).toEqual(expect.arrayContaining([...info.packages]));
      expect(allPages).toContain(info.home.slice(1));
      expect(info.home.startsWith(`/${info.packages[0]}/`)).toBe(true);
    }
    // The sign-up and objection forms and 我的 → 消息 live in the entrant subpackage; only the tabs, 赛事详情 and
    // articles (opened from shared chats) are main.
    expect(appJson.subPackages?.[0]?.pages).toEqual([
      'pages/home/index',
      'pages/register/index',
      'pages/entry/index',
      'pages/institution/index',
      'pages/objection/index',
      'pages/inbox/index',
      'pages/notify-settings/index',
    ]);
    expect(appJson.pages).toEqual([
      'pages/home/index',
      'pages/news/index',
      'pages/results/index',
      'pages/me/index',
      'pages/contest/index',
      'pages/article/index',
      'pages/not-found/index',
    ]);
    expect(appJson.pages).not.toContain('pages/login/index');
    expect(appJson.lazyCodeLoading).toBe('requiredComponents');
    expect(appJson.window?.navigationBarTitleText).toBe('创客中国');
  });

  test('the project.config.json Taro copies into dist/weapp finds the built cloud functions from there', () => {
    const copy = JSON.parse(fs.readFileSync(path.join(distRoot, 'project.config.json'), 'utf8')) as {
      miniprogramRoot?: string;
      cloudfunctionRoot?: string;
    };
    expect(copy.miniprogramRoot).toBe('./');
    const functions = path.resolve(distRoot, copy.cloudfunctionRoot ?? '');
    expect(fs.existsSync(path.join(functions, 'api'))).toBe(true);
    expect(fs.existsSync(path.join(functions, 'cron'))).toBe(true);
  });

  test('no source maps ship in the package', () => {
    const maps = fs.readdirSync(distRoot, { recursive: true }).filter((f) => String(f).endsWith('.map'));
    expect(maps).toEqual([]);
  });
});

describe('official compilers', () => {
  test('every page’s WXML compiles with wcc', () => {
    // Throws with wcc's message on any syntax error anywhere in the build.
    const gwx = new Function(compiler.wxmlToJs(distRoot))() as (file: string) => unknown;
    for (const page of allPages) {
      expect(fs.existsSync(path.join(distRoot, `${page}.wxml`))).toBe(true);
      expect([page, typeof gwx(`${page}.wxml`)]).toEqual([page, 'function']);
    }
  });

  test('every WXSS file compiles with wcsc', () => {
    const files = (fs.readdirSync(distRoot, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.wxss'))
      .map((f) => f.slice(0, -'.wxss'.length));
    const result = wcsc(distRoot, files);
    if (result instanceof Error) throw result;
    for (const page of allPages) {
      // Pages whose styles all live in shared components have no own .wxss; app.wxss imports those.
      if (fs.existsSync(path.join(distRoot, `${page}.wxss`)) && fs.statSync(path.join(distRoot, `${page}.wxss`)).size) {
        expect(Object.keys(result)).toContain(`${page}.wxss`);
      }
    }
    expect(Object.keys(result)).toContain('app.wxss');
  });
});

describe('pages rendered in miniprogram-simulate', () => {
  const contestName = '2024年“创客中国”上海市中小企业创新创业大赛';
  let runtime: { calls: CallFunctionParam[] };

  beforeAll(() => {
    runtime = installRuntime(({ data }) => {
      switch (data.action) {
        case 'home.get':
          return {
            ok: true,
            data: {
              banners: [],
              latest: [],
              contests: [
                {
                  id: 'sh-2024',
                  name: contestName,
                  kind: 'regional',
                  editionName: '第九届',
                  year: 2024,
                  hostRegion: '上海市',
                  groups: ['enterprise', 'maker'],
                  registration: {
                    opensAt: '2024-05-31T16:00:00.000Z',
                    closesAt: '2024-08-31T15:59:59.000Z',
                    status: 'open',
                  },
                  stages: [{ key: 'final', format: '现场路演', startsOn: '2024-10-20', endsOn: '2024-10-20' }],
                  phase: {
                    steps: [
                      {
                        key: 'registration',
                        label: '报名',
                        startsOn: '2024-06-01',
                        endsOn: '2024-08-31',
                        state: 'current',
                      },
                      { key: 'final', label: '决赛', startsOn: '2024-10-20', endsOn: '2024-10-20', state: 'upcoming' },
                      { key: 'publicity', label: '公示', startsOn: '2024-10-21', endsOn: null, state: 'upcoming' },
                    ],
                    current: 'registration',
                    next: { key: 'final', label: '决赛', startsOn: '2024-10-20' },
                  },
                },
              ],
            },
          };
        case 'auth.me':
          return { ok: true, data: { user: null, roles: [], areas: [] } };
        default:
          return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
      }
    });
  });

  test('首页 calls home.get through wx.cloud and shows the contest with where it stands', async () => {
    const page = openPage('pages/home/index');
    await waitUntil('the contest in page.data', () => JSON.stringify(page.data).includes(contestName));
    await waitUntil('the contest on screen', () => (page.dom?.textContent ?? '').includes(contestName));

    const text = page.dom?.textContent ?? '';
    expect(text).toContain('报名中');
    expect(text).toContain('2024年6月1日 00:00 至 2024年8月31日 23:59');
    expect(text).toContain('决赛');
    expect(text).toContain('下一阶段：决赛 10月20日');
    expect(page.querySelector('.contest-card')).toBeTruthy();
    expect(page.querySelector('.phase-step--current')).toBeTruthy();
    expect(runtime.calls[0]).toEqual({ name: 'api', data: { action: 'home.get', data: {} } });
    page.detach();
  });

  test('a subpackage page renders its not-allowed state for a visitor without the role', async () => {
    const page = openPage('judge/pages/home/index');
    await waitUntil('the not-allowed message', () => (page.dom?.textContent ?? '').includes('此页面仅限评委访问'));
    expect(page.querySelector('.page-forbidden')).toBeTruthy();
    expect(runtime.calls.map((c) => c.data.action)).toContain('auth.me');
    page.detach();
  });
});
