/**
 * The article body: a text box of simple HTML (plain lines become paragraphs) with buttons for
 * 小标题 / 加粗 / 列表 / 编号 / 插入图片, and a preview beside it (desktop) or behind a tab (phone).
 * A rich-text editing surface would mean a contenteditable on H5 and the `editor` component on WeChat,
 * two editors with two sets of bugs; a text box behaves the same on both and shows exactly what is sent.
 *
 * On H5 the box is a native <textarea> (like DateTimeField's inputs) so the buttons can wrap the
 * selection; WeChat's textarea reports only the cursor, so there a button inserts a placeholder.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { RichText, Text, Textarea, View } from '@tarojs/components';
import type { RichTextProps } from '@tarojs/components';
import { FilePicker } from '../../../../components/FilePicker';
import type { PickedFile } from '../../../../services/upload';
import { applyTool, bodyToHtml, insertImage, previewNodes, type Tool } from '../../../lib/article-html';
import { ACCEPT, pickImageOnWeChat } from '../../../lib/news-upload';
import { useWideScreen } from '../../../lib/useWideScreen';

export const BODY_MAX = 100_000;

export interface BodyEditorProps {
  value: string;
  /** An edit of the current text (an image lands in the text as it is when its upload finishes). */
  onChange: (edit: (current: string) => string) => void;
  /** Links for the images in the text: the device's copy of a new upload, or the one the server gave. */
  imageUrl: (fileId: string) => string | null;
  uploading: boolean;
  /** Uploads the chosen image; resolves with what to insert, or null when it did not go up. */
  onPickImage: (file: PickedFile) => Promise<{ fileId: string; name: string } | null>;
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

  const addImage = async (file: PickedFile) => {
    // The box keeps its selection while the file dialog is open: insert where the cursor is.
    imageAt.current = selection().end;
    const inserted = await onPickImage(file);
    if (!inserted) return;
    onChange((current) => {
      const edited = insertImage(current, imageAt.current, inserted.fileId, inserted.name);
      placeAfter.current = edited.cursor;
      return edited.text;
    });
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
        <FilePicker
          inputClassName="article-image-input"
          className={`article-tool article-tool-image${uploading ? ' article-tool--busy' : ''}`}
          accept={ACCEPT.newsImage}
          pickOnWeChat={pickImageOnWeChat}
          onPicked={(file) => void addImage(file)}
          disabled={uploading}
        >
          {uploading ? '正在上传…' : '插入图片'}
        </FilePicker>
        {uploading ? <Text className="article-image-uploading muted">图片上传中</Text> : null}
      </View>
      {process.env.TARO_ENV === 'h5' ? (
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
