/**
 * Just enough of the WeChat app runtime to run the Taro weapp build inside miniprogram-simulate.
 *
 * miniprogram-simulate renders custom components (`Component()`), compiling the real .wxml with the
 * official compiler (miniprogram-compiler's wcc binary). A Taro page is a `Page()` whose template is
 * `base.wxml`'s `taro_tmpl` fed by `setData({root})` from Taro's React reconciler, so here `Page()`
 * registers the page as a component whose lifetimes call the page's onLoad/onShow/onReady, and `App()`
 * keeps the app object so `getApp()` can mount pages into it, as the real runtime does.
 *
 * Two ways to run it:
 * - `installRuntime` + `openPage`: one app for the whole test file (each route can be opened once, since
 *   the build's modules stay loaded);
 * - `coldStartPage`: a fresh copy of the app for every page, in its own module registry, as when a user
 *   opens the page from a shared card; any page can be opened any number of times, and `PageProbe` records
 *   what the page did (setData payloads, errors thrown in its lifecycle or reported to the app).
 * Use one or the other in a test file: a cold start replaces the globals the shared app's pages load into.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';
import type { ClientDatabase } from './cloud-watch';

type Fn = (...args: unknown[]) => unknown;
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
interface PageThis {
  route: string;
  setData: (data: Record<string, unknown>, callback?: () => void) => void;
  onLoad?: Fn;
  onShow?: Fn;
  onReady?: Fn;
  onUnload?: Fn;
}

export interface CallFunctionParam {
  name: string;
  data: { action: string; data?: unknown; requestId?: string };
}

/** What `wx.cloud.callFunction` resolves with: `{ result }`, as the real SDK does. */
export type CallFunction = (param: CallFunctionParam) => Promise<{ errMsg: string; result: unknown }>;

/** What a page did while it was open. */
export interface PageProbe {
  /** UTF-8 size of the JSON of each `setData` payload the page sent, in order. */
  setDataBytes: number[];
  /** Errors thrown by the page's lifecycle calls or reported to the app's onError / onUnhandledRejection. */
  errors: string[];
}

export const distRoot = path.resolve(__dirname, '../../../dist/weapp');

let tapDepth = 0;
/** True while a page handles a tap: a stub of an API WeChat allows only in taps reads it. */
export function tapInProgress(): boolean {
  return tapDepth > 0;
}

/** The page `Page()` is being called for: set by openPage just before simulate runs the page's JS. */
let loading: { route: string; query: Record<string, string>; probe: PageProbe | null } | null = null;

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** `wx.cloud.database`, the client's own database API (only its realtime watch is modelled: cloud-watch.ts). */
export type DatabaseFactory = (options?: { env?: string }) => ClientDatabase;

/**
 * wx.cloud, App, getApp, getCurrentPages and Page, as the WeChat client provides them. Without `database`, wx.cloud
 * has no database() and the app's live feed polls (what a test of a page that does not care about push wants).
 */
function defineGlobals(
  callFunction: CallFunction,
  appProbe: () => PageProbe | null,
  database?: DatabaseFactory,
): { app: () => Fns | undefined } {
  const g = globalThis as unknown as Record<string, unknown>;
  // miniprogram-simulate has installed its mock `wx` by now; add what it lacks.
  Object.assign(g.wx as object, {
    cloud: {
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: () => undefined,
      callFunction,
      ...(database ? { database } : {}),
    },
  });

  let app: Fns | undefined;
  g.App = (options: Fns) => {
    // Taro reports errors its page boundary caught (and rejections) to the app: they count against the page.
    for (const hook of ['onError', 'onUnhandledRejection']) {
      const original = options[hook];
      options[hook] = function (this: unknown, ...args: unknown[]) {
        appProbe()?.errors.push(`${hook}: ${args.map(describeError).join(' ')}`);
        return original?.apply(this, args);
      };
    }
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (options: PageOptions) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    // Taro binds every event to the page's `eh`: while it handles a tap, the user's gesture is in progress
    // (what WeChat requires of wx.requestSubscribeMessage).
    const eh = methods.eh;
    if (typeof eh === 'function') {
      methods.eh = function (this: unknown, ...args: unknown[]) {
        const tap = (args[0] as { type?: unknown } | undefined)?.type === 'tap';
        if (tap) tapDepth += 1;
        try {
          return (eh as Fn).apply(this, args);
        } finally {
          if (tap) tapDepth -= 1;
        }
      };
    }
    if (loading === null) throw new Error('Page() called outside openPage()');
    const { route, query, probe } = loading;
    // A lifecycle call that throws is recorded when the page is probed, else it fails the render as before.
    const run = (what: string, call: () => unknown) => {
      try {
        call();
      } catch (error) {
        if (!probe) throw error;
        probe.errors.push(`${what}: ${describeError(error)}`);
      }
    };
    (g.Component as (definition: object) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageThis) {
          this.route = route;
          if (probe) {
            const setData = this.setData;
            this.setData = (data, callback) => {
              probe.setDataBytes.push(Buffer.byteLength(JSON.stringify(data)));
              setData.call(this, data, callback);
            };
          }
          run('onLoad', () => this.onLoad?.({ ...query }));
        },
        ready(this: PageThis) {
          run('onShow', () => this.onShow?.());
          run('onReady', () => this.onReady?.());
        },
        detached(this: PageThis) {
          run('onUnload', () => this.onUnload?.());
        },
      },
    });
  };
  return { app: () => app };
}
type Fns = Record<string, Fn>;

