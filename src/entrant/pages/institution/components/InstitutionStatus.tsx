/** Where the application stands (待审核 / 已通过 / 未通过 with the reason), or who may apply before there is one. */
import { Text, View } from '@tarojs/components';
import { institutionTypeLabels } from '@core/institution/schemas';
import type { InstitutionView } from '@core/institution/views';
import { formatShanghai } from '@core/time/shanghai';

const statusLabels: Record<InstitutionView['status'], string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export function InstitutionStatus({ institution }: { institution: InstitutionView | null }) {
  if (!institution) {
    return (
      <View className="note">
        投资机构、银行、孵化基地和公共服务平台可申请入驻。审核通过后，机构登记在组委会的服务机构名录中，组委会据此联系对接；在线浏览参赛项目和发起对接的功能尚未开放。
      </View>
    );
  }
  return (
    <View className="card institution-status-card">
      <View className="institution-status-card__row">
        <Text className="card__title">{institution.name}</Text>
        <Text className={`institution-status institution-status--${institution.status}`}>
          {statusLabels[institution.status]}
        </Text>
      </View>
      <View className="muted">
        {institutionTypeLabels[institution.type]} · 申请于 {formatShanghai(institution.createdAt)}
      </View>
      {institution.statusReason ? <View className="institution-reason">原因：{institution.statusReason}</View> : null}
      {institution.status === 'pending' ? <View className="muted">组委会审核后会在这里显示结果。</View> : null}
    </View>
  );
}
