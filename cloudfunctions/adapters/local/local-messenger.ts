import { randomBytes } from 'node:crypto';
import type { Messenger, SendResult, SubscriptionMessage } from '../../ports';

/**
 * WeChat's value rules for subscription-message fields, chosen by the key's prefix (`thing1` → thing).
 * Source: "订阅消息参数值内容限制说明" in
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *
 * | type             | limit                                                                  |
 * | thing            | ≤ 20 characters: Chinese, digits, letters or symbols                   |
 * | number           | ≤ 32 digits, may be a decimal                                          |
 * | letter           | ≤ 32 letters                                                           |
 * | symbol           | ≤ 5 symbols                                                            |
 * | character_string | ≤ 32 digits, letters or symbols                                        |
 * | time             | 24-hour time, optionally with a date; a range joins two with "~"       |
 * | date             | a date (年月日), optionally with a 24-hour time; ranges with "~"         |
 * | amount           | one currency sign + ≤ 10 digits, may be a decimal, may end with 元     |
 * | phone_number     | ≤ 17 digits and symbols, e.g. +86-0766-66888866                        |
 * | car_number       | ≤ 8; first and last may be Chinese, the rest letters or digits         |
 * | name             | ≤ 10 Chinese, or ≤ 20 letters/symbols; mixed counts as Chinese (≤ 10)  |
 * | phrase           | ≤ 5 Chinese characters only                                            |
 * | enum             | one of the template's enum values (not checkable here: accepted)       |
 *
 * Lengths count characters (code points), not bytes.
 */
export type SubscriptionFieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'
  | 'enum';

const HAN = /^\p{Script=Han}+$/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const DAY = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const TIME_POINT = new RegExp(String.raw`^(?:${DAY}\s*)?${CLOCK}$`);
const DATE_POINT = new RegExp(String.raw`^${DAY}(?:\s*${CLOCK})?$`);

const chars = (value: string): string[] => Array.from(value);

/** Each point of a `a~b` range must match on its own. */
const pointsMatch = (value: string, point: RegExp): boolean => {
  const parts = value.split(/\s*[~～]\s*/);
  return parts.length <= 2 && parts.every((part) => point.test(part.trim()));
};

export const SUBSCRIPTION_FIELD_RULES: Readonly<Record<SubscriptionFieldType, (value: string) => boolean>> = {
  thing: (v) => chars(v).length <= 20,
  number: (v) => v.length <= 32 && /^\d+(?:\.\d+)?$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => chars(v).length <= 5 && SYMBOLS.test(v),
  character_string: (v) => chars(v).length <= 32 && /^[0-9A-Za-z\p{P}\p{S}]+$/u.test(v),
  time: (v) => pointsMatch(v, TIME_POINT),
  date: (v) => pointsMatch(v, DATE_POINT),
  // The currency sign is documented as part of the value; it is allowed to be missing because WeChat
  // accepts plain amounts like "30元" in practice and a false refusal here would hide real problems.
  amount: (v) => /^[¥￥$€£]?\d{1,10}(?:\.\d+)?元?$/.test(v),
  phone_number: (v) => chars(v).length <= 17 && /^[\d\p{P}\p{S}]+$/u.test(v),
  car_number: (v) => {
    const c = chars(v);
    if (c.length > 8) return false;
    return c.every((ch, i) => /^[A-Za-z0-9]$/.test(ch) || ((i === 0 || i === c.length - 1) && HAN.test(ch)));
  },
  name: (v) => {
    const c = chars(v);
    if (c.some((ch) => HAN.test(ch)))
      return c.length <= 10 && c.every((ch) => /^[\p{Script=Han}A-Za-z·•. ]$/u.test(ch));
    return c.length <= 20 && /^[A-Za-z\p{P}\p{S} ]+$/u.test(v);
  },
  phrase: (v) => chars(v).length <= 5 && HAN.test(v),
  enum: () => true,
};

/** `thing12` → thing, `phone_number4` → phone_number; null for keys of no known type. */
export function subscriptionFieldType(key: string): SubscriptionFieldType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  const prefix = match?.[1];
  return prefix !== undefined && Object.hasOwn(SUBSCRIPTION_FIELD_RULES, prefix)
    ? (prefix as SubscriptionFieldType)
    : null;
}

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
} as const;

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
}

/** The local cloud's WeChat: checks messages as WeChat would and records them instead of delivering. */
export function createLocalMessenger(options: LocalMessengerOptions): Messenger {
  return {
    async send(message: SubscriptionMessage): Promise<SendResult> {
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
