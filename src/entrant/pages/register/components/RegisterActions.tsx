/**
 * The foot of the 报名 form: the banner (with the way on for DUPLICATE_ENTRY / INVALID_STATE), 提交报名 or
 * 提交修改, and how the draft's autosave stands.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatShanghai } from '@core/time/shanghai';
import { routes } from '../../../../services/routes';
import type { SaveState } from '../../../lib/useAutosave';
import type { Mode } from '../useRegistrationForm';

export function RegisterActions(props: {
  contestId: string;
  mode: Mode;
  banner: { code: string; message: string } | null;
  busy: boolean;
  saveState: SaveState;
  lastSaved: string | null;
  onSubmit: () => void;
}) {
  const { contestId, mode, banner, busy } = props;
  return (
    <View className="register-actions">
      {banner ? (
        <View className={`register-banner register-banner--${banner.code}`}>
          <Text>{banner.message}</Text>
          {banner.code === 'DUPLICATE_ENTRY' ? (
            <Text className="register-banner__link" onClick={() => void Taro.navigateTo({ url: routes.entrantHome })}>
              查看我的报名
            </Text>
          ) : null}
          {banner.code === 'INVALID_STATE' ? (
            <Text
              className="register-banner__link"
              onClick={() => void Taro.redirectTo({ url: routes.entry(contestId) })}
            >
              查看报名状态
            </Text>
          ) : null}
        </View>
      ) : null}
      <Button
        className="register-submit primary-button"
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={props.onSubmit}
      >
        {mode === 'edit' ? '提交修改' : '提交报名'}
      </Button>
      <SaveStateLine mode={mode} state={props.saveState} lastSaved={props.lastSaved} />
    </View>
  );
}

function SaveStateLine({ mode, state, lastSaved }: { mode: Mode; state: SaveState; lastSaved: string | null }) {
  if (mode === 'edit')
    return <View className="save-state save-state--idle">已提交的报名不会自动保存，修改后请提交</View>;
  switch (state.kind) {
    case 'saving':
      return <View className="save-state save-state--saving">保存中…</View>;
    case 'saved':
      return <View className="save-state save-state--saved">已保存 {formatShanghai(state.at, 'HH:mm')}</View>;
    case 'failed':
      return <View className="save-state save-state--failed">{state.message}</View>;
    default:
      return (
        <View className="save-state save-state--idle">
          {lastSaved ? `已保存 ${formatShanghai(lastSaved, 'HH:mm')}` : '填写内容会自动保存为草稿'}
        </View>
      );
  }
}
