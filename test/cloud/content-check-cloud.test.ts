import { createCloudContentCheck } from '../../cloudfunctions/adapters/cloud/cloud-content-check';
import { MSG_SEC_CHECK_MAX_CHARS, msgSecCheckLabelName } from '../../cloudfunctions/adapters/content-labels';
import type { WxMsgSecCheckResult, WxOpenApi } from '../../cloudfunctions/adapters/cloud/wx-cloud-types';
import { createWxOpenApiStandin } from '../standins/wx-openapi';
import { sdkError } from '../standins/wx-storage';
import { describeContentCheckContract } from './content-check-contract';

describeContentCheckContract('msgSecCheck v2 (stand-in)', () =>
  createCloudContentCheck(createWxOpenApiStandin().openapi),
);

function answering(result: Partial<WxMsgSecCheckResult['result']>): Pick<WxOpenApi, 'security'> {
  return {
    security: {
      msgSecCheck: async () => ({
        errCode: 0,
        errMsg: 'openapi.security.msgSecCheck:ok',
        result: { suggest: 'pass', label: 100, ...result },
      }),
    },
  };
}

const check = (api: Pick<WxOpenApi, 'security'>, text = '一段文字') =>
  createCloudContentCheck(api).checkText({ openid: 'o-1', text, scene: 3 });

describe('cloud content check', () => {
  it('calls msgSecCheck version 2 with the openid and scene', async () => {
    const wx = createWxOpenApiStandin();
    await createCloudContentCheck(wx.openapi).checkText({ openid: 'o-1', text: '你好', scene: 1 });
    expect(wx.secChecks).toEqual([{ openid: 'o-1', scene: 1, version: 2, content: '你好' }]);
  });

  it('does not call WeChat for empty text', async () => {
    const wx = createWxOpenApiStandin();
    await createCloudContentCheck(wx.openapi).checkText({ openid: 'o-1', text: '', scene: 1 });
    expect(wx.secChecks).toEqual([]);
  });

  it.each([
    [10001, '广告'],
    [20001, '时政'],
    [20002, '色情'],
    [20003, '辱骂'],
    [20006, '违法犯罪'],
    [20008, '欺诈'],
    [20012, '低俗'],
    [20013, '版权'],
    [21000, '其他'],
    [99999, '其他'],
  ])('names label %i as %s', async (label, name) => {
    expect(msgSecCheckLabelName(label)).toBe(name);
    await expect(check(answering({ suggest: 'risky', label }))).resolves.toEqual({ verdict: 'risky', label: name });
  });

  it('maps review to review, and keeps pass label-free', async () => {
    await expect(check(answering({ suggest: 'review', label: 20012 }))).resolves.toEqual({
      verdict: 'review',
      label: '低俗',
    });
    await expect(check(answering({ suggest: 'pass', label: 100 }))).resolves.toEqual({ verdict: 'pass' });
  });

  it('checks text over 2500 characters in pieces and lets the worst piece decide', async () => {
    const wx = createWxOpenApiStandin();
    const text = '正'.repeat(MSG_SEC_CHECK_MAX_CHARS + 10) + '六合彩';
    await expect(createCloudContentCheck(wx.openapi).checkText({ openid: 'o-1', text, scene: 3 })).resolves.toEqual({
      verdict: 'risky',
      label: '违法犯罪',
    });
    expect(wx.secChecks.map((c) => Array.from(c.content).length)).toEqual([MSG_SEC_CHECK_MAX_CHARS, 13]);
  });

  it('fails in Chinese when WeChat refuses the call', async () => {
    const refusing: Pick<WxOpenApi, 'security'> = {
      security: {
        msgSecCheck: async () => {
          throw sdkError(61010, 'openapi.security.msgSecCheck:fail user is not visited rid: x');
        },
      },
    };
    await expect(check(refusing)).rejects.toThrow(/内容安全检测失败（61010）/);
  });

  it('passes network failures through', async () => {
    const wx = createWxOpenApiStandin();
    wx.failNextWith(new Error('socket hang up'));
    await expect(check(wx.openapi)).rejects.toThrow('socket hang up');
  });
});
