import { checkSubscriptionData, createLocalMessenger } from '../../cloudfunctions/adapters/local/local-messenger';
import { subscriptionFieldType } from '../../core/notify/field-rules';
import type { SendResult, SubscriptionMessage } from '../../cloudfunctions/ports';
import { describeMessengerContract, message } from './messenger-contract';

/** A small counter standing in for the local cloud's subscription store: each check uses one tap. */
function counter() {
  const counts = new Map<string, number>();
  const key = (openid: string, templateId: string) => `${openid}|${templateId}`;
  return {
    subscribe(openid: string, templateId: string) {
      counts.set(key(openid, templateId), (counts.get(key(openid, templateId)) ?? 0) + 1);
    },
    isSubscribed(openid: string, templateId: string) {
      const left = counts.get(key(openid, templateId)) ?? 0;
      if (left <= 0) return false;
      counts.set(key(openid, templateId), left - 1);
      return true;
    },
  };
}

describeMessengerContract('local WeChat stand-in', () => {
  const subscriptions = counter();
  return {
    messenger: createLocalMessenger({ record: () => undefined, isSubscribed: subscriptions.isSubscribed }),
    subscribe: subscriptions.subscribe,
  };
});

describe('local messenger', () => {
  it('records every send, delivered or refused', async () => {
    const records: Array<[SubscriptionMessage, SendResult]> = [];
    const subscriptions = counter();
    const messenger = createLocalMessenger({
      record: async (m, r) => {
        records.push([m, r]);
      },
      isSubscribed: async (openid, templateId) => subscriptions.isSubscribed(openid, templateId),
    });
    subscriptions.subscribe('o-entrant-1', 'tmpl-registration-result');
    await messenger.send(message());
    await messenger.send(message());
    await messenger.send(message({ data: { thing1: { value: '' } } }));
    expect(records.map(([, r]) => (r.ok ? 'ok' : r.errCode))).toEqual(['ok', 43101, 47003]);
    expect(records[0]?.[0]).toEqual(message());
  });

  it('treats everyone as subscribed when no subscription store is given', async () => {
    const messenger = createLocalMessenger({ record: () => undefined });
    await expect(messenger.send(message())).resolves.toEqual({ ok: true });
    await expect(messenger.send(message())).resolves.toEqual({ ok: true });
  });

  it('does not ask about subscriptions for malformed messages', async () => {
    const asked: string[] = [];
    const messenger = createLocalMessenger({
      record: () => undefined,
      isSubscribed: (openid) => {
        asked.push(openid);
        return true;
      },
    });
    await messenger.send(message({ data: { number1: { value: 'abc' } } }));
    expect(asked).toEqual([]);
  });

  it('refuses an empty openid with 40003 and an empty template with 40037', async () => {
    const messenger = createLocalMessenger({ record: () => undefined });
    await expect(messenger.send(message({ toOpenid: '' }))).resolves.toMatchObject({ ok: false, errCode: 40003 });
    await expect(messenger.send(message({ templateId: '' }))).resolves.toMatchObject({ ok: false, errCode: 40037 });
  });

  it('uses the cloud-call errMsg form with a rid', async () => {
    const messenger = createLocalMessenger({ record: () => undefined, isSubscribed: () => false });
    const result = await messenger.send(message());
    expect(result.ok === false && result.errMsg).toMatch(
      /^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/,
    );
  });
});

describe('subscription field rules', () => {
  it.each([
    ['thing1', 'phone_number12', 'phone_number'],
    ['car_number3', 'car_number3', 'car_number'],
    ['character_string2', 'character_string2', 'character_string'],
    ['number01', 'number01', 'number'],
  ])('reads the type from the key prefix (%s)', (_label, key, type) => {
    expect(subscriptionFieldType(key)).toBe(type);
  });

  it('knows no type for unknown prefixes', () => {
    expect(subscriptionFieldType('keyword1')).toBeNull();
    expect(subscriptionFieldType('constructor1')).toBeNull();
    expect(subscriptionFieldType('thing')).toBeNull();
  });

  const valid: Array<[string, string]> = [
    ['thing1', '创客中国 2024 · 上海赛区（企业组）'.slice(0, 20)],
    ['thing1', 'a'.repeat(20)],
    ['number1', '12345678901234567890123456789012'],
    ['number1', '98.5'],
    ['letter1', 'ABCdef'],
    ['symbol1', '%$#@!'],
    ['character_string1', 'CK-2024/SH_0001'],
    ['time1', '15:01'],
    ['time1', '2019年10月1日 15:01'],
    ['time1', '2024-07-31 09:00:00'],
    ['time1', '2024年7月1日 09:00~2024年7月31日 17:00'],
    ['date1', '2019年10月1日'],
    ['date1', '2024-07-31'],
    ['date1', '2019年10月1日 15:01'],
    ['date1', '2024年7月1日~2024年7月31日'],
    ['amount1', '¥214.00'],
    ['amount1', '￥5000元'],
    ['phone_number1', '+86-0766-66888866'],
    ['car_number1', '粤A8Z888挂'],
    ['name1', '张三'],
    ['name1', '欧阳娜娜娜娜娜娜娜娜'],
    ['name1', 'John Smith'],
    ['phrase1', '配送中'],
    ['phrase1', '审核已通过'],
    ['enum1', 'anything'],
    ['keyword1', 'old template keyword, not checked'],
  ];
  it.each(valid)('accepts %s = %j', (key, value) => {
    expect(checkSubscriptionData({ [key]: { value } })).toBeNull();
  });

  const invalid: Array<[string, string]> = [
    ['thing1', 'a'.repeat(21)],
    ['thing1', '一'.repeat(21)],
    ['number1', '1'.repeat(33)],
    ['number1', '12a'],
    ['number1', '-3'],
    ['letter1', 'abc1'],
    ['letter1', 'a'.repeat(33)],
    ['symbol1', '%%%%%%'],
    ['symbol1', 'a!'],
    ['character_string1', '中文编号'],
    ['character_string1', 'x'.repeat(33)],
    ['time1', '明天下午'],
    ['time1', '25:00'],
    ['time1', '2024年7月31日'],
    ['date1', '15:01'],
    ['date1', '七月一日'],
    ['amount1', '¥12345678901'],
    ['amount1', '五十元'],
    ['phone_number1', '1'.repeat(18)],
    ['phone_number1', '电话123'],
    ['car_number1', '粤A8Z888挂X'],
    ['car_number1', 'A粤8Z888'],
    ['name1', '欧阳娜娜娜娜娜娜娜娜娜'],
    ['name1', 'a'.repeat(21)],
    ['name1', 'Agent 007'],
    ['phrase1', '审核已经通过'],
    ['phrase1', 'ok'],
  ];
  it.each(invalid)('refuses %s = %j', (key, value) => {
    expect(checkSubscriptionData({ [key]: { value } })).toBe(`argument invalid! data.${key}.value invalid`);
  });

  it('reports empty values in WeChat’s own wording', () => {
    expect(checkSubscriptionData({ thing3: { value: ' ' } })).toBe('argument invalid! data.thing3.value is emtpy');
    expect(checkSubscriptionData({})).toBe('argument invalid! data is empty');
  });

  it('reports the first bad field', () => {
    expect(checkSubscriptionData({ thing1: { value: 'ok' }, phrase2: { value: 'no' }, number3: { value: 'x' } })).toBe(
      'argument invalid! data.phrase2.value invalid',
    );
  });
});
