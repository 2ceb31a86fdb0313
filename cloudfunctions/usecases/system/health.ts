import type { UseCase } from '../context';

export const health: UseCase<'system.health'> = async (ctx, _input, ports) => ({
  status: 'ok',
  time: ports.clock.now().toISOString(),
  version: ctx.version,
  runtime: ctx.runtime,
});
