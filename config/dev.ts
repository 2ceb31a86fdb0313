import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  // Fast refresh needs react-refresh and its webpack plugin, which the project does not install.
  h5: { devServer: { hot: false } },
} satisfies UserConfigExport<'webpack5'>;
