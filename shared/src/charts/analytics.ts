import type { CollectionRow } from '../api/billing';
import type { PaymentSegment, SegmentSummary } from '../analytics/payment-segments';
import type { FrequencyRow } from '../analytics/repair-frequency';
import type { PaymentHabit } from '../billing/payment-habits';
import { ellipsize } from '../text/ellipsize';
import { countRing, percentOf, type ChartSpec, type ChartTone } from './spec';

/** 收缴率 of each row of the collection report (by month, building or item), both definitions side by side. */
export function collectionRowsChart(rows: readonly CollectionRow[]): ChartSpec {
  return {
    kind: 'column',
    categories: rows.map((r) => ellipsize(r.label, 8)),
    series: [
      { name: '按金额', data: rows.map((r) => percentOf(r.collectionRateByAmount)), tone: 'info' },
      { name: '按户数', data: rows.map((r) => percentOf(r.collectionRateByHousehold)), tone: 'good' },
    ],
    unit: '%',
    max: 100,
    summary: `收缴率：${rows
      .map(
        (r) =>
          `${r.label} 按金额 ${r.collectionRateByAmount.percent ?? '—'}、按户数 ${r.collectionRateByHousehold.percent ?? '—'}`,
      )
      .join('；')}`,
  };
}

const segmentTones: Record<PaymentSegment, ChartTone> = {
  early: 'good',
  on_time: 'info',
  slightly_late: 'warn',
  chronic: 'bad',
  new: 'muted',
};

/** Households per payment segment, in the order of the cards below it. */
export const segmentsChart = (
  segments: readonly Pick<SegmentSummary, 'segment' | 'label' | 'households'>[],
): ChartSpec =>
  countRing(
    segments.map((s) => ({ label: s.label, count: s.households, tone: segmentTones[s.segment] })),
    '缴费习惯分群',
    '户',
  );

const habitTones: Record<PaymentHabit, ChartTone> = {
  early: 'good',
  on_time: 'info',
  late: 'bad',
  no_history: 'muted',
};

/** 收缴统计's 缴费习惯 tab: households by habit. */
export const habitsChart = (
  summary: ReadonlyArray<{ habit: PaymentHabit; label: string; households: number }>,
): ChartSpec =>
  countRing(
    summary.map((s) => ({ label: s.label, count: s.households, tone: habitTones[s.habit] })),
    '住户缴费习惯',
    '户',
  );

/** The rows repaired most often, as horizontal bars; flagged ones red, repeated ones amber. */
export function frequencyChart(rows: readonly FrequencyRow[], top = 8): ChartSpec {
  const shown = [...rows].sort((a, b) => b.count - a.count).slice(0, top);
  return {
    kind: 'bar',
    categories: shown.map((r) => ellipsize(r.label, 8)),
    series: [
      {
        name: '报修次数',
        data: shown.map((r) => r.count),
        tones: shown.map((r) => (r.flags.length ? 'bad' : r.repeats ? 'warn' : 'info')),
      },
    ],
    unit: '次',
    summary: `报修最多的 ${shown.length} 项：${shown.map((r) => `${r.label} ${r.count} 次`).join('，')}`,
  };
}
