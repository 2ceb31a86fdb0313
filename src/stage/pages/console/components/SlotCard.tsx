/**
 * One contestant between 路演 and 完成 (or the next one up): who, the state, the big clock while on stage, the
 * buttons the state allows, who has scored and who is missing, and the reveal once shown.
 */
import { Button, Text, View } from '@tarojs/components';
import { liveCommandLabels, remainingMs, type LiveCommand } from '@core/live/machine';
import { slotStateLabels } from '@core/live/types';
import type { ConsoleSlotView, LiveConsoleView } from '@core/live/views';
import { clockFace, deferredHere, stepCommands, timerCommand } from './live-rules';
import { RevealLines } from './RevealLines';
import type { LiveControl } from './useLiveControl';

const phaseLabels = { pitch: '路演', qa: '答辩' } as const;

/** The big clock of a contestant on stage: mm:ss left, 超时 +mm:ss in red once over. */
export function StageClock({ slot, now }: { slot: ConsoleSlotView; now: number }) {
  const timer = slot.timer;
  if (timer === null) return null;
  const face = clockFace(remainingMs(timer, now));
  const paused = timer.runningSince === null;
  return (
    <View className={`live-clock${face.over ? ' live-clock--over' : ''}${paused ? ' live-clock--paused' : ''}`}>
      <Text className="live-clock__phase">
        {phaseLabels[timer.phase]}
        {paused ? ' · 已暂停' : ''}
      </Text>
      <Text className="live-clock-face live-clock__face">{face.text}</Text>
      <Text className="live-clock__plan muted">
        计划 {Math.round(timer.plannedMs / 60_000)} 分钟
        {timer.extraMs > 0 ? ` · 已加时 ${Math.round(timer.extraMs / 1000)} 秒` : ''}
      </Text>
    </View>
  );
}

const dangerous: ReadonlySet<LiveCommand> = new Set(['absent', 'withdraw', 'reopen']);
const primary: ReadonlySet<LiveCommand> = new Set(['pitch', 'qa', 'hold', 'score', 'close', 'finish']);

export function CommandButton(props: {
  command: LiveCommand;
  slot: ConsoleSlotView | null;
  control: LiveControl;
  disabled: boolean;
  seconds?: number;
  label?: string;
  /** Where the button is: `card` (a contestant's card), `row` (the order list) or the show's tools. */
  place: 'card' | 'row' | 'show';
}) {
  const { command, slot, control, disabled, seconds } = props;
  const origin = slot ? `${props.place}:${slot.entryId}` : 'show';
  const last = control.last;
  const busyHere =
    control.busy &&
    last?.command === command &&
    last.slot?.entryId === slot?.entryId &&
    (last.seconds ?? 0) === (seconds ?? 0);
  const kind = primary.has(command) ? ' button--primary' : dangerous.has(command) ? ' button--danger' : '';
  return (
    <Button
      className={`live-command live-command-${command}${seconds ? `-${seconds}` : ''} button${kind}`}
      size="mini"
      disabled={disabled || control.busy || undefined}
      onClick={() => control.tap({ command, slot, origin, ...(seconds ? { seconds } : {}) })}
    >
      {busyHere ? '正在提交…' : (props.label ?? liveCommandLabels[command])}
    </Button>
  );
}

function Progress({ slot }: { slot: ConsoleSlotView }) {
  const scored = slot.scored.length;
  return (
    <View className="live-progress">
      <View className="live-progress__head">
        <Text className="live-progress-count live-progress__count">
          已评分 {scored} / {slot.eligible}
        </Text>
        <View className="admin-bar live-progress__bar">
          <View
            className="admin-bar__fill"
            style={{ width: `${slot.eligible > 0 ? Math.round((scored / slot.eligible) * 100) : 0}%` }}
          />
        </View>
      </View>
      {slot.scored.length > 0 ? (
        <View className="live-progress-scored live-progress__names">
          <Text className="live-progress__tag live-progress__tag--ok">已评</Text>
          {slot.scored.map((j) => j.name).join('、')}
        </View>
      ) : null}
      {slot.missing.length > 0 ? (
        <View className="live-progress-missing live-progress__names">
          <Text className="live-progress__tag live-progress__tag--warn">未评</Text>
          {slot.missing.map((j) => j.name).join('、')}
        </View>
      ) : null}
      {slot.recused.length > 0 ? (
        <View className="live-progress__names muted">回避：{slot.recused.map((judge) => judge.name).join('、')}</View>
      ) : null}
    </View>
  );
}

