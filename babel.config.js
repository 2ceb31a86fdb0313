// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// hot: false because react-refresh is not installed (see config/dev.ts).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
};
