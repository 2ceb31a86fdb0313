import type { Messenger, SubscriptionMessage } from '../../cloudfunctions/ports';

export interface MessengerHarness {
  messenger: Messenger;
  /** One tap on wx.requestSubscribeMessage: allows ONE message of this template to this user. */
  subscribe(openid: string, templateId: string): void;
}

const TEMPLATE = 'tmpl-registration-result';

export function message(overrides: Partial<SubscriptionMessage> = {}): SubscriptionMessage {
  return {
    toOpenid: 'o-entrant-1',
    templateId: TEMPLATE,
    page: 'pages/entry/detail?id=e1',
    data: {
      thing1: { value: '第九届创客中国上海赛区' },
      phrase2: { value: '已通过' },
      time3: { value: '2024年7月31日 17:00' },
      character_string4: { value: 'CK2024-SH-0001' },
    },
    ...overrides,
  };
}

export function describeMessengerContract(
  name: string,
  make: () => MessengerHarness | Promise<MessengerHarness>,
): void {
  describe(`Messenger contract: ${name}`, () => {
    let h: MessengerHarness;
    beforeEach(async () => {
      h = await make();
    });

    it('delivers a valid message to a subscribed user', async () => {
      h.subscribe('o-entrant-1', TEMPLATE);
      await expect(h.messenger.send(message())).resolves.toEqual({ ok: true });
    });

    it('refuses a thing value of 21 characters with 47003 naming the field', async () => {
      h.subscribe('o-entrant-1', TEMPLATE);
      const result = await h.messenger.send(message({ data: { thing1: { value: '一'.repeat(21) } } }));
      expect(result).toMatchObject({ ok: false, errCode: 47003 });
      expect(result.ok === false && result.errMsg).toMatch(/argument invalid! data\.thing1\.value invalid/);
    });

    it('accepts a thing value of exactly 20 characters', async () => {
      h.subscribe('o-entrant-1', TEMPLATE);
      await expect(h.messenger.send(message({ data: { thing1: { value: '一'.repeat(20) } } }))).resolves.toEqual({
        ok: true,
      });
    });

    it('does not use up the subscription on a 47003', async () => {
      h.subscribe('o-entrant-1', TEMPLATE);
      await h.messenger.send(message({ data: { phrase2: { value: '审核已经通过' } } }));
      await expect(h.messenger.send(message())).resolves.toEqual({ ok: true });
    });

    it('refuses an unsubscribed user with 43101', async () => {
      const result = await h.messenger.send(message({ toOpenid: 'o-never-subscribed' }));
      expect(result).toMatchObject({ ok: false, errCode: 43101 });
      expect(result.ok === false && result.errMsg).toMatch(/user refuse to accept the msg/);
    });

    it('allows one message per tap: the second send after one subscription is 43101', async () => {
      h.subscribe('o-entrant-1', TEMPLATE);
      await expect(h.messenger.send(message())).resolves.toEqual({ ok: true });
      await expect(h.messenger.send(message())).resolves.toMatchObject({ ok: false, errCode: 43101 });
    });

    it('counts subscriptions per template', async () => {
      h.subscribe('o-entrant-1', 'tmpl-other');
      await expect(h.messenger.send(message())).resolves.toMatchObject({ ok: false, errCode: 43101 });
    });
  });
}
