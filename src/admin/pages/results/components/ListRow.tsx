/**
 * One published result list: what it is, its 公示 period and status, its lines on demand, and 撤回 with a
 * reason (readers stop seeing it; a list is never edited, only withdrawn and published again).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { groupLabels, prizeLabels } from '@core/contest/types';
import { resultKindLabels } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { ReasonDialog } from '../../../../components/ReasonDialog';
import { useCloudAction } from '../../../../hooks/useCloudAction';

export function publicityText(list: ResultListView): string {
  if (list.publicityEndsAt === null) return '不设公示期';
  const end = formatShanghai(list.publicityEndsAt, 'YYYY年M月D日 HH:mm');
  if (list.inPublicity) return `公示中，至 ${end}`;
  return list.status === 'withdrawn' ? `公示期至 ${end}` : `公示已于 ${end} 结束`;
}

export function ListRow({ list, onWithdrawn }: { list: ResultListView; onWithdrawn: (list: ResultListView) => void }) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const withdrawAction = useCloudAction('admin.result.withdraw');
  const busy = withdrawAction.busy;
  const refused = withdrawAction.error?.details?.reason;
  const error = withdrawAction.error ? (typeof refused === 'string' ? refused : withdrawAction.error.message) : null;

  const withdraw = async (reason: string) => {
    if (busy) return;
    const result = await withdrawAction.run({ id: list.id, reason });
    if (!result) return;
    setDialog(false);
    onWithdrawn(result.list);
  };

  const awards = list.kind === 'awards';
  return (
    <View
      className={`results-list-row card results-list-row--${list.status}`}
      data-list-id={list.id}
      data-status={list.status}
      data-kind={list.kind}
    >
      <View className="results-list-row__head">
        <Text className="results-list-kind admin-chip">{resultKindLabels[list.kind]}</Text>
        <Text className={`results-list-status results-list-status--${list.status}`}>
          {list.status === 'published' ? '已发布' : '已撤回'}
        </Text>
        {list.inPublicity ? <Text className="admin-chip admin-chip--warn">公示中</Text> : null}
      </View>
      <Text className="results-list-title">{list.title}</Text>
      <View className="results-list-row__meta muted">
        <Text className="results-list-contest">{list.contestName}</Text>
        <Text> · </Text>
        <Text className="results-list-count">{list.items.length} 个项目</Text>
        <Text> · </Text>
        <Text className="results-list-published">发布于 {formatShanghai(list.publishedAt, 'YYYY-MM-DD HH:mm')}</Text>
      </View>
      <View className="results-list-publicity muted">{publicityText(list)}</View>
      <View className="results-list-row__actions">
        <Text className="results-list-toggle admin-link" onClick={() => setOpen(!open)}>
          {open ? '收起' : '查看名单'}
        </Text>
        {list.status === 'published' ? (
          <Button
            className="results-withdraw button button--danger"
            size="mini"
            disabled={busy}
            onClick={() => {
              withdrawAction.reset();
              setDialog(true);
            }}
          >
            撤回
          </Button>
        ) : null}
      </View>
      {error && !dialog ? <View className="admin-error">{error}</View> : null}
      {open ? (
        <View className="results-items">
          {list.items.map((item, i) => (
            <View key={item.entryId} className="results-item" data-entry-id={item.entryId}>
              <Text className="results-item__no muted">{i + 1}</Text>
              <View className="results-item__main">
                <Text className="results-item__name">{item.projectName}</Text>
                <View className="muted">
                  {item.orgName} · {groupLabels[item.group]} · {item.field}
                  {item.district ? ` · ${item.district}` : ''}
                </View>
              </View>
              {awards && item.prize ? (
                <Text className="results-item-prize admin-chip admin-chip--warn">{prizeLabels[item.prize]}</Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {dialog ? (
        <ReasonDialog
          className="results-withdraw-dialog"
          title={`撤回：${list.title}`}
          description="撤回后读者不再能看到这份名单，公示期内的异议入口随之关闭。名单不能恢复，如需更正请撤回后重新发布。"
          placeholder="例如：名单有误，更正后重新发布"
          emptyMessage="请填写撤回理由"
          confirmText="确认撤回"
          danger
          busy={busy}
          error={error}
          onConfirm={(reason) => void withdraw(reason)}
          onCancel={() => setDialog(false)}
        />
      ) : null}
    </View>
  );
}
