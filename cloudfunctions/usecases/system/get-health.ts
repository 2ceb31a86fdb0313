import type { UseCase } from '../context';

export const getHealth: UseCase<'system.health'> = async (ctx, _input, ports) => ({
  status: 'ok',
  time: ports.clock.now().toISOString(),
  version: ctx.version,
  runtime: ctx.runtime,
});
