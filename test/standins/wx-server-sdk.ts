import type { WxCloud } from '../../cloudfunctions/adapters/cloud';
import type { WxContext } from '../../cloudfunctions/identity';
import { createWxDatabaseStandin, type WxDatabaseStandin } from './wx-database';
import { createWxOpenApiStandin, type WxOpenApiStandin } from './wx-openapi';
import { createWxStorageStandin, type WxStorageStandin } from './wx-storage';

export interface WxServerSdkStandin extends WxCloud {
  readonly databaseStandin: WxDatabaseStandin;
  readonly storage: WxStorageStandin;
  readonly openapiStandin: WxOpenApiStandin;
  readonly initCalls: Array<{ env: string | symbol }>;
}

const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');

/**
 * The `wx-server-sdk` module as a cloud function sees it, assembled from the stand-ins. Like the
 * real SDK, getWXContext() reads the WX_* environment variables the platform sets per invocation.
 */
export function createWxServerSdkStandin(): WxServerSdkStandin {
  const databaseStandin = createWxDatabaseStandin();
  const storage = createWxStorageStandin();
  const openapiStandin = createWxOpenApiStandin();
  const initCalls: Array<{ env: string | symbol }> = [];
  return {
    DYNAMIC_CURRENT_ENV,
    init: (options) => {
      initCalls.push(options);
    },
    getWXContext: (): WxContext => ({
      OPENID: process.env.WX_OPENID ?? '',
      APPID: process.env.WX_APPID ?? '',
      UNIONID: process.env.WX_UNIONID ?? '',
      ENV: storage.envId,
      // The platform sets TCB_SOURCE per run (wx_client, wx_trigger, …); the SDK reports it as SOURCE.
      SOURCE: process.env.TCB_SOURCE ?? '',
    }),
    database: () => databaseStandin,
    uploadFile: (params) => storage.uploadFile(params),
    getTempFileURL: (params) => storage.getTempFileURL(params),
    deleteFile: (params) => storage.deleteFile(params),
    downloadFile: (params) => storage.downloadFile(params),
    openapi: openapiStandin.openapi,
    databaseStandin,
    storage,
    openapiStandin,
    initCalls,
  };
}
