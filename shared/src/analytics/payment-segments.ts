import type { BillStatus } from '../billing/bill';
import { addDays } from '../billing/calendar';
import { rateOf, type Rate } from '../billing/collection-stats';
import { daysBetween, type LocalDate } from '../time/shanghai';

/** 缴费分群: whom to remind once, whom to remind often, whom to call. */
export type PaymentSegment = 'early' | 'on_time' | 'slightly_late' | 'chronic' | 'new';
export const PAYMENT_SEGMENTS: readonly PaymentSegment[] = [
  'early',
  'on_time',
  'slightly_late',
  'chronic',
  'new',
];
export const paymentSegmentLabels: Record<PaymentSegment, string> = {
  early: '提前缴',
  on_time: '按时缴',
  slightly_late: '轻度逾期',
  chronic: '长期拖欠',
  new: '新户',
};

/** Thresholds of the segmentation, in days relative to the due date. */
export const SEGMENT_RULES = {
  /** Median payment at least this many days before the due date: early. */
  earlyDays: 3,
  /** Median lateness above this: chronic (up to it: slightly late). */
  chronicMedianDays: 30,
  /** Any bill still unpaid this many days after its due date: chronic, whatever the median. */
  chronicOpenDays: 60,
} as const;

/** The thresholds in words, for the page that shows the segments. */
export const paymentSegmentRules: Record<PaymentSegment, string> = {
  early: `多数账单在到期日前 ${SEGMENT_RULES.earlyDays} 天或更早缴清`,
  on_time: `多数账单在到期日前 ${SEGMENT_RULES.earlyDays - 1} 天至到期当天缴清`,
  slightly_late: `多数账单逾期 1–${SEGMENT_RULES.chronicMedianDays} 天缴清`,
  chronic: `多数账单逾期超过 ${SEGMENT_RULES.chronicMedianDays} 天，或有账单逾期 ${SEGMENT_RULES.chronicOpenDays} 天以上仍未缴清`,
  new: '统计期内没有已到期的账单（新入住或刚开始收费）',
};

/** The bill fields the segmentation reads. */
export interface HabitBill {
  billId: string;
  householdId: string;
  status: BillStatus;
  void: unknown;
  dueDate: LocalDate;
  /** The day the bill was issued (its run's day). */
  issuedOn: LocalDate;
  settledOn: LocalDate | null;
  paidFen: number;
}

/**
 * Days after its due date a bill was paid (negative: before), or is still open on `asOf`;
 * null when the bill says nothing about paying: voided, waived in full, or open and not yet due.
 * A bill settled before it was issued (drawn from a prepayment) counts as paid on its issue day,
 * so an old top-up does not make the household look years early. A partly paid bill is open.
 */
export function daysLateOf(bill: HabitBill, asOf: LocalDate): number | null {
  if (bill.void || bill.status === 'void' || bill.status === 'waived') return null;
  if (bill.status === 'paid' && bill.settledOn) {
    const paidOn = bill.settledOn < bill.issuedOn ? bill.issuedOn : bill.settledOn;
    return daysBetween(bill.dueDate, paidOn);
  }
  if (bill.status === 'paid') return null;
  return asOf > bill.dueDate ? daysBetween(bill.dueDate, asOf) : null;
}

export interface HouseholdHabit {
  householdId: string;
  segment: PaymentSegment;
  /** Bills that count (see daysLateOf). */
  bills: number;
  lateBills: number;
  /** The later middle value for an even count; null for new households. */
  medianDaysLate: number | null;
  /** Days the oldest still-open overdue bill is late; 0 when none. */
  openOverdueDays: number;
}

