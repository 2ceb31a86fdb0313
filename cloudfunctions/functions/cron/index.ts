import { randomUUID } from 'node:crypto';
import cloud from 'wx-server-sdk';
import { ErrorCode } from '@core/errors';
import { createCloudPorts } from '../../adapters/cloud';
import { cronTick } from '../../jobs';
import { isOwnTimerTrigger } from '../../identity';
import { templatesFromEnv } from '../../usecases/notify/template-ids';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const ports = createCloudPorts(cloud);
/** The same TEMPLATE_<KIND> variables as the api function: the reminders cron writes are pushed with them. */
const templates = templatesFromEnv(process.env);

/**
 * The timer function (trigger in config.json). Anyone who can reach the environment could call a cloud
 * function by name with a made-up event, so only the platform's run of our own trigger is accepted.
 */
export async function main(event: unknown): Promise<unknown> {
  if (!isOwnTimerTrigger(event, cloud.getWXContext(), __CRON_TRIGGER__)) {
    return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: '定时函数只能由定时触发器调用' } };
  }
  const { jobs, notices } = await cronTick(ports, `cron-${randomUUID()}`, { templates });
  return { ok: true, data: { outcomes: jobs, notices } };
}
