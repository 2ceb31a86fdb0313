/** 商业计划书: opened on a short-lived link asked for this entry (a new tab on H5, WeChat's viewer on a phone). */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { EntryDetail } from '@core/registration/views';
import { toCloudError } from '../../../../services/cloud';
import { openBusinessPlan, openPendingTab } from '../../../../services/open-file';
import { fileSize } from '../fields';

export function BusinessPlan({ entry }: { entry: EntryDetail }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const plan = entry.businessPlan;
  const open = async () => {
    if (busy) return;
    const tab = openPendingTab();
    setBusy(true);
    setError(null);
    try {
      await openBusinessPlan(entry.id, tab);
    } catch (caught) {
      setError(toCloudError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="entry-plan card">
      <Text className="card__title">商业计划书</Text>
      {plan ? (
        <View className="entry-plan__row">
          <Text className="entry-plan-name muted">
            {plan.name}（{fileSize(plan.size)}）
          </Text>
          <Button
            className="entry-plan-open button button--primary"
            size="mini"
            disabled={busy}
            onClick={() => void open()}
          >
            {busy ? '正在打开…' : '查看商业计划书'}
          </Button>
        </View>
      ) : (
        <View className="entry-plan-none muted">未上传</View>
      )}
      {error ? <View className="entry-plan-error admin-error">{error}</View> : null}
    </View>
  );
}
