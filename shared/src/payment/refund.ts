import { AppError } from '../errors';
import { fen, formatYuan, type Fen } from '../money/money';
import { refundableOf, type OrderLine, type PaymentOrder } from './order';

export type RefundState = 'processing' | 'succeeded' | 'closed' | 'abnormal';
export const refundStateLabels: Record<RefundState, string> = {
  processing: '退款处理中',
  succeeded: '退款成功',
  closed: '退款关闭',
  abnormal: '退款异常',
};

/** The part of a refund that one bill gives back. */
export interface RefundAllocation {
  billId: string;
  principalFen: Fen;
  lateFeeFen: Fen;
}

/** A refund is possible for online orders with money received and not all returned yet. */
export function assertCanRefund(
  order: Pick<PaymentOrder, 'channel' | 'status' | 'purpose' | 'amountFen' | 'refundedFen' | 'refundingFen'>,
  amountFen: Fen,
): void {
  if (order.channel !== 'wechat')
    throw new AppError('PRECONDITION_FAILED', '线下收款请使用撤销，不能原路退款');
  if (order.purpose !== 'bills') throw new AppError('PRECONDITION_FAILED', '预存充值暂不支持原路退款');
  if (order.status === 'refunding')
    throw new AppError('PRECONDITION_FAILED', '该订单有退款正在处理，请稍后再试');
  if (order.status !== 'paid' && order.status !== 'partially_refunded')
    throw new AppError('PRECONDITION_FAILED', '只有已支付的订单可以退款');
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new AppError('VALIDATION', '退款金额必须大于 0');
  const refundable = refundableOf(order);
  if (amountFen > refundable)
    throw new AppError('VALIDATION', `退款金额超过可退金额 ${formatYuan(refundable)}`);
}

/**
 * Spread a refund over the order's bills: the last bill first, and within a bill its late fee
 * before its principal, so a partial refund reopens as few bills as possible.
 */
export function allocateRefund(lines: readonly OrderLine[], amountFen: Fen): RefundAllocation[] {
  let left: number = amountFen;
  const allocations: RefundAllocation[] = [];
  for (const line of [...lines].reverse()) {
    if (left <= 0) break;
    // What the line can still give back: late fee first.
    const lateFeeLeft = Math.max(0, line.lateFeeFen - Math.min(line.refundedFen, line.lateFeeFen));
    const principalLeft = Math.max(0, line.principalFen - Math.max(0, line.refundedFen - line.lateFeeFen));
    const lateFee = Math.min(left, lateFeeLeft);
    left -= lateFee;
    const principal = Math.min(left, principalLeft);
    left -= principal;
    if (lateFee + principal > 0)
      allocations.push({ billId: line.billId, principalFen: fen(principal), lateFeeFen: fen(lateFee) });
  }
  if (left > 0) throw new AppError('VALIDATION', '退款金额超过订单可退金额');
  return allocations;
}

/** The order's lines after a refund succeeded. */
export function applyRefundToLines(
  lines: readonly OrderLine[],
  allocations: readonly RefundAllocation[],
): OrderLine[] {
  return lines.map((line) => {
    const share = allocations.find((a) => a.billId === line.billId);
    return share
      ? { ...line, refundedFen: fen(line.refundedFen + share.principalFen + share.lateFeeFen) }
      : line;
  });
}
