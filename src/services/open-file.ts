/**
 * Opening a short-lived file link the server handed out (business plan, export), per platform: a browser
 * tab or download (H5), or WeChat's document viewer (download to a temp file, openDocument).
 */
import Taro from '@tarojs/taro';
import { callCloud } from './cloud';
import { CloudError } from './cloud-error';

/**
 * H5: a tab opened during the tap itself; opened after the await for the link, browsers count it as
 * an unrequested popup and block it. Call this first, synchronously in the tap handler.
 */
export function openPendingTab(): Window | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.open !== 'function') return null;
  try {
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    return tab;
  } catch {
    return null;
  }
}

/** Opens the entry's business plan; `tab` is the one opened during the tap (H5), if any. */
export async function openBusinessPlan(entryId: string, tab: Window | null = null): Promise<void> {
  let url: string;
  try {
    url = (await callCloud('files.link.get', { entryId, attachment: 'businessPlan' })).url;
  } catch (error) {
    tab?.close();
    throw error;
  }
  if (process.env.TARO_ENV === 'h5') {
    showInTab(url, tab);
    return;
  }
  await openInWeChat(url, 'pdf');
}

/** H5: shows the file in the tab opened during the tap, or a new one if there was none. */
export function showInTab(url: string, tab: Window | null): void {
  if (tab && !tab.closed) {
    tab.location.href = url;
    return;
  }
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/** The formats WeChat's document viewer opens (and the ones articles and entries attach). */
export type DocumentType = 'pdf' | 'xlsx' | 'docx';

/** WeChat: download, then open in the document viewer with its forward / save menu. */
export async function openInWeChat(url: string, fileType: DocumentType): Promise<void> {
  let filePath: string;
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    filePath = res.tempFilePath;
  } catch {
    throw new CloudError('NETWORK', '文件下载失败，请检查网络后重试');
  }
  try {
    await Taro.openDocument({ filePath, fileType, showMenu: true });
  } catch {
    throw new CloudError('INTERNAL', '文件已下载，但无法打开，请稍后重试');
  }
}

/** H5: saves the file under `fileName` (same-origin links; elsewhere the browser may open it instead). */
export function downloadInBrowser(url: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * An article's attachment, from a public link news.get handed out. H5: a PDF opens in a tab (read in
 * place), other documents download under their own name. WeChat: the document viewer. Call it in the
 * tap itself: on H5 it opens nothing after an await, so browsers don't block it as a popup.
 */
export function openAttachment(url: string, name: string): Promise<void> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  // Not an async function: the TARO_ENV branch then folds away at build time, leaving one platform's code.
  if (process.env.TARO_ENV === 'h5') {
    if (ext === 'pdf') showInTab(url, null);
    else downloadInBrowser(url, name);
    return Promise.resolve();
  }
  return openInWeChat(url, ext === 'xlsx' || ext === 'docx' ? ext : 'pdf');
}
