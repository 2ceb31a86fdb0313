/** Every invite of the contest with its status, filterable: a table on wide screens, cards on phones, 20 at a time. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { InviteView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { ChoiceSelect, type Choice } from '../../../components/ChoiceSelect';
import { inviteMessage } from '../../../lib/judging';
import { useListWindow } from '../../../../hooks/useListWindow';
import { WindowFoot, WindowHead } from '../../../components/WindowControls';
import { useWideScreen } from '../../../lib/useWideScreen';
import { copy } from './clipboard';

type InviteStatus = InviteView['status'];
const inviteStatusLabels: Record<InviteStatus, string> = { unused: '未使用', used: '已使用', expired: '已过期' };
const statusChoices: Array<Choice<InviteStatus>> = (['unused', 'used', 'expired'] as const).map((s) => ({
  value: s,
  label: inviteStatusLabels[s],
}));

function statusText(invite: InviteView): string {
  if (invite.status === 'used') return `已使用（${invite.usedByName ?? '评委'}）`;
  return inviteStatusLabels[invite.status];
}

export function InviteList({ invites, contestName }: { invites: InviteView[]; contestName: string }) {
  const wide = useWideScreen();
  const [status, setStatus] = useState<InviteStatus | undefined>(undefined);
  const filtered = status ? invites.filter((i) => i.status === status) : invites;
  const counts = { unused: 0, used: 0, expired: 0 };
  for (const i of invites) counts[i.status] += 1;
  const copyCode = (invite: InviteView) => void copy(inviteMessage(contestName, invite.code, invite.expiresAt));
  return (
    <View className="judges-invites card">
      <View className="judges-section-head">
        <Text className="card__title">
          邀请码（共 {invites.length} 个：未使用 {counts.unused}，已使用 {counts.used}，已过期 {counts.expired}）
        </Text>
        <ChoiceSelect
          className="judges-invite-filter"
          label="状态"
          allLabel="全部"
          value={status}
          options={statusChoices}
          onChange={setStatus}
        />
      </View>
      <InviteRows
        key={status ?? 'all'}
        invites={filtered}
        wide={wide}
        copyCode={copyCode}
        empty={invites.length === 0}
      />
    </View>
  );
}

const PAGE = 20;

/** One filter's invites, a window at a time (a new filter starts from the top). */
function InviteRows(props: {
  invites: InviteView[];
  wide: boolean;
  empty: boolean;
  copyCode: (invite: InviteView) => void;
}) {
  const { invites, wide, copyCode } = props;
  const win = useListWindow(invites.length, PAGE, 2 * PAGE);
  const shown = invites.slice(win.start, win.end);
  const controls = { name: 'invites-list', win, total: invites.length, unit: '个' };
  return (
    <View>
      <WindowHead {...controls} />
      {shown.length === 0 ? (
        <View className="judges-invites-empty muted">{props.empty ? '还没有生成邀请码' : '没有这一状态的邀请码'}</View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <table className="judges-invites-table admin-table">
          <thead>
            <tr>
              <th>邀请码</th>
              <th>状态</th>
              <th>有效期至（北京时间）</th>
              <th>生成时间</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((invite) => (
              <tr key={invite.code} className="judges-invite-row" data-code={invite.code} data-status={invite.status}>
                <td className="judges-invite-code">{invite.code}</td>
                <td>
                  <Text className={`judges-invite-status judges-invite-status--${invite.status}`}>
                    {statusText(invite)}
                  </Text>
                </td>
                <td className="judges-invite-expires">{formatShanghai(invite.expiresAt, 'YYYY-MM-DD HH:mm')}</td>
                <td>{formatShanghai(invite.createdAt, 'YYYY-MM-DD HH:mm')}</td>
                <td>
                  {invite.status === 'unused' ? (
                    <Text className="judges-invite-copy admin-link" onClick={() => copyCode(invite)}>
                      复制
                    </Text>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="judges-invite-cards">
          {shown.map((invite) => (
            <View
              key={invite.code}
              className="judges-invite-row judges-invite-card-row"
              data-code={invite.code}
              data-status={invite.status}
            >
              <View className="judges-invite-card-row__main">
                <Text className="judges-invite-code">{invite.code}</Text>
                <Text className={`judges-invite-status judges-invite-status--${invite.status}`}>
                  {statusText(invite)}
                </Text>
              </View>
              <View className="judges-invite-card-row__meta muted">
                <Text className="judges-invite-expires">
                  有效期至 {formatShanghai(invite.expiresAt, 'YYYY-MM-DD HH:mm')}
                </Text>
                {invite.status === 'unused' ? (
                  <Text className="judges-invite-copy admin-link" onClick={() => copyCode(invite)}>
                    复制
                  </Text>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      )}
      <WindowFoot {...controls} />
    </View>
  );
}
