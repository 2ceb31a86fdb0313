/**
 * 发布新名单: contest and kind, then entries picked from that contest's entry list (EntryPicker), prizes per
 * project for a 获奖名单 (PickedList), the 公示 period, a summary, a confirmation, and the publish. A list is an
 * immutable snapshot once published, so the summary says exactly what will go out. The publish carries one
 * requestId for as long as the same list is retried with its outcome unknown (no answer, a server failure,
 * still in progress): the server derives the list's id from it, so a retry can't publish it twice.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ResultListView } from '@core/results/views';
import { prizeLabels, type Prize } from '@core/contest/types';
import type { FieldErrors } from '@core/errors';
import type { EntryRow } from '@core/registration/views';
import { RESULT_KINDS, resultKindLabels, type ResultKind } from '@core/results/types';
import { formatShanghai } from '@core/time/shanghai';
import { useCloudAction } from '../../../../hooks/useCloudAction';
// First, so the shared components' styles come in the order of the other admin pages (CheckRow, ChoiceSelect, …).
import { EntryPicker } from './EntryPicker';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { FieldError } from '../../../components/FormRow';
import { PRIZES, publishInput, togglePage, type Picked, type PublishInput } from '../../../lib/result-pick';
import { PickedList } from './PickedList';

const DAY_MS = 86_400_000;

export interface ComposerProps {
  contests: Array<{ value: string; label: string }>;
  initialContest: string | undefined;
  /** The server's clock, for the 公示至 date of the summary. */
  now: number;
  onPublished: (list: ResultListView) => void;
  onCancel: () => void;
}

/** The server's field errors; entries.<i>.entryId names a position of the request, shown beside that project. */
function publishErrors(details: Record<string, unknown>, sent: PublishInput | null): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [path, message] of Object.entries(details)) {
    if (typeof message !== 'string') continue;
    const at = /^entries\.(\d+)/.exec(path);
    const entryId = at ? sent?.entries[Number(at[1])]?.entryId : undefined;
    mapped[entryId ? `entries.${entryId}` : (path.split('.')[0] ?? path)] ??= message;
  }
  return mapped;
}

