import Taro from '@tarojs/taro';
import type { PaymentOrderView, PaymentRequestParams } from '@linli/shared';
import { call } from './api';
import { pay } from './pay';

type CreatedOrder = { order: PaymentOrderView; payment: PaymentRequestParams };

/** The page that shows how an order stands (it polls the server until the payment is confirmed). */
export const payResultUrl = (outTradeNo: string): string =>
  `/pages/pay-result/index?no=${encodeURIComponent(outTradeNo)}`;

/**
 * Pay the chosen open bills of one household together: the server makes one order and prices
 * it from the bills, the pay sheet takes the money, and the result page confirms it with the
 * server. Resolves true when the sheet closed paid (the caller reloads its bills); a cancel is
 * the person's choice and resolves false — paying again reuses the same open order.
 */
export async function payBills(householdId: string, billIds: readonly string[]): Promise<boolean> {
  if (!householdId || billIds.length === 0) return false;
  return payOrder(await call('payment', 'create', { householdId, billIds: [...billIds] }));
}

/**
 * 预存充值: the same cashier and result page as bills; the paid amount credits the household's
 * account. Resolves with the order number once paid (the statement names it), null on cancel.
 */
export async function topUpPrepay(householdId: string, amountFen: number): Promise<string | null> {
  const created = await call('payment', 'topUp', { householdId, amountFen });
  return (await payOrder(created)) ? created.order.outTradeNo : null;
}

async function payOrder({ order, payment }: CreatedOrder): Promise<boolean> {
  const outcome = await pay(payment, { description: order.description, amountFen: order.amountFen });
  if (outcome === 'cancelled') {
    await Taro.showToast({ title: '已取消支付', icon: 'none' });
    return false;
  }
  await Taro.navigateTo({ url: payResultUrl(order.outTradeNo) });
  return true;
}
