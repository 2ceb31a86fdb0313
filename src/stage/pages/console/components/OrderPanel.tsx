/**
 * 出场顺序 before the show: 抽签 (`admin.live.draw`, with an optional seed so a public draw can be replayed; the
 * seed used is shown with the order), or 手动排序 (move up / down, with a reason, sent as `manualOrder`).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { LiveConsoleView } from '@core/live/views';
import { formatShanghai } from '@core/time/shanghai';
import { ReasonDialog } from '../../../../components/ReasonDialog';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { failureText } from '../../../../admin/lib/judging';
import { manualOrderInput, moveItem, seedProblem, sortedSlots } from './live-rules';

export function OrderPanel(props: {
  view: LiveConsoleView;
  locked: boolean;
  onChanged: (view: LiveConsoleView) => void;
}) {
  const { view, locked, onChanged } = props;
  const [seed, setSeed] = useState('');
  const [seedError, setSeedError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string[] | null>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const draw = useCloudAction('admin.live.draw');
  const upsert = useCloudAction('admin.live.upsert');
  const slots = sortedSlots(view);
  const byId = new Map(slots.map((s) => [s.entryId, s]));
  const ordered = view.order !== null;

  const runDraw = async () => {
    if (draw.busy || locked) return;
    setDone(null);
    const problem = seedProblem(view.liveId, seed);
    setSeedError(problem);
    if (problem) return;
    if (ordered) {
      const sure = await Taro.showModal({
        title: '重新抽签',
        content: '重新抽签会替换现有的出场顺序，并记入评分日志。确定重新抽签吗？',
        confirmText: '重新抽签',
        cancelText: '取消',
      });
      if (!sure.confirm) return;
    }
    const answer = await draw.run(seed.trim() ? { liveId: view.liveId, seed: seed.trim() } : { liveId: view.liveId });
    if (!answer) return;
    setDone(`已抽签，种子 ${answer.console.order?.seed ?? '—'}`);
    onChanged(answer.console);
  };

  const saveManual = async (reason: string) => {
    if (!editing || upsert.busy) return;
    const answer = await upsert.run(manualOrderInput(view, editing, reason));
    if (!answer) return;
    setAsking(false);
    setEditing(null);
    setDone('已按手动顺序保存，原因已记入评分日志');
    onChanged(answer.console);
  };

  return (
    <View className="live-order-setup card">
      <View className="admin-card-head">
        <Text className="card__title">出场顺序</Text>
        {view.order ? (
          <Text className="admin-chip admin-chip--ok live-order-method">
            {view.order.method === 'draw' ? '抽签' : '手动排序'} · {formatShanghai(view.order.at, 'M月D日 HH:mm')}
          </Text>
        ) : (
          <Text className="admin-chip admin-chip--warn">尚未确定</Text>
        )}
      </View>
      {view.order?.method === 'draw' && view.order.seed ? (
        <View className="live-order-seed">
          抽签种子 <Text className="live-order-seed__value">{view.order.seed}</Text>
          <Text className="muted">（同一种子和同样的选手总是得到同样的顺序，可当场复核）</Text>
        </View>
      ) : null}
      {view.order?.method === 'manual' && view.order.reason ? (
        <View className="live-order-why muted">手动排序原因：{view.order.reason}</View>
      ) : null}

      {editing ? (
        <View className="live-manual">
          <View className="muted live-help">用 ↑ ↓ 调整顺序，保存时须填写原因。</View>
          {editing.map((id, i) => {
            const slot = byId.get(id);
            return (
              <View key={id} className="live-manual-row" data-entry-id={id}>
                <Text className="live-order-row__position">{i + 1}</Text>
                <View className="live-order-row__names">
                  <Text className="live-order-row__project">{slot?.projectName ?? id}</Text>
                  <Text className="live-order-row__org muted">{slot?.orgName ?? ''}</Text>
                </View>
                <Text
                  className={`live-manual-up live-icon-button${i === 0 ? ' live-icon-button--off' : ''}`}
                  onClick={() => setEditing(moveItem(editing, i, -1))}
                >
                  ↑
                </Text>
                <Text
                  className={`live-manual-down live-icon-button${i === editing.length - 1 ? ' live-icon-button--off' : ''}`}
                  onClick={() => setEditing(moveItem(editing, i, 1))}
                >
                  ↓
                </Text>
              </View>
            );
          })}
          <View className="live-commands">
            <Button className="live-manual-cancel button" size="mini" onClick={() => setEditing(null)}>
              取消
            </Button>
            <Button
              className="live-manual-save button button--primary"
              size="mini"
              onClick={() => {
                upsert.reset();
                setAsking(true);
              }}
            >
              保存顺序
            </Button>
          </View>
        </View>
      ) : (
        <View className="live-order-list">
          {!ordered ? (
            <View className="muted live-help">本组 {slots.length} 位选手，抽签或手动排序后确定出场顺序。</View>
          ) : null}
          {slots.map((slot) => (
            <View key={slot.entryId} className="live-order-row live-order-row--static" data-entry-id={slot.entryId}>
              <View className="live-order-row__main">
                <Text className="live-order-row__position">{ordered ? slot.position : '·'}</Text>
                <View className="live-order-row__names">
                  <Text className="live-order-row__project">{slot.projectName}</Text>
                  <Text className="live-order-row__org muted">
                    {slot.orgName}
                    {slot.recused.length > 0 ? ` · 回避：${slot.recused.map((judge) => judge.name).join('、')}` : ''}
                  </Text>
                </View>
              </View>
            </View>
          ))}
        </View>
      )}

      {!locked && !editing ? (
        <View className="live-draw">
          <Input
            className="live-draw-seed admin-input"
            value={seed}
            maxlength={64}
            placeholder="抽签种子（选填，留空则随机）"
            onInput={(e) => {
              setSeed(e.detail.value);
              setSeedError(null);
            }}
          />
          <View className="live-commands">
            <Button
              className="live-draw-button button button--primary"
              size="mini"
              disabled={draw.busy || undefined}
              onClick={() => void runDraw()}
            >
              {draw.busy ? '正在抽签…' : ordered ? '重新抽签' : '抽签'}
            </Button>
            <Button
              className="live-manual-start button"
              size="mini"
              onClick={() => {
                setDone(null);
                setEditing(slots.map((s) => s.entryId));
              }}
            >
              手动排序
            </Button>
          </View>
          {seedError ? <View className="field-error live-draw-seed-error">{seedError}</View> : null}
        </View>
      ) : null}
      {draw.error ? (
        <View className="live-draw-error admin-error">{failureText(draw.error, '再次点击不会重复抽签')}</View>
      ) : null}
      {done ? <View className="live-order-done admin-done">{done}</View> : null}

      {asking && editing ? (
        <ReasonDialog
          handle="live-order"
          title="手动排序"
          description="手动排出的顺序和原因会写入评分日志和决策记录，公证员可以查看。"
          placeholder="例如：选手因交通原因申请调后"
          label="排序原因"
          emptyMessage="请填写手动排序的原因"
          minLength={2}
          confirmText="保存顺序"
          busy={upsert.busy}
          error={upsert.error ? failureText(upsert.error, '再次点击不会重复保存') : null}
          onConfirm={(reason) => void saveManual(reason)}
          onCancel={() => !upsert.busy && setAsking(false)}
        />
      ) : null}
    </View>
  );
}
