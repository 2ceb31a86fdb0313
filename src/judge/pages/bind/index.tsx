/**
 * 评委绑定 (`/judge/pages/bind/index`), open to every signed-in user: step 1, the 8-character invite code
 * from the 组委会 (spaces, dashes and lower case are forgiven, as by the schema) is checked with
 * judge.invite.check, which names the contest; step 2, the judge's profile (姓名, 工作单位, 职称或职务,
 * 擅长领域 from the contest's fields, 回避单位), checked by the same schema as the server, then judge.bind.
 * On success the judge role is fetched again (auth.me) and the 评审工作台 opens.
 */
import '../../lib/actions';
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ActionOutput } from '@core/actions';
import { TextInput } from '../../../components/FormField';
import { PageShell } from '../../../components/PageShell';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useSubscribePrompt } from '../../../hooks/useSubscribePrompt';
import { refreshMe } from '../../../hooks/useMe';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { callCloud, toCloudError } from '../../../services/cloud';
import { ProfileForm } from '../../components/ProfileForm';
import {
  checkProfile,
  emptyProfile,
  profileRefusal,
  toProfileInput,
  useProfileForm,
  type Lines,
} from '../../lib/profile-form';
import { judgeRoutes } from '../../lib/routes';
import '../../styles/judge.scss';
import './index.scss';

type Invite = ActionOutput<'judge.invite.check'> & { code: string };

/** The code as the schema reads it: no spaces or dashes, upper case. */
function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

const CONFLICTS_NOTE = '申报回避单位后，不会被分配这些单位的项目。请填写您任职、兼职、投资或有其他利益关系的单位。';

export default function JudgeBindPage() {
  const { user, shell } = useSignedIn('请先登录后再绑定评委邀请码');
  const [invite, setInvite] = useState<Invite | null>(null);
  return (
    <PageShell title="评委绑定" {...shell}>
      {user ? (
        invite ? (
          <BindForm key={invite.code} invite={invite} userName={user.name} onChangeCode={() => setInvite(null)} />
        ) : (
          <CodeStep onChecked={setInvite} />
        )
      ) : null}
    </PageShell>
  );
}

function CodeStep({ onChecked }: { onChecked: (invite: Invite) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // A read (it only names the contest), so no requestId: useCloudAction is for writes.
  const check = async () => {
    if (checking) return;
    setChecking(true);
    setError(null);
    try {
      const answer = await callCloud('judge.invite.check', { code });
      onChecked({ ...answer, code: normalizeCode(code) });
    } catch (caught) {
      const failure = toCloudError(caught);
      const detail = failure.details && (failure.details as Record<string, unknown>).code;
      setError(typeof detail === 'string' ? detail : failure.message);
    } finally {
      setChecking(false);
    }
  };
  return (
    <View className="bind-code-step">
      <View className="card">
        <View className="card__title">输入评委邀请码</View>
        <View className="muted">邀请码由组委会发放，共 8 位字母或数字，每个邀请码只能绑定一位评委。</View>
        <View className={`form-field form-field-code${error ? ' form-field--error' : ''}`}>
          <View className="bind-code">
            <TextInput
              value={code}
              maxlength={16}
              placeholder="如：ABCD2345"
              onChange={(value) => setCode(value.toUpperCase())}
            />
          </View>
          {error ? <View className="bind-code-error field-error">{error}</View> : null}
        </View>
        <View className="judge-actions">
          <Button
            className="bind-check primary-button"
            loading={checking || undefined}
            disabled={checking || undefined}
            onClick={() => void check()}
          >
            下一步
          </Button>
        </View>
      </View>
    </View>
  );
}

function BindForm({ invite, userName, onChangeCode }: { invite: Invite; userName: string; onChangeCode: () => void }) {
  const form = useProfileForm(emptyProfile(userName));
  const [banner, setBanner] = useState<{ code: string; message: string } | null>(null);
  const binding = useCloudAction('judge.bind');
  const prompt = useSubscribePrompt();
  // After the bind the judge role is fetched before the 评审工作台 opens; the button stays busy meanwhile.
  const [entering, setEntering] = useState(false);
  const submitting = binding.busy || entering;
  const sentLines = useRef<Lines>({ names: [], codes: [] });
  const { setErrors } = form;

  // The hook holds the server's refusal; it goes beside the lines it names (as they were sent) and the banner.
  useEffect(() => {
    if (binding.error === null) return;
    const refusal = profileRefusal(binding.error, sentLines.current);
    setErrors((prev) => ({ ...prev, ...refusal.beside }));
    setBanner(refusal.banner);
  }, [binding.error, setErrors]);

  const submit = async () => {
    if (submitting) return;
    const checked = checkProfile(form.valuesRef.current);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      const count = Object.keys(checked.errors).length;
      setBanner({ code: 'INVALID_INPUT', message: `还有 ${count} 项需要修改，请检查标红的项目` });
      return;
    }
    sentLines.current = toProfileInput(form.valuesRef.current).lines;
    setBanner(null);
    // Inside the tap, before anything is awaited: 评审任务提醒 for the rounds to come.
    const asked = prompt.ask(['judgeTask']);
    // The same form sent again while its outcome is unknown is the same attempt: the server answers it once.
    const bound = await binding.run({ code: invite.code, ...checked.input });
    if (bound === undefined) return;
    setEntering(true);
    await Promise.all([refreshMe(), asked]);
    void Taro.showToast({ title: '绑定成功', icon: 'success' });
    void Taro.redirectTo({ url: judgeRoutes.home });
    setEntering(false);
  };

  return (
    <View className="bind-form-step">
      <View className="card">
        <View className="muted">您将成为以下赛事的评委</View>
        <View className="bind-contest card__title">{invite.contestName}</View>
        <View className="muted">
          邀请码 <Text className="bind-code-shown">{invite.code}</Text>
          <Text className="bind-change-code link" onClick={onChangeCode}>
            换一个邀请码
          </Text>
        </View>
      </View>
      <View className="section-title">评委资料</View>
      <View className="card">
        <ProfileForm
          values={form.values}
          fields={invite.fields}
          errors={form.errors}
          disabled={submitting}
          conflictsNote={CONFLICTS_NOTE}
          onChange={(next, fields) => {
            setBanner(null);
            form.change(next, fields);
          }}
          onBlur={form.blur}
        />
      </View>
      {banner ? (
        <View className={`bind-banner bind-banner--${banner.code} judge-banner`}>
          <Text>{banner.message}</Text>
          {banner.code === 'INVITE_INVALID' ? (
            <Text className="judge-banner__link" onClick={onChangeCode}>
              重新输入邀请码
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="judge-actions">
        <Button
          className="bind-submit primary-button"
          loading={submitting || undefined}
          disabled={submitting || undefined}
          onClick={() => void submit()}
        >
          确认绑定
        </Button>
      </View>
    </View>
  );
}
