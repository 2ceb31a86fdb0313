/** msgSecCheck's vocabulary, shared by the WeChat adapter and the local stand-in of the content check. */

/**
 * msgSecCheck v2 label numbers ("命中标签枚举值"), from
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html
 * (the same table is quoted at https://developers.weixin.qq.com/community/minihome/doc/000844d07dc7d022d19cb738b56400).
 */
export const MSG_SEC_CHECK_LABELS: Readonly<Record<number, string>> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

export const MSG_SEC_CHECK_NORMAL_LABEL = 100;

/** msgSecCheck takes at most 2500 characters ("文本字数的上限为2500字"). */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;

export function msgSecCheckLabelName(label: number): string {
  return MSG_SEC_CHECK_LABELS[label] ?? MSG_SEC_CHECK_LABELS[21000] ?? '其他';
}
