/**
 * Uploading article images (cover, inline) and attachments the way the business plan goes up
 * (src/services/upload.ts): files.upload.prepare names the place, then wx.cloud.uploadFile on WeChat or
 * a PUT to the signed link on the local cloud. That service only knows PDFs for an entry, so the news
 * purposes have their own small copy here; type and size are checked before anything moves.
 */
import Taro from '@tarojs/taro';
import type { FileRef } from '@core/files/uploads';
import { callCloud } from '../../services/cloud';
import { pickerCancelled } from '../../services/picker-failure';
import { CloudError } from '../../services/cloud-error';
import type { PickedFile } from '../../services/upload';

export type NewsUploadPurpose = 'newsImage' | 'newsAttachment';

const MB = 1024 * 1024;
const NAME_MAX = 120;

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

type ImageType = 'image/png' | 'image/jpeg';
type AttachmentType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RULES = {
  newsImage: { extensions: ['png', 'jpg', 'jpeg'], maxBytes: 5 * MB, what: '图片', kinds: 'PNG 或 JPEG' },
  newsAttachment: {
    extensions: ['pdf', 'xlsx', 'docx'],
    maxBytes: 20 * MB,
    what: '附件',
    kinds: 'PDF、Excel（xlsx）或 Word（docx）',
  },
} as const;

export const ACCEPT: Record<NewsUploadPurpose, string> = {
  newsImage: '.png,.jpg,.jpeg,image/png,image/jpeg',
  newsAttachment: '.pdf,.xlsx,.docx',
};

/** `3.4 MB` / `812 KB` for people (services/upload has the same; importing it would bring the PDF upload along). */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The type decided by the name: browsers report no type for some Office files, WeChat for most. */
export function contentTypeOf(name: string): string | null {
  return TYPES[extensionOf(name)] ?? null;
}

/** Why this file can't be used for `purpose` (Chinese), or null. */
export function newsFileProblem(purpose: NewsUploadPurpose, file: Pick<PickedFile, 'name' | 'size'>): string | null {
  const rule = RULES[purpose];
  if (!(rule.extensions as readonly string[]).includes(extensionOf(file.name)))
    return `${rule.what}只接受 ${rule.kinds}`;
  if (!(file.size > 0)) return '文件为空，请重新选择';
  if (file.size > rule.maxBytes) {
    return `${rule.what}不能超过 ${rule.maxBytes / MB} MB（所选文件 ${formatSize(file.size)}）`;
  }
  return null;
}

/** At most 120 characters, keeping the extension the type is read from. */
function uploadName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= NAME_MAX) return trimmed;
  const ext = extensionOf(trimmed);
  return `${trimmed.slice(0, NAME_MAX - ext.length - 1)}.${ext}`;
}

/** Uploads a picked file for an article; resolves with what goes into the article (cover, attachments, img src). */
export async function uploadNewsFile(purpose: NewsUploadPurpose, file: PickedFile): Promise<FileRef> {
  const problem = newsFileProblem(purpose, file);
  if (problem !== null) throw new CloudError('INVALID_INPUT', problem);
  const name = uploadName(file.name);
  const contentType = contentTypeOf(name) ?? '';
  const { target } =
    purpose === 'newsImage'
      ? await callCloud('files.upload.prepare', {
          purpose,
          fileName: name,
          contentType: contentType as ImageType,
          size: file.size,
        })
      : await callCloud('files.upload.prepare', {
          purpose,
          fileName: name,
          contentType: contentType as AttachmentType,
          size: file.size,
        });

  if (process.env.TARO_ENV === 'weapp') {
    if (target.kind === 'wx-cloud' && 'path' in file) {
      const fileId = await uploadToWxCloud(target.cloudPath, file.path);
      return { fileId, name, size: file.size };
    }
  } else if (target.kind === 'http' && 'blob' in file) {
    const stored = await put(target.url, file.blob, contentType);
    return { fileId: stored.fileId, name, size: stored.size };
  }
  throw new CloudError('INTERNAL', '当前环境暂不支持上传文件，请在微信小程序中上传');
}

/** What the editor can show before the server links the file: a blob URL (H5) or the temp path (WeChat). */
export function localPreviewUrl(file: PickedFile): string | null {
  if ('path' in file) return file.path;
  if (typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function') return URL.createObjectURL(file.blob);
  return null;
}

/** WeChat: a photo from the album or camera; null when the organizer closed the chooser. */
export async function pickImageOnWeChat(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
    const chosen = res.tempFiles[0];
    if (!chosen) return null;
    const name = chosen.tempFilePath.split('/').pop() ?? 'image.jpg';
    return { name, size: chosen.size, path: chosen.tempFilePath };
  } catch (error) {
    return pickerCancelled(error, '选择照片');
  }
}

/** WeChat: a document from a chat, the only place a phone keeps files WeChat can reach. */
export async function pickAttachmentOnWeChat(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'xlsx', 'docx'] });
    const chosen = res.tempFiles[0];
    return chosen ? { name: chosen.name, size: chosen.size, path: chosen.path } : null;
  } catch (error) {
    return pickerCancelled(error, '选择文件');
  }
}

interface Stored {
  fileId: string;
  size: number;
}

/** The local cloud's signed PUT link; it checks the type header and the file's first bytes. */
async function put(url: string, blob: Blob, contentType: string): Promise<Stored> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: blob });
  } catch {
    throw new CloudError('NETWORK', '上传失败，请检查网络后重试');
  }
  type Answer = { ok?: unknown; data?: Partial<Stored>; error?: { message?: unknown } };
  const body = await response.json().then(
    (value: unknown) => (typeof value === 'object' && value !== null ? (value as Answer) : null),
    () => null,
  );
  const data = body?.data;
  if (
    response.status === 200 &&
    body?.ok === true &&
    typeof data?.fileId === 'string' &&
    typeof data.size === 'number'
  ) {
    return { fileId: data.fileId, size: data.size };
  }
  const message = typeof body?.error?.message === 'string' ? body.error.message : null;
  if (response.status === 413 || response.status === 415)
    throw new CloudError('INVALID_INPUT', message ?? '文件不符合要求');
  if (response.status === 403) throw new CloudError('FORBIDDEN', message ?? '上传链接已过期，请重新选择文件');
  throw new CloudError(response.status >= 500 ? 'INTERNAL' : 'NETWORK', message ?? '上传失败，请重试');
}

function uploadToWxCloud(cloudPath: string, filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new CloudError('NETWORK', '上传失败，请检查网络后重试')),
    });
  });
}
