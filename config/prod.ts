import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {
    // Source maps would be uploaded with the package and count against nothing useful on a phone.
    enableSourceMap: false,
  },
  h5: {},
  // Taro escapes every non-ASCII character (ascii_only): each Chinese character becomes six bytes instead of
  // three. WeChat reads UTF-8 code, as native mini-programs are written, and the main package is tight. The
  // H5 build keeps Taro's default.
  ...(process.env.TARO_ENV === 'weapp' ? { terser: { enable: true, config: { output: { ascii_only: false } } } } : {}),
} satisfies UserConfigExport<'webpack5'>;
