/**
 * @jest-environment jsdom
 *
 * The opt-in points of the built mini-program, in miniprogram-simulate against the real local cloud: each asks
 * `wx.requestSubscribeMessage` from the tap itself (the stub records whether a tap was being handled, as WeChat
 * insists), and what the user answered reaches `notify.subscription.record` and the credit ledger.
 * Needs `npm run build:weapp` first.
 */
import { coldStartPage, tapInProgress, waitUntil, type RenderedPage } from './support/mini-runtime';
import { startTestCloud, type CallRecorder, type TestCloud } from './support/local-cloud';

interface Tappable {
  dispatchEvent(name: string): void;
}

interface SubscribeCall {
  tmplIds: string[];
  duringTap: boolean;
}

let cloud: TestCloud;
let asked: SubscribeCall[];
let answer: (ids: string[]) => Record<string, string> | { errCode: number };

beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

beforeEach(() => {
  asked = [];
  answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'accept']));
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.requestSubscribeMessage = (options: {
    tmplIds: string[];
    success?: (res: unknown) => void;
    fail?: (res: unknown) => void;
    complete?: (res: unknown) => void;
  }) => {
    asked.push({ tmplIds: options.tmplIds, duringTap: tapInProgress() });
    const result = answer(options.tmplIds);
    // WeChat answers after the user has tapped in its prompt: later, not inside the call.
    setTimeout(() => {
      if ('errCode' in result) {
        const fail = { errMsg: 'requestSubscribeMessage:fail', errCode: result.errCode };
        options.fail?.(fail);
        options.complete?.(fail);
      } else {
        const ok = { errMsg: 'requestSubscribeMessage:ok', ...result };
        options.success?.(ok);
        options.complete?.(ok);
      }
    }, 0);
  };
});

function find(page: RenderedPage, selector: string): Tappable {
  const node = page.querySelector(selector) as Tappable | undefined;
  if (!node) throw new Error(`${selector} is not on the page`);
  return node;
}

async function open(as: string, route: string, query: Record<string, string> = {}) {
  const token = await cloud.signIn(as);
  const record: CallRecorder = { calls: [], inFlight: 0 };
  const opened = coldStartPage(route, query, cloud.callFunctionFor(token, record));
  const answered = (action: string) => record.calls.some((c) => c.action === action && c.code === null);
  // The template ids are loaded when the page opens, so the tap can ask at once.
  await waitUntil('the template ids', () => answered('notify.template.list') && record.inFlight === 0);
  return { ...opened, token, record, answered };
}

async function ledger(token: string) {
  const settings = await cloud.call(token, 'notify.setting.get');
  return settings.data as {
    kinds: Array<{ kind: string; credits: number; lastResult: string | null }>;
    contests: Array<{ contestId: string }>;
    mainSwitchOff: boolean;
  };
}

test('订阅赛事提醒 on a contest page asks inside the tap, records the accepts and follows the contest', async () => {
  const home = (await cloud.call(await cloud.signIn('entrant2'), 'home.get')).data as {
    contests: Array<{ id: string }>;
  };
  const contestId = home.contests[0]?.id ?? '';
  const page = await open('entrant2', 'pages/contest/index', { id: contestId });
  await waitUntil('the contest', () => page.page.querySelector('.contest-follow-button') !== undefined);

  find(page.page, '.contest-follow-button').dispatchEvent('tap');
  await waitUntil('the report', () => page.answered('notify.subscription.record'));

  expect(asked).toEqual([
    { tmplIds: ['local-announcement', 'local-resultPublished', 'local-registrationDeadline'], duringTap: true },
  ]);
  const settings = await ledger(page.token);
  expect(
    settings.kinds
      .filter((k) => k.credits === 1)
      .map((k) => k.kind)
      .sort(),
  ).toEqual(['announcement', 'registrationDeadline', 'resultPublished']);
  expect(settings.contests).toEqual([{ contestId, name: expect.any(String) }]);
  page.close();
});

test('消息设置: 再订阅一条 adds one credit per tap; a rejection adds none', async () => {
  const page = await open('guest-subscribe1', 'entrant/pages/notify-settings/index');
  await waitUntil(
    'the settings',
    () => page.page.querySelector('.notify-kind-reviewResult .notify-kind-add') !== undefined,
  );

  find(page.page, '.notify-kind-reviewResult .notify-kind-add').dispatchEvent('tap');
  await waitUntil(
    'the first report',
    () =>
      page.record.calls.filter((c) => c.action === 'notify.subscription.record').length === 1 &&
      page.record.inFlight === 0,
  );
  answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'reject']));
  await waitUntil(
    'the button again',
    () => page.page.querySelector('.notify-kind-reviewResult .notify-kind-add') !== undefined,
  );
  find(page.page, '.notify-kind-reviewResult .notify-kind-add').dispatchEvent('tap');
  await waitUntil(
    'the second report',
    () => page.record.calls.filter((c) => c.action === 'notify.subscription.record' && c.code === null).length === 2,
  );

  expect(asked.map((a) => a.duringTap)).toEqual([true, true]);
  expect(asked.map((a) => a.tmplIds)).toEqual([['local-reviewResult'], ['local-reviewResult']]);
  const kind = (await ledger(page.token)).kinds.find((k) => k.kind === 'reviewResult');
  expect(kind).toMatchObject({ credits: 1, lastResult: 'reject' });
  page.close();
});

test('订阅消息 switched off (20004) is recorded, and 消息设置 says how to turn it on', async () => {
  answer = () => ({ errCode: 20004 });
  const page = await open('guest-subscribe2', 'entrant/pages/notify-settings/index');
  await waitUntil('the settings', () => page.page.querySelector('.notify-kind-award .notify-kind-add') !== undefined);
  find(page.page, '.notify-kind-award .notify-kind-add').dispatchEvent('tap');
  await waitUntil('the report', () => page.answered('notify.subscription.record'));
  expect(asked).toEqual([{ tmplIds: ['local-award'], duringTap: true }]);
  expect(await ledger(page.token)).toMatchObject({ mainSwitchOff: true });
  await waitUntil('the guidance', () => page.page.querySelector('.notify-switch-off') !== undefined);
  page.close();
});

test('a judge opening a round from 评审工作台 is asked for 评审任务提醒 inside the tap', async () => {
  const page = await open('judge1', 'judge/pages/home/index');
  await waitUntil('the rounds', () => page.page.querySelector('.judge-round') !== undefined);
  find(page.page, '.judge-round').dispatchEvent('tap');
  await waitUntil('the report', () => page.answered('notify.subscription.record'));
  expect(asked).toEqual([{ tmplIds: ['local-judgeTask'], duringTap: true }]);
  expect((await ledger(page.token)).kinds.find((k) => k.kind === 'judgeTask')).toMatchObject({ credits: 1 });
  page.close();
});
