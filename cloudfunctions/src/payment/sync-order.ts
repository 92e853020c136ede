import type { Logger } from '../_lib/logger';
import type { Store } from '../_lib/store/port';
import { followUp } from './after-settle';
import type { PaymentConfig } from './config';
import { ORDERS, type OrderDoc } from './documents';
import { applyTransaction, closeOrder, type ApplyOutcome } from './settle/settle-order';
import { wechatPay, WechatPayError } from './wechat-pay';

/**
 * Ask WeChat Pay how an open order stands and apply the answer (the path that does not wait
 * for a notification). With `closeExpired`, an unpaid order past its time_expire is closed at
 * WeChat first — if it turns out paid meanwhile (ORDERPAID), that payment is settled instead.
 */
export async function syncOrder(
  store: Store,
  config: PaymentConfig,
  order: OrderDoc,
  now: number,
  log: Logger,
  options: { closeExpired: boolean },
): Promise<OrderDoc> {
  const client = wechatPay(config);
  const expired = order.expiresAt !== null && now >= order.expiresAt;
  const apply = async (): Promise<ApplyOutcome | null> => {
    const transaction = await client.query(order._id);
    if (!transaction) return null;
    const outcome = await applyTransaction(store, config, transaction, now);
    await followUp(store, outcome, now, log);
    return outcome;
  };

  let outcome = await apply();
  if (outcome?.kind === 'closed') {
    await closeOrder(store, order._id, '微信支付已关闭订单', now);
  } else if ((outcome === null || outcome.kind === 'unpaid') && expired && options.closeExpired) {
    try {
      if (outcome) await client.close(order._id);
      await closeOrder(store, order._id, '超时未支付，订单已关闭', now);
    } catch (error) {
      if (!(error instanceof WechatPayError && error.code === 'ORDERPAID')) throw error;
      outcome = await apply();
    }
  }
  await store.collection<OrderDoc>(ORDERS).update(order._id, { set: { checkedAt: now } });
  return (await store.collection<OrderDoc>(ORDERS).get(order._id)) ?? order;
}
