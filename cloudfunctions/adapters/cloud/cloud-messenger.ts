import type { Messenger, SendResult, SubscriptionMessage } from '../../ports';
import { isWxCloudSdkError } from './wx-cloud-types';
import type { WxOpenApi, WxSubscribeMessageSendParams } from './wx-cloud-types';

export interface CloudMessengerOptions {
  /** Which build the message card opens; formal (正式版) unless testing with a developer or trial build. */
  miniprogramState?: WxSubscribeMessageSendParams['miniprogramState'];
  lang?: WxSubscribeMessageSendParams['lang'];
}

/**
 * Positive codes are WeChat's answers about this message (43101 not subscribed, 47003 bad data, 45009 quota
 * ...): the caller records them and moves on. Zero-or-negative codes come from the cloud platform (-1 busy,
 * -501007 bad cloud-call token): nothing was decided about the message, so they throw and the outbox retries.
 */
function isWeChatRefusal(errCode: number): boolean {
  return errCode > 0;
}

/** Subscription messages through `cloud.openapi.subscribeMessage.send` (needs the permission in config.json). */
export function createCloudMessenger(
  openapi: Pick<WxOpenApi, 'subscribeMessage'>,
  options: CloudMessengerOptions = {},
): Messenger {
  return {
    async send(message: SubscriptionMessage): Promise<SendResult> {
      const params: WxSubscribeMessageSendParams = {
        touser: message.toOpenid,
        templateId: message.templateId,
        page: message.page,
        data: message.data,
        ...(options.miniprogramState ? { miniprogramState: options.miniprogramState } : {}),
        ...(options.lang ? { lang: options.lang } : {}),
      };
      let answer;
      try {
        answer = await openapi.subscribeMessage.send(params);
      } catch (error) {
        // wx-server-sdk throws when errCode ≠ 0.
        if (isWxCloudSdkError(error) && isWeChatRefusal(error.errCode)) {
          return { ok: false, errCode: error.errCode, errMsg: error.errMsg };
        }
        throw error;
      }
      // Some SDK versions return the failure instead of throwing it.
      if (answer.errCode === 0) return { ok: true };
      if (isWeChatRefusal(answer.errCode)) return { ok: false, errCode: answer.errCode, errMsg: answer.errMsg };
      throw new Error(`订阅消息发送失败（${answer.errCode}）：${answer.errMsg}`);
    },
  };
}
