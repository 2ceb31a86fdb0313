/**
 * 生成邀请码 and the codes just made, shown large with 复制 and the sentence to send: the part of 评委管理
 * that writes, apart from the lists it refreshes.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@core/errors';
import type { InviteView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { FieldError } from '../../../components/FormRow';
import { BIND_PATH, failureText, fieldErrorsOf, inviteMessage, wholeNumber } from '../../../lib/judging';
import { copy } from './clipboard';

export function InviteForm(props: { contestId: string; contestName: string; onCreated: () => void }) {
  const { contestId, contestName, onCreated } = props;
  const [count, setCount] = useState('5');
  const [days, setDays] = useState('14');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<InviteView[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const invite = useCloudAction('admin.judge.invite');
  const errors = { ...fieldErrorsOf(invite.error), ...localErrors };

  const generate = async () => {
    if (invite.busy) return;
    invite.reset();
    setCopied(null);
    const n = wholeNumber(count);
    const d = wholeNumber(days);
    const local: FieldErrors = {};
    if (n === null) local.count = '请填写要生成的邀请码数量';
    if (d === null) local.validDays = '请填写有效天数';
    setLocalErrors(local);
    if (n === null || d === null) return;
    const result = await invite.run({ contestId, count: n, validDays: d });
    if (!result) return;
    setCreated(result.invites);
    onCreated();
  };

  const copyOne = async (code: InviteView) => {
    if (await copy(inviteMessage(contestName, code.code, code.expiresAt))) setCopied(`已复制邀请码 ${code.code}`);
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
          className="judges-invite button button--primary"
          size="mini"
          disabled={invite.busy}
          onClick={() => void generate()}
        >
          {invite.busy ? '正在生成…' : '生成邀请码'}
        </Button>
      </View>
      <FieldError errors={errors} name="count" />
      <FieldError errors={errors} name="validDays" />
      {invite.error ? (
        <View className="judges-invite-error admin-error">{failureText(invite.error, '再次点击不会重复生成')}</View>
      ) : null}
      {created.length > 0 ? (
        <View className="judges-new">
          <View className="judges-new__head">
            <Text className="judges-new__title">新生成 {created.length} 个邀请码</Text>
            <Button className="judges-new-copy-all button" size="mini" onClick={() => void copyAll()}>
              复制全部
            </Button>
          </View>
          <View className="judges-new__codes">
            {created.map((code) => (
              <View key={code.code} className="judges-new__item">
                <Text className="judges-new-code" data-code={code.code} userSelect>
                  {code.code}
                </Text>
                <Text className="judges-new-copy admin-link" onClick={() => void copyOne(code)}>
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
