/**
 * 成绩单 for signatures, A4 (H5: 打印 → window.print(); the page's print CSS hides everything else): per
 * contestant each judge's total, the dropped ones, the final and the rank; the log's head and checkpoints; lines
 * for the notary, the supervisor and the date. Only in print (`display: none` on screen).
 */
import { showLabel } from '@core/live/types';
import { Text, View } from '@tarojs/components';
import { aggregationLabels } from '@core/judging/types';
import type { NotaryLogView } from '@core/live/views';
import { formatShanghai } from '@core/time/shanghai';
import { beijing, ellipsis } from '../../../lib/log-text';
import { sheetRows } from '../../../lib/sheet';

export function PrintSheet({ log, printedAt }: { log: NotaryLogView; printedAt: number }) {
  const rows = sheetRows(log);
  return (
    <View className="notary-print">
      <View className="print-title">
        {log.contestName} {log.roundName} 成绩单
      </View>
      <View className="print-subtitle">
        {showLabel(log.group, log.session)} · 汇总方式：{aggregationLabels[log.aggregation]}
      </View>

      <View className="print-table">
        <View className="print-row print-row--head">
          <Text className="print-cell print-cell--position">出场</Text>
          <Text className="print-cell print-cell--project">项目</Text>
          {log.judges.map((judge) => (
            <Text key={judge.label} className="print-cell print-cell--score">
              {judge.label}
            </Text>
          ))}
          <Text className="print-cell print-cell--dropped">去掉</Text>
          <Text className="print-cell print-cell--final">最终得分</Text>
          <Text className="print-cell print-cell--rank">名次</Text>
        </View>
        {rows.map((row) => (
          <View key={row.position} className="print-row">
            <Text className="print-cell print-cell--position">{row.position}</Text>
            <Text className="print-cell print-cell--project">{row.projectName}</Text>
            {row.cells.map((cell, i) => (
              <Text key={i} className={`print-cell print-cell--score${cell?.dropped ? ' print-cell--struck' : ''}`}>
                {cell ? cell.total : '—'}
              </Text>
            ))}
            <View className="print-cell print-cell--dropped">
              {row.dropped.length === 0 ? '—' : row.dropped.map((d) => <View key={d}>{d}</View>)}
            </View>
            <Text className="print-cell print-cell--final">
              {row.final ?? '未亮分'}
              {row.changedFrom !== null ? `（原 ${row.changedFrom}）` : ''}
            </Text>
            <Text className="print-cell print-cell--rank">{row.rank ?? '—'}</Text>
          </View>
        ))}
      </View>
      <View className="print-note">
        评委：{log.judges.map((j) => (j.label === j.name ? j.name : `${j.label} ${j.name}`)).join('，')}。
        划线的分数为按规则去掉的最高分、最低分；名次按最终得分（两位小数）排列，得分相同名次并列。
      </View>

      <View className="print-section">日志校验</View>
      <View className="print-line">
        末条哈希（共 {log.head.count} 条事件）：<Text className="print-mono">{log.head.hash}</Text>
      </View>
      <View className="print-line">签名密钥：{log.keyId}</View>
      {log.frozen ? (
        <View className="print-line">
          公证确认：{log.frozen.byName}，{beijing(log.frozen.at)}，哈希{' '}
          <Text className="print-mono">{log.frozen.head}</Text>
        </View>
      ) : null}
      {log.checkpoints.length > 0 ? (
        <View className="print-table print-table--checkpoints">
          <View className="print-row print-row--head">
            <Text className="print-cell">事件数</Text>
            <Text className="print-cell">时间（北京）</Text>
            <Text className="print-cell">哈希</Text>
            <Text className="print-cell">签名</Text>
          </View>
          {log.checkpoints.map((c) => (
            <View key={`${c.count}-${c.at}`} className="print-row">
              <Text className="print-cell">{c.count}</Text>
              <Text className="print-cell print-cell--nowrap">{beijing(c.at)}</Text>
              <Text className="print-cell print-mono">{c.head}</Text>
              <Text className="print-cell print-mono">{ellipsis(c.signature, 16, 8)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="print-signatures">
        {['公证员签字', '监督人签字', '日期'].map((label) => (
          <View key={label} className="print-signature">
            <Text className="print-signature__label">{label}：</Text>
            <View className="print-signature__line" />
          </View>
        ))}
      </View>
      <View className="print-footer">
        打印时间：{formatShanghai(printedAt, 'YYYY-MM-DD HH:mm')}（北京时间） · {log.liveId}
      </View>
    </View>
  );
}
