import type { Bill, Fen, PaymentOrder, RefundAllocation, RefundState } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

export const ORDERS = 'payment_orders';
export const REFUNDS = 'payment_refunds';
export const ALERTS = 'payment_alerts';
export const RECEIPTS = 'payment_receipts';
export const RECONCILIATIONS = 'payment_reconciliations';

/** A stored order also keeps the Shanghai day it was paid, for reconciliation by day. */
export type OrderDoc = PaymentOrder & Doc & { paidOn: string | null; refundCount: number };

/** A bill as the payment flow sees it: `payingOrderId` locks it to one open order. */
export type PayableBill = Bill & Doc & { payingOrderId?: string | null };

export interface RefundDoc extends Doc {
  /** The out_refund_no. */
  _id: string;
  outTradeNo: string;
  estateId: string;
  householdId: string;
  amountFen: Fen;
  reason: string;
  allocations: RefundAllocation[];
  state: RefundState;
  refundId: string | null;
  requestedBy: string;
  requestedByName: string;
  requestedAt: number;
  succeededAt: number | null;
}

export type AlertKind = 'amount_mismatch' | 'paid_after_close';
export const alertKindLabels: Record<AlertKind, string> = {
  amount_mismatch: '支付金额与订单不符',
  paid_after_close: '订单关闭后收到付款',
};

export interface AlertDoc extends Doc {
  outTradeNo: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  kind: AlertKind;
  problems: string[];
  transactionId: string | null;
  createdAt: number;
}

/** One per (estate, receipt number): a receipt cannot be recorded twice. */
export interface ReceiptDoc extends Doc {
  outTradeNo: string;
  at: number;
}

export function paymentCollections(store: Store) {
  return {
    orders: store.collection<OrderDoc>(ORDERS),
    refunds: store.collection<RefundDoc>(REFUNDS),
    alerts: store.collection<AlertDoc>(ALERTS),
    bills: store.collection<PayableBill>('bills'),
    reconciliations: store.collection<Doc>(RECONCILIATIONS),
  };
}
