import { keyId } from '../ids/ids';
import { fen, ZERO, type Fen } from '../money/money';
import type { Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import type { FeeKind, LateFeeRule, MeterKind } from './fee-standard';

/** One explained line of a bill: `89.53 m² × ¥2.35/m²·月 = ¥210.40`. */
export interface BillLine {
  label: string;
  formula: string;
  amountFen: Fen;
  /** The days a prorated line covers, both included; absent when it covers the whole period. */
  from?: LocalDate;
  to?: LocalDate;
}

/** What a metered bill measured. */
export interface BillUsage {
  meter: MeterKind;
  /** The month the consumption belongs to (the run of the next month bills it). */
  usagePeriod: Period;
  previousReading: string;
  currentReading: string;
  quantity: string;
  unit: string;
  meterReplaced: boolean;
  readingId: string;
}

export type BillStatus = 'unpaid' | 'partial' | 'paid' | 'waived' | 'void';
export const billStatusLabels: Record<BillStatus, string> = {
  unpaid: '待缴',
  partial: '部分已缴',
  paid: '已缴清',
  waived: '已减免',
  void: '已作废',
};

/** 减免: an approved reduction of what a bill asks for. */
export interface Waiver {
  waiverId: string;
  amountFen: Fen;
  reason: string;
  approvedBy: string;
  approvedByName: string;
  at: number;
}

export interface BillVoid {
  reason: string;
  by: string;
  byName: string;
  at: number;
}

/**
 * A bill: one household, one period, one fee item. Issued bills are never rewritten by later
 * price changes (lines and rules are copied in), never deleted (only voided), and their id is
 * derived from household + period + item, so a run can be repeated without duplicates.
 *
 * Money: amountFen (应收, the lines' sum, after vacant rate and free months) − discountFen
 * (预缴优惠) − waivedFen (减免) − paidFen (实收, prepayment included) = outstanding (未收).
 * reliefFen is what vacant rate and free months took off the full fee, kept for statistics.
 */
export type Bill = {
  _id: string;
  estateId: string;
  buildingId: string;
  householdId: string;
  roomCode: string;
  period: Period;
  itemCode: string;
  itemName: string;
  kind: FeeKind;
  /** The standard version that governs the bill (due day, late fee, rounding). */
  standardId: string;
  lines: BillLine[];
  usage: BillUsage | null;
  amountFen: Fen;
  reliefFen: Fen;
  /** How discountFen was reached (预缴优惠 of a quarter or year billed in advance). */
  discountFormula?: string;
  discountFen: Fen;
  waivedFen: Fen;
  paidFen: Fen;
  /** The part of paidFen drawn from the household's prepayment account. */
  prepaidFen: Fen;
  lateFeePaidFen: Fen;
  status: BillStatus;
  dueDate: LocalDate;
  lateFeeRule: LateFeeRule | null;
  runId: string;
  issuedAt: number;
  /** When nothing was left to pay (paid or waived in full). */
  settledAt: number | null;
  settledOn: LocalDate | null;
  waivers: Waiver[];
  void: BillVoid | null;
  /** A one-off bill made by another context, e.g. the work order whose 有偿维修 quote it bills. */
  source?: { kind: 'workorder'; orderId: string; orderNo: string } | null;
};

export const billId = (householdId: string, period: Period, itemCode: string): string =>
  keyId('bill', householdId, period, itemCode);

/** What is still owed on a bill, before any late fee. */
export function outstandingOf(
  bill: Pick<Bill, 'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen' | 'void'>,
): Fen {
  if (bill.void) return ZERO;
  return fen(Math.max(0, bill.amountFen - bill.discountFen - bill.waivedFen - bill.paidFen));
}

/** The status follows from the amounts; stored only so lists can filter on it. */
export function statusOf(
  bill: Pick<Bill, 'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen' | 'void'>,
): BillStatus {
  if (bill.void) return 'void';
  if (outstandingOf(bill) === 0) return bill.paidFen > 0 ? 'paid' : 'waived';
  return bill.paidFen > 0 || bill.waivedFen > 0 ? 'partial' : 'unpaid';
}

/** Bills that can still be paid, reminded of and counted as arrears. */
export const OPEN_STATUSES: readonly BillStatus[] = ['unpaid', 'partial'];
