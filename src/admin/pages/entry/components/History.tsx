/** Where the entry stands (状态进度) and who moved it there (审核记录), newest record first. */
import { Text, View } from '@tarojs/components';
import { entryDecisionLabels, entryStatusLabels, timeline } from '@core/registration/entry-status';
import type { AuditView, EntryDetail } from '@core/registration/views';
import { formatShanghai } from '@core/time/shanghai';

export function Timeline({ entry }: { entry: EntryDetail }) {
  return (
    <View className="entry-timeline card">
      <Text className="card__title">状态进度</Text>
      {timeline(entry.history).map((step, i) => (
        <View key={`${step.status}-${i}`} className={`entry-timeline-step entry-timeline-step--${step.state}`}>
          <View className="entry-timeline-step__dot" />
          <View className="entry-timeline-step__body">
            <Text className="entry-timeline-step__label">{step.label}</Text>
            {step.atText ? <Text className="entry-timeline-step__at muted"> {step.atText}</Text> : null}
            {step.reason ? <View className="entry-timeline-step__reason muted">理由：{step.reason}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function statusText(status: string | null): string {
  if (status === null) return '—';
  return (entryStatusLabels as Record<string, string>)[status] ?? status;
}

function actionText(action: string): string {
  return (entryDecisionLabels as Record<string, string>)[action] ?? action;
}

export function Audits({ audits }: { audits: AuditView[] }) {
  return (
    <View className="entry-audits card">
      <Text className="card__title">审核记录</Text>
      {audits.length === 0 ? <View className="entry-audits-empty muted">暂无审核记录</View> : null}
      {[...audits].reverse().map((audit) => (
        <View key={audit.id} className="entry-audit">
          <View className="entry-audit__head">
            <Text className="entry-audit-actor">{audit.actorName}</Text>
            <Text className="entry-audit-at muted">{formatShanghai(audit.at, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
          <View className="entry-audit-change">
            {actionText(audit.action)}：{statusText(audit.before)} → {statusText(audit.after)}
          </View>
          {audit.reason ? <View className="entry-audit-reason muted">理由：{audit.reason}</View> : null}
        </View>
      ))}
    </View>
  );
}
