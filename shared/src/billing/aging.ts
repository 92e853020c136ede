import { addFen, ZERO, type Fen } from '../money/money';
import { daysBetween, type LocalDate } from '../time/shanghai';
import { outstandingOf } from './bill';
import type { StatBill } from './collection-stats';

/** 账龄: how long an unpaid bill is past its due date. */
export type AgingBucket = 'current' | 'd0_30' | 'd31_90' | 'd90_plus';
export const AGING_BUCKETS: readonly AgingBucket[] = ['current', 'd0_30', 'd31_90', 'd90_plus'];
export const agingBucketLabels: Record<AgingBucket, string> = {
  current: '未到期',
  d0_30: '逾期 0–30 天',
  d31_90: '逾期 31–90 天',
  d90_plus: '逾期 90 天以上',
};

/** A bill due today is not yet in arrears; the first overdue day is day 1 of the 0–30 bucket. */
export function agingBucketOf(dueDate: LocalDate, asOf: LocalDate): AgingBucket {
  const overdue = daysBetween(dueDate, asOf);
  if (overdue <= 0) return 'current';
  if (overdue <= 30) return 'd0_30';
  if (overdue <= 90) return 'd31_90';
  return 'd90_plus';
}

export interface AgingFigures {
  bills: number;
  households: number;
  outstandingFen: Fen;
}

export interface HouseholdArrears {
  householdId: string;
  bills: number;
  outstandingFen: Fen;
  oldestDueDate: LocalDate;
  maxOverdueDays: number;
  /** The bucket of its oldest unpaid bill. */
  bucket: AgingBucket;
}

/** Unpaid amounts by age, and per household (largest first). */
export function agingReport(
  bills: Iterable<
    Pick<StatBill, 'householdId' | 'dueDate' | 'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen' | 'void'>
  >,
  asOf: LocalDate,
): { buckets: Record<AgingBucket, AgingFigures>; households: HouseholdArrears[] } {
  const buckets = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, { bills: 0, households: 0, outstandingFen: ZERO }]),
  ) as Record<AgingBucket, AgingFigures>;
  const bucketHouseholds = new Map<AgingBucket, Set<string>>(AGING_BUCKETS.map((b) => [b, new Set()]));
  const households = new Map<string, HouseholdArrears>();
  // Bills share a handful of due dates: date arithmetic once per date, not per bill.
  const ages = new Map<string, { bucket: AgingBucket; overdue: number }>();
  const ageOf = (dueDate: string) => {
    let age = ages.get(dueDate);
    if (!age) {
      age = { bucket: agingBucketOf(dueDate, asOf), overdue: Math.max(0, daysBetween(dueDate, asOf)) };
      ages.set(dueDate, age);
    }
    return age;
  };
  for (const bill of bills) {
    const outstanding = outstandingOf(bill);
    if (outstanding <= 0) continue;
    const { bucket, overdue } = ageOf(bill.dueDate);
    const figures = buckets[bucket];
    figures.bills++;
    figures.outstandingFen = addFen(figures.outstandingFen, outstanding);
    bucketHouseholds.get(bucket)!.add(bill.householdId);
    const known = households.get(bill.householdId);
    if (!known) {
      households.set(bill.householdId, {
        householdId: bill.householdId,
        bills: 1,
        outstandingFen: outstanding,
        oldestDueDate: bill.dueDate,
        maxOverdueDays: overdue,
        bucket,
      });
    } else {
      known.bills++;
      known.outstandingFen = addFen(known.outstandingFen, outstanding);
      if (bill.dueDate < known.oldestDueDate) {
        known.oldestDueDate = bill.dueDate;
        known.maxOverdueDays = overdue;
        known.bucket = bucket;
      }
    }
  }
  for (const bucket of AGING_BUCKETS) buckets[bucket].households = bucketHouseholds.get(bucket)!.size;
  return {
    buckets,
    households: [...households.values()].sort(
      (a, b) => b.outstandingFen - a.outstandingFen || (a.householdId < b.householdId ? -1 : 1),
    ),
  };
}
