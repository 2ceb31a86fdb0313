/**
 * Asking to be told: WeChat's one-time subscription messages. Each 允许 a user taps lets the platform send them
 * one message of that template; the answer goes to the cloud (`notify.subscription.record`), which counts them.
 *
 * `wx.requestSubscribeMessage` shows its prompt only when called from a tap, so `askToSubscribe` makes the request
 * before its first `await`: call it straight from the tap handler, never after something asynchronous. The template
 * ids it needs are loaded beforehand (`preloadTemplates`, when a page with an opt-in point opens).
 *
 * H5 has no such API. Against the local cloud `POST /dev/subscribe` stands in for WeChat's prompt and its own
 * count, so the whole path can be tried without a WeChat account; elsewhere messages arrive in 我的 → 消息 only.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST } from '@core/notify/actions';
import type { SubscribeResult } from '@core/notify/credits';
import type { NotifyKind } from '@core/notify/templates';
import type { TemplateIds } from '@core/notify/views';
import { getToken } from './auth';
import { callCloud } from './cloud';
import { enqueueWrite, flushOutbox } from './outbox';

const STORAGE_KEY = 'notify:templates:v1';
/** errCode of requestSubscribeMessage when 订阅消息 is switched off in the mini-program's settings. */
const MAIN_SWITCH_OFF = 20004;

let templates: TemplateIds | null = readStored();
let loading: Promise<TemplateIds | null> | null = null;

function readStored(): TemplateIds | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return typeof stored === 'object' && stored !== null ? (stored as TemplateIds) : null;
  } catch {
    return null;
  }
}

/** Loads the deployment's template ids once (and keeps them for the next start, when the first tap may come early). */
export function preloadTemplates(): Promise<TemplateIds | null> {
  loading ??= callCloud('notify.template.list', {})
    .then((answer) => {
      templates = answer.templates;
      try {
        Taro.setStorageSync(STORAGE_KEY, answer.templates);
      } catch {
        // Storage full: the ids stay in memory for this run.
      }
      return templates;
    })
    .catch(() => {
      loading = null;
      return templates;
    });
  return loading;
}

export interface SubscribeOutcome {
  /** Kinds the user allowed this time. */
  accepted: NotifyKind[];
  /** The prompt could not appear: 订阅消息 is off in the settings (the UI then shows how to turn it on). */
  mainSwitchOff: boolean;
  /** How messages will reach the user: WeChat cards, or the in-app inbox only. */
  channel: 'wechat' | 'inbox';
}

type Answers = { results: Array<{ templateId: string; result: SubscribeResult }>; mainSwitchOff: boolean };

const RESULTS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

function readAnswers(ids: readonly string[], answer: Record<string, unknown>): Answers {
  const results = ids.flatMap((templateId) => {
    const result = answer[templateId];
    return typeof result === 'string' && RESULTS.includes(result)
      ? [{ templateId, result: result as SubscribeResult }]
      : [];
  });
  return { results, mainSwitchOff: false };
}

function askWeChat(ids: readonly string[]): Promise<Answers> {
  return Taro.requestSubscribeMessage({ tmplIds: [...ids], entityIds: [] }).then(
    (answer) => readAnswers(ids, answer as unknown as Record<string, unknown>),
    (error: unknown) => ({
      results: [],
      mainSwitchOff: (error as { errCode?: unknown } | null)?.errCode === MAIN_SWITCH_OFF,
    }),
  );
}

/**
 * The local cloud's stand-in of WeChat's prompt and count: the user is taken to have ticked 总是保持以上选择 with
 * 允许 (WeChat then answers without a popup), so browser sessions and tests are not stopped by a dialog.
 */
function askLocal(ids: readonly string[]): Promise<Answers | null> {
  const token = getToken();
  if (token === null) return Promise.resolve(null);
  return fetch('/dev/subscribe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ templateIds: ids }),
  })
    .then((response) =>
      response.status === 200
        ? response.json().then((answer) => readAnswers(ids, answer as Record<string, unknown>))
        : null,
    )
    .catch(() => null);
}

/**
 * Asks for the kinds (at most three per prompt, as every client accepts) and reports the answer. Kinds this
 * deployment has no template for are left out; with `contestId` the user also follows that contest (订阅赛事提醒),
 * whatever they answer, so its notices reach their inbox.
 */
export function askToSubscribe(
  kinds: readonly NotifyKind[],
  options: { contestId?: string } = {},
): Promise<SubscribeOutcome> {
  const known = templates;
  const asked = kinds
    .map((kind) => ({ kind, templateId: known?.[kind] ?? null }))
    .filter((k): k is { kind: NotifyKind; templateId: string } => k.templateId !== null)
    .slice(0, MAX_TEMPLATES_PER_REQUEST);
  const ids = asked.map((k) => k.templateId);
  // Before any await: WeChat shows the prompt only inside the tap.
  const prompt: Promise<Answers | null> =
    ids.length === 0 ? Promise.resolve(null) : process.env.TARO_ENV === 'weapp' ? askWeChat(ids) : askLocal(ids);
  // Promise chains, not async functions: the main package pays for every transpiled state machine.
  return prompt.then((answers) => {
    const results = answers?.results ?? [];
    const mainSwitchOff = answers?.mainSwitchOff ?? false;
    const reported =
      results.length > 0 || options.contestId !== undefined || mainSwitchOff
        ? report({
            results,
            ...(options.contestId === undefined ? {} : { contestId: options.contestId }),
            ...(mainSwitchOff ? { mainSwitchOff } : {}),
          })
        : Promise.resolve();
    if (mainSwitchOff) showSwitchOffGuide();
    const accepted = asked.filter((k) => results.some((r) => r.templateId === k.templateId && r.result === 'accept'));
    return reported.then(() => ({
      accepted: accepted.map((k) => k.kind),
      mainSwitchOff,
      channel: answers === null ? ('inbox' as const) : ('wechat' as const),
    }));
  });
}

/**
 * Through the outbox: WeChat has already counted the 允许, so a report lost to a bad network must still arrive
 * (its requestId makes the retry count once).
 */
function report(data: { results: Answers['results']; contestId?: string; mainSwitchOff?: boolean }): Promise<void> {
  enqueueWrite(`notify:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`, 'notify.subscription.record', data);
  return flushOutbox().then(() => undefined);
}

/** 20004: only the user can turn 订阅消息 back on, in the mini-program's settings. */
function showSwitchOffGuide(): void {
  void Taro.showModal({
    title: '订阅消息已关闭',
    content: '请在设置中打开订阅消息，才能收到提醒；全部通知也可在「我的 → 消息」查看。',
    confirmText: '去设置',
    cancelText: '暂不',
  }).then(({ confirm }) => {
    if (confirm && process.env.TARO_ENV === 'weapp') void Taro.openSetting({ withSubscriptions: true });
  });
}
