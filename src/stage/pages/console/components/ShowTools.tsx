/**
 * The show as a whole: 公布排行榜 / 收起排行榜, the log's head (first 12 hex digits, for the notary to compare) and
 * checkpoints, 导出成绩单 (.xlsx) and 导出评分日志 (the signed log, .json for `npm run verify-log`).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { LiveConsoleView } from '@core/live/views';
import { callCloud, toCloudError } from '../../../../services/cloud';
import { downloadInBrowser, openInWeChat } from '../../../../services/open-file';
import { copyToClipboard } from '../../../../services/picker-failure';
import { shortHash } from './live-rules';
import { CommandButton } from './SlotCard';
import type { LiveControl } from './useLiveControl';

type Format = 'xlsx' | 'log';

const formatLabels: Record<Format, string> = { xlsx: '导出成绩单', log: '导出评分日志' };

/** H5 downloads either file; WeChat opens the sheet in its viewer, and copies the log's link (no viewer reads .json). */
async function exportShow(liveId: string, format: Format): Promise<string> {
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
  return `已复制 ${file.fileName} 的下载链接，请在电脑浏览器中打开（链接 10 分钟内有效）`;
}

function ExportButtons({ liveId }: { liveId: string }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: Format) => {
    if (busy) return;
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      setDone(await exportShow(liveId, format));
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="live-exports">
      <View className="live-commands">
        {(['xlsx', 'log'] as const).map((format) => (
          <Button
            key={format}
            className={`live-export-${format} button`}
            size="mini"
            disabled={busy !== null || undefined}
            onClick={() => void run(format)}
          >
            {busy === format ? '正在导出…' : formatLabels[format]}
          </Button>
        ))}
      </View>
      {done ? <View className="live-export-done muted">{done}</View> : null}
      {error ? <View className="live-export-error admin-error">{error}</View> : null}
    </View>
  );
}

/** The leaderboard as the screen would show it, so the host checks it before 公布排行榜 (only revealed results). */
function BoardPreview({ view }: { view: LiveConsoleView }) {
  if (view.board.length === 0) return <View className="live-board-preview muted">尚无亮分结果，排行榜为空</View>;
  return (
    <View className="live-board-preview">
      <View className="muted">{view.boardShown ? '大屏上的排行榜' : '预览（大屏尚未显示）'}</View>
      {view.board.map((row) => (
        <View key={row.position} className="live-board-row" data-position={row.position}>
          <Text className="live-board-row__rank">第 {row.rank} 名</Text>
          <Text className="live-board-row__name">
            {row.projectName}（第 {row.position} 位出场）
          </Text>
          <Text className="live-board-row__final">{row.final}</Text>
        </View>
      ))}
    </View>
  );
}

export function ShowTools({ view, control }: { view: LiveConsoleView; control: LiveControl }) {
  const refused = control.refusedAt === 'show' && !control.asking ? control.refusal : null;
  return (
    <View className="live-tools card">
      <View className="admin-card-head">
        <Text className="card__title">排行榜与存证</Text>
        <Text className={`admin-chip${view.boardShown ? ' admin-chip--ok' : ''} live-board-state`}>
          {view.boardShown ? '大屏正在显示排行榜' : '排行榜未公布'}
        </Text>
      </View>
      <View className="live-commands">
        <CommandButton
          place="show"
          command={view.boardShown ? 'hideBoard' : 'showBoard'}
          slot={null}
          control={control}
          disabled={view.frozen !== null}
        />
      </View>
      {refused ? <View className="live-refusal admin-error">{refused}</View> : null}
      <BoardPreview view={view} />
      <View className="live-chain">
        <View className="live-chain__row">
          <Text className="muted">日志头哈希</Text>
          <Text className="live-head-hash live-chain__hash">{shortHash(view.head.hash)}</Text>
        </View>
        <View className="live-chain__row muted">
          共 {view.head.count} 条记录 · 签名检查点 <Text className="live-checkpoints">{view.checkpoints}</Text> 个
        </View>
      </View>
      <ExportButtons liveId={view.liveId} />
    </View>
  );
}
