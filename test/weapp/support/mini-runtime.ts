/**
 * Just enough of the WeChat app runtime to run the Taro weapp build inside miniprogram-simulate.
 *
 * miniprogram-simulate renders custom components (`Component()`), compiling the real .wxml with the
 * official compiler (miniprogram-compiler's wcc binary). A Taro page is a `Page()` whose template is
 * `base.wxml`'s `taro_tmpl` fed by `setData({root})` from Taro's React reconciler, so here `Page()`
 * registers the page as a component whose lifetimes call the page's onLoad/onShow/onReady, and `App()`
 * keeps the app object so `getApp()` can mount pages into it, as the real runtime does.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';

type Fn = (...args: unknown[]) => unknown;
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
interface PageThis {
  route: string;
  onLoad?: Fn;
  onShow?: Fn;
  onReady?: Fn;
  onUnload?: Fn;
}

export interface CallFunctionParam {
  name: string;
  data: { action: string; data?: unknown; requestId?: string };
}

export const distRoot = path.resolve(__dirname, '../../../dist/weapp');

/** The route `Page()` is being called for: set by openPage just before simulate runs the page's JS. */
let loadingRoute: string | null = null;

/** The cloud is the platform boundary: every wx.cloud.callFunction goes to `answer`. */
export function installRuntime(answer: (param: CallFunctionParam) => unknown): { calls: CallFunctionParam[] } {
  const calls: CallFunctionParam[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  // miniprogram-simulate has installed its mock `wx` by now; add what it lacks.
  Object.assign(g.wx as object, {
    cloud: {
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: () => undefined,
      callFunction: (param: CallFunctionParam) => {
        calls.push(param);
        return Promise.resolve({ errMsg: 'cloud.callFunction:ok', result: answer(param) });
      },
    },
  });

  let app: Record<string, Fn> | undefined;
  g.App = (options: Record<string, Fn>) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (options: PageOptions) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    const route = loadingRoute;
    if (route === null) throw new Error('Page() called outside openPage()');
    (g.Component as (definition: object) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageThis) {
          this.route = route;
          this.onLoad?.({});
        },
        ready(this: PageThis) {
          this.onShow?.();
          this.onReady?.();
        },
        detached(this: PageThis) {
          this.onUnload?.();
        },
      },
    });
  };

  // app.js pulls in runtime, taro, vendors and common, then calls App(); launch it like the client would.
  require(path.join(distRoot, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  const launched = app;
  launched.onLaunch?.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });
  launched.onShow?.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });
  return { calls };
}

/** The parts of j-component's RootComponent the tests use, without its WechatMiniprogram generics. */
export interface RenderedPage {
  readonly data: Record<string, unknown>;
  readonly dom: HTMLElement | undefined;
  querySelector(selector: string): object | undefined;
  detach(): void;
}

/** Loads a page of the build (e.g. `pages/home/index`) with the official compiler and attaches it. */
export function openPage(route: string): RenderedPage {
  if (!fs.existsSync(path.join(distRoot, `${route}.js`))) throw new Error(`no such page in dist/weapp: ${route}`);
  loadingRoute = route;
  const id = simulate.load(path.join(distRoot, route), { compiler: 'official', rootPath: distRoot });
  loadingRoute = null;
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page as unknown as RenderedPage;
}

/** Polls until `check` holds (no fixed sleep); fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
