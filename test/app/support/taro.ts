/**
 * `@tarojs/taro` as the H5 build sees it. The build rewrites `Taro.getStorageSync` into a named import
 * of @tarojs/taro-h5 (babel-plugin-transform-imports-api); jest has no such pass, so merge them here.
 */
import * as h5 from '@tarojs/taro-h5';

const Taro = { ...h5.default, ...h5 };

export * from '@tarojs/taro-h5';
export default Taro;
