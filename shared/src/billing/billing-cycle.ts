import { z } from 'zod';
import { addPeriods, daysInPeriod, type Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import { addDays, dateInPeriod, dayOfMonth, daysInclusive, firstDayOf, lastDayOf } from './calendar';

/**
 * 计费周期 of a monthly fee (area, fixed):
 * - `month`: the natural month; the run of a month bills that month.
 * - `handover_month`: a month from the household's handover day (交房日) — handed over on the
 *   15th, each cycle runs from the 15th to the 14th of the next month; the run of a month bills
 *   the cycle that starts in it. On a day the month lacks (the 29th–31st), the cycle starts on
 *   the month's last day. Without a handover date the cycle is the natural month.
 * - `quarter` / `year`: billed in advance, one bill for the coming quarter (by the runs of
 *   January, April, July and October) or year (by January's run), due in its first month.
 */
export const BillingCycle = z.enum(['month', 'handover_month', 'quarter', 'year']);
export type BillingCycle = z.infer<typeof BillingCycle>;

export const billingCycleLabels: Record<BillingCycle, string> = {
  month: '自然月',
  handover_month: '按交房日起算的月',
  quarter: '按季度预收',
  year: '按年预收',
};

/** One month of a cycle, both days included: a calendar month, or one from the handover day. */
export interface CycleMonth {
  from: LocalDate;
  to: LocalDate;
  days: number;
}

/** What one run bills: one month-long stretch, or the three or twelve months of an advance bill. */
export interface Cycle {
  from: LocalDate;
  to: LocalDate;
  months: CycleMonth[];
}

const calendarMonth = (period: Period): CycleMonth => ({
  from: firstDayOf(period),
  to: lastDayOf(period),
  days: daysInPeriod(period),
});

const cycleOf = (months: CycleMonth[]): Cycle => ({
  from: months[0]!.from,
  to: months[months.length - 1]!.to,
  months,
});

/** The day of `period` a cycle anchored on `anchorDay` starts: that day, or the month's last. */
export function anchoredStart(period: Period, anchorDay: number): LocalDate {
  return dateInPeriod(period, Math.min(anchorDay, daysInPeriod(period)));
}

/** The cycle the run of `period` bills, or null when no cycle starts in that month. */
export function cycleOfRun(
  cycle: BillingCycle,
  period: Period,
  handoverDate: LocalDate | null,
): Cycle | null {
  const month = Number(period.slice(5, 7));
  switch (cycle) {
    case 'month':
      return cycleOf([calendarMonth(period)]);
    case 'handover_month': {
      const anchor = handoverDate ? dayOfMonth(handoverDate) : 1;
      const from = anchoredStart(period, anchor);
      const to = addDays(anchoredStart(addPeriods(period, 1), anchor), -1);
      return cycleOf([{ from, to, days: daysInclusive(from, to) }]);
    }
    case 'quarter':
      return (month - 1) % 3 === 0
        ? cycleOf([0, 1, 2].map((i) => calendarMonth(addPeriods(period, i))))
        : null;
    case 'year':
      return month === 1
        ? cycleOf(Array.from({ length: 12 }, (_, i) => calendarMonth(addPeriods(period, i))))
        : null;
  }
}

/** The cycle in the words of a fee standard; nothing for the natural month. */
export function describeCycle(cycle: BillingCycle): string | null {
  switch (cycle) {
    case 'month':
      return null;
    case 'handover_month':
      return '按交房日起算每月计费（如 15 日至次月 14 日）';
    case 'quarter':
      return '按季度预收（1、4、7、10 月出账，一张账单覆盖整季）';
    case 'year':
      return '按年预收（1 月出账，一张账单覆盖全年）';
  }
}
