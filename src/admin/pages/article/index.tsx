/**
 * 文章编辑 (organizers), `?id=<articleId>` to edit, no id to write a new one: title, 栏目, related
 * contest, cover, body, attachments, 置顶 and the publish time in Beijing time; 保存草稿 keeps it from
 * readers, 发布 publishes it, at once or, when the time is in the future, as 定时发布.
 *
 * The preview shows the text in the box as it is typed, not a saved copy: saving a published article
 * to see a preview would publish the change. It is built as RichText nodes with the server's allowlist
 * (src/admin/lib/article-html.ts), so nothing typed runs in the organizer's browser, and it names what
 * it leaves out (e.g. 「script」标签, onerror 属性). The server sanitizes again on every save and is the
 * authority: after a save the box holds the stored, cleaned HTML, so what the organizer sees next is
 * what readers get. Images uploaded in this session show from the device; stored ones through the
 * links admin.article.get returns with the article (fileLinks).
 *
 * Class hooks (stable, for tests):
 *   article-form; article-state (stored state: 未保存 / 草稿 / 已发布 / 定时发布（…）/ 已下线, data-state)
 *   article-title-input (type into its <input>), article-title-count
 *   article-category-<notice|news|policy|media> (chips; article-category--active, aria-pressed)
 *   article-contest (ChoiceSelect: .choice-option[data-value=<contestId>|''])
 *   article-cover-upload (button), article-cover-input (H5 file input, hidden), article-cover-preview (<img>),
 *       article-cover-name, article-cover-remove
 *   body: see BodyEditor (article-toolbar, article-tool-*, article-body-input, article-preview …)
 *   article-attachments: article-attachment per file (data-index; article-attachment-name, article-attachment-remove),
 *       article-attachment-upload, article-attachment-input (H5, hidden)
 *   article-pinned (check box, aria-checked)
 *   article-publish-date, article-publish-time (H5: <input type=date|time>), article-publish-now (设为现在),
 *       article-publish-when (立即发布 / 定时发布：将于 … 对读者可见)
 *   field-error (data-for = title, category, contestId, cover, bodyHtml, attachments, attachments.<i>, publishAt)
 *   article-server-error, article-unsaved (有未保存的修改), article-saved (after a save), article-save-draft,
 *   article-publish, article-back (返回新闻管理). 保存草稿 on a published article asks first (Taro.showModal;
 *   H5: .taro-model__confirm).
 *   With no id in the query, the first save creates the article and later saves edit it (its id is kept
 *   in the page, the query stays empty).
 */
import '../../lib/actions';
import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import type { AdminArticle } from '@core/news/views';
import type { FieldErrors } from '@core/errors';
import type { FileRef } from '@core/files/uploads';
import { ARTICLE_CATEGORIES, articleCategoryLabels } from '@core/news/types';
import { formatShanghai, inShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { useServerNow } from '../../../hooks/useServerNow';
import { callCloud, toCloudError } from '../../../services/cloud';
import type { PickedFile } from '../../../services/upload';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DateTimeField } from '../../components/DateTimeField';
import { FieldError, FormRow } from '../../components/FormRow';
import {
  articleErrors,
  articleInput,
  articleState,
  draftFromArticle,
  emptyArticle,
  publishAtOf,
  type ArticleDraft,
} from '../../lib/article-form';
import { previewNodes } from '../../lib/article-html';
import { AdminEvent, emitAdminEvent } from '../../lib/events';
import {
  ACCEPT,
  formatSize,
  localPreviewUrl,
  pickAttachmentOnWeChat,
  pickImageOnWeChat,
  uploadNewsFile,
  type NewsUploadPurpose,
} from '../../lib/news-upload';
import { BodyEditor } from './BodyEditor';
import '../../styles/admin.scss';
import './index.scss';

const ATTACHMENTS_MAX = 10;
/** The server's name for a box's errors, where it differs from the form's. */
const errorField: Partial<Record<keyof ArticleDraft, string>> = {
  body: 'bodyHtml',
  publishOn: 'publishAt',
  publishTime: 'publishAt',
};
const TITLE_MAX = 60;

export default function AdminArticlePage() {
  const access = useAreaAccess('admin');
  const { id: openedId = '' } = usePageParams();
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const existing = useCloudQuery('admin.article.get', { id: openedId }, { enabled: access.allowed && openedId !== '' });
  const loading =
    access.shell.loading ||
    (access.allowed && contests.data === undefined && contests.error === null) ||
    (access.allowed && openedId !== '' && existing.data === undefined && existing.error === null);
  const failed = access.shell.error ?? (contests.data === undefined ? contests.error : null) ?? existing.error;
  return (
    <View className="admin-wide">
      <PageShell
        title={openedId === '' ? '写文章' : '编辑文章'}
        {...access.shell}
        loading={loading}
        error={failed}
        onRetry={() => {
          if (access.shell.error) access.shell.onRetry?.();
          contests.reload();
          if (openedId !== '') existing.reload();
        }}
      >
        {contests.data && (openedId === '' || existing.data) ? (
          <ArticleForm
            initial={existing.data?.article ?? null}
            contests={contests.data.items.map((c) => ({ value: c.id, label: c.name }))}
            serverNow={contests.data.now}
          />
        ) : null}
      </PageShell>
    </View>
  );
}

