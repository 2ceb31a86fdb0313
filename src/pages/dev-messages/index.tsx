/**
 * H5-only dev page: what the local cloud's stand-in of WeChat "delivered" (GET /dev/messages), newest first, drawn
 * as the subscription-message cards a phone would show — to whom, which template, its fields by their labels, the
 * page it opens — and the sends WeChat refused with their errcode. Not built into the weapp.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEMPLATES, type NotifyKind } from '@core/notify/templates';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../components/PageShell';
import { callCloud, CloudError, toCloudError } from '../../services/cloud';
import './index.scss';

interface DevMessage {
  to: string;
  toName: string | null;
  templateId: string;
  page: string;
  fields: Record<string, { value: string }>;
  at: string;
  delivered: boolean;
  errCode?: number;
  errMsg?: string;
}

async function loadMessages(): Promise<{ messages: DevMessage[]; kinds: Map<string, NotifyKind> }> {
  let response: Response;
  try {
    response = await fetch('/dev/messages');
  } catch {
    throw new CloudError('NETWORK');
  }
  if (!response.ok) throw new CloudError('INTERNAL');
  const body = (await response.json()) as { messages?: DevMessage[] };
  const { templates } = await callCloud('notify.template.list', {});
  const kinds = new Map<string, NotifyKind>();
  for (const [kind, id] of Object.entries(templates)) if (id) kinds.set(id, kind as NotifyKind);
  return { messages: body.messages ?? [], kinds };
}

export default function DevMessagesPage() {
  const [data, setData] = useState<Awaited<ReturnType<typeof loadMessages>> | null>(null);
  const [error, setError] = useState<CloudError | null>(null);
  const load = useCallback(() => {
    setError(null);
    loadMessages().then(setData, (e: unknown) => setError(toCloudError(e)));
  }, []);
  useEffect(load, [load]);
  return (
    <PageShell
      title="微信消息（本地模拟）"
      loading={data === null && error === null}
      error={error}
      onRetry={load}
      empty={data?.messages.length === 0}
      emptyText="本地模拟的微信还没有收到发送请求"
    >
      <View className="note">
        仅用于本地开发环境：这里是本地云模拟的微信「订阅消息」收到的发送请求。只有点过「允许」的用户才会收到。
        <Text className="dev-messages-reload admin-link" onClick={load}>
          {' '}
          刷新
        </Text>
      </View>
      {(data?.messages ?? []).map((m, i) => {
        const kind = data?.kinds.get(m.templateId);
        const spec = kind ? TEMPLATES[kind] : null;
        return (
          <View
            key={`${m.at}-${i}`}
            className={`dev-message card${m.delivered ? '' : ' dev-message--refused'}`}
            data-to={m.to}
            data-kind={kind ?? ''}
          >
            <View className="dev-message__head">
              <Text className="dev-message-to">发给 {m.toName ?? m.to}</Text>
              <Text className="muted">{formatShanghai(m.at, 'M月D日 HH:mm:ss')}</Text>
            </View>
            <Text className="dev-message-title">{spec?.title ?? m.templateId}</Text>
            {Object.entries(m.fields).map(([key, field]) => (
              <View key={key} className="dev-message__line">
                <Text className="dev-message__label">{spec?.fields.find((f) => f.key === key)?.label ?? key}</Text>
                <Text className="dev-message__value">{field.value}</Text>
              </View>
            ))}
            <View className="dev-message__foot muted">
              {m.delivered ? `点开进入 ${m.page}` : `微信拒绝：${m.errCode ?? ''} ${m.errMsg ?? ''}`}
            </View>
          </View>
        );
      })}
    </PageShell>
  );
}
