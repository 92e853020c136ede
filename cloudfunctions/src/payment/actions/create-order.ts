import { AppError, type paymentApi } from '@linli/shared';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { paymentConfig } from '../config';
import { ORDERS, type OrderDoc } from '../documents';
import { closeOrder } from '../settle/settle-order';
import { openBillsOrder, openTopUpOrder, type OrderDraft } from '../settle/open-order';
import { toOrderView } from '../views';
import { wechatPay } from '../wechat-pay';

async function draftFor(
  ctx: ActionContext,
  householdId: string,
  purpose: OrderDraft['purpose'],
): Promise<OrderDraft> {
  const identity = identityOf(ctx);
  if (!identity.householdIds.includes(householdId)) throw new AppError('FORBIDDEN', '只能为您绑定的房屋缴费');
  const household = await ctx.db.households.get(householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  const now = ctx.now();
  return {
    household,
    purpose,
    channel: 'wechat',
    accountId: identity.accountId,
    openid: identity.openid,
    now,
    expiresAt: now + paymentConfig().expireMinutes * 60_000,
  };
}

/**
 * Steps after the order is stored: prepay at WeChat (outside any transaction: it is a network
 * call), keep the prepay id, and sign wx.requestPayment's arguments. A failed prepay closes
 * the order so its bills are free again.
 */
async function prepayAndSign(ctx: ActionContext, order: OrderDoc) {
  const config = paymentConfig();
  const client = wechatPay(config);
  let prepayId = order.prepayId;
  if (!prepayId) {
    try {
      ({ prepayId } = await client.prepay({
        outTradeNo: order._id,
        description: order.description,
        amountFen: order.amountFen,
        openid: order.openid ?? '',
        expiresAt: order.expiresAt ?? ctx.now() + config.expireMinutes * 60_000,
        attach: order.householdId.slice(0, 128),
      }));
    } catch (error) {
      await closeOrder(ctx.store, order._id, '微信支付下单失败', ctx.now());
      ctx.log.log('error', 'payment.prepay.failed', { outTradeNo: order._id, error });
      throw error instanceof AppError ? error : new AppError('INTERNAL', '微信支付下单失败，请稍后重试');
    }
    await ctx.store
      .collection<OrderDoc>(ORDERS)
      .update(order._id, { set: { prepayId, updatedAt: ctx.now() } });
  }
  return { order: toOrderView({ ...order, prepayId }), payment: client.paymentParams(prepayId) };
}

export const createOrder: Handler<(typeof paymentApi)['create']> = async (input, ctx) => {
  const draft = await draftFor(ctx, input.householdId, 'bills');
  const { order, reused } = await openBillsOrder(ctx.store, draft, input.billIds);
  // The same bills asked for twice at once: the second waits for the first's prepay.
  if (reused && !order.prepayId) throw new AppError('CONFLICT', '订单正在创建，请稍候再试');
  return prepayAndSign(ctx, order);
};

export const topUp: Handler<(typeof paymentApi)['topUp']> = async (input, ctx) => {
  const draft = await draftFor(ctx, input.householdId, 'top_up');
  return prepayAndSign(ctx, await openTopUpOrder(ctx.store, draft, input.amountFen));
};
