/**
 * @jest-environment jsdom
 *
 * Every page of the built mini-program (`dist/weapp/app.json`, so a new page is covered by itself),
 * rendered by miniprogram-simulate with the official compiler, on a cold start of the app, against the real
 * local cloud started here (random port, temporary data dir, dev sign-in tokens): `wx.cloud.callFunction`
 * goes over HTTP to `/api/<name>` as an organizer, a judge, an entrant and a new WeChat user, and
 * `wx.cloud.database()` watches through the local cloud's live stream (support/cloud-watch.ts), as on WeChat.
 *
 * Each page must leave its loading state for its content (PageShell's page-ready, or page-empty), or for its
 * not-allowed state (page-forbidden) when the user lacks the page's role area; with no error state, no error
 * thrown in a lifecycle call or caught by Taro's page boundary, no console.error (jsdom reports uncaught
 * errors there), no failed cloud call, and no watch failed or left open after the page unloads. A refusal
 * (FORBIDDEN / UNAUTHENTICATED) is expected only on a page that ends showing its not-allowed state. An unhandled rejection fails the test it happens in (jest-circus
 * owns the process's unhandledRejection; a listener added from inside the sandbox never hears it).
 *
 * Per page it records the rendered WXML node count and the largest setData payload, prints them once at the
 * end and writes them to `.cache/weapp-pages.json`. Needs `npm run build:weapp` first.
 */
import type { ActionOutput } from '@core/actions';
import fs from 'node:fs';
import path from 'node:path';
import { areaInfo, type Area } from '@core/roles';
import { newWatchRecorder } from './support/cloud-watch';
import { coldStartPage, distRoot, type PageProbe, type RenderedPage } from './support/mini-runtime';
import {
  startTestCloud,
  type Answer,
  type CallRecorder,
  type RecordedCall,
  type TestCloud,
} from './support/local-cloud';
import { Lookups, pageQueries, type CallAs, type Query } from './support/page-queries';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
  throw new Error(`dist/weapp is missing (${distRoot}): run \`npm run build:weapp\` before the weapp tests.`);
}
const appJson = JSON.parse(fs.readFileSync(path.join(distRoot, 'app.json'), 'utf8')) as AppJson;
const routes = [
  ...appJson.pages.map((route) => ({ route, root: null as string | null })),
  ...(appJson.subPackages ?? []).flatMap((sub) =>
    sub.pages.map((page) => ({ route: `${sub.root}/${page}`, root: sub.root as string | null })),
  ),
];

/**
 * The role area a subpackage belongs to; main-package pages have none, nor has a public subpackage that is no area
 * (the big screen, `screen/`): every user may open those.
 */
function areaOf(root: string | null): Area | null {
  if (root === null) return null;
  return (Object.keys(areaInfo) as Area[]).find((area) => areaInfo[area].packages.includes(root)) ?? null;
}

interface User {
  role: string;
  /** The dev sign-in key. */
  as: string;
  /** The role areas this user may enter (everyone signed in may sign up, so everyone has entrant). */
  areas: readonly Area[];
}

const users: readonly User[] = [
  { role: 'organizer', as: 'organizer', areas: ['entrant', 'admin'] },
  { role: 'judge', as: 'judge1', areas: ['entrant', 'judge'] },
  { role: 'entrant', as: 'entrant', areas: ['entrant'] },
  { role: 'notary', as: 'notary', areas: ['entrant', 'notary'] },
  { role: 'new user', as: 'guest-weapp1', areas: ['entrant'] },
];
/** Who the query look-ups call as. */
const lookupUsers = { organizer: 'organizer', judge: 'judge1', entrant: 'entrant' } as const;

type ShellState = 'loading' | 'error' | 'forbidden' | 'empty' | 'ready';
const SHELL_STATES: readonly ShellState[] = ['loading', 'error', 'forbidden', 'empty', 'ready'];
/** Refusals a page may meet and show as its not-allowed state. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

interface Row {
  route: string;
  role: string;
  query: Query;
  state: ShellState | 'none';
  /** Elements of the rendered WXML tree under the page root. */
  nodes: number;
  setDataCalls: number;
  largestSetDataBytes: number;
  totalSetDataBytes: number;
  cloudCalls: string[];
  ms: number;
  problems: string[];
  warnings: string[];
}

const rows: Row[] = [];
let cloud: TestCloud;
const tokens = new Map<string, string>();
const queries = new Map<string, Query>();

/** Simulate prefixes classes with the component's tag (`main--page-ready`); match either form. */
function hasClass(element: Element, name: string): boolean {
  return Array.from(element.classList).some((token) => token === name || token.endsWith(`--${name}`));
}

