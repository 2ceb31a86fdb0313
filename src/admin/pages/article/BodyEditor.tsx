/**
 * The article body: a text box of simple HTML (plain lines become paragraphs) with buttons for
 * 小标题 / 加粗 / 列表 / 编号 / 插入图片, and a preview beside it (desktop) or behind a tab (phone).
 * A rich-text editing surface would mean a contenteditable on H5 and the `editor` component on WeChat,
 * two editors with two sets of bugs; a text box behaves the same on both and shows exactly what is sent.
 *
 * On H5 the box is a native <textarea> (like DateTimeField's inputs) so the buttons can wrap the
 * selection; WeChat's textarea reports only the cursor, so there a button inserts a placeholder.
 *
 * Class hooks: article-toolbar with article-tool-h2 / -bold / -ul / -ol / -image, article-image-input (H5
 * file input, hidden), article-image-uploading, article-body-input (H5: the <textarea> itself),
 * article-tab-edit / article-tab-preview (phones), article-preview (the RichText's box),
 * article-preview-empty, article-preview-removed (what the preview, like the server, leaves out).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { RichText, Text, Textarea, View } from '@tarojs/components';
import type { RichTextProps } from '@tarojs/components';
import { applyTool, bodyToHtml, insertImage, previewNodes, type Tool } from '../../lib/article-html';
import { ACCEPT } from '../../lib/news-upload';
import { useWideScreen } from '../../lib/use-wide-screen';

export const BODY_MAX = 100_000;

export interface BodyEditorProps {
  value: string;
  /** An edit of the current text (an image lands in the text as it is when its upload finishes). */
  onChange: (edit: (current: string) => string) => void;
  /** Local links for images uploaded in this session (stored ones have none: see the page comment). */
  imageUrl: (fileId: string) => string | null;
  uploading: boolean;
  /** H5 hands over the chosen File; WeChat asks the page to pick. Resolves with the inserted image or null. */
  onPickImage: (file: File | null) => Promise<{ fileId: string; name: string } | null>;
}

const tools: Array<{ tool: Tool; label: string }> = [
  { tool: 'h2', label: '小标题' },
  { tool: 'bold', label: '加粗' },
  { tool: 'ul', label: '列表' },
  { tool: 'ol', label: '编号' },
];

export function BodyEditor({ value, onChange, imageUrl, uploading, onPickImage }: BodyEditorProps) {
  const wide = useWideScreen();
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  // WeChat: the last cursor the textarea reported; H5 reads the live selection instead.
  const cursor = useRef<{ start: number; end: number }>({ start: value.length, end: value.length });
  // Where the cursor goes once an edit from a button is in the box (set when the edit is applied).
  const placeAfter = useRef<number | null>(null);
  const imageAt = useRef(value.length);

  useEffect(() => {
    const at = placeAfter.current;
    if (at === null) return;
    placeAfter.current = null;
    cursor.current = { start: at, end: at };
    const box = textarea.current;
    if (box) {
      box.focus();
      box.setSelectionRange(at, at);
    }
  }, [value]);

  const selection = (): { start: number; end: number } => {
    const box = textarea.current;
    if (process.env.TARO_ENV === 'h5' && box) return { start: box.selectionStart, end: box.selectionEnd };
    return cursor.current;
  };

  const apply = (tool: Tool) => {
    const { start, end } = selection();
    onChange((current) => {
      const edited = applyTool(current, start, end, tool);
      placeAfter.current = edited.cursor;
      return edited.text;
    });
  };

  const addImage = async (file: File | null) => {
    const inserted = await onPickImage(file);
    if (!inserted) return;
    onChange((current) => {
      const edited = insertImage(current, imageAt.current, inserted.fileId, inserted.name);
      placeAfter.current = edited.cursor;
      return edited.text;
    });
  };

  const chooseImage = () => {
    if (uploading) return;
    imageAt.current = selection().end;
    if (process.env.TARO_ENV === 'h5') fileInput.current?.click();
    else void addImage(null);
  };

  const preview = useMemo(
    () => previewNodes(bodyToHtml(value), imageUrl, { reencodeAmpersands: process.env.TARO_ENV === 'weapp' }),
    [value, imageUrl],
  );

  const editor = (
    <View className="article-body__edit">
      <View className="article-toolbar">
        {tools.map(({ tool, label }) => (
          <Text key={tool} className={`article-tool article-tool-${tool}`} onClick={() => apply(tool)}>
            {label}
          </Text>
        ))}
        <Text
          className={`article-tool article-tool-image${uploading ? ' article-tool--busy' : ''}`}
          onClick={chooseImage}
        >
          {uploading ? '正在上传…' : '插入图片'}
        </Text>
        {uploading ? <Text className="article-image-uploading muted">图片上传中</Text> : null}
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <textarea
            ref={textarea}
            className="article-body-input article-body__box"
            value={value}
            maxLength={BODY_MAX}
            placeholder={'直接输入正文，空一行为新段落；也可以输入简单的 HTML，或用上方按钮排版。'}
            onChange={(e) => {
              const next = e.target.value;
              onChange(() => next);
            }}
          />
          <input
            ref={fileInput}
            className="article-image-input"
            type="file"
            accept={ACCEPT.newsImage}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0] ?? null;
              // Cleared so the same file can be chosen again after a failed upload.
              e.target.value = '';
              // The box keeps its selection while the file dialog is open: insert where the cursor is.
              imageAt.current = selection().end;
              if (file) void addImage(file);
            }}
          />
        </>
      ) : (
        <Textarea
          className="article-body-input article-body__box"
          value={value}
          maxlength={BODY_MAX}
          placeholder="直接输入正文，空一行为新段落；也可以输入简单的 HTML，或用上方按钮排版。"
          onInput={(e) => {
            cursor.current = { start: e.detail.cursor, end: e.detail.cursor };
            const next = e.detail.value;
            onChange(() => next);
          }}
          onBlur={(e) => {
            const at = (e.detail as { cursor?: number }).cursor;
            if (typeof at === 'number') cursor.current = { start: at, end: at };
          }}
        />
      )}
    </View>
  );

  const shown = (
    <View className="article-body__preview">
      <Text className="article-body__preview-title">预览（读者看到的样子）</Text>
      <View className="article-preview">
        {preview.nodes.length === 0 ? (
          <Text className="article-preview-empty muted">正文为空</Text>
        ) : (
          <RichText nodes={preview.nodes as RichTextProps['nodes']} />
        )}
      </View>
    </View>
  );
  // Beside the box as well as the preview: on a phone the preview is behind its tab.
  const removed =
    preview.removed.length > 0 ? (
      <View className="article-preview-removed">
        预览和保存时会去除：{preview.removed.join('、')}（不安全或不支持的内容不会发给读者）
      </View>
    ) : null;

  if (wide) {
    return (
      <View className="article-body article-body--wide">
        {editor}
        {shown}
        {removed}
      </View>
    );
  }
  return (
    <View className="article-body">
      <View className="article-tabs">
        <Text
          className={`article-tab article-tab-edit${tab === 'edit' ? ' article-tab--active' : ''}`}
          onClick={() => setTab('edit')}
        >
          编辑
        </Text>
        <Text
          className={`article-tab article-tab-preview${tab === 'preview' ? ' article-tab--active' : ''}`}
          onClick={() => setTab('preview')}
        >
          预览
        </Text>
      </View>
      {tab === 'edit' ? editor : shown}
      {removed}
    </View>
  );
}
