import { createCloudMessenger } from '../../cloudfunctions/adapters/cloud/cloud-messenger';
import type { WxOpenApi } from '../../cloudfunctions/adapters/cloud/wx-cloud-types';
import { createWxOpenApiStandin } from '../standins/wx-openapi';
import { sdkError } from '../standins/wx-storage';
import { describeMessengerContract, message } from './messenger-contract';

describeMessengerContract('cloud.openapi (stand-in, thrown refusals)', () => {
  const wx = createWxOpenApiStandin();
  return { messenger: createCloudMessenger(wx.openapi), subscribe: (o, t) => wx.subscribe(o, t) };
});

describeMessengerContract('cloud.openapi (stand-in, returned refusals)', () => {
  const wx = createWxOpenApiStandin();
  wx.returnErrors = true;
  return { messenger: createCloudMessenger(wx.openapi), subscribe: (o, t) => wx.subscribe(o, t) };
});

describe('cloud messenger', () => {
  it('sends the cloud-call fields WeChat expects', async () => {
    const wx = createWxOpenApiStandin();
    wx.subscribe('o-entrant-1', 'tmpl-registration-result');
    await createCloudMessenger(wx.openapi, { miniprogramState: 'trial' }).send(message());
    expect(wx.sent).toEqual([
      {
        touser: 'o-entrant-1',
        templateId: 'tmpl-registration-result',
        page: 'pages/entry/detail?id=e1',
        data: message().data,
        miniprogramState: 'trial',
      },
    ]);
    expect(wx.remaining('o-entrant-1', 'tmpl-registration-result')).toBe(0);
  });

  it('passes WeChat’s errMsg through on a refusal', async () => {
    const wx = createWxOpenApiStandin();
    const result = await createCloudMessenger(wx.openapi).send(message());
    expect(result).toMatchObject({
      ok: false,
      errCode: 43101,
      errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /),
    });
  });

  it('throws on a network failure instead of calling it a refusal', async () => {
    const wx = createWxOpenApiStandin();
    wx.subscribe('o-entrant-1', 'tmpl-registration-result');
    wx.failNextWith(new Error('connect ETIMEDOUT'));
    const messenger = createCloudMessenger(wx.openapi);
    await expect(messenger.send(message())).rejects.toThrow('connect ETIMEDOUT');
    // The tap was not used by the failed attempt, so the retry goes through.
    await expect(messenger.send(message())).resolves.toEqual({ ok: true });
  });

  it('throws on cloud-platform errors (negative errCode), thrown or returned', async () => {
    const thrown: Pick<WxOpenApi, 'subscribeMessage'> = {
      subscribeMessage: {
        send: async () => {
          throw sdkError(
            -501007,
            'openapi.subscribeMessage.send:fail -501007 invalid parameters. Invalid wxCloudApiToken',
          );
        },
      },
    };
    await expect(createCloudMessenger(thrown).send(message())).rejects.toMatchObject({ errCode: -501007 });
    const returned: Pick<WxOpenApi, 'subscribeMessage'> = {
      subscribeMessage: { send: async () => ({ errCode: -1, errMsg: 'system error' }) },
    };
    await expect(createCloudMessenger(returned).send(message())).rejects.toThrow(/订阅消息发送失败（-1）/);
  });

  it('reports quota exhaustion (45009) as a refusal', async () => {
    const quota: Pick<WxOpenApi, 'subscribeMessage'> = {
      subscribeMessage: {
        send: async () => {
          throw sdkError(45009, 'openapi.subscribeMessage.send:fail reach max api daily quota limit');
        },
      },
    };
    await expect(createCloudMessenger(quota).send(message())).resolves.toMatchObject({ ok: false, errCode: 45009 });
  });
});
