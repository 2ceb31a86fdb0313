/**
 * Uploading files the server asked for: one function per purpose for pages (`uploadBusinessPlan`,
 * `uploadObjectionAttachment`), one two-step path below them. The server hands out where to put the
 * bytes (files.upload.prepare): a cloud path on WeChat (wx.cloud.uploadFile), a signed PUT link on the
 * local cloud (XMLHttpRequest, so progress can be shown). Type and size are checked here first, so a
 * wrong file costs the user no waiting and the server no bytes.
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionOutput } from '@core/actions';
import { UPLOAD_LIMITS } from '@core/files/uploads';
import type { BusinessPlan } from '@core/registration/forms';
import { callCloud } from './cloud';
import { CloudError } from './cloud-error';
import { formatFileSize } from './file-size';
import { pickerCancelled } from './picker-failure';

/** A file the user picked: a Blob in the browser, a temp path on WeChat. */
export type PickedFile = { name: string; size: number; type?: string } & ({ blob: Blob } | { path: string });

export interface UploadOptions {
  /** 0…1 as bytes go out. */
  onProgress?: (fraction: number) => void;
}

/** A stored upload as forms refer to it (form.businessPlan, an objection's attachment). */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
}

const FILE_NAME_MAX = 120;
const MB = 1024 * 1024;

/** Why this file can't be a business plan (Chinese), or null. */
export function businessPlanFileProblem(file: Pick<PickedFile, 'name' | 'size' | 'type'>): string | null {
  const type = (file.type ?? '').toLowerCase();
  // Some systems report no type for a PDF; the name decides then. A named PDF of another type is refused.
  if (!/\.pdf$/i.test(file.name) || (type !== '' && type !== 'application/pdf')) return '商业计划书只接受 PDF 文件';
  return sizeProblem(file.size, UPLOAD_LIMITS.businessPlan.maxBytes, '商业计划书');
}

/** The types an objection may attach, by file extension (names decide when the system reports no type). */
const OBJECTION_TYPES: Readonly<Record<string, ObjectionContentType>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
type ObjectionContentType = (typeof UPLOAD_LIMITS.objection.types)[number];

function extensionOf(name: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

function objectionContentType(file: Pick<PickedFile, 'name' | 'type'>): ObjectionContentType | null {
  const byName = OBJECTION_TYPES[extensionOf(file.name)];
  const type = (file.type ?? '').toLowerCase();
  if (byName === undefined || (type !== '' && type !== byName)) return null;
  return byName;
}

/** Why this file can't go with an objection (PDF, PNG or JPEG, at most 10 MB), or null. */
export function objectionFileProblem(file: Pick<PickedFile, 'name' | 'size' | 'type'>): string | null {
  if (objectionContentType(file) === null) return '异议附件只接受 PDF 或图片（PNG、JPEG）';
  return sizeProblem(file.size, UPLOAD_LIMITS.objection.maxBytes, '异议附件');
}

function sizeProblem(size: number, maxBytes: number, label: string): string | null {
  if (!(size > 0)) return '文件为空，请重新选择';
  if (size > maxBytes) return `${label}不能超过 ${maxBytes / MB} MB（所选文件 ${formatFileSize(size)}）`;
  return null;
}

/** The name as the schema takes it: at most 120 characters, keeping its extension. */
function uploadName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= FILE_NAME_MAX) return trimmed;
  const ext = extensionOf(trimmed);
  const suffix = ext === '' ? '' : `.${ext}`;
  return `${trimmed.slice(0, FILE_NAME_MAX - suffix.length)}${suffix}`;
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
  return uploadFile(
    { contestId, purpose: 'businessPlan', fileName: name, contentType: 'application/pdf', size: file.size },
    file,
    { ...options, tooLarge: '商业计划书不能超过 20 MB', wrongType: '商业计划书只接受 PDF 文件' },
  );
}

/** Uploads the evidence for an objection to list `listId` (during its 公示); resolves with the attachment. */
export async function uploadObjectionAttachment(
  listId: string,
  file: PickedFile,
  options: UploadOptions = {},
): Promise<UploadedFile> {
  const problem = objectionFileProblem(file);
  const contentType = objectionContentType(file);
  if (problem !== null || contentType === null) {
    const message = problem ?? '异议附件只接受 PDF 或图片（PNG、JPEG）';
    throw new CloudError('INVALID_INPUT', message, { attachment: message });
  }
  return uploadFile(
    { purpose: 'objection', listId, fileName: uploadName(file.name), contentType, size: file.size },
    file,
    { ...options, tooLarge: '异议附件不能超过 10 MB', wrongType: '异议附件只接受 PDF 或图片（PNG、JPEG）' },
  );
}

