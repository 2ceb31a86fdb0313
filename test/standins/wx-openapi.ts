/**
 * Stand-in of `cloud.openapi` for subscribeMessage.send and security.msgSecCheck (v2), with WeChat's rules:
 * - subscription data is checked with the same field rules the local messenger uses (imported, not copied);
 * - one tap on wx.requestSubscribeMessage allows ONE message of that template: every delivered send consumes
 *   one count, and there is no API to read what is left;
 * - a refusal is thrown as wx-server-sdk does (CloudSDKError with errCode / errMsg
 *   `openapi.subscribeMessage.send:fail ...`), or returned when `returnErrors` is set;
 * - msgSecCheck answers `{ errCode, errMsg, result: { suggest, label }, detail, traceId }` and flags the
 *   local content check's word list.
 * Sources: sendMessage and msgSecCheck pages cited in the adapters.
 */
import type {
  WxMsgSecCheckParams,
  WxMsgSecCheckResult,
  WxOpenApi,
  WxOpenApiResult,
  WxSubscribeMessageSendParams,
} from '../../cloudfunctions/adapters/cloud/wx-cloud-types';
import { MSG_SEC_CHECK_MAX_CHARS, MSG_SEC_CHECK_NORMAL_LABEL } from '../../cloudfunctions/adapters/content-labels';
import { findBlockedWord } from '../../cloudfunctions/adapters/local/local-content-check';
import {
  checkSubscriptionMessage,
  refusedNotSubscribed,
  wechatRid,
} from '../../cloudfunctions/adapters/local/local-messenger';
import { sdkError } from './wx-storage';

export interface WxOpenApiStandin {
  openapi: WxOpenApi;
  /** The user tapped "allow" for this template `taps` times. */
  subscribe(openid: string, templateId: string, taps?: number): void;
  /** For assertions only; WeChat offers no such call. */
  remaining(openid: string, templateId: string): number;
  /** Messages WeChat accepted, in order. */
  readonly sent: WxSubscribeMessageSendParams[];
  readonly secChecks: WxMsgSecCheckParams[];
  /** The next call fails as a broken network would: this error, no errCode. */
  failNextWith(error: Error): void;
  /** Return refusals as `{ errCode ≠ 0 }` instead of throwing them. */
  returnErrors: boolean;
}

export function createWxOpenApiStandin(): WxOpenApiStandin {
  const counts = new Map<string, number>();
  const key = (openid: string, templateId: string) => `${openid}\u0000${templateId}`;
  const sent: WxSubscribeMessageSendParams[] = [];
  const secChecks: WxMsgSecCheckParams[] = [];
  let pendingFailure: Error | null = null;

  const takeFailure = (): void => {
    if (pendingFailure) {
      const error = pendingFailure;
      pendingFailure = null;
      throw error;
    }
  };

  const standin: WxOpenApiStandin = {
    returnErrors: false,
    sent,
    secChecks,
    subscribe(openid, templateId, taps = 1) {
      counts.set(key(openid, templateId), (counts.get(key(openid, templateId)) ?? 0) + taps);
    },
    remaining(openid, templateId) {
      return counts.get(key(openid, templateId)) ?? 0;
    },
    failNextWith(error) {
      pendingFailure = error;
    },
    openapi: {
      subscribeMessage: {
        async send(params: WxSubscribeMessageSendParams): Promise<WxOpenApiResult> {
          takeFailure();
          const fail = (refusal: WxOpenApiResult): WxOpenApiResult => {
            if (standin.returnErrors) return refusal;
            throw sdkError(refusal.errCode, refusal.errMsg);
          };
          // Bad data is refused before the subscription is looked at, so it does not use up the user's tap.
          const refusal = checkSubscriptionMessage(params);
          if (refusal) return fail(refusal);
          const left = counts.get(key(params.touser, params.templateId)) ?? 0;
          if (left <= 0) return fail(refusedNotSubscribed());
          counts.set(key(params.touser, params.templateId), left - 1);
          sent.push(structuredClone(params));
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: {
        async msgSecCheck(params: WxMsgSecCheckParams): Promise<WxMsgSecCheckResult> {
          takeFailure();
          const api = 'openapi.security.msgSecCheck';
          if (params.version !== 2) throw sdkError(47001, `${api}:fail data format error rid: ${wechatRid()}`);
          if (![1, 2, 3, 4].includes(params.scene))
            throw sdkError(40129, `${api}:fail invalid scene rid: ${wechatRid()}`);
          if (!params.openid) throw sdkError(40003, `${api}:fail invalid openid rid: ${wechatRid()}`);
          // The code for an over-long or empty content is not documented; 47001 is the stand-in's choice.
          const length = Array.from(params.content ?? '').length;
          if (length === 0 || length > MSG_SEC_CHECK_MAX_CHARS) {
            throw sdkError(47001, `${api}:fail data format error rid: ${wechatRid()}`);
          }
          secChecks.push({ ...params });
          const hit = findBlockedWord(params.content);
          const traceId = wechatRid();
          if (!hit) {
            return {
              errCode: 0,
              errMsg: `${api}:ok`,
              result: { suggest: 'pass', label: MSG_SEC_CHECK_NORMAL_LABEL },
              detail: [
                { strategy: 'content_model', errcode: 0, suggest: 'pass', label: MSG_SEC_CHECK_NORMAL_LABEL, prob: 0 },
              ],
              traceId,
            };
          }
          return {
            errCode: 0,
            errMsg: `${api}:ok`,
            result: { suggest: 'risky', label: hit.label },
            detail: [
              { strategy: 'keyword', errcode: 0, suggest: 'risky', label: hit.label, keyword: hit.word },
              { strategy: 'content_model', errcode: 0, suggest: 'risky', label: hit.label, prob: 90 },
            ],
            traceId,
          };
        },
      },
    },
  };
  return standin;
}
