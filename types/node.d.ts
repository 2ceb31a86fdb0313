/** Injected by scripts/build-cloud.mjs into the cloud function bundles. */
declare const __APP_VERSION__: string;
/** The name of the cron function's timer trigger, from scripts/cloud-functions.mjs (its config.json). */
declare const __CRON_TRIGGER__: string;

declare module 'wx-server-sdk' {
  // Only the parts our adapters use, typed in adapters/cloud; the real package is installed in the cloud.
  // An ambient module may not import a relative path, so the type is referenced inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const cloud: import('../cloudfunctions/adapters/cloud').WxCloud;
  export default cloud;
}
