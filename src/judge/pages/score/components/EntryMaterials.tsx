/**
 * 项目简介: what the judge scores (as blind review leaves it), and the business plan, opened in a tab on H5
 * and in WeChat's document viewer; an expired link is fetched again first.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { JudgeEntryView } from '@core/judging/views';
import { callCloud, toCloudError } from '../../../../services/cloud';
import { openInWeChat, openPendingTab, showInTab } from '../../../../services/open-file';
import { serverNow } from '../../../../services/server-clock';
import { formatFileSize } from '../../../../services/file-size';

export function EntryMaterials({ entry }: { entry: JudgeEntryView }) {
  const [planError, setPlanError] = useState<string | null>(null);

  const openPlan = () => {
    const plan = entry.businessPlan;
    if (!plan) return;
    setPlanError(null);
    const fresh = Date.parse(plan.expiresAt) - 30_000 > serverNow();
    // H5: the tab must open during the tap; a link that expired is fetched again first.
    if (process.env.TARO_ENV === 'h5' && fresh) {
      showInTab(plan.url, null);
      return;
    }
    const tab = openPendingTab();
    void (async () => {
      try {
        const url = fresh
          ? plan.url
          : ((await callCloud('judge.entry.get', { roundId: entry.round.id, entryId: entry.entryId })).entry
              .businessPlan?.url ?? plan.url);
        if (process.env.TARO_ENV === 'h5') showInTab(url, tab);
        else await openInWeChat(url, 'pdf');
      } catch (caught) {
        tab?.close();
        setPlanError(toCloudError(caught).message);
      }
    })();
  };

  return (
    <View className="card">
      <View className="score-summary score-text">{entry.summary || '（未填写）'}</View>
      {entry.highlights ? (
        <View>
          <View className="score-subtitle">创新亮点</View>
          <View className="score-highlights score-text">{entry.highlights}</View>
        </View>
      ) : null}
      {entry.facts.length > 0 ? (
        <View className="score-facts">
          {entry.facts.map((fact) => (
            <View key={fact.label} className="score-fact">
              <Text className="score-fact__label">{fact.label}</Text>
              <Text className="score-fact__value">{fact.value}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {entry.businessPlan ? (
        <Button className="score-plan" size="mini" onClick={openPlan}>
          查看商业计划书（PDF，{formatFileSize(entry.businessPlan.size)}）
        </Button>
      ) : (
        <View className="muted">未上传商业计划书</View>
      )}
      {planError ? <View className="score-plan-error field-error">{planError}</View> : null}
    </View>
  );
}
