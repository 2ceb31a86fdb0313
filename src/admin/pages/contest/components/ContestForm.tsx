/**
 * The settings form: its cards edit one draft, checked with the action's own schema before sending; the
 * server's per-field refusals go beside their boxes, and CONTEST_IN_USE (removing what entries use) is shown
 * as it words it.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { FormFooter } from '../../../components/FormFooter';
import { AdminEvent, emitAdminEvent } from '../../../lib/events';
import {
  checkDraft,
  formKey,
  inFormOrder,
  type ContestDraft,
  type ContestUpsert,
  type SetDraft,
} from '../contest-form';
import { AwardsCard, RulesCard } from './AwardsCard';
import { BasicInfoCard, GroupsCard } from './BasicInfoCard';
import { RegistrationCard, StagesCard } from './ScheduleCards';

export interface ContestFormProps {
  id: string;
  draft: ContestDraft;
  editions: Array<{ id: string; name: string; year: number }>;
  onChange: (draft: ContestDraft) => void;
  onEditionsChanged: () => void;
  onSaved: () => void;
}

/** The server's INVALID_INPUT details under the form's own keys, in the order of the form. */
function serverErrors(details: Record<string, unknown>, sent: ContestUpsert): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [path, message] of Object.entries(details)) {
    if (typeof message === 'string') mapped[formKey(path, sent)] ??= message;
  }
  return inFormOrder(mapped);
}

export function ContestForm({ id, draft, editions, onChange, onEditionsChanged, onSaved }: ContestFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  // A create whose answer was lost must not make a second contest when 保存 is pressed again.
  const upsert = useCloudAction('admin.contest.upsert');
  const sent = useRef<ContestUpsert | null>(null);
  const failure = upsert.error;

  useEffect(() => {
    if (failure?.code === 'INVALID_INPUT' && failure.details && sent.current) {
      setErrors(serverErrors(failure.details, sent.current));
    }
  }, [failure]);

  const set: SetDraft = (key, value) => {
    setSaved(null);
    onChange({ ...draft, [key]: value });
  };

  const save = async () => {
    if (upsert.busy) return;
    setSaved(null);
    upsert.reset();
    const checked = checkDraft(draft, id || undefined);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    sent.current = checked.input;
    const result = await upsert.run(checked.input);
    if (!result) return;
    emitAdminEvent(AdminEvent.contestsChanged);
    if (id === '') {
      void Taro.showToast({ title: '赛事已创建', icon: 'success' });
      void Taro.redirectTo({ url: `/admin/pages/contest/index?id=${encodeURIComponent(result.id)}` });
      return;
    }
    setSaved('已保存');
    onSaved();
  };

  const cards = { draft, errors, set };
  return (
    <View className="contest-form">
      <BasicInfoCard {...cards} editions={editions} onEditionsChanged={onEditionsChanged} />
      <GroupsCard {...cards} />
      <RegistrationCard {...cards} />
      <StagesCard {...cards} />
      <RulesCard {...cards} />
      <AwardsCard {...cards} />
      <FormFooter
        handle="contest"
        className="contest-form__footer"
        errors={errors}
        serverError={failure?.message ?? null}
        saved={saved}
      >
        <Button className="contest-save button button--primary" disabled={upsert.busy} onClick={() => void save()}>
          {upsert.busy ? '正在保存…' : id === '' ? '创建赛事' : '保存设置'}
        </Button>
      </FormFooter>
    </View>
  );
}
