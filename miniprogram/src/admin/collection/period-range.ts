import { addPeriods, periodOf } from '@linli/shared';

export interface PeriodRange {
  periodFrom: string;
  periodTo: string;
}

/** Ranges counted back from this month, the ones finance asks about. */
export function recentRanges(now = Date.now()): Array<{ value: string; label: string; range: PeriodRange }> {
  const current = periodOf(now);
  const back = (months: number) => ({ periodFrom: addPeriods(current, -(months - 1)), periodTo: current });
  return [
    { value: '1', label: '本月', range: back(1) },
    { value: '3', label: '近 3 个月', range: back(3) },
    { value: '6', label: '近 6 个月', range: back(6) },
    { value: '12', label: '近 12 个月', range: back(12) },
  ];
}
