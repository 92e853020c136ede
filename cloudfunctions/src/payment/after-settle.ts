import type { StaffMember } from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { Logger } from '../_lib/logger';
import type { Doc, Store } from '../_lib/store/port';
import { creditPrepayment } from '../billing/prepayment/credit-prepayment';
import { enqueueMany, enqueueToHousehold, type AnyEnqueueRequest } from '../messaging';
import { settleRepairBills } from '../workorder/paid-repair';
import { ORDERS, type AlertDoc, type OrderDoc } from './documents';
import type { ApplyOutcome } from './settle/settle-order';

function itemNameOf(order: OrderDoc): string {
  if (order.purpose === 'top_up') return '物业费预存';
  const first = order.lines[0];
  if (!first) return '物业缴费';
  return order.lines.length > 1 ? `${first.itemName}等${order.lines.length}项` : first.itemName;
}

/**
 * What follows a settlement, outside its transaction and safe to repeat: credit a top-up
 * (idempotent per order), mark paid the work orders whose repair bills it paid, and send the
 * 缴费成功 message (one per order and account).
 */
export async function afterPaid(store: Store, order: OrderDoc, now: number, log: Logger): Promise<void> {
  await settleRepairBills(
    store,
    order.lines.map((l) => l.billId),
    order.paidAt ?? now,
    log,
  );
  if (order.purpose === 'top_up' && !order.credited) {
    await creditPrepayment(store, order.householdId, order.amountFen, order._id, {
      at: order.paidAt ?? now,
      note: `微信支付预存 ${order._id}`,
    });
    await store.collection<OrderDoc>(ORDERS).update(order._id, { set: { credited: true, updatedAt: now } });
  }
  try {
    await enqueueToHousehold(
      store,
      {
        kind: 'payment_received',
        eventKey: order._id,
        estateId: order.estateId,
        householdId: order.householdId,
        fields: {
          house: order.roomCode,
          itemName: itemNameOf(order),
          amountFen: order.amountFen,
          paidAt: order.paidAt ?? now,
          orderNo: order._id,
        },
        page: `pages/pay-result/index?no=${order._id}`,
      },
      { now },
    );
  } catch (error) {
    // The payment stands without its message; the sender's own retries cover delivery.
    log.log('error', 'payment.message.failed', { outTradeNo: order._id, error });
  }
}

/** Tell the estate's finance staff that a payment needs their eyes (alert messages are staff-side). */
export async function notifyFinance(store: Store, alert: AlertDoc, now: number, log: Logger): Promise<void> {
  const staff = await findAll(store.collection<StaffMember & Doc>('staff'), { where: { active: true } });
  const requests = staff
    .filter((s) => s.accountId && s.roles.includes('finance') && s.estateIds.includes(alert.estateId))
    .map((s): AnyEnqueueRequest => ({
      kind: 'alarm_raised',
      eventKey: alert._id,
      toAccountId: s.accountId!,
      estateId: alert.estateId,
      householdId: alert.householdId,
      fields: {
        device: '微信支付',
        summary: `${alert.roomCode} 订单 ${alert.outTradeNo} 支付异常`,
        level: '严重',
        location: alert.roomCode,
        at: alert.createdAt,
      },
      page: `admin/payments/index?no=${alert.outTradeNo}`,
    }));
  try {
    if (requests.length) await enqueueMany(store, requests, { now });
  } catch (error) {
    log.log('error', 'payment.alert.message.failed', { alertId: alert._id, error });
  }
  log.log('warn', 'payment.alert', { alertId: alert._id, problems: alert.problems });
}

/**
 * Run what an applied transaction calls for. A replay of a paid order runs the follow-up again:
 * the first run may have died between the settlement and its follow-up (npm run faults -- payment
 * kills it there), and every step of afterPaid is idempotent.
 */
export async function followUp(store: Store, outcome: ApplyOutcome, now: number, log: Logger): Promise<void> {
  if (outcome.kind === 'settled') await afterPaid(store, outcome.order, now, log);
  else if (
    outcome.kind === 'already' &&
    (outcome.order.status === 'paid' || (outcome.order.purpose === 'top_up' && !outcome.order.credited))
  )
    await afterPaid(store, outcome.order, now, log);
  else if (outcome.kind === 'alerted' && outcome.fresh) await notifyFinance(store, outcome.alert, now, log);
}
