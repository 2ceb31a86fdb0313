import { randomUUID } from 'node:crypto';
import cloud from 'wx-server-sdk';
import { ErrorCode } from '@core/errors';
import { createCloudPorts } from '../../adapters/cloud';
import { cronTick } from '../../jobs';
import { wechatIdentity } from '../../identity';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const ports = createCloudPorts(cloud);

/**
 * The timer function (trigger in config.json). Any mini-program user could call a cloud function
 * by name, so a call that is not the timer's (one with an OPENID, or without Type "Timer") is refused.
 */
export async function main(event: unknown): Promise<unknown> {
  const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
  if (!isTimer || wechatIdentity(() => cloud.getWXContext()).openid !== null) {
    return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: '定时函数只能由定时触发器调用' } };
  }
  const outcomes = await cronTick(ports, `cron-${randomUUID()}`);
  return { ok: true, data: { outcomes } };
}
