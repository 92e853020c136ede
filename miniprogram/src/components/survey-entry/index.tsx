import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime } from '@linli/shared';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.css';

/**
 * 首页's survey invitations: open surveys for the owner's homes, unanswered first. Shows nothing
 * when there are none (or while loading, or when the load fails: it is not the page's point).
 */
export function SurveyEntry() {
  const mine = useRemote(() => call('survey', 'mine', {}), []);
  useReloadOnShow(mine.refresh);
  if (mine.status !== 'ready' || mine.data.items.length === 0) return null;
  return (
    <View className="survey-entry">
      <Text className="section-title">问卷调查</Text>
      {mine.data.items.map((card) => (
        <View
          key={card.surveyId}
          className="survey-entry__card"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/survey/index?id=${encodeURIComponent(card.surveyId)}` })
          }
        >
          <View className="survey-entry__main">
            <Text className="survey-entry__title">{card.title}</Text>
            <Text className="survey-entry__meta">
              {card.questionCount} 题{card.anonymous ? ' · 匿名' : ''} · {formatDateTime(card.closesAt)} 截止
            </Text>
          </View>
          <Text
            className={
              card.answered ? 'survey-entry__state survey-entry__state--done' : 'survey-entry__state'
            }
          >
            {card.answered ? '已填写' : card.hasDraft ? '继续填写' : '去填写'}
          </Text>
        </View>
      ))}
    </View>
  );
}
