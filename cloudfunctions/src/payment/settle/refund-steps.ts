import {
  allocateRefund,
  applyRefundToLines,
  AppError,
  assertCanRefund,
  fen,
  outRefundNo,
  type Fen,
  type PaymentOrderStatus,
  type RefundStatus,
} from '@linli/shared';
import type { Store } from '../../_lib/store/port';
import { ORDERS, REFUNDS, type OrderDoc, type RefundDoc } from '../documents';
import { unpayBills } from './open-order';

/**
 * Step 1 of a refund, before WeChat is asked: in one transaction, check what is left to refund
 * on the order as stored, spread the amount over its bills, record the refund as processing
 * and hold the amount (`refundingFen`) so two refunds at once cannot exceed the payment.
 */
export function beginRefund(
  store: Store,
  outTradeNo: string,
  amountFen: Fen,
  reason: string,
  actor: { id: string; name: string },
  now: number,
): Promise<{ refund: RefundDoc; order: OrderDoc }> {
  return store.transaction(async (tx) => {
    const orders = tx.collection<OrderDoc>(ORDERS);
    const order = await orders.get(outTradeNo);
    if (!order) throw new AppError('NOT_FOUND', '订单不存在');
    assertCanRefund(order, amountFen);
    const sequence = order.refundCount + 1;
    const refund: RefundDoc = {
      _id: outRefundNo(order._id, sequence),
      outTradeNo: order._id,
      estateId: order.estateId,
      householdId: order.householdId,
      amountFen,
      reason,
      allocations: allocateRefund(order.lines, amountFen),
      state: 'processing',
      refundId: null,
      requestedBy: actor.id,
      requestedByName: actor.name,
      requestedAt: now,
      succeededAt: null,
    };
    await tx.collection<RefundDoc>(REFUNDS).insert(refund);
    await orders.update(order._id, {
      set: { status: 'refunding', updatedAt: now },
      inc: { refundingFen: amountFen, refundCount: 1 },
    });
    return { refund, order };
  });
}

const settledStatus = (order: Pick<OrderDoc, 'amountFen' | 'refundedFen'>): PaymentOrderStatus =>
  order.refundedFen >= order.amountFen ? 'refunded' : order.refundedFen > 0 ? 'partially_refunded' : 'paid';

/**
 * Step 2, when WeChat reports the result (in the refund answer, a refund notification, or the
 * sweep's query): once only, from `processing`. Success gives the money back off the bills
 * (they are payable again for that amount); CLOSED releases the held amount. ABNORMAL is not
 * final at WeChat (the money can still be routed), so the refund stays held.
 */
export function finishRefund(
  store: Store,
  outRefundNoValue: string,
  status: RefundStatus,
  refundId: string | null,
  now: number,
): Promise<RefundDoc | null> {
  return store.transaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>(REFUNDS);
    const refund = await refunds.get(outRefundNoValue);
    if (!refund || (refund.state !== 'processing' && refund.state !== 'abnormal')) return null;
    if (status === 'PROCESSING') return null;
    if (status === 'ABNORMAL') {
      if (refund.state === 'abnormal') return null;
      await refunds.update(refund._id, { set: { state: 'abnormal', refundId } });
      return { ...refund, state: 'abnormal', refundId };
    }
    const orders = tx.collection<OrderDoc>(ORDERS);
    const order = await orders.get(refund.outTradeNo);
    if (!order) return null;
    const succeeded = status === 'SUCCESS';
    const refundedFen = fen(order.refundedFen + (succeeded ? refund.amountFen : 0));
    await orders.update(order._id, {
      set: {
        status: settledStatus({ amountFen: order.amountFen, refundedFen }),
        refundedFen,
        refundingFen: fen(Math.max(0, order.refundingFen - refund.amountFen)),
        lines: succeeded ? applyRefundToLines(order.lines, refund.allocations) : order.lines,
        updatedAt: now,
      },
    });
    if (succeeded) await unpayBills(tx, refund.allocations);
    const state = succeeded ? 'succeeded' : 'closed';
    await refunds.update(refund._id, { set: { state, refundId, succeededAt: succeeded ? now : null } });
    return { ...refund, state, refundId, succeededAt: succeeded ? now : null };
  });
}