export function segmentOf(householdId: string, bills: readonly HabitBill[], asOf: LocalDate): HouseholdHabit {
  const lateness: number[] = [];
  let openOverdueDays = 0;
  for (const bill of bills) {
    const days = daysLateOf(bill, asOf);
    if (days === null) continue;
    lateness.push(days);
    if (bill.status !== 'paid') openOverdueDays = Math.max(openOverdueDays, days);
  }
  if (!lateness.length)
    return { householdId, segment: 'new', bills: 0, lateBills: 0, medianDaysLate: null, openOverdueDays: 0 };
  lateness.sort((a, b) => a - b);
  const median = lateness[Math.floor(lateness.length / 2)]!;
  const segment: PaymentSegment =
    median > SEGMENT_RULES.chronicMedianDays || openOverdueDays > SEGMENT_RULES.chronicOpenDays
      ? 'chronic'
      : median > 0
        ? 'slightly_late'
        : median <= -SEGMENT_RULES.earlyDays
          ? 'early'
          : 'on_time';
  return {
    householdId,
    segment,
    bills: lateness.length,
    lateBills: lateness.filter((d) => d > 0).length,
    medianDaysLate: median,
    openOverdueDays,
  };
}

/** One reminder of a bill, as the dunning job recorded it. */
export interface ReminderRecord {
  billId: string;
  scheduledOn: LocalDate;
}

/**
 * Paid within N days of a reference day: the first reminder, or the due date for bills never
 * reminded. Only bills still open on that day count, and open ones only once N days have passed.
 */
export interface ReminderEffect {
  reminded: Rate;
  notReminded: Rate;
}

export function reminderEffectOf(
  bills: readonly HabitBill[],
  reminders: readonly ReminderRecord[],
  withinDays: number,
  asOf: LocalDate,
): ReminderEffect {
  const firstReminder = new Map<string, LocalDate>();
  for (const r of reminders) {
    const seen = firstReminder.get(r.billId);
    if (!seen || r.scheduledOn < seen) firstReminder.set(r.billId, r.scheduledOn);
  }
  const tally = { reminded: [0, 0], notReminded: [0, 0] };
  for (const bill of bills) {
    if (bill.void || bill.status === 'void' || bill.status === 'waived') continue;
    const reminded = firstReminder.get(bill.billId);
    const from = reminded ?? bill.dueDate;
    const until = addDays(from, withinDays);
    const paidOn = bill.status === 'paid' ? bill.settledOn : null;
    if (paidOn !== null && paidOn < from) continue;
    if (paidOn === null && asOf < until) continue;
    const counts = reminded ? tally.reminded : tally.notReminded;
    counts[1]!++;
    if (paidOn !== null && paidOn <= until) counts[0]!++;
  }
  return {
    reminded: rateOf(tally.reminded[0]!, tally.reminded[1]!),
    notReminded: rateOf(tally.notReminded[0]!, tally.notReminded[1]!),
  };
}

export interface SegmentSummary {
  segment: PaymentSegment;
  label: string;
  rule: string;
  households: number;
  bills: number;
  /** Mean days late over the segment's counted bills, one decimal; null without bills. */
  averageDaysLate: number | null;
  effect: ReminderEffect;
}

/** Segment every household, then sum each segment up with how reminders changed its paying. */
export function segmentHouseholds(
  householdIds: readonly string[],
  bills: readonly HabitBill[],
  reminders: readonly ReminderRecord[],
  options: { asOf: LocalDate; withinDays: number },
): { households: HouseholdHabit[]; segments: SegmentSummary[] } {
  const billsOf = new Map<string, HabitBill[]>(householdIds.map((id) => [id, []]));
  for (const bill of bills) billsOf.get(bill.householdId)?.push(bill);
  const households = [...billsOf.entries()].map(([id, own]) => segmentOf(id, own, options.asOf));
  const segmentOfHousehold = new Map(households.map((h) => [h.householdId, h.segment]));
  const segments = PAYMENT_SEGMENTS.map((segment): SegmentSummary => {
    const own = bills.filter((b) => segmentOfHousehold.get(b.householdId) === segment);
    const ownIds = new Set(own.map((b) => b.billId));
    const days = own.map((b) => daysLateOf(b, options.asOf)).filter((d): d is number => d !== null);
    return {
      segment,
      label: paymentSegmentLabels[segment],
      rule: paymentSegmentRules[segment],
      households: households.filter((h) => h.segment === segment).length,
      bills: days.length,
      averageDaysLate: days.length
        ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
        : null,
      effect: reminderEffectOf(
        own,
        reminders.filter((r) => ownIds.has(r.billId)),
        options.withinDays,
        options.asOf,
      ),
    };
  });
  return { households, segments };
}
