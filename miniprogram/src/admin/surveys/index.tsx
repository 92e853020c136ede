import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type SurveyListItem } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Button, Tag } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { surveyPageRoles } from './roles';
import './index.css';

/** 满意度调查: the estate's surveys, newest first; drafts open in the builder, the rest in results. */
export default function Surveys() {
  return (
    <StaffPage allow={surveyPageRoles}>{({ estateId }) => <SurveyList estateId={estateId} />}</StaffPage>
  );
}

const phaseTone = { draft: 'default', upcoming: 'warning', open: 'success', closed: 'default' } as const;

function SurveyList({ estateId }: { estateId: string }) {
  const list = useRemote(() => call('survey', 'list', { estateId }), [estateId]);
  useReloadOnShow(list.refresh);
  const open = (survey: SurveyListItem) =>
    void Taro.navigateTo({
      url:
        survey.status === 'draft'
          ? `/admin/survey-edit/index?id=${survey.surveyId}`
          : `/admin/survey-results/index?id=${survey.surveyId}`,
    });
  return (
    <>
      <View className="surveys__top">
        <Text className="section-title">问卷列表</Text>
        <Button
          type="primary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: `/admin/survey-edit/index?estateId=${estateId}` })}
        >
          新建问卷
        </Button>
      </View>
      <RemoteView remote={list}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="还没有问卷"
              description="新建一份满意度调查，了解业主对服务的评价。"
              glyph="☑"
            />
          ) : (
            <>
              {items.map((survey) => (
                <View key={survey.surveyId} className="survey-row" onClick={() => open(survey)}>
                  <View className="survey-row__head">
                    <Text className="survey-row__title">{survey.title}</Text>
                    <Tag type={phaseTone[survey.phase]}>{survey.phaseLabel}</Tag>
                  </View>
                  <Text className="survey-row__meta">
                    {survey.kind === 'post_repair' ? '维修回访 · ' : ''}
                    {survey.targetLabel} · {survey.questionCount} 题 · {survey.responseUnitLabel}
                    {survey.anonymous ? ' · 匿名' : ''}
                  </Text>
                  <Text className="survey-row__meta">
                    {survey.status === 'draft'
                      ? `草稿 · ${formatDateTime(survey.updatedAt)} 修改`
                      : `回收 ${survey.responses}/${survey.audienceHouseholds ?? 0}（${survey.rate?.percent ?? 0}%）· ${formatDateTime(survey.closesAt)} 截止`}
                  </Text>
                </View>
              ))}
            </>
          )
        }
      </RemoteView>
    </>
  );
}
