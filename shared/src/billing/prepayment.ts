import { keyId } from '../ids/ids';
import { fen, type Fen } from '../money/money';

/** 预存 account of a household: one document, its balance changed only inside transactions. */
export type PrepayAccount = {
  _id: string;
  estateId: string;
  householdId: string;
  balanceFen: Fen;
  updatedAt: number;
};

export type PrepayMovementKind = 'credit' | 'draw' | 'refund';
export const prepayMovementLabels: Record<PrepayMovementKind, string> = {
  credit: '充值',
  draw: '账单抵扣',
  refund: '作废退回',
};

/** One movement of a prepayment account; `amountFen` is signed (credits +, draws −). */
export type PrepayMovement = {
  _id: string;
  estateId: string;
  householdId: string;
  kind: PrepayMovementKind;
  amountFen: Fen;
  balanceAfterFen: Fen;
  billId: string | null;
  /** Where it came from: a payment order, a bill run, a voided bill. */
  reference: string;
  note: string;
  at: number;
};

export const prepayAccountId = (householdId: string): string => keyId('prepay', householdId);
export const prepayCreditId = (householdId: string, reference: string): string =>
  keyId('pmv', householdId, 'credit', reference);
export const prepayDrawId = (billId: string): string => keyId('pmv', billId, 'draw');
export const prepayRefundId = (billId: string): string => keyId('pmv', billId, 'refund');

/**
 * How a balance pays a household's new bills: in the given order, each bill as far as the
 * balance goes. Deterministic, so a resumed run draws exactly what a clean run would.
 */
export function planDraws(
  balanceFen: Fen,
  bills: ReadonlyArray<{ billId: string; outstandingFen: Fen }>,
): Array<{ billId: string; amountFen: Fen }> {
  const draws: Array<{ billId: string; amountFen: Fen }> = [];
  let left = balanceFen;
  for (const bill of bills) {
    if (left <= 0) break;
    const amount = fen(Math.min(left, bill.outstandingFen));
    if (amount <= 0) continue;
    draws.push({ billId: bill.billId, amountFen: amount });
    left = fen(left - amount);
  }
  return draws;
}