function elements(page: RenderedPage): Element[] {
  return Array.from(page.dom?.querySelectorAll('*') ?? []);
}

/** The state of the page's outermost PageShell, or null while there is none. */
function shellState(page: RenderedPage): ShellState | null {
  const shell = elements(page).find((el) => hasClass(el, 'page-shell'));
  for (const child of Array.from(shell?.children ?? [])) {
    for (const state of SHELL_STATES) if (hasClass(child, `page-${state}`)) return state;
  }
  return null;
}

function textsOf(page: RenderedPage, name: string): string {
  return elements(page)
    .filter((el) => hasClass(el, name))
    .map((el) => (el.textContent ?? '').trim())
    .join(' | ');
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * Polls (never a fixed sleep) until the page has left its loading state and gone quiet: no cloud call in
 * flight and no new call or setData for a few polls, so calls a page makes after its first content count too.
 * False when that does not happen within the timeout.
 */
async function settle(page: RenderedPage, probe: PageProbe, recorder: CallRecorder): Promise<boolean> {
  // Quiet is counted in polls of the event loop, not in milliseconds: a loaded machine runs the same turns later.
  const QUIET_POLLS = 8;
  const deadline = Date.now() + 20_000;
  let signature = '';
  let quietPolls = 0;
  for (;;) {
    const state = shellState(page);
    const now = `${recorder.calls.length}/${recorder.inFlight}/${probe.setDataBytes.length}/${state}/${elements(page).length}`;
    if (now !== signature) {
      signature = now;
      quietPolls = 0;
    } else quietPolls += 1;
    if (state !== null && state !== 'loading' && recorder.inFlight === 0 && quietPolls >= QUIET_POLLS) return true;
    if (Date.now() > deadline) return false;
    await tick();
  }
}

function describeCall(call: RecordedCall): string {
  return `${call.action} → ${call.code ?? 'ok'}${call.message ? ` (${call.message})` : ''}`;
}

function show(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Changes what the cloud answered before the page sees it: only for the checks of the checks below. */
type Tamper = (answer: Answer) => Answer;
/** Who the caller is (its role areas), which the tampering leaves alone so the page gets past its role check. */
const isIdentity = (answer: Answer) => answer.ok && typeof answer.data === 'object' && 'areas' in (answer.data ?? {});

/** Opens `route` on a cold start as `user` and reports what the page did. */
async function renderPage(user: User, route: string, root: string | null, tamper?: Tamper): Promise<Row> {
  const query = queries.get(route) ?? {};
  const recorder: CallRecorder = { calls: [], inFlight: 0 };
  const consoleErrors: string[] = [];
  const warnings: string[] = [];
  const errorSpy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(show).join(' '));
  });
  const warnSpy = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(show).join(' '));
  });
  const started = Date.now();
  const problems: string[] = [];
  const callFunction = cloud.callFunctionFor(tokens.get(user.as) as string, recorder, tamper);
  const watches = newWatchRecorder();
  let opened: ReturnType<typeof coldStartPage> | null = null;
  let state: ShellState | null = null;
  let nodes = 0;
  try {
    opened = coldStartPage(route, query, callFunction, cloud.databaseFor(watches));
    const { page, probe } = opened;
    if (!(await settle(page, probe, recorder))) {
      problems.push(
        `did not settle: shell ${shellState(page) ?? 'not rendered'}, ${recorder.inFlight} call(s) in flight`,
      );
    }
    state = shellState(page);
    nodes = elements(page).length;

    const area = areaOf(root);
    const allowed = area === null || user.areas.includes(area);
    if (state === null) problems.push('no PageShell state on the page');
    else if (state === 'loading') problems.push('still loading');
    else if (state === 'error') problems.push(`error state: ${textsOf(page, 'page-error-message')}`);
    else if (state === 'forbidden' && allowed) {
      problems.push(`not-allowed state for a user with the area: ${textsOf(page, 'page-forbidden-message')}`);
    }
    if (state !== 'error' && textsOf(page, 'page-error') !== '') {
      problems.push(`error state inside the page: ${textsOf(page, 'page-error')}`);
    }
    for (const call of recorder.calls) {
      if (call.code === null || (REFUSALS.has(call.code) && state === 'forbidden' && !allowed)) continue;
      problems.push(`failed cloud call ${describeCall(call)}`);
    }
  } catch (error) {
    problems.push(`thrown while rendering: ${show(error)}`);
  } finally {
    try {
      opened?.close();
    } catch (error) {
      problems.push(`thrown while closing: ${show(error)}`);
    }
    // What the unmount logs or throws belongs to this page too.
    await tick();
    errorSpy.mockRestore();
    warnSpy.mockRestore();
  }
  if (watches.errors > 0) problems.push(`${watches.errors} watch(es) failed`);
  if (watches.open > 0) problems.push(`${watches.open} watch(es) left open after the page unloaded`);
  const sizes = opened?.probe.setDataBytes ?? [];
  problems.push(...(opened?.probe.errors ?? []).map((e) => `thrown: ${e}`));
  problems.push(...consoleErrors.map((e) => `console.error: ${e}`));
  return {
    route,
    role: user.role,
    query,
    state: state ?? 'none',
    nodes,
    setDataCalls: sizes.length,
    largestSetDataBytes: Math.max(0, ...sizes),
    totalSetDataBytes: sizes.reduce((a, b) => a + b, 0),
    cloudCalls: recorder.calls.map(describeCall),
    ms: Date.now() - started,
    problems,
    warnings,
  };
}

