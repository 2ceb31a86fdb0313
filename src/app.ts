import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { installPrivacyListener } from './services/privacy';
import './app.scss';

// At module load, not in onLaunch, so no page effect can call a function before the SDK is ready.
if (process.env.TARO_ENV === 'weapp') {
  // Taro.cloud is wx.cloud here; its DYNAMIC_CURRENT_ENV (a symbol) is missing from both typings.
  const { DYNAMIC_CURRENT_ENV } = Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string };
  Taro.cloud.init({ env: CLOUD_ENV || DYNAMIC_CURRENT_ENV, traceUser: true });
  // Before any page can call a privacy API: the first such call waits for our prompt.
  installPrivacyListener();
}
// After the SDK: writes left waiting in storage (a judge's scores) go out as soon as the app runs. A dynamic
// import: the H5 build loads the outbox and the call stack behind it after the first paint instead of in the
// app chunk; the weapp build turns it into a plain require (Taro's dynamic-import-node).
void import('./services/outbox').then((outbox) => outbox.startOutbox());

function App({ children }: PropsWithChildren) {
  // WeChat honours a redirect only when made synchronously inside the callback.
  usePageNotFound(() => void Taro.redirectTo({ url: '/pages/not-found/index' }));
  return children;
}

export default App;