interface ArticleFormProps {
  initial: AdminArticle | null;
  contests: Array<{ value: string; label: string }>;
  serverNow: string;
}

function ArticleForm({ initial, contests, serverNow }: ArticleFormProps) {
  // The stored article (null until the first save of a new one); its id is sent with every later save.
  const [stored, setStored] = useState<AdminArticle | null>(initial);
  const [edited, setEdited] = useState<ArticleDraft | null>(null);
  const [fresh] = useState(() => emptyArticle(serverNow));
  const draft = edited ?? (stored ? draftFromArticle(stored) : fresh);
  const now = useServerNow(serverNow, true, 30_000) ?? Date.parse(serverNow);

  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'draft' | 'published' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [uploading, setUploading] = useState<NewsUploadPurpose | 'cover' | null>(null);
  const request = useRequestId();

  // Device-side links for files uploaded here, by file id: the server only links them for readers.
  const [previews, setPreviews] = useState<Record<string, string>>({});
  // Uploaded this session: shown from the device; already stored: the link the server gave.
  const imageUrl = useCallback(
    (fileId: string) => previews[fileId] ?? (stored?.fileLinks[fileId] || null),
    [previews, stored],
  );

  const base = stored ? draftFromArticle(stored) : fresh;
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

  const upload = async (
    purpose: NewsUploadPurpose,
    file: File | null,
  ): Promise<{ ref: FileRef; url: string | null } | null> => {
    let picked: PickedFile | null;
    if (file) picked = { name: file.name, size: file.size, type: file.type, blob: file };
    else picked = purpose === 'newsImage' ? await pickImageOnWeChat() : await pickAttachmentOnWeChat();
    if (!picked) return null;
    const ref = await uploadNewsFile(purpose, picked);
    const url = purpose === 'newsImage' ? localPreviewUrl(picked) : null;
    if (url) setPreviews((current) => ({ ...current, [ref.fileId]: url }));
    return { ref, url };
  };

  /** Runs one upload with its busy state; a refusal shows beside the field it was for. */
  const withUpload = async <T,>(which: NewsUploadPurpose | 'cover', field: string, run: () => Promise<T>) => {
    if (uploading !== null) return null;
    setUploading(which);
    setErrors((current) => ({ ...current, [field]: '' }));
    try {
      return await run();
    } catch (caught) {
      setErrors((current) => ({ ...current, [field]: toCloudError(caught).message }));
      return null;
    } finally {
      setUploading(null);
    }
  };

  const chooseCover = (file: File | null) =>
    void withUpload('cover', 'cover', async () => {
      const done = await upload('newsImage', file);
      if (done) set('cover', done.ref);
    });

  const addAttachment = (file: File | null) =>
    void withUpload('newsAttachment', 'attachments', async () => {
      const done = await upload('newsAttachment', file);
      if (done) update('attachments', (current) => [...current, done.ref]);
    });

  const insertImage = async (file: File | null) => {
    const done = await withUpload('newsImage', 'bodyHtml', () => upload('newsImage', file));
    return done ? { fileId: done.ref.fileId, name: done.ref.name } : null;
  };

  const publishAt = publishAtOf(draft.publishOn, draft.publishTime);
  const scheduled = publishAt !== '' && Date.parse(publishAt) > now;

  const save = async (status: 'draft' | 'published') => {
    if (saving !== null || uploading !== null) return;
    setSaved(null);
    setServerError(null);
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
    const checked = articleInput(draft, status, stored?.id ?? null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    // One requestId per attempted save: a retry while its outcome is unknown neither creates a second article
    // nor applies twice; any edit in between is a new save.
    const requestId = request.idFor(JSON.stringify(checked.input));
    const removed = previewNodes(checked.input.bodyHtml, () => null).removed;
    setSaving(status);
    try {
      const { article } = await callCloud('admin.article.upsert', checked.input, { requestId });
      request.settle();
      setStored(article);
      // The box now holds what the server stored (sanitized): the next preview is what readers get.
      setEdited(null);
      const state = articleState(article);
      setSaved(
        (state.state === 'draft'
          ? '已保存为草稿，读者看不到'
          : state.state === 'scheduled'
            ? `已设为定时发布，将于 ${formatShanghai(article.publishAt, 'M月D日 HH:mm')}（北京时间）对读者可见`
            : '已发布，读者现在可以看到') + (removed.length > 0 ? `；正文中的${removed.join('、')}已被服务器移除` : ''),
      );
      emitAdminEvent(AdminEvent.newsChanged);
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'INVALID_INPUT' || failure.code === 'CONTENT_RISKY') {
        setErrors(articleErrors(failure.details as Record<string, unknown> | undefined));
      }
      setServerError(failure.message);
    } finally {
      setSaving(null);
    }
  };

  const state = stored ? articleState(stored) : null;
  const coverUrl =
    draft.cover === null
      ? null
      : (previews[draft.cover.fileId] ?? (stored?.cover?.fileId === draft.cover.fileId ? stored.coverUrl : null));
  const errorCount = Object.values(errors).filter((m) => m !== '').length;

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
            <FilePicker
              className="article-cover"
              purpose="newsImage"
              label={uploading === 'cover' ? '正在上传…' : draft.cover ? '更换封面' : '上传封面'}
              disabled={uploading !== null}
              onPick={chooseCover}
            />
          </View>
        </FormRow>
      </View>

      <View className="card">
        <Text className="card__title">正文</Text>
        <BodyEditor
          value={draft.body}
          onChange={(edit) => update('body', edit)}
          imageUrl={imageUrl}
          uploading={uploading === 'newsImage'}
          onPickImage={insertImage}
        />
        <FieldError errors={errors} name="bodyHtml" />
      </View>

      <View className="card article-attachments">
        <Text className="card__title">附件</Text>
        <View className="muted">PDF、Excel（xlsx）或 Word（docx），每个不超过 20 MB，最多 {ATTACHMENTS_MAX} 个</View>
        {draft.attachments.map((file, i) => (
          <View key={`${file.fileId}-${i}`} className="article-attachment" data-index={String(i)}>
            <View className="article-attachment__row">
              <Text className="article-attachment-name">{file.name}</Text>
              <Text className="muted">{formatSize(file.size)}</Text>
              <Text
                className="article-attachment-remove admin-link"
                onClick={() =>
                  set(
                    'attachments',
                    draft.attachments.filter((_, j) => j !== i),
                  )
                }
              >
                移除
              </Text>
            </View>
            <FieldError errors={errors} name={`attachments.${i}`} />
          </View>
        ))}
        {draft.attachments.length < ATTACHMENTS_MAX ? (
          <FilePicker
            className="article-attachment"
            purpose="newsAttachment"
            label={uploading === 'newsAttachment' ? '正在上传…' : '添加附件'}
            disabled={uploading !== null}
            onPick={addAttachment}
          />
        ) : null}
        <FieldError errors={errors} name="attachments" />
      </View>

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
          <View className="article-when">
            <DateTimeField
              className="article-publish-date"
              mode="date"
              value={draft.publishOn}
              placeholder="选择日期"
              onChange={(v) => set('publishOn', v)}
            />
            <DateTimeField
              className="article-publish-time"
              mode="time"
              value={draft.publishTime}
              placeholder="选择时间"
              onChange={(v) => set('publishTime', v)}
            />
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
          </View>
          <Text className={`article-publish-when${scheduled ? ' article-publish-when--scheduled' : ''}`}>
            {publishAt === ''
              ? '请选择发布日期和时间'
              : scheduled
                ? `定时发布：发布后将于 ${formatShanghai(publishAt, 'YYYY年M月D日 HH:mm')}（北京时间）对读者可见`
                : '立即发布：发布后读者马上可以看到'}
          </Text>
        </FormRow>
      </View>

      <View className="article-form__footer">
        {errorCount > 0 ? (
          <View className="article-errors admin-error">
            有 {errorCount} 处需要修改：
            {Object.values(errors)
              .filter((m) => m !== '')
              .slice(0, 5)
              .map((message, i) => (
                <View key={i}>· {message}</View>
              ))}
          </View>
        ) : null}
        {serverError ? <View className="article-server-error admin-error">{serverError}</View> : null}
        {edited !== null && stored !== null ? <View className="article-unsaved muted">有未保存的修改</View> : null}
        {saved ? <View className="article-saved">{saved}</View> : null}
        <View className="article-form__buttons">
          <Text
            className="article-back admin-link"
            onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/admin/pages/news/index' }))}
          >
            返回新闻管理
          </Text>
          <Button
            className="article-save-draft admin-btn"
            disabled={saving !== null || uploading !== null}
            onClick={() => void save('draft')}
          >
            {saving === 'draft' ? '正在保存…' : '保存草稿'}
          </Button>
          <Button
            className="article-publish admin-btn admin-btn--primary"
            disabled={saving !== null || uploading !== null}
            onClick={() => void save('published')}
          >
            {saving === 'published' ? '正在发布…' : scheduled ? '定时发布' : '发布'}
          </Button>
        </View>
      </View>
    </View>
  );
}

/**
 * A button that picks one file: the browser's file dialog on H5 (a hidden <input>, class <className>-input),
 * the album or a chat file on WeChat (the page picks, so it gets null here).
 */
function FilePicker(props: {
  className: string;
  purpose: NewsUploadPurpose;
  label: string;
  disabled: boolean;
  onPick: (file: File | null) => void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  const { className, purpose, label, disabled, onPick } = props;
  return (
    <View className="file-picker">
      <Button
        className={`${className}-upload admin-btn`}
        size="mini"
        disabled={disabled}
        onClick={() => {
          if (disabled) return;
          if (process.env.TARO_ENV === 'h5') input.current?.click();
          else onPick(null);
        }}
      >
        {label}
      </Button>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={input}
          className={`${className}-input`}
          type="file"
          accept={ACCEPT[purpose]}
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onPick(file);
          }}
        />
      ) : null}
    </View>
  );
}
