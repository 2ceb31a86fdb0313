/**
 * The editor's state and its saves. Untouched, the form shows the stored article (or a new one); the
 * first edit takes a copy, and after a save the copy is dropped so the box holds what the server stored
 * (sanitized): the next preview is what readers get.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { AdminArticle } from '@core/news/views';
import type { FieldErrors } from '@core/errors';
import { formatShanghai } from '@core/time/shanghai';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { useServerNow } from '../../../../hooks/useServerNow';
import type { PickedFile } from '../../../../services/upload';
import { FieldError } from '../../../components/FormRow';
import { FormFooter } from '../../../components/FormFooter';
import {
  articleErrors,
  articleState,
  draftFromArticle,
  emptyArticle,
  publishAtOf,
  toArticleInput,
  type ArticleDraft,
} from '../../../lib/article-form';
import { previewNodes } from '../../../lib/article-html';
import { AdminEvent, emitAdminEvent } from '../../../lib/events';
import { AttachmentsCard } from './AttachmentsCard';
import { BasicsCard } from './BasicsCard';
import { BodyEditor } from './BodyEditor';
import { PublishCard } from './PublishCard';
import { useArticleUploads } from './useArticleUploads';

/** The server's name for a box's errors, where it differs from the form's. */
const errorField: Partial<Record<keyof ArticleDraft, string>> = {
  body: 'bodyHtml',
  publishOn: 'publishAt',
  publishTime: 'publishAt',
};

export interface ArticleFormProps {
  initial: AdminArticle | null;
  contests: Array<{ value: string; label: string }>;
  serverNow: string;
}

function savedText(article: AdminArticle, removed: string[]): string {
  const state = articleState(article);
  const what =
    state.state === 'draft'
      ? '已保存为草稿，读者看不到'
      : state.state === 'scheduled'
        ? `已设为定时发布，将于 ${formatShanghai(article.publishAt, 'M月D日 HH:mm')}（北京时间）对读者可见`
        : '已发布，读者现在可以看到';
  return what + (removed.length > 0 ? `；正文中的${removed.join('、')}已被服务器移除` : '');
}

