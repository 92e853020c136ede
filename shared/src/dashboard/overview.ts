import { AGING_BUCKETS, agingBucketLabels, agingReport, type AgingBucket } from '../billing/aging';
import { collectionStats, rateOf, type Rate, type StatBill } from '../billing/collection-stats';
import { addFen, ZERO, type Fen } from '../money/money';
import type { LocalDate } from '../time/shanghai';
import { slaStatus, type SlaSubject } from '../workorder/sla';
import { isOpenState, workOrderStateLabels, type WorkOrderState } from '../workorder/states';

/**
 * The 工作台 overview of one estate. Every figure is computed by the same rules as the list it
 * drills down to (collection report, aging report, work-order list), so the two always agree.
 */
export interface DashboardCollection {
  period: string;
  receivableFen: Fen;
  paidFen: Fen;
  outstandingFen: Fen;
  rateByAmount: Rate;
  rateByHousehold: Rate;
  /** The estate's target for the by-amount rate, in percent (e.g. 95). */
  targetPercent: number;
  /** Whether the by-amount rate has reached the target. */
  onTarget: boolean;
  /** Bills settled today, and what they brought in. */
  settledToday: { bills: number; paidFen: Fen };
}

export interface DashboardArrears {
  outstandingFen: Fen;
  households: number;
  buckets: Array<{ bucket: AgingBucket; label: string; households: number; outstandingFen: Fen }>;
}

export interface DashboardWorkOrders {
  open: number;
  byState: Array<{ state: WorkOrderState; label: string; count: number }>;
  atRisk: number;
  breached: number;
}

/** This month's 收缴率 against the target, and today's settlements. */
export function collectionTile(
  bills: Iterable<StatBill>,
  period: string,
  today: LocalDate,
  targetPercent: number,
): DashboardCollection {
  const list = [...bills].filter((b) => b.period === period);
  const { total } = collectionStats(list, today, () => 'estate');
  let settledBills = 0;
  let settledFen = ZERO;
  for (const bill of list) {
    if (bill.void || bill.settledOn !== today) continue;
    settledBills++;
    settledFen = addFen(settledFen, bill.paidFen);
  }
  const reached = rateOf(total.paidFen * 100, total.receivableFen * targetPercent);
  return {
    period,
    receivableFen: total.receivableFen,
    paidFen: total.paidFen,
    outstandingFen: total.outstandingFen,
    rateByAmount: total.collectionRateByAmount,
    rateByHousehold: total.collectionRateByHousehold,
    targetPercent,
    onTarget: total.receivableFen > 0 && reached.numerator >= reached.denominator,
    settledToday: { bills: settledBills, paidFen: settledFen },
  };
}

/** Everything owed across periods, by age. */
export function arrearsTile(
  openBills: Parameters<typeof agingReport>[0],
  today: LocalDate,
): DashboardArrears {
  const report = agingReport(openBills, today);
  return {
    outstandingFen: AGING_BUCKETS.reduce((sum, b) => addFen(sum, report.buckets[b].outstandingFen), ZERO),
    households: report.households.length,
    buckets: AGING_BUCKETS.map((bucket) => ({
      bucket,
      label: agingBucketLabels[bucket],
      households: report.buckets[bucket].households,
      outstandingFen: report.buckets[bucket].outstandingFen,
    })),
  };
}

/** Open orders by state, and how many are at risk of or past their SLA deadline now. */
export function workOrdersTile(
  orders: Iterable<SlaSubject & { state: WorkOrderState }>,
  now: number,
): DashboardWorkOrders {
  const counts = new Map<WorkOrderState, number>();
  let atRisk = 0;
  let breached = 0;
  for (const order of orders) {
    if (!isOpenState(order.state)) continue;
    counts.set(order.state, (counts.get(order.state) ?? 0) + 1);
    const { status } = slaStatus(order, now);
    if (status === 'at_risk') atRisk++;
    if (status === 'breached') breached++;
  }
  const byState = [...counts]
    .map(([state, count]) => ({ state, label: workOrderStateLabels[state], count }))
    .sort((a, b) => b.count - a.count);
  return { open: byState.reduce((n, s) => n + s.count, 0), byState, atRisk, breached };
}
