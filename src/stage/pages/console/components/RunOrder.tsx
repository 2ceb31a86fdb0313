/**
 * 出场顺序 on the console: every contestant in order with their state, the one the screen follows highlighted.
 * Tapping a row opens what can still be done for it (标记缺席 / 退赛 while 候场, 重新开放评分 after the reveal)
 * and its reveal.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { slotStateLabels } from '@core/live/types';
import type { LiveConsoleView } from '@core/live/views';
import { sortedSlots, stepCommands } from './live-rules';
import { RevealLines } from './RevealLines';
import { CommandButton } from './SlotCard';
import type { LiveControl } from './useLiveControl';

export function RunOrder(props: {
  view: LiveConsoleView;
  currentId: string | null;
  /** Contestants with a card of their own above: their buttons are there. */
  carded: ReadonlySet<string>;
  control: LiveControl;
  disabled: boolean;
}) {
  const { view, currentId, carded, control, disabled } = props;
  const [open, setOpen] = useState<string | null>(null);
  const slots = sortedSlots(view);
  const done = slots.filter((s) => s.state === 'done').length;
  const out = slots.filter((s) => s.state === 'absent' || s.state === 'withdrawn').length;
  return (
    <View className="live-order card">
      <View className="admin-card-head">
        <Text className="card__title">出场顺序</Text>
        <Text className="live-order-count muted">
          已完成 {done} / {slots.length}
          {out > 0 ? ` · 缺席或退赛 ${out}` : ''}
        </Text>
      </View>
      {slots.map((slot) => {
        const expanded = open === slot.entryId;
        // The ones with a card above act there; the others here (the next one's 开始路演 is on its card).
        const commands = carded.has(slot.entryId) ? [] : stepCommands(view, slot).filter((c) => c !== 'pitch');
        const refused = control.refusedAt === `row:${slot.entryId}` && !control.asking ? control.refusal : null;
        return (
          <View
            key={slot.entryId}
            className={`live-order-row${slot.entryId === currentId ? ' live-order-row--current' : ''}${
              expanded ? ' live-order-row--open' : ''
            } live-order-row--${slot.state}`}
            data-entry-id={slot.entryId}
          >
            <View className="live-order-row__main" onClick={() => setOpen(expanded ? null : slot.entryId)}>
              <Text className="live-order-row__position">{slot.position || '—'}</Text>
              <View className="live-order-row__names">
                <Text className="live-order-row__project">{slot.projectName}</Text>
                <Text className="live-order-row__org muted">{slot.orgName}</Text>
              </View>
              {slot.reveal ? <Text className="live-order-row__final">{slot.reveal.final}</Text> : null}
              <Text className={`live-state live-state--${slot.state}`}>{slotStateLabels[slot.state]}</Text>
            </View>
            {expanded ? (
              <View className="live-order-row__detail">
                {slot.reason ? <View className="muted">原因：{slot.reason}</View> : null}
                {slot.recused.length > 0 ? (
                  <View className="muted">回避评委：{slot.recused.map((judge) => judge.name).join('、')}</View>
                ) : null}
                {slot.reveal ? <RevealLines reveal={slot.reveal} compact /> : null}
                {commands.length > 0 ? (
                  <View className="live-commands">
                    {commands.map((command) => (
                      <CommandButton
                        key={command}
                        place="row"
                        command={command}
                        slot={slot}
                        control={control}
                        disabled={disabled}
                      />
                    ))}
                  </View>
                ) : carded.has(slot.entryId) ? (
                  <View className="muted">操作见上方的选手卡片。</View>
                ) : null}
              </View>
            ) : null}
            {refused ? <View className="live-refusal admin-error">{refused}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
