import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useSubscribePrompt } from '../../hooks/useSubscribePrompt';
import { routes } from '../../services/routes';

/**
 * 订阅赛事提醒: one tap asks WeChat for 赛事通知 / 成绩公布通知 / 报名截止提醒 and follows the contest, so its notices
 * reach the user's inbox whatever they answer. A visitor on H5 signs in first.
 */
export function FollowContest({ contestId, signedIn }: { contestId: string; signedIn: boolean }) {
  const { ask, asking } = useSubscribePrompt();
  const follow = () => {
    if (!signedIn) {
      void Taro.navigateTo({ url: routes.login });
      return;
    }
    void ask(['announcement', 'resultPublished', 'registrationDeadline'], { contestId }).then((outcome) => {
      if (outcome === null) return;
      const title = outcome.accepted.length > 0 ? '已订阅赛事提醒' : '已关注，通知可在「我的 → 消息」查看';
      void Taro.showToast({ title, icon: outcome.accepted.length > 0 ? 'success' : 'none' });
    });
  };
  return (
    <View className="card contest-follow">
      <View className="contest-follow__text">
        <Text className="contest-follow__title">赛事提醒</Text>
        <Text className="muted">报名截止、成绩公布和组委会通知会发给你</Text>
      </View>
      <Button className="contest-follow-button button" disabled={asking} onClick={follow}>
        订阅赛事提醒
      </Button>
    </View>
  );
}
