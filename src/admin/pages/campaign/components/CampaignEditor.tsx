/**
 * The editor of a draft: 消息内容, 发送对象 with the counts, 发送时间, and 保存草稿 / 发送. 发送 saves the draft first
 * (the campaign is stored before anything goes out), asks with the counts, then sends now or at the time chosen.
 * The server checks every field against WeChat's rules again and names the one that breaks them.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import type { FieldErrors } from '@core/errors';
import type { RoundView } from '@core/judging/views';
import type { CampaignView } from '@core/notify/campaigns';
import { formatShanghai, inShanghai } from '@core/time/shanghai';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../../hooks/useCloudQuery';
import { CheckRow } from '../../../components/CheckRow';
import { DateTimeInputs } from '../../../components/DateTimeField';
import { FormFooter } from '../../../components/FormFooter';
import { FormRow } from '../../../components/FormRow';
import { publishAtOf } from '../../../lib/article-form';
import {
  campaignAudience,
  campaignFields,
  campaignUrls,
  draftFromCampaign,
  emptyCampaign,
  type CampaignDraft,
} from '../../../lib/campaign-form';
import { AdminEvent, emitAdminEvent } from '../../../lib/events';
import { AudienceCard } from './AudienceCard';
import { FieldsCard } from './FieldsCard';

export interface CampaignEditorProps {
  initial: CampaignView | null;
  contest: ContestDetail;
  rounds: RoundView[];
  global: boolean;
  serverNow: string;
  /** After a send: the page shows the report. */
  onSent: (campaign: CampaignView) => void;
}

export function CampaignEditor({ initial, contest, rounds, global, serverNow, onSent }: CampaignEditorProps) {
  const [stored, setStored] = useState<CampaignView | null>(initial);
  const [draft, setDraft] = useState<CampaignDraft>(() => (initial ? draftFromCampaign(initial) : emptyCampaign()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [later, setLater] = useState(false);
  const [sendDay, setSendDay] = useState('');
  const [sendTime, setSendTime] = useState('');
  const upsert = useCloudAction('admin.campaign.upsert');
  const send = useCloudAction('admin.campaign.send');
  const busy = upsert.busy || send.busy;
  const failure = upsert.error ?? send.error;

  const audience = campaignAudience(draft);
  const count = useCloudQuery('admin.campaign.preview', { contestId: contest.id, kind: draft.kind, audience });

  useEffect(() => {
    if (failure?.code === 'INVALID_INPUT' && failure.details) {
      setErrors(Object.fromEntries(Object.entries(failure.details).map(([k, v]) => [k, String(v)])));
    }
  }, [failure]);

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => {
    setSaved(null);
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors({});
  };

  const input = () => ({
    ...(stored ? { id: stored.id } : {}),
    contestId: contest.id,
    kind: draft.kind,
    fields: campaignFields(draft),
    ...(draft.body.trim() ? { body: draft.body.trim() } : {}),
    audience,
  });

  const saveDraft = async (): Promise<CampaignView | undefined> => {
    upsert.reset();
    send.reset();
    const answer = await upsert.run(input());
    if (!answer) return undefined;
    setStored(answer.campaign);
    emitAdminEvent(AdminEvent.campaignsChanged);
    return answer.campaign;
  };

  const sendAt = later ? publishAtOf(sendDay, sendTime) : '';
  const sendIt = async () => {
    if (busy) return;
    setSaved(null);
    if (later && sendAt === '') {
      setErrors({ sendAt: '请选择发送日期和时间' });
      return;
    }
    const campaign = await saveDraft();
    if (!campaign) return;
    const n = count.data;
    const answer = await Taro.showModal({
      title: later ? '定时发送' : '发送通知',
      content:
        (n
          ? `发送对象 ${n.audience} 人：${n.reachable} 人可收到微信消息，${n.unreachable} 人仅在「我的 → 消息」中看到。`
          : '') +
        (later ? `将于 ${formatShanghai(sendAt, 'M月D日 HH:mm')}（北京时间）发送。` : '确认现在发送？') +
        '发送后不能撤回或修改。',
      confirmText: later ? '定时发送' : '发送',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!answer.confirm) {
      setSaved('已保存为草稿，尚未发送');
      return;
    }
    const sent = await send.run({ id: campaign.id, ...(later ? { sendAt } : {}) });
    if (!sent) return;
    emitAdminEvent(AdminEvent.campaignsChanged);
    onSent(sent.campaign);
  };

  return (
    <View className="campaign-editor">
      <FieldsCard draft={draft} errors={errors} set={set} contest={contest} />
      <AudienceCard
        draft={draft}
        errors={errors}
        set={set}
        contest={contest}
        rounds={rounds}
        global={global}
        count={count}
      />
      <View className="card">
        <Text className="card__title">发送时间</Text>
        <View className="campaign-later-row">
          <CheckRow
            className="campaign-later"
            checked={later}
            label="定时发送（北京时间）"
            onChange={(on) => {
              setLater(on);
              if (on && sendDay === '') {
                const next = inShanghai(Date.parse(serverNow) + 3600_000);
                setSendDay(next.format('YYYY-MM-DD'));
                setSendTime(next.format('HH:00'));
              }
            }}
          />
        </View>
        {later ? (
          <FormRow label="发送于" name="sendAt" errors={errors}>
            <DateTimeInputs
              hook="campaign-send"
              date={sendDay}
              time={sendTime}
              onDate={setSendDay}
              onTime={setSendTime}
            ></DateTimeInputs>
          </FormRow>
        ) : (
          <View className="muted campaign-now-hint">点「发送」后立即开始发送</View>
        )}
      </View>
      <FormFooter handle="campaign" errors={errors} serverError={failure?.message ?? null} saved={saved}>
        <View className="campaign-editor__buttons">
          <Text
            className="campaign-back admin-link"
            onClick={() =>
              void Taro.navigateBack().catch(() => Taro.redirectTo({ url: campaignUrls.list(contest.id) }))
            }
          >
            返回消息推送
          </Text>
          <Button
            className="campaign-save button"
            disabled={busy}
            onClick={() =>
              void saveDraft().then((c) => c && setSaved(`已保存草稿（${formatShanghai(c.updatedAt, 'HH:mm')}）`))
            }
          >
            {upsert.busy && !send.busy ? '正在保存…' : '保存草稿'}
          </Button>
          <Button className="campaign-send button button--primary" disabled={busy} onClick={() => void sendIt()}>
            {send.busy ? '正在发送…' : later ? '定时发送' : '发送'}
          </Button>
        </View>
      </FormFooter>
    </View>
  );
}
