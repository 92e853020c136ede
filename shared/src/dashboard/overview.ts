import { AGING_BUCKETS, agingBucketLabels, agingReport, type AgingBucket } from '../billing/aging';
import { collectionStats, rateOf, type Rate, type StatBill } from '../billing/collection-stats';
import { addFen, ZERO, type Fen } from '../money/money';
import type { LocalDate } from '../time/shanghai';
import type { Access } from '../api/contract';
import type { Severity } from '../iot/rules';
import type { ReadRate } from '../notice/read-rate';
import type { Role } from '../schemas/identity';
import type { OPEN_DESK_GROUPS } from '../workorder/desk-groups';

type OpenDeskGroup = (typeof OPEN_DESK_GROUPS)[number];

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

/** Open orders by the desk list's tabs, and how many of them are at risk of or past a deadline. */
export interface DashboardWorkOrders {
  open: number;
  byGroup: Array<{ group: OpenDeskGroup; label: string; count: number }>;
  atRisk: number;
  breached: number;
}

/** Active alarms (未恢复) by severity, and how many nobody has acknowledged yet. */
export interface DashboardAlarms {
  active: number;
  unacked: number;
  bySeverity: Array<{ severity: Severity; label: string; count: number }>;
}

/** The service desk's backlog: conversations with owner messages unread by staff, complaints to accept. */
export interface DashboardServiceDesk {
  unreadConversations: number;
  pendingComplaints: number;
}

/** The latest general survey's satisfaction index and response rate. */
export interface DashboardSurvey {
  surveyId: string;
  title: string;
  phaseLabel: string;
  /** 0–100; null before any rating. */
  overallIndex: number | null;
  rate: ReadRate;
}

/** Whether a person with these roles may open a list guarded by `access`: a tile shows only then. */
export function mayOpen(roles: readonly Role[], access: Access): boolean {
  return typeof access === 'object' && access.roles.some((role) => roles.includes(role));
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

/** The company view's totals row: sums over the estate rows; a column nobody may see stays null. */
export function companyTotals<
  Row extends {
    collection: { receivableFen: Fen; paidFen: Fen } | null;
    arrears: { outstandingFen: Fen; households: number } | null;
    openOrders: number | null;
    activeAlarms: number | null;
  },
>(rows: readonly Row[]) {
  const sum = <T>(pick: (row: Row) => T | null, add: (a: T, b: T) => T): T | null =>
    rows.reduce<T | null>((total, row) => {
      const value = pick(row);
      if (value === null) return total;
      return total === null ? value : add(total, value);
    }, null);
  const collection = sum(
    (r) =>
      r.collection ? { receivableFen: r.collection.receivableFen, paidFen: r.collection.paidFen } : null,
    (a, b) => ({
      receivableFen: addFen(a.receivableFen, b.receivableFen),
      paidFen: addFen(a.paidFen, b.paidFen),
    }),
  );
  return {
    collection: collection && {
      ...collection,
      rateByAmount: rateOf(collection.paidFen, collection.receivableFen),
    },
    arrears: sum(
      (r) => r.arrears,
      (a, b) => ({
        outstandingFen: addFen(a.outstandingFen, b.outstandingFen),
        households: a.households + b.households,
      }),
    ),
    openOrders: sum(
      (r) => r.openOrders,
      (a, b) => a + b,
    ),
    activeAlarms: sum(
      (r) => r.activeAlarms,
      (a, b) => a + b,
    ),
  };
}
