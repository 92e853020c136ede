import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatDateTime, indexTone, type Change, type SurveyResultsView } from '@linli/shared';
import { useRef } from 'react';
import { MessageBlock } from '../../components/message-block';
import { Button, Tag } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { saveSheet } from '../../services/sheet-file';
import { StaffPage } from '../components/staff-page';
import { surveyPageRoles } from '../surveys/roles';
import { BarChart } from './bar-chart';
import { QuestionResultCard } from './question-result';
import './index.css';

/** 问卷结果 (`?id=`): response rate, indexes, NPS, distributions, comparison; remind, close, export. */
export default function SurveyResults() {
  const surveyId = useRouter().params.id ?? '';
  return (
    <StaffPage allow={surveyPageRoles} pickEstate={false}>
      {() => <Results surveyId={surveyId} />}
    </StaffPage>
  );
}

const phaseTone = { draft: 'default', upcoming: 'warning', open: 'success', closed: 'default' } as const;

function deltaText(change: Change | undefined, unit = ''): string {
  if (!change || change.delta === null) return '';
  if (change.delta === 0) return '与上次持平';
  return `较上次 ${change.delta > 0 ? '↑' : '↓'}${Math.abs(change.delta)}${unit}`;
}

function Results({ surveyId }: { surveyId: string }) {
  const view = useRemote(() => call('survey', 'results', { surveyId }), [surveyId]);
  return <RemoteView remote={view}>{(data) => <ResultsBody data={data} reload={view.refresh} />}</RemoteView>;
}

function ResultsBody({ data, reload }: { data: SurveyResultsView; reload: () => void }) {
  const { survey, results, comparison, previous } = data;
  const tap = useRef(0);
  const remind = useAction(() =>
    call('survey', 'remind', {
      surveyId: survey.surveyId,
      requestId: `remind-${Date.now()}-${++tap.current}`,
    }),
  );
  const close = useAction(() => call('survey', 'close', { surveyId: survey.surveyId }));
  const exportFile = useAction(async (format: 'csv' | 'xlsx') =>
    saveSheet(await call('survey', 'export', { surveyId: survey.surveyId, format })),
  );

  const onRemind = async () => {
    const round = await remind.run();
    if (round)
      void Taro.showToast({
        title: `已提醒 ${round.households} 户，发出 ${round.messages} 条消息`,
        icon: 'none',
      });
  };
  const onClose = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束问卷',
      content: '结束后业主不能再提交答卷，确定结束吗？',
    });
    if (confirm && (await close.run())) reload();
  };
  const failure = remind.failure ?? close.failure ?? exportFile.failure;
  const dimensionChange = (d: string) => comparison?.dimensions.find((c) => c.dimension === d);

  return (
    <>
      <View className="results-head">
        <View className="results-head__top">
          <Text className="results-head__title">{survey.title}</Text>
          <Tag type={phaseTone[survey.phase]}>{survey.phaseLabel}</Tag>
        </View>
        <Text className="results-head__meta">
          {survey.targetLabel} · {survey.responseUnitLabel} · {survey.anonymous ? '匿名' : '实名'}
        </Text>
        <Text className="results-head__meta">
          {formatDateTime(survey.opensAt)} 至 {formatDateTime(survey.closesAt)}
        </Text>
      </View>
      <StatGrid>
        <StatTile
          label={`回收率 ${results.rate.read}/${results.rate.total}`}
          value={results.rate.percent}
          unit="%"
        />
        <StatTile label="满意度指数" value={results.overallIndex ?? '—'} />
        <StatTile label="NPS" value={results.nps?.score ?? '—'} />
      </StatGrid>
      {comparison && previous ? (
        <Text className="results-compare">
          对比上次「{previous.title}」：满意度 {deltaText(comparison.overallIndex) || '—'}；NPS{' '}
          {deltaText(comparison.nps) || '—'}；回收率 {deltaText(comparison.responseRate, '%') || '—'}
        </Text>
      ) : null}

      {failure ? (
        <MessageBlock tone="error" title="操作失败">
          <Text>{failure.message}</Text>
        </MessageBlock>
      ) : null}
      <View className="results-actions">
        {survey.phase === 'open' ? (
          <>
            <Button size="small" type="primary" disabled={remind.pending} onClick={() => void onRemind()}>
              提醒未填写
            </Button>
            <Button size="small" disabled={close.pending} onClick={() => void onClose()}>
              结束问卷
            </Button>
          </>
        ) : null}
        <Button size="small" disabled={exportFile.pending} onClick={() => void exportFile.run('xlsx')}>
          导出 Excel
        </Button>
        <Button size="small" disabled={exportFile.pending} onClick={() => void exportFile.run('csv')}>
          导出 CSV
        </Button>
      </View>

      {results.dimensions.length ? (
        <>
          <Text className="section-title">各项服务满意度指数（0–100）</Text>
          <View className="result-card">
            <BarChart
              name="各项服务满意度指数"
              bars={results.dimensions.map((d) => ({
                label: d.label,
                percent: d.index ?? 0,
                caption: `${d.index ?? '—'} ${deltaText(dimensionChange(d.dimension))}`.trim(),
                tone: indexTone(d.index),
              }))}
            />
          </View>
        </>
      ) : null}

      <Text className="section-title">各楼栋</Text>
      <View className="result-card">
        {results.buildings.map((b) => (
          <View key={b.buildingId} className="building-row">
            <Text className="building-row__name">{b.buildingName || '未知楼栋'}</Text>
            <Text className="building-row__rate">
              回收 {b.responses}/{b.rate.total}（{b.rate.percent}%）
            </Text>
            <Text className="building-row__index">
              {b.withheld ? '样本不足' : b.index === null ? '—' : `指数 ${b.index}`}
            </Text>
          </View>
        ))}
        {survey.anonymous ? (
          <Text className="result-card__meta">
            匿名问卷：答卷少于 5 份的楼栋不显示指数，以免推断出答题人。
          </Text>
        ) : null}
      </View>

      <Text className="section-title">各题结果</Text>
      {results.questions.map((result, index) => (
        <QuestionResultCard key={result.questionId} result={result} index={index} />
      ))}
    </>
  );
}
