/**
 * 评委管理 (organizers), `?contestId=`: single-use invite codes for the contest's judges (how many, valid how
 * many days), shown large with 复制 and the sentence to send with them; every invite with its status
 * (未使用 / 已使用（姓名）/ 已过期) and expiry; the judges who bound, with organization, title, expertise
 * and declared conflicts (回避单位). Without a contestId the page asks for a contest first.
 *
 * Class hooks (stable, for tests):
 *   judges-contest (ChoiceSelect, only without ?contestId=), judges-rounds-link (评审轮次)
 *   invite form: judges-invite-count, judges-invite-days (type into their <input>), judges-invite (生成邀请码),
 *       field-error (data-for = count, validDays), judges-invite-error
 *   judges-new (the codes just made): judges-new-code per code (data-code), judges-new-copy per code,
 *       judges-new-copy-all, judges-new-message (the sentence to send), judges-copied (after a copy)
 *   judges-invites: judges-invite-filter (ChoiceSelect: .choice-option[data-value=unused|used|expired|'']),
 *       judges-invite-row per invite (data-code, data-status): judges-invite-code, judges-invite-status
 *       (+ judges-invite-status--<status>), judges-invite-expires, judges-invite-copy (unused codes only);
 *       judges-invites-empty
 *   judges-list: judges-row per judge (data-judge): judges-name, judges-org, judges-title, judges-expertise,
 *       judges-conflicts, judges-bound; judges-empty
 *   Wide screens (H5 ≥ 1024px) draw the two lists as tables (judges-invites-table, judges-table), phones as cards.
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import type { InviteView, JudgeView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../../services/cloud';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import { FieldError } from '../../components/FormRow';
import { BIND_PATH, contestPageShell, go, inviteMessage, judgingUrls, wholeNumber } from '../../lib/judging';
import { useWideScreen } from '../../lib/use-wide-screen';
import '../../styles/admin.scss';
import './index.scss';

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

async function copy(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    return false;
  }
}

export default function AdminJudgesPage() {
  const access = useAreaAccess('admin');
  const params = usePageParams();
  const [picked, setPicked] = useState<string | undefined>(params.contestId || undefined);
  const contestId = params.contestId || picked;
  const contests = useCloudQuery('contest.list', {}, { enabled: access.allowed });
  const list = useCloudQuery(
    'admin.judge.list',
    { contestId: contestId ?? '' },
    { enabled: access.allowed && contestId !== undefined },
  );
  const contestName = contests.data?.items.find((c) => c.id === contestId)?.name ?? '';

  return (
    <View className="admin-wide">
      <PageShell title="评委管理" {...contestPageShell(access, contests, list, contestId)}>
        <View className="judges-toolbar card">
          {params.contestId ? (
            <Text className="judges-contest-name card__title">{contestName}</Text>
          ) : (
            <ChoiceSelect
              className="judges-contest"
              label="赛事"
              placeholder="请选择赛事"
              value={picked}
              options={(contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={setPicked}
            />
          )}
          {contestId ? (
            <Text className="judges-rounds-link admin-link" onClick={() => go(judgingUrls.rounds(contestId))}>
              评审轮次
            </Text>
          ) : null}
        </View>
        {contestId === undefined ? (
          <View className="judges-pick-hint card muted">请选择要管理评委的赛事</View>
        ) : list.data ? (
          <>
            {list.error ? <View className="admin-error">{list.error.message}</View> : null}
            <InviteForm contestId={contestId} contestName={contestName} onCreated={list.reload} />
            <InviteList invites={list.data.invites} contestName={contestName} />
            <JudgeList judges={list.data.judges} />
          </>
        ) : null}
      </PageShell>
    </View>
  );
}

function InviteForm(props: { contestId: string; contestName: string; onCreated: () => void }) {
  const { contestId, contestName, onCreated } = props;
  const [count, setCount] = useState('5');
  const [days, setDays] = useState('14');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InviteView[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const request = useRequestId();

  const generate = async () => {
    if (busy) return;
    setError(null);
    setCopied(null);
    const n = wholeNumber(count);
    const d = wholeNumber(days);
    const local: FieldErrors = {};
    if (n === null) local.count = '请填写要生成的邀请码数量';
    if (d === null) local.validDays = '请填写有效天数';
    if (n === null || d === null) {
      setErrors(local);
      return;
    }
    setErrors({});
    const input = { contestId, count: n, validDays: d };
    setBusy(true);
    try {
      const result = await callCloud('admin.judge.invite', input, {
        requestId: request.idFor(JSON.stringify(input)),
      });
      request.settle();
      setCreated(result.invites);
      onCreated();
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      if (failure.code === 'INVALID_INPUT' && failure.details) {
        const mapped: FieldErrors = {};
        for (const [key, message] of Object.entries(failure.details)) {
          if (typeof message === 'string') mapped[key] = message;
        }
        setErrors(mapped);
      }
      setError(failure.code === 'NETWORK' ? `${failure.message}（再次点击不会重复生成）` : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const copyOne = async (invite: InviteView) => {
    if (await copy(inviteMessage(contestName, invite.code, invite.expiresAt))) setCopied(`已复制邀请码 ${invite.code}`);
  };
  const copyAll = async () => {
    const first = created[0];
    if (!first) return;
    const text = [
      `「${contestName}」评委邀请码（每个仅限一人使用，${formatShanghai(first.expiresAt, 'YYYY年M月D日 HH:mm')}前有效）：`,
      ...created.map((i) => i.code),
      `请${BIND_PATH}邀请码。`,
    ].join('\n');
    if (await copy(text)) setCopied(`已复制全部 ${created.length} 个邀请码`);
  };

  return (
    <View className="judges-invite-card card">
      <Text className="card__title">生成邀请码</Text>
      <View className="muted judges-hint">
        每个邀请码只能绑定一位评委；评委{BIND_PATH}邀请码，填写资料和回避单位后即可评分。
      </View>
      <View className="judges-invite-form">
        <View className="judges-invite-field">
          <Text className="judges-invite-label">数量</Text>
          <Input
            className="judges-invite-count admin-input"
            type="number"
            value={count}
            maxlength={3}
            onInput={(e) => setCount(e.detail.value)}
          />
          <Text className="muted">个</Text>
        </View>
        <View className="judges-invite-field">
          <Text className="judges-invite-label">有效期</Text>
          <Input
            className="judges-invite-days admin-input"
            type="number"
            value={days}
            maxlength={2}
            onInput={(e) => setDays(e.detail.value)}
          />
          <Text className="muted">天</Text>
        </View>
        <Button
          className="judges-invite admin-btn admin-btn--primary"
          size="mini"
          disabled={busy}
          onClick={() => void generate()}
        >
          {busy ? '正在生成…' : '生成邀请码'}
        </Button>
      </View>
      <FieldError errors={errors} name="count" />
      <FieldError errors={errors} name="validDays" />
      {error ? <View className="judges-invite-error admin-error">{error}</View> : null}
      {created.length > 0 ? (
        <View className="judges-new">
          <View className="judges-new__head">
            <Text className="judges-new__title">新生成 {created.length} 个邀请码</Text>
            <Button className="judges-new-copy-all admin-btn" size="mini" onClick={() => void copyAll()}>
              复制全部
            </Button>
          </View>
          <View className="judges-new__codes">
            {created.map((invite) => (
              <View key={invite.code} className="judges-new__item">
                <Text className="judges-new-code" data-code={invite.code} userSelect>
                  {invite.code}
                </Text>
                <Text className="judges-new-copy admin-link" onClick={() => void copyOne(invite)}>
                  复制
                </Text>
              </View>
            ))}
          </View>
          <View className="judges-new-message">
            发给评委的话：
            {created[0] ? inviteMessage(contestName, created[0].code, created[0].expiresAt) : ''}
          </View>
          {copied ? <View className="judges-copied muted">{copied}</View> : null}
        </View>
      ) : null}
    </View>
  );
}

function InviteList({ invites, contestName }: { invites: InviteView[]; contestName: string }) {
  const wide = useWideScreen();
  const [status, setStatus] = useState<InviteStatus | undefined>(undefined);
  const shown = status ? invites.filter((i) => i.status === status) : invites;
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
      {shown.length === 0 ? (
        <View className="judges-invites-empty muted">
          {invites.length === 0 ? '还没有生成邀请码' : '没有这一状态的邀请码'}
        </View>
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
    </View>
  );
}

function conflictsText(judge: JudgeView): string {
  const all = [...judge.conflicts.names, ...judge.conflicts.creditCodes];
  return all.length > 0 ? all.join('、') : '无';
}

function JudgeList({ judges }: { judges: JudgeView[] }) {
  const wide = useWideScreen();
  return (
    <View className="judges-list card">
      <Text className="card__title">已绑定的评委（{judges.length} 位）</Text>
      {judges.length === 0 ? (
        <View className="judges-empty muted">还没有评委绑定。把邀请码发给评委，绑定后会出现在这里。</View>
      ) : process.env.TARO_ENV === 'h5' && wide ? (
        <table className="judges-table admin-table">
          <thead>
            <tr>
              <th>姓名</th>
              <th>工作单位</th>
              <th>职称或职务</th>
              <th>擅长领域</th>
              <th>回避单位</th>
              <th>绑定时间</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((judge) => (
              <tr key={judge.key} className="judges-row" data-judge={judge.key}>
                <td className="judges-name">{judge.name}</td>
                <td className="judges-org">{judge.organization}</td>
                <td className="judges-title">{judge.title}</td>
                <td className="judges-expertise">{judge.expertise.join('、')}</td>
                <td className="judges-conflicts">{conflictsText(judge)}</td>
                <td className="judges-bound">{formatShanghai(judge.boundAt, 'YYYY-MM-DD HH:mm')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <View className="judges-cards">
          {judges.map((judge) => (
            <View key={judge.key} className="judges-row judges-card" data-judge={judge.key}>
              <View className="judges-card__head">
                <Text className="judges-name">{judge.name}</Text>
                <Text className="judges-title muted">{judge.title}</Text>
              </View>
              <View className="judges-org muted">{judge.organization}</View>
              <View className="judges-expertise">
                {judge.expertise.map((f) => (
                  <Text key={f} className="admin-chip judges-expertise__chip">
                    {f}
                  </Text>
                ))}
              </View>
              <View className="judges-conflicts muted">回避单位：{conflictsText(judge)}</View>
              <View className="judges-bound muted">绑定于 {formatShanghai(judge.boundAt, 'YYYY-MM-DD HH:mm')}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
