/**
 * 修改昵称. WeChat no longer hands out nicknames (getUserProfile is gone), so the user types one;
 * `type="nickname"` lets WeChat offer the user's own nickname above the keyboard.
 * Test hooks: profile-edit (opens), profile-input, profile-save, profile-error.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { profileInput } from '@core/system/actions';
import { validate } from '@core/validation';
import { refreshMe } from '../../hooks/useMe';
import { useRequestId } from '../../hooks/useRequestId';
import { callCloud, toCloudError } from '../../services/cloud';

export function ProfileEditor({ name }: { name: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One id per attempted change: a retry while its outcome is unknown is the same write, not a new one.
  const request = useRequestId();

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
      setError(checked.errors.name ?? '昵称填写有误');
      return;
    }
    const requestId = request.idFor(checked.value.name);
    setSaving(true);
    setError(null);
    try {
      await callCloud('auth.profile.update', checked.value, { requestId });
      request.settle();
      setEditing(false);
      await refreshMe();
      void Taro.showToast({ title: '昵称已保存', icon: 'success' });
    } catch (caught) {
      const failure = toCloudError(caught);
      request.settle(failure);
      const detail = failure.details?.name;
      setError(typeof detail === 'string' ? detail : failure.message);
    } finally {
      setSaving(false);
    }
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
        <Button className="profile-save primary-button" loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
        <Button
          className="profile-cancel"
          disabled={saving}
          onClick={() => {
            setEditing(false);
            setDraft(name);
            setError(null);
          }}
        >
          取消
        </Button>
      </View>
    </View>
  );
}
