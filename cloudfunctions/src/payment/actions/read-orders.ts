import { AppError, isStaff, type paymentApi } from '@linli/shared';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { findAll } from '../../_lib/collections';
import { servedEstateId } from '../../billing/access';
import { paymentConfig } from '../config';
import { paymentCollections, type OrderDoc } from '../documents';
import { syncOrder } from '../sync-order';
import { toAlertView, toOrderView, toRefundView } from '../views';

/** The order, if the caller may see it: its payer's household, or finance staff of its estate. */
async function visibleOrder(ctx: ActionContext, outTradeNo: string): Promise<OrderDoc> {
  const identity = identityOf(ctx);
  const order = await paymentCollections(ctx.store).orders.get(outTradeNo);
  const mayStaff = order && isStaff(identity) && identity.staffEstateIds.includes(order.estateId);
  const mayOwner = order && identity.householdIds.includes(order.householdId);
  if (!order || !(mayOwner || mayStaff)) throw new AppError('NOT_FOUND', '订单不存在');
  return order;
}

/** The owner's screen polls this after the pay sheet closes: an open order is checked at WeChat. */
export const orderStatus: Handler<(typeof paymentApi)['status']> = async (input, ctx) => {
  let order = await visibleOrder(ctx, input.outTradeNo);
  if (order.status === 'open' && order.channel === 'wechat' && order.prepayId) {
    try {
      order = await syncOrder(ctx.store, paymentConfig(), order, ctx.now(), ctx.log, { closeExpired: false });
    } catch (error) {
      // WeChat unreachable: answer with what we know; the sweep catches up.
      ctx.log.log('warn', 'payment.status.sync.failed', { outTradeNo: order._id, error });
    }
  }
  return toOrderView(order);
};

export const listOrders: Handler<(typeof paymentApi)['list']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const where = {
    estateId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.householdId ? { householdId: input.householdId } : {}),
  };
  const page = await paymentCollections(ctx.store).orders.find(
    { where },
    { sort: [['createdAt', 'desc']], limit: 20, after: input.after },
  );
  return { items: page.items.map(toOrderView), ...(page.next ? { next: page.next } : {}) };
};

export const getOrder: Handler<(typeof paymentApi)['get']> = async (input, ctx) => {
  const order = await visibleOrder(ctx, input.outTradeNo);
  const db = paymentCollections(ctx.store);
  const [refunds, alerts] = await Promise.all([
    findAll(db.refunds, { where: { outTradeNo: order._id } }, { sort: [['requestedAt', 'asc']] }),
    db.alerts.find({ where: { estateId: order.estateId, outTradeNo: order._id } }, { limit: 20 }),
  ]);
  return {
    order: toOrderView(order),
    refunds: refunds.map(toRefundView),
    alerts: alerts.items.map(toAlertView),
  };
};

export const listAlerts: Handler<(typeof paymentApi)['alerts']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const page = await paymentCollections(ctx.store).alerts.find(
    { where: { estateId } },
    { sort: [['createdAt', 'desc']], limit: 20, after: input.after },
  );
  return { items: page.items.map(toAlertView), ...(page.next ? { next: page.next } : {}) };
};
