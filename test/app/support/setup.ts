import { configure } from '@testing-library/dom';
// What the Taro build injects (config/index.ts defineConstants, TARO_ENV, the runtime's feature flags):
// tests run as the H5 build.
process.env.TARO_ENV = 'h5';
Object.assign(globalThis, {
  CLOUD_ENV: '',
  APP_VERSION: '0.0.0-test',
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  DEPRECATED_ADAPTER_COMPONENT: false,
});

// Tests reach the network only through support/fetch-stub; anything else is a bug in the test.
Object.assign(globalThis, {
  fetch: (url: string) => Promise.reject(new Error(`unexpected network call to ${url} outside a fetch stub`)),
});

// A wait ends as soon as the page shows what it waits for; the cap only decides when a missing element fails the
// test. The default 1 s cap failed a chart test once while CI ran the browser suites alongside on 2 cores.
configure({ asyncUtilTimeout: 5000 });
