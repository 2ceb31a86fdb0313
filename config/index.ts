import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import pkg from '../package.json';

const root = path.resolve(__dirname, '..');
const coreDir = path.join(root, 'core');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chuangke-contest',
    date: '2024-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target so project.config.json can point WeChat DevTools at dist/weapp.
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    // Fixes cloudfunctionRoot in the copy of project.config.json Taro writes into dist/weapp.
    plugins: [path.join(__dirname, 'weapp-project.ts')],
    alias: { '@core': coreDir },
    defineConstants: {
      // Empty means wx.cloud.DYNAMIC_CURRENT_ENV: the environment the mini-program is bound to.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      APP_VERSION: JSON.stringify(pkg.version),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // core/ lives outside sourceRoot; without this its TypeScript reaches webpack untranspiled.
      compile: { include: [coreDir] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [coreDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        // React + Taro's H5 runtime alone is ~300 KiB; warn only when the app itself grows past that.
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
