import { outstandingOf, OPEN_STATUSES, type Bill } from '../billing/bill';
import { lateFeeOf } from '../billing/late-fee';
import { AppError } from '../errors';
import { fen, type Fen } from '../money/money';
import { toLocalDate } from '../time/shanghai';
import type { OrderLine } from './order';

/** At most this many bills in one order (WeChat's description and our transaction stay small). */
export const MAX_BILLS_PER_ORDER = 24;

export type PricedBill = Pick<
  Bill,
  | '_id'
  | 'householdId'
  | 'period'
  | 'itemName'
  | 'status'
  | 'amountFen'
  | 'discountFen'
  | 'waivedFen'
  | 'paidFen'
  | 'void'
  | 'dueDate'
  | 'lateFeeRule'
>;

/**
 * Price an order from the bills as stored (never from what the client says): each bill's
 * outstanding amount plus its late fee as of the order's day. Every bill must belong to the
 * household and still be payable.
 */
export function priceBills(
  householdId: string,
  bills: readonly PricedBill[],
  now: number,
): { lines: OrderLine[]; amountFen: Fen } {
  if (bills.length === 0) throw new AppError('VALIDATION', '请选择要缴纳的账单');
  if (bills.length > MAX_BILLS_PER_ORDER)
    throw new AppError('VALIDATION', `一次最多缴纳 ${MAX_BILLS_PER_ORDER} 张账单`);
  const asOf = toLocalDate(now);
  const lines: OrderLine[] = [];
  for (const bill of bills) {
    if (bill.householdId !== householdId) throw new AppError('FORBIDDEN', '只能缴纳本房屋的账单');
    const principalFen = outstandingOf(bill);
    if (!OPEN_STATUSES.includes(bill.status) || principalFen <= 0)
      throw new AppError(
        'PRECONDITION_FAILED',
        `${bill.period} ${bill.itemName} 已结清或不可缴纳，请刷新后重试`,
      );
    const lateFee = lateFeeOf({
      outstandingFen: principalFen,
      dueDate: bill.dueDate,
      asOf,
      rule: bill.lateFeeRule,
    });
    lines.push({
      billId: bill._id,
      period: bill.period,
      itemName: bill.itemName,
      principalFen,
      lateFeeFen: lateFee?.amountFen ?? fen(0),
      refundedFen: fen(0),
    });
  }
  if (new Set(lines.map((l) => l.billId)).size !== lines.length)
    throw new AppError('VALIDATION', '账单重复选择');
  const amountFen = fen(lines.reduce((sum, l) => sum + l.principalFen + l.lateFeeFen, 0));
  return { lines, amountFen };
}

/** `物业费 2026-07 等3项`, within WeChat's 127 characters. */
export function describeOrder(
  roomCode: string,
  lines: readonly Pick<OrderLine, 'itemName' | 'period'>[],
): string {
  const first = lines[0];
  const head = first ? `${first.itemName} ${first.period}` : '物业缴费';
  const text = `${roomCode} ${head}${lines.length > 1 ? ` 等${lines.length}项` : ''}`;
  return text.slice(0, 127);
}