export function ArticleForm({ initial, contests, serverNow }: ArticleFormProps) {
  // The stored article (null until the first save of a new one); its id is sent with every later save.
  const [stored, setStored] = useState<AdminArticle | null>(initial);
  const [edited, setEdited] = useState<ArticleDraft | null>(null);
  const [fresh] = useState(() => emptyArticle(serverNow));
  const base = stored ? draftFromArticle(stored) : fresh;
  const draft = edited ?? base;
  const now = useServerNow(serverNow, true, 30_000) ?? Date.parse(serverNow);

  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  // One requestId per attempted save: a retry while its outcome is unknown neither creates a second article
  // nor applies twice; any edit in between is a new save.
  const upsert = useCloudAction('admin.article.upsert');
  const [savingAs, setSavingAs] = useState<'draft' | 'published'>('published');
  const saving = upsert.busy ? savingAs : null;
  const uploads = useArticleUploads(stored, setErrors);
  const busy = saving !== null || uploads.uploading !== null;
  const failure = upsert.error;

  useEffect(() => {
    if (failure?.code === 'INVALID_INPUT' || failure?.code === 'CONTENT_RISKY') {
      setErrors(articleErrors(failure.details as Record<string, unknown> | undefined));
    }
  }, [failure]);

  /**
   * Functional, so an upload that finishes later adds its file to what is in the form by then, not to
   * the form as it was when the upload started. Editing a box clears the message beside it.
   */
  const update = <K extends keyof ArticleDraft>(key: K, value: (current: ArticleDraft[K]) => ArticleDraft[K]) => {
    setSaved(null);
    setEdited((current) => {
      const from = current ?? base;
      return { ...from, [key]: value(from[key]) };
    });
    const field = errorField[key] ?? key;
    setErrors((current) => (current[field] ? { ...current, [field]: '' } : current));
  };
  const set = <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => update(key, () => value);

  const chooseCover = async (file: PickedFile) => {
    const ref = await uploads.upload('cover', 'cover', file);
    if (ref) set('cover', ref);
  };
  const addAttachment = async (file: PickedFile) => {
    const ref = await uploads.upload('newsAttachment', 'attachments', file);
    if (ref) update('attachments', (current) => [...current, ref]);
  };
  const insertImage = async (file: PickedFile) => {
    const ref = await uploads.upload('newsImage', 'bodyHtml', file);
    return ref ? { fileId: ref.fileId, name: ref.name } : null;
  };

  const publishAt = publishAtOf(draft.publishOn, draft.publishTime);
  const scheduled = publishAt !== '' && Date.parse(publishAt) > now;

  const save = async (status: 'draft' | 'published') => {
    if (busy) return;
    setSaved(null);
    upsert.reset();
    if (status === 'draft' && stored?.status === 'published') {
      const answer = await Taro.showModal({
        title: '改为草稿',
        content: '这篇文章已发布。保存为草稿后，读者将看不到它，直到再次发布。',
        confirmText: '保存草稿',
        confirmColor: '#c8102e',
        cancelText: '取消',
      });
      if (!answer.confirm) return;
    }
    const checked = toArticleInput(draft, status, stored?.id ?? null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const removed = previewNodes(checked.input.bodyHtml, () => null).removed;
    setSavingAs(status);
    const answer = await upsert.run(checked.input);
    if (!answer) return;
    setStored(answer.article);
    setEdited(null);
    setSaved(savedText(answer.article, removed));
    emitAdminEvent(AdminEvent.newsChanged);
  };

  const state = stored ? articleState(stored) : null;
  const coverUrl =
    draft.cover === null
      ? null
      : (uploads.previews[draft.cover.fileId] ??
        (stored?.cover?.fileId === draft.cover.fileId ? stored.coverUrl : null));

  return (
    <View className="article-form">
      <View className="article-form__status">
        <Text className={`article-state article-state--${state?.state ?? 'new'}`} data-state={state?.state ?? 'new'}>
          {state ? state.label : '未保存'}
        </Text>
        {stored ? (
          <Text className="muted">
            {stored.author} · 更新于 {formatShanghai(stored.updatedAt, 'M月D日 HH:mm')} · 阅读 {stored.views}
          </Text>
        ) : null}
      </View>

      <BasicsCard
        draft={draft}
        errors={errors}
        set={set}
        contests={contests}
        coverUrl={coverUrl}
        uploadingCover={uploads.uploading === 'cover'}
        uploadBusy={uploads.uploading !== null}
        onCover={(file) => void chooseCover(file)}
      />

      <View className="card">
        <Text className="card__title">正文</Text>
        <BodyEditor
          value={draft.body}
          onChange={(edit) => update('body', edit)}
          imageUrl={uploads.imageUrl}
          uploading={uploads.uploading === 'newsImage'}
          onPickImage={insertImage}
        />
        <FieldError errors={errors} name="bodyHtml" />
      </View>

      <AttachmentsCard
        attachments={draft.attachments}
        errors={errors}
        onChange={(attachments) => set('attachments', attachments)}
        uploading={uploads.uploading === 'newsAttachment'}
        uploadBusy={uploads.uploading !== null}
        onAdd={(file) => void addAttachment(file)}
      />

      <PublishCard draft={draft} errors={errors} set={set} now={now} publishAt={publishAt} scheduled={scheduled} />

      <FormFooter
        handle="article"
        className="article-form__footer"
        errors={errors}
        serverError={failure?.message ?? null}
        saved={saved}
        notes={
          edited !== null && stored !== null ? <View className="article-unsaved muted">有未保存的修改</View> : null
        }
      >
        <View className="article-form__buttons">
          <Text
            className="article-back admin-link"
            onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/admin/pages/news/index' }))}
          >
            返回新闻管理
          </Text>
          <Button className="article-save-draft button" disabled={busy} onClick={() => void save('draft')}>
            {saving === 'draft' ? '正在保存…' : '保存草稿'}
          </Button>
          <Button
            className="article-publish button button--primary"
            disabled={busy}
            onClick={() => void save('published')}
          >
            {saving === 'published' ? '正在发布…' : scheduled ? '定时发布' : '发布'}
          </Button>
        </View>
      </FormFooter>
    </View>
  );
}
