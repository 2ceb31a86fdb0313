/** A hash (or signature) shown short; a tap shows it whole, selectable, with 复制. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { copyText } from '../../../lib/export-file';

export function Hash({ value, short = 12, className }: { value: string; short?: number; className?: string }) {
  const [open, setOpen] = useState(false);
  if (value === '') return <Text className="notary-hash muted">—</Text>;
  const copy = async () => {
    if (await copyText(value)) void Taro.showToast({ title: '已复制', icon: 'none' });
  };
  if (!open) {
    return (
      <Text className={`notary-hash notary-hash--short ${className ?? ''}`} onClick={() => setOpen(true)}>
        {value.length > short ? `${value.slice(0, short)}…` : value}
      </Text>
    );
  }
  return (
    <View className={`notary-hash notary-hash--open ${className ?? ''}`}>
      <Text className="notary-hash__full" userSelect>
        {value}
      </Text>
      <Text className="notary-hash__action" onClick={() => void copy()}>
        复制
      </Text>
      <Text className="notary-hash__action" onClick={() => setOpen(false)}>
        收起
      </Text>
    </View>
  );
}
