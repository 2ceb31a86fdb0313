import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPorts, type LocalPorts } from '../../cloudfunctions/adapters/local';
import type { Logger } from '../../cloudfunctions/ports';

export interface CapturedLog {
  level: 'info' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** Real local adapters (embedded SQLite in memory, files in a temp dir) with a log the test can read. */
export function testPorts(options: { start?: Date } = {}): LocalPorts & { logs: CapturedLog[]; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ck-test-'));
  const logs: CapturedLog[] = [];
  const log: Logger = {
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    error: (message, fields) => logs.push({ level: 'error', message, fields }),
  };
  const ports = createLocalPorts({
    dataDir: dir,
    dbFile: ':memory:',
    secret: Buffer.alloc(32, 7),
    baseUrl: 'http://127.0.0.1:1',
    log,
    start: options.start,
  });
  return Object.assign(ports, {
    logs,
    dispose() {
      ports.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
