import { resolve } from 'node:path';
import { startLocalCloud } from './server';
import { parseAdminOpenids } from '../identity';

/** `npm start` runs this (bundled to dist/local/server.js). */
async function main(): Promise<void> {
  const root = process.env.APP_ROOT ?? process.cwd();
  const port = Number(process.env.PORT ?? 10086);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  const admins = parseAdminOpenids(process.env.ADMIN_OPENIDS);

  const cloud = await startLocalCloud({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: resolve(root, process.env.DATA_DIR ?? '.data'),
    h5Dir: resolve(root, 'dist', 'h5'),
    adminOpenids: admins.size > 0 ? [...admins] : undefined,
    version: __APP_VERSION__,
    cronIntervalMs: Number(process.env.CRON_INTERVAL_MS ?? 60_000),
  });
  // Tests read this line to find the port when PORT=0.
  console.log(`本地云已启动 / local cloud listening on ${cloud.url}`);
  console.log(
    `  H5 应用: ${cloud.url}/    演示用户登录: ${cloud.url}/pages/login/index    数据目录: ${process.env.DATA_DIR ?? '.data'}`,
  );

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${signal}，正在关闭本地云…`);
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
