import {
  channelLabels,
  orderStatusLabels,
  purposeLabels,
  refundStateLabels,
  type PaymentAlertView,
  type PaymentOrderView,
  type RefundView,
} from '@linli/shared';
import { alertKindLabels, type AlertDoc, type OrderDoc, type RefundDoc } from './documents';

export function toOrderView(order: OrderDoc): PaymentOrderView {
  return {
    outTradeNo: order._id,
    purpose: order.purpose,
    purposeLabel: purposeLabels[order.purpose],
    channel: order.channel,
    channelLabel: channelLabels[order.channel],
    status: order.status,
    statusLabel: orderStatusLabels[order.status],
    householdId: order.householdId,
    roomCode: order.roomCode,
    description: order.description,
    amountFen: order.amountFen,
    lines: order.lines.map((l) => ({ ...l })),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    transactionId: order.transactionId,
    refundedFen: order.refundedFen,
    refundingFen: order.refundingFen,
    receiptNo: order.receiptNo,
    recordedByName: order.recordedByName,
    note: order.note,
    closeReason: order.closeReason,
    cancel: order.cancel
      ? { reason: order.cancel.reason, byName: order.cancel.byName, at: order.cancel.at }
      : null,
  };
}

export function toRefundView(refund: RefundDoc): RefundView {
  return {
    outRefundNo: refund._id,
    outTradeNo: refund.outTradeNo,
    amountFen: refund.amountFen,
    reason: refund.reason,
    state: refund.state,
    stateLabel: refundStateLabels[refund.state],
    requestedByName: refund.requestedByName,
    requestedAt: refund.requestedAt,
    succeededAt: refund.succeededAt,
  };
}

export function toAlertView(alert: AlertDoc): PaymentAlertView {
  return {
    alertId: alert._id,
    outTradeNo: alert.outTradeNo,
    roomCode: alert.roomCode,
    kind: alert.kind,
    kindLabel: alertKindLabels[alert.kind],
    problems: alert.problems,
    createdAt: alert.createdAt,
  };
}
