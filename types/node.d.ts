/** Injected by scripts/build-cloud.mjs into the cloud function bundles. */
declare const __APP_VERSION__: string;

declare module 'wx-server-sdk' {
  // Only the parts our adapters use, typed in adapters/cloud; the real package is installed in the cloud.
  const cloud: import('../cloudfunctions/adapters/cloud').WxCloud;
  export default cloud;
}
