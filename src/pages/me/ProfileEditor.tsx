/**
 * 修改昵称. WeChat no longer hands out nicknames (getUserProfile is gone), so the user types one;
 * `type="nickname"` lets WeChat offer the user's own nickname above the keyboard.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { profileInput } from '@core/system/actions';
import { validate } from '@core/validation';
import { useCloudAction } from '../../hooks/useCloudAction';
import { refreshMe } from '../../hooks/useMe';

export function ProfileEditor({ name }: { name: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per attempted name: a retry while its outcome is unknown is the same write, not a new one.
  const update = useCloudAction('auth.profile.update');
  const saving = update.busy;
  const detail = update.error?.details?.name;
  const error = problem ?? (typeof detail === 'string' ? detail : (update.error?.message ?? null));

  if (!editing) {
    return (
      <Text className="profile-edit link" onClick={() => setEditing(true)}>
        修改昵称
      </Text>
    );
  }

  const save = async () => {
    const checked = validate(profileInput, { name: draft });
    if (!checked.ok) {
      setProblem(checked.errors.name ?? '昵称填写有误');
      return;
    }
    setProblem(null);
    if ((await update.run(checked.value, { key: checked.value.name })) === undefined) return;
    setEditing(false);
    await refreshMe();
    void Taro.showToast({ title: '昵称已保存', icon: 'success' });
  };

  return (
    <View className="profile-editor">
      <Input
        className="profile-input"
        type="nickname"
        value={draft}
        maxlength={20}
        placeholder="请输入昵称（最多 20 个字）"
        onInput={(e) => setDraft(e.detail.value)}
      />
      {error ? <View className="profile-error error-text">{error}</View> : null}
      <View className="profile-actions">
        <Button
          className="profile-save button button--primary"
          loading={saving}
          disabled={saving}
          onClick={() => void save()}
        >
          保存
        </Button>
        <Button
          className="profile-cancel button"
          disabled={saving}
          onClick={() => {
            setEditing(false);
            setDraft(name);
            setProblem(null);
            update.reset();
          }}
        >
          取消
        </Button>
      </View>
    </View>
  );
}
