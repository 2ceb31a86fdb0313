/** 基本信息 of an article: title, 栏目, the contest it belongs to, and the cover. */
import { Image, Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import { ARTICLE_CATEGORIES, articleCategoryLabels } from '@core/news/types';
import { FilePicker } from '../../../../components/FilePicker';
import type { PickedFile } from '../../../../services/upload';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { FormRow } from '../../../components/FormRow';
import type { ArticleDraft } from '../../../lib/article-form';
import { ACCEPT, formatSize, pickImageOnWeChat } from '../../../lib/news-upload';

const TITLE_MAX = 60;

export interface BasicsCardProps {
  draft: ArticleDraft;
  errors: FieldErrors;
  set: <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => void;
  contests: Array<{ value: string; label: string }>;
  /** What the cover shows: the device's copy of a new upload, or the stored cover's link. */
  coverUrl: string | null;
  uploadingCover: boolean;
  /** Another upload runs: one at a time. */
  uploadBusy: boolean;
  onCover: (file: PickedFile) => void;
}

export function BasicsCard(props: BasicsCardProps) {
  const { draft, errors, set, contests, coverUrl } = props;
  return (
    <View className="card">
      <Text className="card__title">基本信息</Text>
      <FormRow label="标题" name="title" errors={errors}>
        <Input
          className="article-title-input admin-input"
          value={draft.title}
          maxlength={TITLE_MAX}
          placeholder="不超过 60 个字"
          onInput={(e) => set('title', e.detail.value)}
        />
        <Text className="article-title-count muted">
          {draft.title.trim().length}/{TITLE_MAX}
        </Text>
      </FormRow>
      <FormRow label="栏目" name="category" errors={errors}>
        <View className="article-categories">
          {ARTICLE_CATEGORIES.map((c) => (
            <Text
              key={c}
              className={`article-category article-category-${c}${draft.category === c ? ' article-category--active' : ''}`}
              aria-pressed={draft.category === c ? 'true' : 'false'}
              onClick={() => set('category', c)}
            >
              {articleCategoryLabels[c]}
            </Text>
          ))}
        </View>
      </FormRow>
      <FormRow label="关联赛事" name="contestId" errors={errors} hint="选填；关联后文章会出现在该赛事页">
        <ChoiceSelect
          className="article-contest"
          label=""
          allLabel="不关联赛事"
          value={draft.contestId ?? undefined}
          options={contests}
          onChange={(v) => set('contestId', v ?? null)}
        />
      </FormRow>
      <FormRow label="封面" name="cover" errors={errors} hint="PNG 或 JPEG，不超过 5 MB；用于列表和首页轮播">
        <View className="article-cover">
          {draft.cover ? (
            <View className="article-cover__file">
              {coverUrl ? (
                <Image className="article-cover-preview" src={coverUrl} mode="aspectFill" />
              ) : (
                <View className="article-cover__placeholder muted">已上传</View>
              )}
              <View className="article-cover__meta">
                <Text className="article-cover-name">{draft.cover.name}</Text>
                <Text className="muted">{formatSize(draft.cover.size)}</Text>
                <Text className="article-cover-remove admin-link" onClick={() => set('cover', null)}>
                  移除封面
                </Text>
              </View>
            </View>
          ) : null}
          <View className="file-picker">
            <FilePicker
              inputClassName="article-cover-input"
              className="article-cover-upload button"
              accept={ACCEPT.newsImage}
              pickOnWeChat={pickImageOnWeChat}
              onPicked={props.onCover}
              disabled={props.uploadBusy}
            >
              {props.uploadingCover ? '正在上传…' : draft.cover ? '更换封面' : '上传封面'}
            </FilePicker>
          </View>
        </View>
      </FormRow>
    </View>
  );
}
