import type { AgingBucket } from '../billing/aging';
import type { CompanyEstateRow, DashboardNotice } from '../api/dashboard';
import type {
  DashboardAlarms,
  DashboardArrears,
  DashboardCollection,
  DashboardSurvey,
  DashboardWorkOrders,
} from '../dashboard/overview';
import { formatYuan } from '../money/money';
import type { Severity } from '../iot/rules';
import { ellipsize } from '../text/ellipsize';
import { countRing, indexTone, percentOf, yuanOf, type ChartSpec, type ChartTone } from './spec';

/** The month's 收缴率 as an arc filled to the rate, green once the target is reached. */
export function collectionChart(collection: DashboardCollection): ChartSpec {
  const percent = collection.rateByAmount.percent ?? '—';
  return {
    kind: 'arcbar',
    categories: ['收缴率'],
    series: [
      {
        name: '按金额',
        data: [Math.min(1, percentOf(collection.rateByAmount) / 100)],
        tone: collection.onTarget ? 'good' : 'warn',
      },
    ],
    unit: '%',
    center: { title: percent, subtitle: `目标 ${collection.targetPercent}%` },
    summary: `${collection.period} 收缴率（按金额）${percent}，目标 ${collection.targetPercent}%`,
  };
}

const agingTones: Record<AgingBucket, ChartTone> = {
  current: 'info',
  d0_30: 'warn',
  d31_90: 'bad',
  d90_plus: 'bad',
};

/** Money owed by age, in yuan: the older the bucket, the hotter its column (工作台 and 账龄). */
export function arrearsChart(arrears: Pick<DashboardArrears, 'outstandingFen' | 'buckets'>): ChartSpec {
  return {
    kind: 'column',
    categories: arrears.buckets.map((b) => b.label.replace('逾期 ', '')),
    series: [
      {
        name: '欠费金额',
        data: arrears.buckets.map((b) => yuanOf(b.outstandingFen)),
        tones: arrears.buckets.map((b) => agingTones[b.bucket]),
        labels: arrears.buckets.map((b) => (b.outstandingFen ? formatYuan(b.outstandingFen) : '')),
      },
    ],
    unit: '元',
    summary: `欠费 ${formatYuan(arrears.outstandingFen)}：${arrears.buckets
      .map((b) => `${b.label} ${formatYuan(b.outstandingFen)}`)
      .join('，')}`,
  };
}

const deskGroupTones = { waiting: 'warn', working: 'info', review: 'good' } as const satisfies Record<
  DashboardWorkOrders['byGroup'][number]['group'],
  ChartTone
>;

export const workOrdersChart = (workOrders: DashboardWorkOrders): ChartSpec =>
  countRing(
    workOrders.byGroup.map((g) => ({ label: g.label, count: g.count, tone: deskGroupTones[g.group] })),
    '未完成工单',
    '单',
  );

export const severityTones: Record<Severity, ChartTone> = {
  critical: 'bad',
  major: 'warn',
  minor: 'info',
  warning: 'muted',
};

export const alarmsChart = (alarms: DashboardAlarms): ChartSpec =>
  countRing(
    alarms.bySeverity.map((s) => ({ label: s.label, count: s.count, tone: severityTones[s.severity] })),
    '未恢复告警',
    '条',
  );

/** Each recent notice's read rate by household, as horizontal bars out of 100%. */
export function noticeReadsChart(notices: readonly DashboardNotice[]): ChartSpec {
  return {
    kind: 'bar',
    categories: notices.map((n) => ellipsize(n.title, 8)),
    series: [{ name: '阅读率', data: notices.map((n) => percentOf(n.readRate)), tone: 'info' }],
    unit: '%',
    max: 100,
    summary: `通知阅读率：${notices.map((n) => `${n.title} ${n.readRate.percent ?? '—'}`).join('，')}`,
  };
}

/** The company view: each estate's 收缴率 this month side by side (each estate keeps its own target). */
export function companyCollectionChart(rows: readonly CompanyEstateRow[]): ChartSpec {
  // An estate with nothing billed yet has no rate (—), not a rate of 0.
  const withFigures = rows.flatMap((r) =>
    r.collection?.rateByAmount.percent
      ? [{ id: r.estateId, name: r.estateName, rate: r.collection.rateByAmount }]
      : [],
  );
  return {
    kind: 'column',
    categories: withFigures.map((r) => ellipsize(r.name, 6)),
    keys: withFigures.map((r) => r.id),
    series: [{ name: '收缴率（按金额）', data: withFigures.map((r) => percentOf(r.rate)), tone: 'info' }],
    unit: '%',
    max: 100,
    summary: `各小区本月收缴率：${withFigures.map((r) => `${r.name} ${r.rate.percent ?? '—'}`).join('，')}`,
  };
}

/** The latest survey's satisfaction index (0–100) as an arc. */
export function surveyChart(survey: DashboardSurvey): ChartSpec {
  const index = survey.overallIndex;
  return {
    kind: 'arcbar',
    categories: ['满意度指数'],
    series: [
      {
        name: '满意度指数',
        data: [index === null ? 0 : Math.min(1, index / 100)],
        tone: indexTone(index),
      },
    ],
    unit: '',
    center: { title: index === null ? '—' : String(index), subtitle: '满意度指数' },
    summary: `${survey.title} 满意度指数 ${index ?? '—'}`,
  };
}
