/**
 * 消息内容: the kind, then the inputs it uses, each with a counter against WeChat's limit for its field (a `thing`
 * holds 20 characters) that turns red past it, and the message card as it will arrive.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import {
  CAMPAIGN_FIELDS,
  CAMPAIGN_KINDS,
  campaignFieldLabel,
  campaignFieldLimit,
  campaignNotice,
  fieldLength,
} from '@core/notify/campaigns';
import { TEMPLATES } from '@core/notify/templates';
import { DateTimeInputs } from '../../../components/DateTimeField';
import { FormRow } from '../../../components/FormRow';
import { campaignFields, type CampaignDraft } from '../../../lib/campaign-form';
import { MessageCard } from './MessageCard';

export interface FieldsCardProps {
  draft: CampaignDraft;
  errors: FieldErrors;
  set: <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => void;
  contest: { id: string; name: string };
}

const TEXT_INPUTS = { title: 'title', place: 'place', note: 'note' } as const;
const BODY_MAX = 500;

export function FieldsCard({ draft, errors, set, contest }: FieldsCardProps) {
  const built = campaignNotice(draft.kind, campaignFields(draft), contest);
  // The card shows what is typed so far; a missing input shows as its label until it is filled in.
  const lines = built.ok
    ? built.notice.lines
    : TEMPLATES[draft.kind].fields.map((f) => ({ label: f.label, value: f.key === 'thing2' ? contest.name : '…' }));
  return (
    <View className="card campaign-fields">
      <Text className="card__title">消息内容</Text>
      <FormRow label="消息类型" name="kind" errors={errors} hint={TEMPLATES[draft.kind].purpose}>
        <View className="campaign-kinds">
          {CAMPAIGN_KINDS.map((k) => (
            <Text
              key={k}
              className={`campaign-kind campaign-kind-${k}${draft.kind === k ? ' campaign-kind--active' : ''}`}
              aria-pressed={draft.kind === k ? 'true' : 'false'}
              onClick={() => set('kind', k)}
            >
              {TEMPLATES[k].title}
            </Text>
          ))}
        </View>
      </FormRow>
      {CAMPAIGN_FIELDS[draft.kind].map(({ name }) => {
        const label = campaignFieldLabel(draft.kind, name);
        if (name === 'at') {
          return (
            <FormRow key={name} label={label} name="fields.at" errors={errors} hint="北京时间">
              <DateTimeInputs
                hook="campaign-at"
                date={draft.atDay}
                time={draft.atTime}
                onDate={(v) => set('atDay', v)}
                onTime={(v) => set('atTime', v)}
              ></DateTimeInputs>
            </FormRow>
          );
        }
        const key = TEXT_INPUTS[name];
        const value = draft[key];
        const limit = campaignFieldLimit(draft.kind, name);
        const length = fieldLength(value);
        const over = limit !== null && length > limit;
        return (
          <FormRow
            key={name}
            label={label}
            name={`fields.${name}`}
            errors={errors}
            hint={name === 'note' ? '选填；不填时显示「详情请在小程序内查看」' : undefined}
          >
            <Input
              className={`campaign-${name}-input admin-input`}
              value={value}
              maxlength={60}
              placeholder={limit ? `不超过 ${limit} 个字` : ''}
              onInput={(e) => set(key, e.detail.value)}
            />
            {limit !== null ? (
              <Text
                className={`campaign-${name}-count campaign-count${over ? ' campaign-count--over' : ''}`}
                data-over={over ? 'true' : 'false'}
              >
                {length}/{limit}
                {over ? `（微信限 ${limit} 个字，请删减）` : ''}
              </Text>
            ) : null}
          </FormRow>
        );
      })}
      <FormRow label="站内消息正文" name="body" errors={errors} hint="选填；收件人在「我的 → 消息」里看到的全文">
        <Textarea
          className="campaign-body-input admin-textarea"
          value={draft.body}
          maxlength={BODY_MAX}
          placeholder="例如：决赛在张江科学会堂举行，请携带身份证。"
          onInput={(e) => set('body', e.detail.value)}
        />
        <Text className="campaign-body-count muted">
          {draft.body.trim().length}/{BODY_MAX}
        </Text>
      </FormRow>
      <View className="campaign-preview">
        <Text className="campaign-preview__label muted">微信中收到的样子</Text>
        <MessageCard title={TEMPLATES[draft.kind].title} lines={lines} />
      </View>
    </View>
  );
}
