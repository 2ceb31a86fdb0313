/**
 * 控制台: a card per contestant between 路演 and 完成 (the one the screen follows first and highlighted), the next
 * one up with 开始路演 while the stage is free, the whole order, and the show's tools. On a wide screen the cards
 * take the left column and the order and tools the right one. Commands that must say why ask in a dialog.
 */
import { View } from '@tarojs/components';
import { liveCommandLabels } from '@core/live/machine';
import type { LiveConsoleView } from '@core/live/views';
import { ReasonDialog } from '../../../../components/ReasonDialog';
import { activeSlots, currentOf, nextUp, stageFree } from './live-rules';
import { RunOrder } from './RunOrder';
import { ShowTools } from './ShowTools';
import { SlotCard } from './SlotCard';
import type { ControlTap, LiveControl } from './useLiveControl';

function reasonCopy(tap: ControlTap): { title: string; description: string; placeholder: string; confirm: string } {
  const who = tap.slot ? `第 ${tap.slot.position} 位「${tap.slot.projectName}」` : '';
  switch (tap.command) {
    case 'close': {
      const missing = tap.slot?.missing.map((j) => j.name).join('、') ?? '';
      return {
        title: '提前结束评分',
        description: `${who}尚有 ${tap.slot?.missing.length ?? 0} 位评委未评分（${missing}）。结束后按已提交的评分立即亮分；原因写入评分日志。`,
        placeholder: '例如：评委手机故障，经评审组长同意提前结束',
        confirm: '结束评分并亮分',
      };
    }
    case 'reopen':
      return {
        title: '重新开放评分',
        description: `${who}将重新进入评分：已提交的评分保留，评委可修改后再次提交；再次亮分时大屏显示“已更改”。原因写入评分日志。`,
        placeholder: '例如：评委误操作，申请更正评分',
        confirm: '重新开放评分',
      };
    case 'absent':
      return {
        title: '标记缺席',
        description: `${who}将标记为缺席，不再上台，也不参与排名。原因写入评分日志。`,
        placeholder: '例如：选手未到场',
        confirm: '标记缺席',
      };
    default:
      return {
        title: liveCommandLabels[tap.command],
        description: `${who}将标记为退赛，不再参与评分和排名。原因写入评分日志。`,
        placeholder: '例如：选手主动申请退赛',
        confirm: liveCommandLabels[tap.command],
      };
  }
}

export function ConsolePanel(props: { view: LiveConsoleView; now: number; control: LiveControl; wide: boolean }) {
  const { view, now, control, wide } = props;
  const disabled = view.frozen !== null;
  const current = currentOf(view);
  const active = activeSlots(view);
  // The one the screen follows first, then the others in order.
  const cards = current ? [current, ...active.filter((s) => s.entryId !== current.entryId)] : active;
  const next = nextUp(view);
  const showNext = next !== null && stageFree(view);
  const carded = new Set(cards.map((s) => s.entryId));
  if (showNext && next) carded.add(next.entryId);
  const asking = control.asking;
  const copy = asking ? reasonCopy(asking) : null;

  const stage = (
    <View className="live-console__stage">
      {view.order === null ? (
        <View className="admin-note">请先在「设置」中抽签或手动排序，确定出场顺序后才能开始。</View>
      ) : null}
      {cards.map((slot) => (
        <SlotCard
          key={slot.entryId}
          view={view}
          slot={slot}
          current={slot.entryId === current?.entryId}
          now={now}
          control={control}
          disabled={disabled}
        />
      ))}
      {showNext && next && view.order !== null ? (
        <SlotCard view={view} slot={next} current={false} upNext now={now} control={control} disabled={disabled} />
      ) : null}
      {!showNext && next ? (
        <View className="live-upnext muted">
          下一位：第 {next.position} 位 {next.projectName}
        </View>
      ) : null}
      {cards.length === 0 && next === null && view.order !== null ? (
        <View className="admin-done live-finished">
          {view.frozen
            ? '本组比赛已结束，公证员已确认成绩。'
            : '本组所有选手均已完成。可以公布排行榜、导出成绩单，并请公证员确认。'}
        </View>
      ) : null}
    </View>
  );
  const side = (
    <View className="live-console__side">
      <RunOrder
        view={view}
        currentId={current?.entryId ?? null}
        carded={carded}
        control={control}
        disabled={disabled}
      />
      <ShowTools view={view} control={control} />
    </View>
  );
  return (
    <View className={`live-console${wide ? ' live-console--wide' : ''}`}>
      {stage}
      {side}
      {asking && copy ? (
        <ReasonDialog
          key={`${asking.command}:${asking.slot?.entryId ?? ''}`}
          handle="live-reason"
          title={copy.title}
          description={copy.description}
          placeholder={copy.placeholder}
          label="原因"
          emptyMessage="请填写原因"
          minLength={2}
          confirmText={copy.confirm}
          danger={asking.command !== 'close'}
          busy={control.busy}
          error={control.refusal}
          onConfirm={control.confirm}
          onCancel={control.cancel}
        />
      ) : null}
    </View>
  );
}
