/** What a cut-off preview does per scope, and the entries it admits, leaves out or cannot rank (no score). */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import type { CutoffRule } from '@core/judging/types';
import type { CutoffEntryView, CutoffView } from '@core/judging/views';

export function Scopes({ preview }: { preview: CutoffView }) {
  return (
    <View className="cutoff-scopes">
      {preview.scopes.map((s) => (
        <View key={s.scope} className="cutoff-scope" data-scope={s.scope}>
          <Text className="cutoff-scope__label">{s.label}</Text>
          <Text className="muted">{s.entries} 个项目</Text>
          <Text className="cutoff-scope-slots">名额 {s.slots}</Text>
          {s.quota !== null ? <Text className="cutoff-scope-quota muted">（按占比 {s.quota}）</Text> : null}
          <Text className="muted">
            确定 {s.admitted}
            {s.straddling.length > 0 ? `，并列 ${s.straddling.length} 争 ${s.open} 个` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The row's second line, saying where its rank counts: within the field (按项目数占比: 新一代信息技术第 3 名) or the
 * group (每组前 N 名: 企业组第 2 名); for 前 N 名 the rank is overall and the line just names group and field.
 */
export function metaText(entry: CutoffEntryView, rule: CutoffRule['kind']): string {
  const group = groupLabels[entry.group];
  const ranked = entry.aggregate !== null;
  if (rule === 'proportional' && ranked) return `${entry.orgName} · ${group} · ${entry.field}第 ${entry.scopeRank} 名`;
  if (rule === 'topPerGroup' && ranked) return `${entry.orgName} · ${group}第 ${entry.scopeRank} 名 · ${entry.field}`;
  return `${entry.orgName} · ${group} · ${entry.field}`;
}

export function EntryList(props: {
  className: string;
  title: string;
  entries: CutoffEntryView[];
  rule: CutoffRule['kind'];
  limit: number;
}) {
  const { className, title, entries, rule, limit } = props;
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, limit);
  return (
    <View className={`cutoff-list ${className}`}>
      <Text className="cutoff-list__title">{title}</Text>
      {entries.length === 0 ? <View className="muted">无</View> : null}
      {shown.map((e) => (
        <View key={e.entryId} className={`cutoff-list__row ${className}-row`} data-entry-id={e.entryId}>
          <Text className="cutoff-list__rank">{e.aggregate === null ? '—' : e.scopeRank}</Text>
          <Text className="cutoff-list__name">{e.projectName}</Text>
          <Text className="cutoff-list__meta muted">{metaText(e, rule)}</Text>
          <Text className="cutoff-list__score">{e.aggregate ?? '无评分'}</Text>
        </View>
      ))}
      {entries.length > limit ? (
        <Text className={`${className}-more admin-link`} onClick={() => setAll(!all)}>
          {all ? '收起' : `显示全部 ${entries.length} 个`}
        </Text>
      ) : null}
    </View>
  );
}