function printAndSave(): void {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const header = ['route', 'role', 'state', 'nodes', 'largest setData KB', 'setData calls', 'cloud calls', 'ok'];
  const cells = rows.map((r) => [
    r.route,
    r.role,
    r.state,
    String(r.nodes),
    kb(r.largestSetDataBytes),
    String(r.setDataCalls),
    String(r.cloudCalls.length),
    r.problems.length === 0 ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const file = path.resolve(__dirname, '../../.cache/weapp-pages.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), pages: rows }, null, 2)}\n`);
  console.log(
    [
      `${rows.length} page renders in miniprogram-simulate against the local cloud (also in .cache/weapp-pages.json):`,
      line(header),
      ...cells.map(line),
    ].join('\n'),
  );
}

beforeAll(async () => {
  cloud = await startTestCloud();
  for (const user of users) tokens.set(user.as, await cloud.signIn(user.as));
  for (const key of Object.values(lookupUsers)) if (!tokens.has(key)) tokens.set(key, await cloud.signIn(key));
  const callAs: CallAs = async (who, action, data) => {
    const answer = await cloud.call(tokens.get(lookupUsers[who]) as string, action, data);
    if (!answer.ok) throw new Error(`${action} as ${lookupUsers[who]}: ${answer.error?.code} ${answer.error?.message}`);
    return answer.data as ActionOutput<typeof action>;
  };
  const look = new Lookups(callAs);
  await look.prepare();
  for (const { route } of routes) {
    const queryFor = pageQueries[route];
    if (queryFor) queries.set(route, await queryFor(look));
  }
}, 60_000);

afterAll(async () => {
  await cloud?.close();
  if (rows.length > 0) printAndSave();
});

test('the query table names only pages of the build', () => {
  // A page that moved (another package, a new name) would otherwise quietly lose its query.
  expect(Object.keys(pageQueries).filter((route) => !routes.some((r) => r.route === route))).toEqual([]);
});

describe.each(users)('as $role ($as)', (user) => {
  test.each(routes)(
    '$route',
    async ({ route, root }) => {
      const row = await renderPage(user, route, root);
      rows.push(row);
      expect(row.problems).toEqual([]);
    },
    30_000,
  );
});

describe('the checks catch what they are for', () => {
  const organizer = users[0] as User;
  const find = (route: string) => routes.find((r) => r.route === route) ?? { route, root: null };

  test('an answer the page cannot handle: caught by the render guard, shown as the error state and logged', async () => {
    const { route, root } = find('pages/me/index');
    // Every list holds an item with nothing in it.
    const hollow: Tamper = (answer) =>
      answer.ok && !isIdentity(answer) ? { ok: true, data: { items: [{}], lists: [{}] } } : answer;
    const row = await renderPage(organizer, route, root, hollow);
    // PageShell's guard turns the throw into 页面出错了 with 重试 instead of a white page; the suite still sees it.
    expect(row.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error state( inside the page)?: 页面出错了/),
        expect.stringMatching(/^console.error/),
      ]),
    );
  }, 30_000);

  test('a failed cloud call: the call, and the page’s error state', async () => {
    const { route, root } = find('admin/pages/institutions/index');
    const broken: Tamper = (answer) =>
      isIdentity(answer) ? answer : { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } };
    const row = await renderPage(organizer, route, root, broken);
    expect(row.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error state: /),
        expect.stringMatching(/^failed cloud call .* → INTERNAL/),
      ]),
    );
  }, 30_000);

  test('a refusal on a page of an area the user holds', async () => {
    const { route, root } = find('admin/pages/objections/index');
    const refused: Tamper = (answer) =>
      isIdentity(answer) ? answer : { ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } };
    const row = await renderPage(organizer, route, root, refused);
    expect(row.state).toBe('forbidden');
    expect(row.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^not-allowed state for a user with the area: /),
        expect.stringMatching(/^failed cloud call .* → FORBIDDEN/),
      ]),
    );
  }, 30_000);
});
