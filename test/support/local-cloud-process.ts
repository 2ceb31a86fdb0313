import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface RunningCloud {
  url: string;
  /** The cloud's DATA_DIR (its database is `<dataDir>/db.sqlite`); removed by `stop()`. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built local cloud (`dist/local/server.js`, what `npm start` runs) on a free port with a
 * temporary data dir, and resolves once it prints its address.
 */
export async function startBuiltLocalCloud(env: Record<string, string> = {}): Promise<RunningCloud> {
  for (const file of ['dist/local/server.js', 'dist/h5/index.html']) {
    if (!existsSync(join(root, file)))
      throw new Error(`${file} 不存在：先运行 npm test（会自动构建）或 npm run build:h5 && npm run build:cloud`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ck-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'local', 'server.js')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, APP_ROOT: root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`local cloud exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
