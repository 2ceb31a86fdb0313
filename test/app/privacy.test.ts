/**
 * What the user is told when WeChat refuses a privacy API (services/privacy.ts): a declined agreement, an
 * undeclared scope and other failures in Chinese; a cancelled chooser says nothing; the clipboard's refusal in a
 * toast. Through the functions the pickers and the copy buttons call, with Taro's APIs answering as WeChat does.
 */
import Taro from '@tarojs/taro';
import { copyToClipboard, pickerCancelled, PickerError } from '../../src/services/picker-failure';

afterEach(() => jest.restoreAllMocks());

test('a cancelled chooser is no failure; a refusal and other failures become PickerErrors in Chinese', () => {
  expect(pickerCancelled({ errMsg: 'chooseMessageFile:fail cancel' }, '选择文件')).toBeNull();
  const thrown = (errMsg: string, action: string) => {
    try {
      pickerCancelled({ errMsg }, action);
    } catch (error) {
      expect(error).toBeInstanceOf(PickerError);
      return (error as Error).message;
    }
    throw new Error('nothing thrown');
  };
  expect(thrown('chooseMessageFile:fail privacy permission is not authorized', '选择文件')).toBe(
    '需要同意隐私保护指引后才能选择文件',
  );
  expect(thrown('chooseMedia:fail api scope is not declared in the privacy agreement', '选择照片')).toBe(
    '暂时无法选择照片：小程序的隐私保护指引未声明此项，请联系组委会',
  );
  expect(thrown('chooseMedia:fail system error', '选择照片')).toBe('选择照片失败，请稍后重试');
});

test('copying: true when copied; a declined agreement is said in a toast and answers false', async () => {
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  const clip = jest.spyOn(Taro, 'setClipboardData').mockResolvedValueOnce({ errMsg: 'setClipboardData:ok' } as never);
  expect(await copyToClipboard('邀请码 ABCD')).toBe(true);
  expect(clip).toHaveBeenCalledWith({ data: '邀请码 ABCD' });
  expect(toast).not.toHaveBeenCalled();

  clip.mockRejectedValueOnce({ errMsg: 'setClipboardData:fail privacy permission is not authorized' });
  expect(await copyToClipboard('邀请码 ABCD')).toBe(false);
  expect(toast).toHaveBeenCalledWith({ title: '需要同意隐私保护指引后才能复制', icon: 'none' });
});
