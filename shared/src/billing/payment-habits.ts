import { daysBetween, type LocalDate } from '../time/shanghai';
import type { StatBill } from './collection-stats';

/** 缴费习惯, to decide whom to remind early and whom to call. */
export type PaymentHabit = 'early' | 'on_time' | 'late' | 'no_history';
export const paymentHabitLabels: Record<PaymentHabit, string> = {
  early: '提前缴费',
  on_time: '按时缴费',
  late: '逾期缴费',
  no_history: '暂无记录',
};

/** Paying at least this many days before the due date counts as early. */
export const EARLY_DAYS = 3;

export interface HabitSummary {
  habit: PaymentHabit;
  /** Bills that say something about the habit: paid ones, and unpaid ones already overdue. */
  billsCounted: number;
  lateBills: number;
  /** Median days paid after the due date (negative: before); the later middle value for an even count. */
  medianDaysLate: number | null;
  maxDaysLate: number | null;
  /** How late, in words, for late payers: '1–30 天', '31–90 天', '90 天以上'. */
  howLate: string | null;
}

/**
 * A household's payment habit from its bills. A paid bill counts the days from its due date
 * to the day it was settled; an unpaid overdue bill counts the days until `asOf` (it is late
 * already, however it ends). Bills not yet due, voided bills and bills settled only by a
 * waiver say nothing about paying and are left out.
 */
export function paymentHabitOf(
  bills: Iterable<Pick<StatBill, 'dueDate' | 'settledOn' | 'status' | 'void'>>,
  asOf: LocalDate,
): HabitSummary {
  const lateness: number[] = [];
  for (const bill of bills) {
    if (bill.void || bill.status === 'waived') continue;
    if (bill.status === 'paid' && bill.settledOn) lateness.push(daysBetween(bill.dueDate, bill.settledOn));
    else if (bill.status !== 'paid' && asOf > bill.dueDate) lateness.push(daysBetween(bill.dueDate, asOf));
  }
  if (!lateness.length)
    return {
      habit: 'no_history',
      billsCounted: 0,
      lateBills: 0,
      medianDaysLate: null,
      maxDaysLate: null,
      howLate: null,
    };
  lateness.sort((a, b) => a - b);
  const median = lateness[Math.floor(lateness.length / 2)]!;
  const max = lateness[lateness.length - 1]!;
  const habit: PaymentHabit = median > 0 ? 'late' : median <= -EARLY_DAYS ? 'early' : 'on_time';
  return {
    habit,
    billsCounted: lateness.length,
    lateBills: lateness.filter((d) => d > 0).length,
    medianDaysLate: median,
    maxDaysLate: max,
    howLate: habit !== 'late' ? null : median <= 30 ? '1–30 天' : median <= 90 ? '31–90 天' : '90 天以上',
  };
}
