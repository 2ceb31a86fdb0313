// The cloud functions: description, config.json (openapi permissions, timer trigger), timeout and memory.
// Read by build-cloud.mjs (config.json) and deploy-cloud.mjs (cloudbaserc.json).
/** Per function: trigger and openapi permissions (config.json), timeout and memory (cloudbaserc.json). */
export const functions = {
  api: {
    description: '唯一的可调用云函数：按 action 路由到各用例',
    config: { permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] } },
    timeout: 20,
    memorySize: 256,
  },
  cron: {
    description: '定时函数：每分钟执行到期任务（租约保证同一任务不会被执行两次）',
    config: {
      permissions: { openapi: ['subscribeMessage.send'] },
      // 7-field cron (second minute hour day month week year), UTC+8.
      triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
    },
    timeout: 60,
    memorySize: 256,
  },
};