/** app.js pulls in runtime, taro, vendors and common, then calls App(); launch it like the client would. */
function launchApp(app: () => Fns | undefined, route = 'pages/home/index', query: Record<string, string> = {}): void {
  require(path.join(distRoot, 'app.js'));
  const launched = app();
  if (!launched) throw new Error('dist/weapp/app.js did not call App()');
  launched.onLaunch?.call(launched, { path: route, query, scene: 1001 });
  launched.onShow?.call(launched, { path: route, query, scene: 1001 });
}

/** The cloud is the platform boundary: every wx.cloud.callFunction goes to `answer`. */
export function installRuntime(answer: (param: CallFunctionParam) => unknown): { calls: CallFunctionParam[] } {
  const calls: CallFunctionParam[] = [];
  const { app } = defineGlobals(
    (param) => {
      calls.push(param);
      return Promise.resolve({ errMsg: 'cloud.callFunction:ok', result: answer(param) });
    },
    () => null,
  );
  launchApp(app);
  return { calls };
}

/** The parts of j-component's RootComponent the tests use, without its WechatMiniprogram generics. */
export interface RenderedPage {
  readonly data: Record<string, unknown>;
  readonly dom: HTMLElement | undefined;
  querySelector(selector: string): object | undefined;
  detach(): void;
}

function loadPage(route: string, query: Record<string, string>, probe: PageProbe | null): string {
  if (!fs.existsSync(path.join(distRoot, `${route}.js`))) throw new Error(`no such page in dist/weapp: ${route}`);
  loading = { route, query, probe };
  try {
    return simulate.load(path.join(distRoot, route), { compiler: 'official', rootPath: distRoot });
  } finally {
    loading = null;
  }
}

function attach(id: string): RenderedPage {
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page as unknown as RenderedPage;
}

/** simulate.render puts the page's compiled WXSS in a <style id=…> of its own. */
function removeStyles(id: string): void {
  for (const style of Array.from(document.querySelectorAll(`style#${id}`))) style.remove();
}

/** Loads a page of the build (e.g. `pages/home/index`) with the official compiler and attaches it. */
export function openPage(route: string): RenderedPage {
  return attach(loadPage(route, {}, null));
}

/**
 * A cold start on `route` with `query`: a new copy of the whole app (runtime, Taro, React, the app's own
 * modules and the page's subpackage) in a module registry of its own, with `callFunction` (and `database`,
 * when given) as its cloud, then the page rendered from the build with the official compiler. Query values are
 * passed the way the WeChat client passes them to onLoad, URL-encoded as they stand in the page's path.
 */
export function coldStartPage(
  route: string,
  query: Record<string, string>,
  callFunction: CallFunction,
  database?: DatabaseFactory,
): { page: RenderedPage; probe: PageProbe; close(): void } {
  const probe: PageProbe = { setDataBytes: [], errors: [] };
  const encoded = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, encodeURIComponent(value)]));
  let id = '';
  jest.isolateModules(() => {
    // The webpack chunk list lives on `wx`: a new runtime must not pick up the chunks of the previous app.
    delete (globalThis as unknown as { wx: Record<string, unknown> }).wx.webpackJsonp;
    const { app } = defineGlobals(callFunction, () => probe, database);
    launchApp(app, route, encoded);
    id = loadPage(route, encoded, probe);
  });
  const page = attach(id);
  return {
    page,
    probe,
    close() {
      // Detaching unloads the page (onUnload), which unmounts it from the app.
      page.detach();
      removeStyles(id);
    },
  };
}

/** Polls until `check` holds (no fixed sleep); fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
