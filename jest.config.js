/** Jest projects: one per layer of the test bed (see README, 测试). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/core/$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'core', testEnvironment: 'node', testMatch: ['<rootDir>/test/core/**/*.test.ts'] },
    { ...shared, displayName: 'cloud', testEnvironment: 'node', testMatch: ['<rootDir>/test/cloud/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/app/**/*.test.ts?(x)'],
      // Pages render with Taro's H5 components and APIs, as in the browser build.
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/app/support/taro.ts',
        '\\.(css|scss)$': '<rootDir>/test/app/support/style-stub.js',
        '^lodash-es$': 'lodash',
        '^lodash-es/(.*)$': 'lodash/$1',
      },
      // Taro's H5 packages ship ES modules.
      transform: { ...shared.transform, '^.+\\.mjs$': swc },
      transformIgnorePatterns: [
        '/node_modules/(?!(@tarojs|@stencil|swiper|query-string|decode-uri-component|split-on-first|filter-obj|nanoid|\\.pnpm|style-inject|tslib)/)',
      ],
      setupFiles: ['<rootDir>/test/app/support/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/app/support/timeout.ts'],
    },
    { ...shared, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...shared, displayName: 'weapp', testEnvironment: 'node', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
  ],
};
