/** The organizer's ways into the work; the contest chosen under 报名统计 carries over into them. */
import { Text, View } from '@tarojs/components';
import { judgingUrls } from '../../../lib/judging';
import { contestUrl, entriesUrl, go } from '../urls';

export function AdminLinks({ contestId, global }: { contestId: string | undefined; global: boolean }) {
  return (
    <View className="admin-links">
      <View className="admin-link-entries admin-links__item card" onClick={() => go(entriesUrl(contestId))}>
        <Text className="admin-links__title">报名审核</Text>
        <Text className="admin-links__desc muted">筛选、查看、审核报名，导出 Excel</Text>
      </View>
      <View className="admin-link-contest admin-links__item card" onClick={() => go(contestUrl(contestId))}>
        <Text className="admin-links__title">赛事设置</Text>
        <Text className="admin-links__desc muted">
          {contestId ? '修改所选赛事的设置' : '新建赛事；在下方赛事卡片中修改设置'}
        </Text>
      </View>
      {global ? (
        <View
          className="admin-link-institutions admin-links__item card"
          onClick={() => go('/admin/pages/institutions/index')}
        >
          <Text className="admin-links__title">服务机构审核</Text>
          <Text className="admin-links__desc muted">投资机构、银行、孵化基地、服务平台</Text>
        </View>
      ) : null}
      <View className="admin-link-news admin-links__item card" onClick={() => go('/admin/pages/news/index')}>
        <Text className="admin-links__title">新闻管理</Text>
        <Text className="admin-links__desc muted">草稿、已发布、定时发布与下线</Text>
      </View>
      <View className="admin-link-article admin-links__item card" onClick={() => go('/admin/pages/article/index')}>
        <Text className="admin-links__title">写文章</Text>
        <Text className="admin-links__desc muted">通知公告、赛事动态、政策解读、媒体报道</Text>
      </View>
      <View className="admin-link-results admin-links__item card" onClick={() => go('/admin/pages/results/index')}>
        <Text className="admin-links__title">成绩发布</Text>
        <Text className="admin-links__desc muted">晋级、入围、获奖名单与公示</Text>
      </View>
      <View
        className="admin-link-objections admin-links__item card"
        onClick={() => go('/admin/pages/objections/index')}
      >
        <Text className="admin-links__title">异议处理</Text>
        <Text className="admin-links__desc muted">答复公示期内的异议</Text>
      </View>
      <View
        className="admin-link-campaigns admin-links__item card"
        onClick={() =>
          go(`/admin/pages/campaigns/index${contestId ? `?contestId=${encodeURIComponent(contestId)}` : ''}`)
        }
      >
        <Text className="admin-links__title">消息推送</Text>
        <Text className="admin-links__desc muted">赛事通知、决赛安排、自动提醒与送达报告</Text>
      </View>
      <View className="admin-link-judging admin-links__item card" onClick={() => go(judgingUrls.rounds(contestId))}>
        <Text className="admin-links__title">评审管理</Text>
        <Text className="admin-links__desc muted">评审轮次、评委、排名晋级与评奖</Text>
      </View>
    </View>
  );
}
