/**
 * 复赛分组: each session's entries and judges, with its place and Beijing time editable (the judges see them on
 * their scoring page). Shown for 分组评审 rounds, and for any round that has sessions.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { JudgeProgressRow, SessionView } from '@core/judging/views';
import { inShanghai } from '@core/time/shanghai';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { DateTimeField } from '../../../components/DateTimeField';
import { windowInstant } from '../../../lib/round-form';

export function SessionsCard(props: {
  roundId: string;
  sessions: SessionView[];
  judges: JudgeProgressRow[];
  onSaved: () => void;
}) {
  const { roundId, sessions, judges, onSaved } = props;
  const names = new Map(judges.map((j) => [j.key, j.name]));
  return (
    <View className="round-sessions card">
      <Text className="card__title">复赛分组（{sessions.length}）</Text>
      {sessions.length === 0 ? (
        <View className="muted">分配评委后，这里列出各分组；可以为每组填写地点和时间，评委会看到。</View>
      ) : null}
      {sessions.map((s) => (
        <SessionRow key={s.key} roundId={roundId} session={s} names={names} onSaved={onSaved} />
      ))}
    </View>
  );
}

function SessionRow(props: { roundId: string; session: SessionView; names: Map<string, string>; onSaved: () => void }) {
  const { roundId, session, names, onSaved } = props;
  const at = session.startsAt ? inShanghai(session.startsAt) : null;
  const [place, setPlace] = useState(session.place);
  const [day, setDay] = useState(at ? at.format('YYYY-MM-DD') : '');
  const [time, setTime] = useState(at ? at.format('HH:mm') : '');
  const [saved, setSaved] = useState(false);
  const [unpaired, setUnpaired] = useState(false);
  const update = useCloudAction('admin.session.update');
  const placeError = update.error?.details?.place;
  const error = unpaired
    ? '请同时选择日期和时间，或都留空'
    : ((typeof placeError === 'string' ? placeError : update.error?.message) ?? null);
  const save = async () => {
    if (update.busy) return;
    setSaved(false);
    update.reset();
    // A day without a minute (or the reverse) is no time at all: both, or neither.
    const half = (day === '') !== (time === '');
    setUnpaired(half);
    if (half) return;
    const startsAt = day === '' ? null : windowInstant(day, time, 'start');
    if (!(await update.run({ roundId, key: session.key, place: place.trim(), startsAt }))) return;
    setSaved(true);
    onSaved();
  };
  return (
    <View className="round-session" data-key={session.key}>
      <View className="round-session__head">
        <Text className="round-session__name">
          {session.district || '—'} · {session.field}
        </Text>
        <Text className="muted">
          {session.entryIds.length} 个项目 · 评委：
          {session.judgeKeys.map((id) => names.get(id) ?? '评委').join('、') || '未安排'}
        </Text>
      </View>
      <View className="round-session__form">
        <Input
          className="round-session-place admin-input"
          value={place}
          maxlength={60}
          placeholder="地点，如：张江科学会堂 3 楼"
          onInput={(e) => {
            setSaved(false);
            setPlace(e.detail.value);
          }}
        />
        <DateTimeField
          className="round-session-date"
          mode="date"
          value={day}
          placeholder="日期"
          onChange={(v) => {
            setSaved(false);
            setDay(v);
          }}
        />
        <DateTimeField
          className="round-session-time"
          mode="time"
          value={time}
          placeholder="时间"
          onChange={(v) => {
            setSaved(false);
            setTime(v);
          }}
        />
        <Button className="round-session-save button" size="mini" disabled={update.busy} onClick={() => void save()}>
          {update.busy ? '正在保存…' : '保存'}
        </Button>
      </View>
      {saved ? <View className="round-session-saved muted">已保存，评委会在评分页看到地点和时间</View> : null}
      {error ? <View className="round-session-error field-error">{error}</View> : null}
    </View>
  );
}
