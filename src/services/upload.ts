/**
 * Uploading the business plan: one function for pages, `uploadBusinessPlan(contestId, file)`, with the
 * transport split below it like callCloud's. The server hands out where to put the bytes
 * (files.uploadTarget): a cloud path on WeChat (wx.cloud.uploadFile), a signed PUT link on the local
 * cloud (XMLHttpRequest, so progress can be shown). Type and size are checked here first, so a wrong
 * file costs the entrant no waiting and the server no bytes.
 */
import Taro from '@tarojs/taro';
import { BUSINESS_PLAN_MAX_BYTES, type BusinessPlan } from '@core/registration/forms';
import { callCloud } from './cloud';
import { CloudError } from './cloud-error';

/** A file the entrant picked: a Blob in the browser, a temp path on WeChat. */
export type PickedFile = { name: string; size: number; type?: string } & ({ blob: Blob } | { path: string });

export interface UploadOptions {
  /** 0…1 as bytes go out. */
  onProgress?: (fraction: number) => void;
}

const FILE_NAME_MAX = 120;

/** `3.4 MB` / `812 KB` for people. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why this file can't be a business plan (Chinese), or null. */
export function businessPlanFileProblem(file: Pick<PickedFile, 'name' | 'size' | 'type'>): string | null {
  const type = (file.type ?? '').toLowerCase();
  // Some systems report no type for a PDF; the name decides then. A named PDF of another type is refused.
  if (!/\.pdf$/i.test(file.name) || (type !== '' && type !== 'application/pdf')) return '商业计划书只接受 PDF 文件';
  if (!(file.size > 0)) return '文件为空，请重新选择';
  if (file.size > BUSINESS_PLAN_MAX_BYTES) {
    return `商业计划书不能超过 20 MB（所选文件 ${formatFileSize(file.size)}）`;
  }
  return null;
}

/** The name as the schema takes it: at most 120 characters, still ending in .pdf. */
function uploadName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= FILE_NAME_MAX) return trimmed;
  return `${trimmed.slice(0, FILE_NAME_MAX - 4)}.pdf`;
}

/** Uploads a picked PDF for the caller's entry in `contestId`; resolves with what goes into `form.businessPlan`. */
export async function uploadBusinessPlan(
  contestId: string,
  file: PickedFile,
  options: UploadOptions = {},
): Promise<BusinessPlan> {
  const problem = businessPlanFileProblem(file);
  if (problem !== null) throw new CloudError('INVALID_INPUT', problem, { businessPlan: problem });

  const name = uploadName(file.name);
  const { target } = await callCloud('files.uploadTarget', {
    contestId,
    purpose: 'businessPlan',
    fileName: name,
    contentType: 'application/pdf',
    size: file.size,
  });

  // Each build carries only its own transport (TARO_ENV is replaced at build time).
  if (process.env.TARO_ENV === 'weapp') {
    if (target.kind === 'wx-cloud' && 'path' in file) {
      const fileId = await uploadToWxCloud(target.cloudPath, file.path, options.onProgress);
      return { fileId, name, size: file.size };
    }
  } else if (target.kind === 'http' && 'blob' in file) {
    const stored = await putWithProgress(target.url, file.blob, options.onProgress);
    return { fileId: stored.fileId, name, size: stored.size };
  }
  // E.g. the production H5 build against CloudBase storage, which would need @cloudbase/js-sdk's uploadFile.
  throw new CloudError('INTERNAL', '当前环境暂不支持上传文件，请在微信小程序中上传');
}

/** H5: the browser's File as a PickedFile. */
export function browserFile(file: File): PickedFile {
  return { name: file.name, size: file.size, type: file.type, blob: file };
}

/**
 * WeChat: a PDF from a chat (the only place a phone keeps documents WeChat can reach). null when the
 * entrant closed the chooser.
 */
export async function pickBusinessPlanOnWeChat(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    const chosen = res.tempFiles[0];
    return chosen ? { name: chosen.name, size: chosen.size, path: chosen.path } : null;
  } catch {
    return null;
  }
}

interface StoredUpload {
  fileId: string;
  size: number;
}

/** The local cloud's signed PUT link; XMLHttpRequest rather than fetch for upload progress. */
function putWithProgress(url: string, blob: Blob, onProgress?: (fraction: number) => void): Promise<StoredUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/pdf');
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
    }
    xhr.onerror = () => reject(new CloudError('NETWORK', '上传失败，请检查网络后重试'));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 200 && isStored(body?.data) && body?.ok === true) {
        onProgress?.(1);
        resolve(body.data);
        return;
      }
      const message = typeof body?.error?.message === 'string' ? body.error.message : null;
      if (xhr.status === 413) reject(new CloudError('INVALID_INPUT', message ?? '商业计划书不能超过 20 MB'));
      else if (xhr.status === 415) reject(new CloudError('INVALID_INPUT', message ?? '商业计划书只接受 PDF 文件'));
      else if (xhr.status === 403) reject(new CloudError('FORBIDDEN', message ?? '上传链接已过期，请重新选择文件'));
      else reject(new CloudError(xhr.status >= 500 ? 'INTERNAL' : 'NETWORK', message ?? '上传失败，请重试'));
    };
    xhr.send(blob);
  });
}

function uploadToWxCloud(
  cloudPath: string,
  filePath: string,
  onProgress?: (fraction: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new CloudError('NETWORK', '上传失败，请检查网络后重试')),
    });
    if (onProgress) task.onProgressUpdate((res) => onProgress(res.progress / 100));
  });
}

interface UploadAnswer {
  ok?: unknown;
  data?: unknown;
  error?: { message?: unknown };
}

function parseJson(text: string): UploadAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as UploadAnswer) : null;
  } catch {
    return null;
  }
}

function isStored(value: unknown): value is StoredUpload {
  const v = value as Partial<StoredUpload> | null | undefined;
  return typeof v?.fileId === 'string' && typeof v.size === 'number';
}
