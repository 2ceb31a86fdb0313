/** 发布设置: 置顶, and the publish time in Beijing time; a time later than now makes the publish 定时发布. */
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { formatShanghai, inShanghai } from '@core/time/shanghai';
import { CheckRow } from '../../../components/CheckRow';
import { DateTimeInputs } from '../../../components/DateTimeField';
import { FormRow } from '../../../components/FormRow';
import type { ArticleDraft } from '../../../lib/article-form';

export interface PublishCardProps {
  draft: ArticleDraft;
  errors: FieldErrors;
  set: <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => void;
  /** The server's clock (ms), for 设为现在. */
  now: number;
  /** The publish time on the wire ('' until both boxes hold one), and whether it is still to come. */
  publishAt: string;
  scheduled: boolean;
}

export function PublishCard({ draft, errors, set, now, publishAt, scheduled }: PublishCardProps) {
  return (
    <View className="card">
      <Text className="card__title">发布设置</Text>
      <FormRow label="置顶" name="pinned" errors={errors}>
        <CheckRow
          className="article-pinned"
          checked={draft.pinned}
          label="置顶（显示在新闻列表最前和首页轮播）"
          onChange={(on) => set('pinned', on)}
        />
      </FormRow>
      <FormRow
        label="发布时间"
        name="publishAt"
        errors={errors}
        hint="北京时间；晚于现在即为定时发布，到点后读者才能看到"
      >
        <DateTimeInputs
          hook="article-publish"
          date={draft.publishOn}
          time={draft.publishTime}
          onDate={(v) => set('publishOn', v)}
          onTime={(v) => set('publishTime', v)}
        >
          <Text
            className="article-publish-now admin-link"
            onClick={() => {
              const at = inShanghai(now);
              set('publishOn', at.format('YYYY-MM-DD'));
              set('publishTime', at.format('HH:mm'));
            }}
          >
            设为现在
          </Text>
        </DateTimeInputs>
        <Text className={`article-publish-when${scheduled ? ' article-publish-when--scheduled' : ''}`}>
          {publishAt === ''
            ? '请选择发布日期和时间'
            : scheduled
              ? `定时发布：发布后将于 ${formatShanghai(publishAt, 'YYYY年M月D日 HH:mm')}（北京时间）对读者可见`
              : '立即发布：发布后读者马上可以看到'}
        </Text>
      </FormRow>
    </View>
  );
}
