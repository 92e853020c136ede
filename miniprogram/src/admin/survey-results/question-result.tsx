import { Text, View } from '@tarojs/components';
import { indexTone, questionTypeLabels, type PercentBar, type QuestionResult } from '@linli/shared';
import { BarChart } from './bar-chart';

const share = (count: number, of: number) => (of ? Math.round((count / of) * 1000) / 10 : 0);

function scoreBars(counts: readonly number[], answered: number, label: (i: number) => string): PercentBar[] {
  return counts.map((count, i) => ({
    label: label(i),
    percent: share(count, answered),
    caption: `${count} 人 · ${share(count, answered)}%`,
  }));
}

/** One question's distribution as bars (texts as a list). */
export function QuestionResultCard({ result, index }: { result: QuestionResult; index: number }) {
  return (
    <View className="result-card">
      <Text className="result-card__title">
        {index + 1}. {result.title}
      </Text>
      <Text className="result-card__meta">
        {questionTypeLabels[result.type]} · {result.answered} 人作答
        {result.type === 'rating' && result.mean !== null ? ` · 平均 ${result.mean} 星` : ''}
        {result.type === 'nps' && result.score !== null ? ` · NPS ${result.score}` : ''}
      </Text>
      <Distribution result={result} />
    </View>
  );
}

function Distribution({ result }: { result: QuestionResult }) {
  switch (result.type) {
    case 'rating':
      return (
        <BarChart
          name={result.title}
          bars={scoreBars(result.counts, result.answered, (i) => `${i + 1} 星`).reverse()}
        />
      );
    case 'nps':
      return (
        <>
          <BarChart
            name={result.title}
            bars={scoreBars(result.counts, result.answered, (i) => `${i} 分`).reverse()}
          />
          <Text className="result-card__meta">
            推荐者 {result.promoters} · 中立者 {result.passives} · 贬损者 {result.detractors}
          </Text>
        </>
      );
    case 'single':
    case 'multiple':
      return (
        <BarChart
          name={result.title}
          bars={result.options.map((o) => ({
            label: o.label,
            percent: o.percent,
            caption: `${o.count} 人 · ${o.percent}%`,
          }))}
        />
      );
    case 'text':
      return result.texts.length ? (
        <View className="result-texts">
          {result.texts.map((text, i) => (
            <Text key={i} className="result-texts__item">
              {text}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="result-card__meta">暂无文字意见</Text>
      );
    case 'matrix':
      return (
        <BarChart
          name={result.title}
          bars={result.rows.map((row) => {
            const index = row.mean === null ? null : Math.round(((row.mean - 1) / 4) * 1000) / 10;
            return {
              label: row.label,
              percent: index ?? 0,
              caption: row.mean === null ? '暂无' : `平均 ${row.mean} 星`,
              tone: indexTone(index),
            };
          })}
        />
      );
  }
}
