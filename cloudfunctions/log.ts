import type { Logger } from './ports';

/** One JSON line per entry: searchable in the CloudBase console and in the local cloud's output. */
export const jsonLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
