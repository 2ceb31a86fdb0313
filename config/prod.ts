import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {
    // Source maps would be uploaded with the package and count against nothing useful on a phone.
    enableSourceMap: false,
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