export interface SlotCardProps {
  view: LiveConsoleView;
  slot: ConsoleSlotView;
  /** The contestant the screen follows. */
  current: boolean;
  /** The next one up while nobody is on stage: 开始路演 is offered. */
  upNext?: boolean;
  now: number;
  control: LiveControl;
  disabled: boolean;
}

export function SlotCard({ view, slot, current, upNext, now, control, disabled }: SlotCardProps) {
  const total = view.slots.filter((s) => s.position > 0).length;
  const steps = stepCommands(view, slot);
  const timer = timerCommand(slot);
  const onStage = slot.state === 'pitch' || slot.state === 'qa';
  const refused = control.refusedAt === `card:${slot.entryId}` && !control.asking ? control.refusal : null;
  return (
    <View
      className={`live-slot-card card${current ? ' live-slot-card--current' : ''}${upNext ? ' live-slot-card--next' : ''}`}
      data-entry-id={slot.entryId}
    >
      <View className="live-slot-card__head">
        <Text className="live-slot-card__position">
          {upNext ? '下一位 · ' : ''}第 {slot.position} / {total} 位
        </Text>
        <Text className={`live-slot-state live-state live-state--${slot.state}`}>{slotStateLabels[slot.state]}</Text>
      </View>
      <Text className="live-slot-card__project">{slot.projectName}</Text>
      <View className="live-slot-card__org muted">
        {slot.orgName}
        {slot.field ? ` · ${slot.field}` : ''}
      </View>

      {onStage ? <StageClock slot={slot} now={now} /> : null}
      {slot.state === 'held' ? (
        <View className="admin-note live-held-note">首位选手延后评分：第二位选手答辩开始后，再为其开始评分。</View>
      ) : null}
      {slot.state === 'qa' && deferredHere(view, slot) ? (
        <View className="muted live-help">首位选手延后评分：答辩结束后点“暂缓评分”，第二位选手答辩后再评分。</View>
      ) : null}
      {slot.state === 'scoring' || slot.state === 'revealed' || slot.state === 'done' ? <Progress slot={slot} /> : null}
      {slot.reveal && (slot.state === 'revealed' || slot.state === 'done') ? (
        <RevealLines reveal={slot.reveal} />
      ) : null}
      {slot.reason && (slot.state === 'scoring' || slot.state === 'revealed') ? (
        <View className="live-slot-reason muted">原因：{slot.reason}</View>
      ) : null}

      <View className="live-commands">
        {steps.map((command) => (
          <CommandButton
            key={command}
            place="card"
            command={command}
            slot={slot}
            control={control}
            disabled={disabled}
            label={command === 'close' && slot.missing.length > 0 ? '提前结束评分' : undefined}
          />
        ))}
      </View>
      {timer ? (
        <View className="live-commands live-commands--timer">
          <CommandButton place="card" command={timer} slot={slot} control={control} disabled={disabled} />
          <CommandButton
            place="card"
            command="addTime"
            seconds={30}
            label="加时 +30 秒"
            slot={slot}
            control={control}
            disabled={disabled}
          />
          <CommandButton
            place="card"
            command="addTime"
            seconds={60}
            label="加时 +60 秒"
            slot={slot}
            control={control}
            disabled={disabled}
          />
        </View>
      ) : null}
      {refused ? <View className="live-refusal admin-error">{refused}</View> : null}
    </View>
  );
}
