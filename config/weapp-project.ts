import fs from 'node:fs';
import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';

/**
 * Taro copies project.config.json into dist/weapp with `miniprogramRoot: "./"` but leaves `cloudfunctionRoot` as
 * written for the repository root, so DevTools opened on dist/weapp would look for dist/weapp/dist/cloudfunctions.
 * After each weapp build the copy points at the built functions from where it lies.
 */
export default (ctx: IPluginContext) => {
  ctx.onBuildComplete(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const { outputPath, appPath } = ctx.paths;
    const file = path.join(outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const functions = path.join(appPath, 'dist', 'cloudfunctions');
    config.cloudfunctionRoot = `${path.relative(outputPath, functions).split(path.sep).join('/')}/`;
    fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  });
};
