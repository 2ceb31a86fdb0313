/**
 * The parts of wx-server-sdk the cloud adapters call, typed by hand from WeChat's documentation so the
 * adapters compile (and can be tested against stand-ins) without the SDK, which only exists in the
 * deployed function. Names and result shapes follow the docs cited on each member.
 */

// ---------------------------------------------------------------- errors

/**
 * What wx-server-sdk throws when a call fails: a CloudSDKError whose `message` reads
 * `errCode: <code> | errMsg: <api>:fail <reason>`. Positive codes come from the WeChat API itself
 * (43101, 47003 ...); negative ones from the cloud platform (-1 system busy, -501007 invalid
 * wxCloudApiToken, -503003 STORAGE_FILE_NONEXIST ...).
 */
export interface WxCloudSdkError extends Error {
  errCode: number;
  errMsg: string;
}

export function isWxCloudSdkError(error: unknown): error is WxCloudSdkError {
  return (
    error instanceof Error &&
    typeof (error as Partial<WxCloudSdkError>).errCode === 'number' &&
    typeof (error as Partial<WxCloudSdkError>).errMsg === 'string'
  );
}

// ---------------------------------------------------------------- storage
// https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/storage/uploadFile/server.uploadFile.md
// https://developers.weixin.qq.com/minigame/en/dev/wxcloud/reference-server-api/storage/getTempFileURL.html
// https://developers.weixin.qq.com/minigame/en/dev/wxcloud/reference-server-api/storage/deleteFile.html
// https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/storage/downloadFile/server.downloadFile.md

export interface WxUploadFileParams {
  /** Naming rules: not empty, no leading `/`, no `//`, at most 850 bytes encoded. Same path overwrites. */
  cloudPath: string;
  /** Buffer or fs.ReadStream in the SDK; the adapter only sends Buffers. */
  fileContent: Buffer;
}

export interface WxUploadFileResult {
  /** `cloud://<env>.<bucket>/<cloudPath>` */
  fileID: string;
  /** HTTP status code returned by the server. */
  statusCode?: number;
}

export interface WxTempFileRequest {
  fileID: string;
  /** Seconds the link stays valid. */
  maxAge: number;
}

export interface WxGetTempFileURLParams {
  /** At most 50 per call; a bare fileID string uses the default validity. */
  fileList: ReadonlyArray<string | WxTempFileRequest>;
}

export interface WxTempFileResult {
  fileID: string;
  /** Empty when `status` is not 0. */
  tempFileURL: string;
  /** 0 means success; a missing file gives a non-zero status here rather than a thrown error. */
  status: number;
  /** `ok` on success, otherwise the reason (e.g. `STORAGE_FILE_NONEXIST`). */
  errMsg: string;
  maxAge?: number;
  /** CloudBase error code name, present on some failures. */
  code?: string;
}

export interface WxGetTempFileURLResult {
  fileList: WxTempFileResult[];
  errMsg?: string;
}

export interface WxDeleteFileParams {
  /** At most 50 per call. */
  fileList: readonly string[];
}

export interface WxDeleteFileResult {
  fileList: Array<{ fileID: string; status: number; errMsg: string; code?: string }>;
  errMsg?: string;
}

export interface WxDownloadFileParams {
  fileID: string;
}

export interface WxDownloadFileResult {
  fileContent: Buffer;
  statusCode?: number;
}

/** `cloud` from `require('wx-server-sdk')`, storage half. */
export interface WxStorageApi {
  uploadFile(params: WxUploadFileParams): Promise<WxUploadFileResult>;
  getTempFileURL(params: WxGetTempFileURLParams): Promise<WxGetTempFileURLResult>;
  deleteFile(params: WxDeleteFileParams): Promise<WxDeleteFileResult>;
  downloadFile(params: WxDownloadFileParams): Promise<WxDownloadFileResult>;
}

// ---------------------------------------------------------------- openapi (云调用)
// Cloud calls take and return the HTTPS API's fields in camelCase (template_id → templateId,
// errcode → errCode). Failures with errCode ≠ 0 are thrown as WxCloudSdkError with
// errMsg `openapi.<api>:fail <WeChat errmsg>`.

/** Every cloud-call answer carries these. */
export interface WxOpenApiResult {
  errCode: number;
  errMsg: string;
}

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
export interface WxSubscribeMessageSendParams {
  touser: string;
  templateId: string;
  /** Mini-program page with query (`index?foo=bar`); omitted means the card does not jump. */
  page?: string;
  data: Record<string, { value: string }>;
  /** developer 开发版 / trial 体验版 / formal 正式版 (default). */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

// https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html
export type WxSecSuggest = 'pass' | 'review' | 'risky';

export interface WxMsgSecCheckParams {
  /** The user must have opened the mini-program in the last two hours. */
  openid: string;
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志 */
  scene: 1 | 2 | 3 | 4;
  version: 2;
  /** At most 2500 characters, UTF-8. */
  content: string;
  title?: string;
  nickname?: string;
  /** Only for scene 1. */
  signature?: string;
}

export interface WxMsgSecCheckDetail {
  strategy: string;
  /** The item is meaningful only when this is 0. */
  errcode: number;
  suggest?: WxSecSuggest;
  label?: number;
  prob?: number;
  keyword?: string;
}

export interface WxMsgSecCheckResult extends WxOpenApiResult {
  /** The overall verdict; WeChat says to decide on this, not on `detail`. */
  result: { suggest: WxSecSuggest; label: number };
  detail?: WxMsgSecCheckDetail[];
  traceId?: string;
}

/** `cloud.openapi`, the two APIs this project calls. Needs permissions in the function's config.json. */
export interface WxOpenApi {
  subscribeMessage: {
    send(params: WxSubscribeMessageSendParams): Promise<WxOpenApiResult>;
  };
  security: {
    msgSecCheck(params: WxMsgSecCheckParams): Promise<WxMsgSecCheckResult>;
  };
}
