import Taro from '@tarojs/taro';

/** Copies for the organizer to paste into a chat; false when the phone refused (nothing to say then). */
export async function copy(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    return false;
  }
}
