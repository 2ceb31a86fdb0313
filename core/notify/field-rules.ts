/**
 * The value rules of WeChat subscription-message fields, shared by the platform (which builds values that must
 * pass them: core/notify/templates.ts) and the local stand-in of WeChat (which refuses what WeChat would).
 */

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
