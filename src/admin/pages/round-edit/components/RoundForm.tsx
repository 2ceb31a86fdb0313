/**
 * The round editor's form: what is stored (or a new round), the edits over it, and 保存 with what the server
 * said. Its cards are the components beside it; this file holds what they share.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import type { StageKey } from '@core/contest/types';
import type { RoundView } from '@core/judging/views';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import type { CloudError } from '../../../../services/cloud';
import { FormFooter } from '../../../components/FormFooter';
import { AdminEvent, emitAdminEvent } from '../../../lib/events';
import { failureText, fieldErrorsOf, go, judgingUrls, roundStatusLabels } from '../../../lib/judging';
import {
  checkRoundDraft,
  defaultThresholds,
  emptyRoundDraft,
  roundDraftFromView,
  rubricTotal,
} from '../../../lib/round-form';
import { AggregationChoice } from './AggregationChoice';
import { BasicSettings } from './BasicSettings';
import { RubricEditor } from './RubricEditor';
import { ThresholdSettings } from './ThresholdSettings';
import { useRoundDraft } from './useRoundDraft';
import { WindowSettings } from './WindowSettings';

export interface RoundFormProps {
  contestId: string;
  stage: StageKey;
  contest: ContestDetail;
  stored: RoundView | null;
  onSaved: () => void;
}

export function RoundForm({ contestId, stage, contest, stored: loaded, onSaved }: RoundFormProps) {
  // The answer of the last save stands for the stored round until the reload arrives.
  const [saved, setSaved] = useState<RoundView | null>(null);
  const stored = saved && (!loaded || saved.updatedAt >= loaded.updatedAt) ? saved : loaded;
  const [fresh] = useState(() => emptyRoundDraft(stage, contest));
  const [savedText, setSavedText] = useState<string | null>(null);
  const form = useRoundDraft(stored ? roundDraftFromView(stored) : fresh, () => setSavedText(null));
  const { draft, errors } = form;
  const upsert = useCloudAction('admin.round.upsert');

  const locked = stored?.rubricLocked ?? false;
  const closed = stored !== null && stored.status !== 'setup';

  // A refused save is taken in by the render that shows it: the server's messages go beside their boxes (and
  // go again as the boxes are edited); RUBRIC_LOCKED (a first score raced the edit) puts the stored rubric back.
  const [seen, setSeen] = useState<CloudError | null>(null);
  if (upsert.error !== seen) {
    setSeen(upsert.error);
    if (upsert.error?.code === 'RUBRIC_LOCKED') {
      if (stored) form.restoreCriteria(roundDraftFromView(stored).criteria);
    } else if (upsert.error) {
      form.setErrors(fieldErrorsOf(upsert.error));
    }
  }
  // … and the round is read again, which then says its rubric is locked.
  useEffect(() => {
    if (upsert.error?.code === 'RUBRIC_LOCKED') onSaved();
  }, [upsert.error, onSaved]);
  const lockedError =
    upsert.error?.code === 'RUBRIC_LOCKED'
      ? `${upsert.error.message}。评分表已恢复为已保存的版本，其他设置仍可修改后保存。`
      : null;
  const serverError =
    upsert.error && upsert.error.code !== 'RUBRIC_LOCKED'
      ? failureText(upsert.error, '再次点击「保存」不会重复保存')
      : null;

  // Locked: the stored rubric is what counts (and what is sent), whatever the draft holds.
  const criteria = locked && stored ? roundDraftFromView(stored).criteria : draft.criteria;
  const total = rubricTotal(criteria);
  const maxForDefaults = total.complete ? Number(total.text) : (stored?.maxPoints ?? 100);

  const save = async () => {
    if (upsert.busy || closed) return;
    setSavedText(null);
    upsert.reset();
    const checked = checkRoundDraft(draft, contestId, stage, locked && stored ? stored.rubric : null);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    form.setErrors({});
    const result = await upsert.run(checked.input);
    if (!result) return;
    setSaved(result.round);
    form.discard();
    setSavedText(stored ? '已保存' : '轮次已创建，可以在看板分配评委');
    emitAdminEvent(AdminEvent.roundsChanged);
    onSaved();
  };

  return (
    <View className="round-edit-form">
      <View className="round-edit-head card">
        <View className="round-edit-head__main">
          <Text className="round-edit-contest">{contest.name}</Text>
          <Text className="round-edit-state admin-chip">
            {stored ? `已保存的轮次 · ${roundStatusLabels[stored.status]}` : '新建轮次'}
          </Text>
        </View>
        <View className="admin-nav">
          <Text className="round-edit-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(contestId))}>
            返回评审轮次
          </Text>
          {stored ? (
            <Text className="round-edit-board-link admin-link" onClick={() => go(judgingUrls.round(stored.id))}>
              评审看板
            </Text>
          ) : null}
        </View>
        {closed ? (
          <View className="round-edit-closed admin-note">
            本轮已{stored?.status === 'awarded' ? '评定奖项' : '确认晋级'}，设置不能再修改。
          </View>
        ) : null}
      </View>

      <BasicSettings
        stage={stage}
        draft={draft}
        errors={errors}
        assigned={Boolean(stored?.assignedAt)}
        update={form.update}
      />
      <RubricEditor
        criteria={criteria}
        total={total}
        locked={locked}
        lockedError={lockedError}
        errors={errors}
        setCriterion={form.setCriterion}
        setCriteria={form.setCriteria}
      />
      <AggregationChoice value={draft.aggregation} errors={errors} update={form.update} />
      <WindowSettings draft={draft} errors={errors} update={form.update} />
      <ThresholdSettings
        draft={draft}
        errors={errors}
        byDefault={defaultThresholds(maxForDefaults)}
        update={form.update}
      />
      <FormFooter
        handle="round"
        className="round-edit-footer"
        errors={errors}
        serverError={serverError}
        saved={savedText}
      >
        <Button
          className="round-save button button--primary"
          disabled={upsert.busy || closed}
          onClick={() => void save()}
        >
          {upsert.busy ? '正在保存…' : stored ? '保存设置' : '创建轮次'}
        </Button>
      </FormFooter>
    </View>
  );
}