export function Composer({ contests, initialContest, now, onPublished, onCancel }: ComposerProps) {
  const [contestId, setContestId] = useState<string | undefined>(initialContest);
  const [kind, setKind] = useState<ResultKind | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Kept across retries of the same list while the outcome is unknown (see the comment at the top).
  const publishAction = useCloudAction('admin.result.publish');
  const busy = publishAction.busy;
  const sent = useRef<PublishInput | null>(null);
  const failure = publishAction.error;

  useEffect(() => {
    if (failure?.code === 'INVALID_INPUT' && failure.details) setErrors(publishErrors(failure.details, sent.current));
  }, [failure]);

  const pickedIds = new Set(picked.map((p) => p.row.id));
  const clearError = (key: string) => setErrors((current) => (current[key] ? { ...current, [key]: '' } : current));
  const toggle = (row: EntryRow, on: boolean) => {
    clearError('entries');
    setPicked((current) => (on ? [...current, { row, prize: null }] : current.filter((p) => p.row.id !== row.id)));
  };
  const setPrize = (entryId: string, prize: Prize) => {
    clearError('entries');
    setPicked((current) => current.map((p) => (p.row.id === entryId ? { ...p, prize } : p)));
  };

  const form = { contestId, kind, title, picked, publicityDays: days };
  const dayCount = Number(days.trim() === '' ? '0' : days);
  const contestName = contests.find((c) => c.value === contestId)?.label ?? '';
  const shownTitle = title.trim() || (contestName && kind ? `${contestName} ${resultKindLabels[kind]}` : '');
  const prizeCounts = PRIZES.map((p) => [p, picked.filter((x) => x.prize === p).length] as const).filter(
    ([, n]) => n > 0,
  );
  const serverError = failure
    ? failure.code === 'NETWORK'
      ? `${failure.message}（再次点击「发布」不会重复发布）`
      : failure.message
    : null;

  const publish = async () => {
    if (busy) return;
    publishAction.reset();
    const checked = publishInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const answer = await Taro.showModal({
      title: '发布名单',
      content: `将发布「${shownTitle}」，共 ${picked.length} 个项目${
        checked.input.publicityDays ? `，公示 ${checked.input.publicityDays} 天` : '，不设公示期'
      }。名单发布后不能修改，如有错误只能撤回后重新发布。`,
      confirmText: '确认发布',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    sent.current = checked.input;
    const result = await publishAction.run(checked.input);
    if (result) onPublished(result.list);
  };

  return (
    <View className="results-composer card">
      <Text className="card__title">发布新名单</Text>
      <View className="results-composer__row">
        <Text className="results-composer__label">赛事</Text>
        <View className="results-composer__control">
          <ChoiceSelect
            className="results-contest"
            label=""
            placeholder="请选择赛事"
            value={contestId}
            options={contests}
            disabled={busy}
            onChange={(v) => {
              // Entries belong to one contest: a new contest starts a new pick.
              if (v !== contestId) setPicked([]);
              clearError('contestId');
              setContestId(v);
            }}
          />
          <FieldError errors={errors} name="contestId" />
        </View>
      </View>
      <View className="results-composer__row">
        <Text className="results-composer__label">名单类型</Text>
        <View className="results-composer__control">
          <View className="results-kinds">
            {RESULT_KINDS.map((k) => (
              <Text
                key={k}
                className={`results-kind results-kind-${k}${kind === k ? ' results-kind--active' : ''}`}
                aria-pressed={kind === k ? 'true' : 'false'}
                onClick={() => {
                  clearError('kind');
                  setKind(k);
                }}
              >
                {resultKindLabels[k]}
              </Text>
            ))}
          </View>
          <FieldError errors={errors} name="kind" />
        </View>
      </View>
      <View className="results-composer__row">
        <Text className="results-composer__label">标题</Text>
        <View className="results-composer__control">
          <Input
            className="results-title-input admin-input"
            value={title}
            maxlength={60}
            placeholder={shownTitle ? `默认：${shownTitle}` : '选填，默认为“赛事名称 + 名单类型”'}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
      </View>

      {contestId ? (
        <EntryPicker
          contestId={contestId}
          pickedIds={pickedIds}
          onToggle={toggle}
          onTogglePage={(rows) => {
            clearError('entries');
            setPicked((current) => togglePage(current, rows));
          }}
        />
      ) : (
        <View className="muted results-composer__hint">选择赛事后，从该赛事的报名中选择项目</View>
      )}

      <PickedList
        picked={picked}
        kind={kind}
        errors={errors}
        onClear={() => setPicked([])}
        onRemove={(p) => toggle(p.row, false)}
        onPrize={setPrize}
      />

      <View className="results-composer__row">
        <Text className="results-composer__label">公示天数</Text>
        <View className="results-composer__control">
          <View className="results-days">
            <Input
              className="results-publicity-days admin-input"
              type="number"
              value={days}
              maxlength={2}
              onInput={(e) => {
                clearError('publicityDays');
                setDays(e.detail.value);
              }}
            />
            <Text className="muted">天（0 表示不设公示期；公示期内公众可以对名单提出异议）</Text>
          </View>
          <FieldError errors={errors} name="publicityDays" />
        </View>
      </View>

      <View className="results-preview">
        {shownTitle ? `将发布「${shownTitle}」` : '将发布新名单'}：共 {picked.length} 个项目
        {kind === 'awards' && prizeCounts.length > 0
          ? `（${prizeCounts.map(([p, n]) => `${prizeLabels[p]} ${n}`).join('、')}）`
          : ''}
        {Number.isInteger(dayCount) && dayCount > 0 && dayCount <= 30
          ? `；公示 ${dayCount} 天，至 ${formatShanghai(now + dayCount * DAY_MS, 'YYYY年M月D日 HH:mm')}（北京时间，以发布时刻起算）`
          : '；不设公示期'}
        。发布后名单不能修改，只能撤回。
      </View>
      {serverError ? <View className="results-publish-error admin-error">{serverError}</View> : null}
      <View className="results-composer__buttons">
        <Button className="results-cancel button" size="mini" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button
          className="results-publish button button--primary"
          size="mini"
          disabled={busy}
          onClick={() => void publish()}
        >
          {busy ? '正在发布…' : '发布名单'}
        </Button>
      </View>
    </View>
  );
}
