import { judgeTransaction, keyId, shanghai, toLocalDate, type WechatTransaction } from '@linli/shared';
import type { Store } from '../../_lib/store/port';
import type { PaymentConfig } from '../config';
import { ALERTS, ORDERS, type AlertDoc, type AlertKind, type OrderDoc, type PayableBill } from '../documents';
import { payBillLines } from './open-order';

/**
 * What applying a reported transaction did:
 * - settled: this call marked the order and its bills paid;
 * - already: the order was settled before (a replay, or the sweep and a notification racing);
 * - alerted: the payment does not match the order; nothing was marked paid, finance is alerted;
 * - unpaid / closed: WeChat has no payment (yet / any more);
 * - unknown: no such order here.
 */
export type ApplyOutcome =
  | { kind: 'settled'; order: OrderDoc }
  | { kind: 'already'; order: OrderDoc }
  | { kind: 'alerted'; order: OrderDoc; alert: AlertDoc; fresh: boolean }
  | { kind: 'unpaid'; order: OrderDoc }
  | { kind: 'closed'; order: OrderDoc }
  | { kind: 'unknown' };

function alertFor(
  order: OrderDoc,
  kind: AlertKind,
  problems: string[],
  transactionId: string | null,
  now: number,
): AlertDoc {
  return {
    _id: keyId('payalert', order._id, kind),
    outTradeNo: order._id,
    estateId: order.estateId,
    householdId: order.householdId,
    roomCode: order.roomCode,
    kind,
    problems,
    transactionId,
    createdAt: now,
  };
}

/**
 * Apply what WeChat Pay reports for an order, exactly once: the order and all its bills change
 * in one transaction over documents by id, and only from `open`, so a replayed notification or
 * a sweep racing the notification finds the order paid and changes nothing.
 */
export function applyTransaction(
  store: Store,
  config: Pick<PaymentConfig, 'mchid' | 'appid'>,
  transaction: WechatTransaction,
  now: number,
): Promise<ApplyOutcome> {
  return store.transaction(async (tx): Promise<ApplyOutcome> => {
    const orders = tx.collection<OrderDoc>(ORDERS);
    const order = await orders.get(transaction.out_trade_no);
    if (!order) return { kind: 'unknown' };
    const verdict = judgeTransaction(transaction, order, config);
    if (verdict.kind === 'unpaid') return { kind: 'unpaid', order };
    if (verdict.kind === 'closed') return { kind: 'closed', order };

    const raise = async (kind: AlertKind, problems: string[]): Promise<ApplyOutcome> => {
      const alert = alertFor(order, kind, problems, transaction.transaction_id ?? null, now);
      const alerts = tx.collection<AlertDoc>(ALERTS);
      const existing = await alerts.get(alert._id);
      if (existing) return { kind: 'alerted', order, alert: existing, fresh: false };
      await alerts.insert(alert);
      return { kind: 'alerted', order, alert, fresh: true };
    };
    if (verdict.kind === 'mismatch') return raise('amount_mismatch', verdict.problems);
    if (order.status !== 'open') {
      if (order.status === 'closed')
        return raise('paid_after_close', [`订单已于关闭后收到微信支付付款，请核实并退款`]);
      return { kind: 'already', order };
    }

    const paidAt = transaction.success_time ? shanghai(transaction.success_time).valueOf() : now;
    const paid: OrderDoc = {
      ...order,
      status: 'paid',
      transactionId: transaction.transaction_id ?? null,
      paidAt,
      paidOn: toLocalDate(paidAt),
      updatedAt: now,
    };
    await orders.update(order._id, {
      set: {
        status: paid.status,
        transactionId: paid.transactionId,
        paidAt: paid.paidAt,
        paidOn: paid.paidOn,
        updatedAt: now,
      },
    });
    await payBillLines(tx, order.lines, paidAt);
    return { kind: 'settled', order: paid };
  });
}

/** Close an open order here (WeChat has closed it or it expired): its bills are payable again. */
export function closeOrder(
  store: Store,
  outTradeNo: string,
  reason: string,
  now: number,
): Promise<OrderDoc | null> {
  return store.transaction(async (tx) => {
    const orders = tx.collection<OrderDoc>(ORDERS);
    const order = await orders.get(outTradeNo);
    if (!order || order.status !== 'open') return null;
    await orders.update(outTradeNo, {
      set: { status: 'closed', closedAt: now, closeReason: reason, updatedAt: now },
    });
    const bills = tx.collection<PayableBill>('bills');
    for (const line of order.lines) {
      const bill = await bills.get(line.billId);
      if (bill?.payingOrderId === outTradeNo) await bills.update(bill._id, { set: { payingOrderId: null } });
    }
    return { ...order, status: 'closed', closedAt: now, closeReason: reason };
  });
}
