import { AppError, fen, type paymentApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { actorOf } from '../../billing/access';
import { ORDERS, type OrderDoc } from '../documents';
import { recordOfflineOrder, unpayBills } from '../settle/open-order';
import { settleRepairBills } from '../../workorder/paid-repair';
import { toOrderView } from '../views';

/** 线下收款: finance records cash, card or transfer against bills, with the paper receipt's number. */
export const recordOffline: Handler<(typeof paymentApi)['recordOffline']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await ctx.db.households.get(input.householdId);
  if (!household || !identity.staffEstateIds.includes(household.estateId))
    throw new AppError('NOT_FOUND', '房屋不存在');
  const actor = actorOf(ctx);
  const order = await recordOfflineOrder(
    ctx.store,
    {
      household,
      purpose: 'bills',
      channel: input.channel,
      accountId: actor.id,
      openid: null,
      now: ctx.now(),
      expiresAt: null,
      receiptNo: input.receiptNo,
      recordedByName: actor.name,
      note: input.note ?? null,
    },
    input.billIds,
  );
  await settleRepairBills(ctx.store, input.billIds, order.paidAt ?? ctx.now(), ctx.log);
  return toOrderView(order);
};

/** 撤销: a wrongly recorded offline payment is cancelled with a reason, its bills owed again. */
export const cancelOffline: Handler<(typeof paymentApi)['cancelOffline']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.now();
  const order = await ctx.store.transaction(async (tx) => {
    const orders = tx.collection<OrderDoc>(ORDERS);
    const current = await orders.get(input.outTradeNo);
    if (!current || !identity.staffEstateIds.includes(current.estateId))
      throw new AppError('NOT_FOUND', '订单不存在');
    if (current.channel === 'wechat') throw new AppError('PRECONDITION_FAILED', '微信支付订单请使用退款');
    if (current.status !== 'paid') throw new AppError('PRECONDITION_FAILED', '该收款已撤销');
    const cancel = { reason: input.reason, by: actor.id, byName: actor.name, at: now };
    await orders.update(current._id, { set: { status: 'cancelled', cancel, updatedAt: now } });
    await unpayBills(
      tx,
      current.lines.map((l) => ({
        billId: l.billId,
        principalFen: l.principalFen,
        lateFeeFen: fen(l.lateFeeFen),
      })),
    );
    return { ...current, status: 'cancelled' as const, cancel };
  });
  return toOrderView(order);
};
