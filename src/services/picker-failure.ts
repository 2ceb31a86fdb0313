/**
 * WeChat's refusals of the pickers and the clipboard in the user's words: a declined privacy agreement
 * (services/privacy.ts), a scope the app's privacy guide does not declare, any other failure; a cancel says
 * nothing. Apart from privacy.ts so that only the subpackages that pick files or copy load it, not the main
 * package.
 */
import Taro from '@tarojs/taro';

/** What to tell the user when a picker or the clipboard failed; null when they only cancelled. */
export function pickerFailure(error: unknown, action: string): string | null {
  const message = String((error as { errMsg?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
  if (/cancel/i.test(message)) return null;
  if (/not declared/i.test(message)) return `暂时无法${action}：小程序的隐私保护指引未声明此项，请联系组委会`;
  if (/privacy/i.test(message)) return `需要同意隐私保护指引后才能${action}`;
  return `${action}失败，请稍后重试`;
}

/** A picker's failure other than a cancel, with the words for the user (FilePicker shows them). */
export class PickerError extends Error {}

/** Rethrows a picker's failure as a PickerError, or answers null for a cancel. */
export function pickerCancelled(error: unknown, action: string): null {
  const message = pickerFailure(error, action);
  if (message === null) return null;
  throw new PickerError(message);
}

/** Copies for the user to paste elsewhere; a refusal is said in a toast. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch (error) {
    const message = pickerFailure(error, '复制');
    if (message) void Taro.showToast({ title: message, icon: 'none' });
    return false;
  }
}