export interface RefusalMessages {
  tooLarge?: string;
  wrongType?: string;
}

/**
 * The two steps every upload shares, for any purpose of files.upload.prepare (the caller checks type and
 * size first): ask where, then send the bytes there. `tooLarge` / `wrongType` are said when the storage
 * refuses the bytes without a message of its own.
 */
export async function uploadFile(
  request: ActionInput<'files.upload.prepare'>,
  file: PickedFile,
  options: UploadOptions & RefusalMessages,
): Promise<UploadedFile> {
  const { target } = await callCloud('files.upload.prepare', request);
  const sending = sendBytes(target, file, request.contentType, options);
  // E.g. the production H5 build against CloudBase storage, which would need @cloudbase/js-sdk's uploadFile.
  if (sending === null) throw new CloudError('INTERNAL', '当前环境暂不支持上传文件，请在微信小程序中上传');
  const stored = await sending;
  return { fileId: stored.fileId, name: request.fileName, size: stored.size };
}

type UploadTarget = ActionOutput<'files.upload.prepare'>['target'];
type Sender = (
  target: UploadTarget,
  file: PickedFile,
  contentType: string,
  options: UploadOptions & RefusalMessages,
) => Promise<StoredUpload> | null;

/**
 * Sends the bytes where the server said; null when this build can't reach that kind of target. Chosen
 * once per build (TARO_ENV is replaced at build time) outside any async function, so the minifier drops
 * the other platform's code: inside one, the async transform would have kept both branches.
 */
const sendBytes: Sender =
  process.env.TARO_ENV === 'weapp'
    ? (target, file, _contentType, options) =>
        target.kind === 'wx-cloud' && 'path' in file
          ? uploadToWxCloud(target.cloudPath, file.path, options.onProgress).then((fileId) => ({
              fileId,
              size: file.size,
            }))
          : null
    : (target, file, contentType, options) =>
        target.kind === 'http' && 'blob' in file ? putWithProgress(target.url, file.blob, contentType, options) : null;

/** H5: the browser's File as a PickedFile. */
export function browserFile(file: File): PickedFile {
  return { name: file.name, size: file.size, type: file.type, blob: file };
}

/**
 * WeChat: a PDF from a chat (the only place a phone keeps documents WeChat can reach). null when the
 * entrant closed the chooser; a PickerError when WeChat refused (e.g. the privacy agreement declined).
 */
export async function pickBusinessPlanOnWeChat(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    const chosen = res.tempFiles[0];
    return chosen ? { name: chosen.name, size: chosen.size, path: chosen.path } : null;
  } catch (error) {
    return pickerCancelled(error, '选择文件');
  }
}

/**
 * WeChat: evidence for an objection, a PDF or image from a chat or a photo from the album / camera.
 * null when the user closed the chooser.
 */
export async function pickObjectionFileOnWeChat(): Promise<PickedFile | null> {
  let tapIndex: number;
  try {
    tapIndex = (await Taro.showActionSheet({ itemList: ['从聊天记录选择文件', '从相册选择或拍照'] })).tapIndex;
  } catch {
    return null;
  }
  try {
    if (tapIndex === 0) {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'png', 'jpg', 'jpeg'] });
      const chosen = res.tempFiles[0];
      return chosen ? { name: chosen.name, size: chosen.size, path: chosen.path } : null;
    }
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'] });
    const chosen = res.tempFiles[0];
    if (!chosen) return null;
    // Album photos have no name; the temp path keeps the format's extension, which the type check reads.
    const ext = extensionOf(chosen.tempFilePath) || 'jpg';
    return { name: `图片.${ext}`, size: chosen.size, path: chosen.tempFilePath };
  } catch (error) {
    return pickerCancelled(error, tapIndex === 0 ? '选择文件' : '选择照片');
  }
}

interface StoredUpload {
  fileId: string;
  size: number;
}

/** The local cloud's signed PUT link; XMLHttpRequest rather than fetch for upload progress. */
function putWithProgress(
  url: string,
  blob: Blob,
  contentType: string,
  options: UploadOptions & RefusalMessages,
): Promise<StoredUpload> {
  const { onProgress } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // The signed link grants one type; the storage checks the header and the file's first bytes against it.
    xhr.setRequestHeader('content-type', contentType);
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
      if (xhr.status === 413) reject(new CloudError('INVALID_INPUT', message ?? options.tooLarge ?? '文件过大'));
      else if (xhr.status === 415) {
        reject(new CloudError('INVALID_INPUT', message ?? options.wrongType ?? '不支持的文件类型'));
      } else if (xhr.status === 403) reject(new CloudError('FORBIDDEN', message ?? '上传链接已过期，请重新选择文件'));
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
