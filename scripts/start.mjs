// npm start: build what is missing or stale (the H5 app, the local server), then serve the local cloud.
import { join } from 'node:path';
import { mtimeOf, newestMtime, root, run, seconds, taroBin } from './lib.mjs';

const appSources = ['src', 'core', 'config'];
const h5Built = mtimeOf('dist/h5/index.html');
if (h5Built === 0 || newestMtime(appSources) > h5Built) {
  console.log(h5Built === 0 ? '首次启动：正在构建 H5 应用（约 1 分钟）…' : '源代码有改动：正在重新构建 H5 应用…');
  const started = Date.now();
  const code = await run(taroBin, ['build', '--type', 'h5'], { env: { ...process.env, NODE_ENV: 'production' } });
  if (code !== 0) {
    console.error('H5 构建失败，请查看上面的错误信息。');
    process.exit(code);
  }
  await run(process.execPath, [join(root, 'scripts', 'compress-h5.mjs')]);
  console.log(`H5 构建完成，用时 ${seconds(Date.now() - started)}`);
}

const code = await run(process.execPath, [join(root, 'scripts', 'build-cloud.mjs'), '--local-only']);
if (code !== 0) process.exit(code);

process.env.APP_ROOT = root;
await import(join(root, 'dist', 'local', 'server.js'));
