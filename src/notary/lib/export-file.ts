/**
 * 导出成绩单 (.xlsx) and 导出评分日志 (the signed log, .json for `npm run verify-log`) through `admin.live.export`,
 * which lets notaries in. H5 downloads either; WeChat opens the sheet in its document viewer and copies the log's
 * link (no viewer there reads .json). Resolves with what to tell the notary.
 */
import { formatShanghai } from '@core/time/shanghai';
import { callCloud } from '../../services/cloud';
import { copyToClipboard } from '../../services/picker-failure';
import { downloadInBrowser, openInWeChat } from '../../services/open-file';

export type ExportFormat = 'xlsx' | 'log';

export const exportLabels: Record<ExportFormat, string> = { xlsx: '导出成绩单（.xlsx）', log: '导出评分日志（.json）' };

export async function exportShow(liveId: string, format: ExportFormat): Promise<string> {
  const file = await callCloud('admin.live.export', { liveId, format });
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(file.url, file.fileName);
    return `已导出：${file.fileName}`;
  }
  if (format === 'xlsx') {
    await openInWeChat(file.url, 'xlsx');
    return `已导出：${file.fileName}`;
  }
  if (!(await copyToClipboard(file.url))) return `${file.fileName} 已生成，但未能复制下载链接`;
  return `已复制 ${file.fileName} 的下载链接，请在电脑浏览器中打开（${formatShanghai(file.expiresAt, 'HH:mm')} 前有效）`;
}

/** Copies a hash for the notary to paste into a record; false when the device refused (said in a toast). */
export const copyText = copyToClipboard;
