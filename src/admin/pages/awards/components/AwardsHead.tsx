/** The final round being awarded, the ways to its other pages and, once decided, what was published and 导出 Excel. */
import { Text, View } from '@tarojs/components';
import type { RoundView } from '@core/judging/views';
import { formatShanghai } from '@core/time/shanghai';
import { callCloud } from '../../../../services/cloud';
import { ExportBox, type ExportedFile } from '../../../components/ExportBox';
import { go, judgingUrls, openPublicResults, roundStateKey, roundStateText, roundTitle } from '../../../lib/judging';

/** The file without its row count: the page says 已导出：<file>, the list's size is not the point here. */
async function exportAwards(roundId: string): Promise<ExportedFile> {
  const file = await callCloud('admin.award.export', { roundId });
  return { url: file.url, fileName: file.fileName };
}

export function AwardsHead({ round }: { round: RoundView }) {
  const isDecided = round.awards !== null;
  return (
    <>
      <View className="awards-head card">
        <View className="awards-head__main">
          <Text className="awards-title">
            {round.contestName} · {roundTitle(round)}
          </Text>
          <Text
            className={`awards-state awards-state--${roundStateKey(round)} admin-chip round-chip--${roundStateKey(round)}`}
          >
            {roundStateText(round)}
          </Text>
        </View>
        <View className="admin-nav">
          <Text className="awards-board-link admin-link" onClick={() => go(judgingUrls.round(round.id))}>
            评审看板
          </Text>
          <Text className="awards-ranking-link admin-link" onClick={() => go(judgingUrls.ranking(round.id))}>
            决赛排名
          </Text>
          <Text className="admin-link" onClick={() => go(judgingUrls.audit(round.contestId, round.id))}>
            决策记录
          </Text>
        </View>
        <View className="muted awards-help">
          {isDecided
            ? '获奖名单已确认，下面是评定的奖项；推荐名单见成绩页。'
            : '按决赛排名和各奖项名额给出建议；并列跨越奖项线的项目建议给较高的奖项，请逐一确认。可逐项修改奖项和推荐。'}
        </View>
      </View>

      {isDecided && round.awards ? (
        <View className="awards-done card">
          <View className="admin-done">
            {formatShanghai(round.awards.at, 'YYYY年M月D日 HH:mm')} 已确认获奖名单
            {round.awards.awardsListId ? '，获奖名单' : ''}
            {round.awards.nationalListId ? '和推荐名单' : ''}已发布。
          </View>
          <View className="awards-done__actions">
            <ExportBox handle="awards" exportFile={() => exportAwards(round.id)} />
            <Text className="awards-results-link admin-link" onClick={openPublicResults}>
              在「成绩」页查看公开名单
            </Text>
          </View>
        </View>
      ) : null}
    </>
  );
}
