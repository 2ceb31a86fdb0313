/**
 * A list of short names (行业领域, 区, 主办单位…) edited as tags: type one or several (separated by 、，;
 * or new lines) and 添加; × removes one. Duplicates and over-long names are refused here.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';

export interface TagEditorProps {
  className: string;
  values: string[];
  placeholder: string;
  maxLength: number;
  onChange: (values: string[]) => void;
}

export function TagEditor({ className, values, placeholder, maxLength, onChange }: TagEditorProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const names = text
      .split(/[,，、;；\n]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (names.length === 0) return;
    const next = [...values];
    for (const name of names) {
      if (name.length > maxLength) {
        setProblem(`「${name}」超过 ${maxLength} 个字`);
        return;
      }
      if (next.includes(name)) {
        setProblem(`「${name}」已在列表中`);
        return;
      }
      next.push(name);
    }
    setProblem(null);
    setText('');
    onChange(next);
  };
  return (
    <View className={`tag-editor ${className}`}>
      <View className="tag-editor__tags">
        {values.map((value) => (
          <View key={value} className="tag-editor-tag" data-value={value}>
            <Text>{value}</Text>
            <Text
              className="tag-editor-remove"
              onClick={() => onChange(values.filter((v) => v !== value))}
              aria-label={`删除${value}`}
            >
              ×
            </Text>
          </View>
        ))}
        {values.length === 0 ? <Text className="muted">暂无</Text> : null}
      </View>
      <View className="tag-editor__add">
        <Input
          className="tag-editor-input admin-input"
          value={text}
          placeholder={placeholder}
          onInput={(e) => {
            setText(e.detail.value);
            if (problem) setProblem(null);
          }}
          onConfirm={add}
        />
        <Button className="tag-editor-add button" size="mini" onClick={add}>
          添加
        </Button>
      </View>
      {problem ? <View className="tag-editor-error field-error">{problem}</View> : null}
    </View>
  );
}
