import { randomBytes } from 'node:crypto';
import { SUBSCRIPTION_FIELD_RULES, subscriptionFieldType } from '@core/notify/field-rules';
import type { Messenger, SendResult, SubscriptionMessage } from '../../ports';

/**
 * WeChat's errmsg for the first bad field (the wording of real 47003 answers), or null when all fields
 * pass: `argument invalid! data.thing1.value invalid`, and for an empty value
 * `argument invalid! data.thing3.value is emtpy` — the misspelling is WeChat's own.
 */
export function checkSubscriptionData(data: Record<string, { value: string }>): string | null {
  const entries = Object.entries(data ?? {});
  // Wording for a missing data object is not documented; this follows the pattern of the field messages.
  if (entries.length === 0) return 'argument invalid! data is empty';
  for (const [key, field] of entries) {
    const value: unknown = field?.value;
    if (value === undefined || value === null || String(value).trim() === '') {
      return `argument invalid! data.${key}.value is emtpy`;
    }
    const type = subscriptionFieldType(key);
    // Keys of unknown type (old template keywords) are not checked: WeChat validates them against the template.
    if (type && !SUBSCRIPTION_FIELD_RULES[type](String(value))) return `argument invalid! data.${key}.value invalid`;
  }
  return null;
}

/** A request id in WeChat's `rid: 64229bc2-48d0e8b1-2008ed9b` shape. */
export function wechatRid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`;
}

const SEND = 'openapi.subscribeMessage.send';
/** errcode values of sendMessage (same page as the field rules) with the errmsg texts real answers carry. */
export const SUBSCRIBE_ERRORS = {
  /** 40003 touser字段openid为空或者不正确 */
  invalidOpenid: { errCode: 40003, text: 'invalid openid' },
  /** 40037 订阅模板id为空不正确 */
  invalidTemplate: { errCode: 40037, text: 'invalid template_id' },
  /** 43101 用户拒绝接受消息 (not subscribed, or the one allowed message already used) */
  refused: { errCode: 43101, text: 'user refuse to accept the msg' },
  /** 47003 模板参数不准确; the text names the field (see checkSubscriptionData). */
  badData: { errCode: 47003 },
  /** 45009 接口调用超过限额 (the mini-program's daily quota) */
  quota: { errCode: 45009, text: 'reach max api daily quota limit' },
} as const;

/**
 * A failure the stand-in can be told to give, for tests and the benchmark: WeChat's refusals (answered like
 * real ones) and the transient failures the cloud adapter throws (-1 系统繁忙, a timeout), where nothing was sent.
 */
export type LocalFault = 'notSubscribed' | 'badData' | 'quota' | 'busy' | 'timeout';

function faultAnswer(fault: LocalFault): SendResult {
  const fail = (errCode: number, text: string): SendResult => ({
    ok: false,
    errCode,
    errMsg: `${SEND}:fail ${text} rid: ${wechatRid()}`,
  });
  switch (fault) {
    case 'notSubscribed':
      return fail(SUBSCRIBE_ERRORS.refused.errCode, SUBSCRIBE_ERRORS.refused.text);
    case 'badData':
      return fail(SUBSCRIBE_ERRORS.badData.errCode, 'argument invalid! data.thing1.value invalid');
    case 'quota':
      return fail(SUBSCRIBE_ERRORS.quota.errCode, SUBSCRIBE_ERRORS.quota.text);
    case 'busy':
      // The cloud adapter throws for the platform's own codes (≤ 0): so does the stand-in.
      throw new Error(`${SEND}:fail -1 system error rid: ${wechatRid()}`);
    case 'timeout':
      throw new Error(`${SEND}:fail timeout`);
  }
}

/**
 * The refusal WeChat would give for this message before looking at subscriptions, in the cloud-call form
 * `openapi.subscribeMessage.send:fail <errmsg> rid: …`, or null when the message itself is acceptable.
 */
export function checkSubscriptionMessage(message: {
  touser: string;
  templateId: string;
  data: Record<string, { value: string }>;
}): { errCode: number; errMsg: string } | null {
  const fail = (errCode: number, text: string) => ({ errCode, errMsg: `${SEND}:fail ${text} rid: ${wechatRid()}` });
  if (!message.touser) return fail(SUBSCRIBE_ERRORS.invalidOpenid.errCode, SUBSCRIBE_ERRORS.invalidOpenid.text);
  if (!message.templateId) return fail(SUBSCRIBE_ERRORS.invalidTemplate.errCode, SUBSCRIBE_ERRORS.invalidTemplate.text);
  const bad = checkSubscriptionData(message.data);
  if (bad) return fail(SUBSCRIBE_ERRORS.badData.errCode, bad);
  return null;
}

export function refusedNotSubscribed(): { errCode: number; errMsg: string } {
  return {
    errCode: SUBSCRIBE_ERRORS.refused.errCode,
    errMsg: `${SEND}:fail ${SUBSCRIBE_ERRORS.refused.text} rid: ${wechatRid()}`,
  };
}

export interface LocalMessengerOptions {
  /** Called for every send, delivered or refused, so the local cloud can show the messages. */
  record(message: SubscriptionMessage, result: SendResult): void | Promise<void>;
  /**
   * Whether the user may receive one more message of this template; called only for well-formed messages,
   * so it may consume a counted subscription. Absent: everyone is subscribed.
   */
  isSubscribed?(openid: string, templateId: string): boolean | Promise<boolean>;
  /** A fault to give instead of an answer (tests, benchmark); null: answer normally. */
  nextFault?(): LocalFault | null;
  /** How long WeChat takes to answer, in ms (the benchmark's 50 ms); 0 when absent. */
  latencyMs?(): number;
}

/** The local cloud's WeChat: checks messages as WeChat would and records them instead of delivering. */
export function createLocalMessenger(options: LocalMessengerOptions): Messenger {
  return {
    async send(message: SubscriptionMessage): Promise<SendResult> {
      const latency = options.latencyMs?.() ?? 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const fault = options.nextFault?.() ?? null;
      if (fault !== null) {
        const answer = faultAnswer(fault);
        await options.record(message, answer);
        return answer;
      }
      let refusal = checkSubscriptionMessage({
        touser: message.toOpenid,
        templateId: message.templateId,
        data: message.data,
      });
      if (!refusal && options.isSubscribed && !(await options.isSubscribed(message.toOpenid, message.templateId))) {
        refusal = refusedNotSubscribed();
      }
      const result: SendResult = refusal ? { ok: false, ...refusal } : { ok: true };
      await options.record(message, result);
      return result;
    },
  };
}
