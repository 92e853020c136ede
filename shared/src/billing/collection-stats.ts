import { divideRounded } from '../money/decimal';
import { addFen, fen, ZERO, type Fen } from '../money/money';
import type { LocalDate } from '../time/shanghai';
import { outstandingOf, type Bill } from './bill';
import { lateFeeOf } from './late-fee';

/** The fields statistics read; lines are left out so pages of bills stay small. */
export type StatBill = Pick<
  Bill,
  | 'householdId'
  | 'buildingId'
  | 'period'
  | 'itemCode'
  | 'itemName'
  | 'amountFen'
  | 'reliefFen'
  | 'discountFen'
  | 'waivedFen'
  | 'paidFen'
  | 'lateFeePaidFen'
  | 'status'
  | 'dueDate'
  | 'lateFeeRule'
  | 'settledOn'
  | 'void'
>;

/** A ratio with its parts, so a figure on screen can always be traced back. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** '96.50%', rounded half-up to two decimals; null when there is nothing to divide by. */
  percent: string | null;
}

export function rateOf(numerator: number, denominator: number): Rate {
  if (denominator <= 0) return { numerator, denominator, percent: null };
  const basisPoints = divideRounded(BigInt(numerator) * 10000n, BigInt(denominator), 'half-up');
  const text = (Number(basisPoints) / 100).toFixed(2);
  return { numerator, denominator, percent: `${text}%` };
}

/**
 * 收缴率 figures of a group of bills. The two common definitions are kept apart by name:
 * - collectionRateByAmount = (应收 − 未收) / 应收 = paid / receivable, in fen, where
 *   receivable (应收) = billed − advance-payment discounts − waivers (减免);
 * - collectionRateByHousehold = households with nothing left to pay / households billed.
 * Late fees are neither receivable nor collected here: they are reported on their own, so a
 * late payer's fee never makes a rate look better. Voided bills are left out and counted.
 */
export interface CollectionFigures {
  bills: number;
  voidedBills: number;
  /** 应收原额: the bills' amounts (after vacant rate and free months). */
  billedFen: Fen;
  /** What vacant rate and free months took off the full fee (information only). */
  reliefFen: Fen;
  /** 预缴优惠 */
  discountFen: Fen;
  /** 减免 */
  waivedFen: Fen;
  /** 应收 = billed − discount − waived */
  receivableFen: Fen;
  /** 实收, prepayment included */
  paidFen: Fen;
  /** 未收 = receivable − paid */
  outstandingFen: Fen;
  /** 滞纳金 owed on the open bills as of the report date */
  lateFeeAccruedFen: Fen;
  /** 滞纳金 already collected */
  lateFeePaidFen: Fen;
  householdsBilled: number;
  householdsFullyPaid: number;
  collectionRateByAmount: Rate;
  collectionRateByHousehold: Rate;
}

interface Accumulator {
  figures: Omit<
    CollectionFigures,
    'collectionRateByAmount' | 'collectionRateByHousehold' | 'householdsBilled' | 'householdsFullyPaid'
  >;
  /** household → whether everything it was billed in this group is settled */
  households: Map<string, boolean>;
}

const emptyAccumulator = (): Accumulator => ({
  figures: {
    bills: 0,
    voidedBills: 0,
    billedFen: ZERO,
    reliefFen: ZERO,
    discountFen: ZERO,
    waivedFen: ZERO,
    receivableFen: ZERO,
    paidFen: ZERO,
    outstandingFen: ZERO,
    lateFeeAccruedFen: ZERO,
    lateFeePaidFen: ZERO,
  },
  households: new Map(),
});

function add(acc: Accumulator, bill: StatBill, asOf: LocalDate): void {
  const f = acc.figures;
  if (bill.void) {
    f.voidedBills++;
    return;
  }
  const outstanding = outstandingOf(bill);
  const receivable = fen(bill.amountFen - bill.discountFen - bill.waivedFen);
  f.bills++;
  f.billedFen = addFen(f.billedFen, bill.amountFen);
  f.reliefFen = addFen(f.reliefFen, bill.reliefFen);
  f.discountFen = addFen(f.discountFen, bill.discountFen);
  f.waivedFen = addFen(f.waivedFen, bill.waivedFen);
  f.receivableFen = addFen(f.receivableFen, receivable);
  f.paidFen = addFen(f.paidFen, bill.paidFen);
  f.outstandingFen = addFen(f.outstandingFen, outstanding);
  f.lateFeePaidFen = addFen(f.lateFeePaidFen, bill.lateFeePaidFen);
  const lateFee = lateFeeOf({
    outstandingFen: outstanding,
    dueDate: bill.dueDate,
    asOf,
    rule: bill.lateFeeRule,
  });
  f.lateFeeAccruedFen = addFen(f.lateFeeAccruedFen, lateFee?.amountFen ?? ZERO);
  if (receivable > 0)
    acc.households.set(bill.householdId, (acc.households.get(bill.householdId) ?? true) && outstanding === 0);
}

function finish(acc: Accumulator): CollectionFigures {
  const householdsBilled = acc.households.size;
  const householdsFullyPaid = [...acc.households.values()].filter(Boolean).length;
  return {
    ...acc.figures,
    householdsBilled,
    householdsFullyPaid,
    collectionRateByAmount: rateOf(acc.figures.paidFen, acc.figures.receivableFen),
    collectionRateByHousehold: rateOf(householdsFullyPaid, householdsBilled),
  };
}

/** Collection figures per group (building, month, fee item...) and for all bills together. */
export function collectionStats(
  bills: Iterable<StatBill>,
  asOf: LocalDate,
  groupOf: (bill: StatBill) => string,
): { groups: Map<string, CollectionFigures>; total: CollectionFigures } {
  const groups = new Map<string, Accumulator>();
  const total = emptyAccumulator();
  for (const bill of bills) {
    const key = groupOf(bill);
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = emptyAccumulator()));
    add(acc, bill, asOf);
    add(total, bill, asOf);
  }
  return {
    groups: new Map([...groups.entries()].map(([key, acc]) => [key, finish(acc)])),
    total: finish(total),
  };
}
