import { isCleanReconcile, reconcileTrades, type OurTrade, type ReconcileReport } from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { Doc, Store } from '../_lib/store/port';
import type { PaymentConfig } from './config';
import { paymentCollections, RECONCILIATIONS } from './documents';
import { wechatPay } from './wechat-pay';

/**
 * Reconcile one day: WeChat's trade bill against our online orders paid that day (by the
 * success time WeChat reported). The report is kept per day; running again replaces it.
 */
export async function runReconcile(
  store: Store,
  config: PaymentConfig,
  billDate: string,
  by: { name: string },
  now: number,
): Promise<ReconcileReport> {
  const rows = await wechatPay(config).tradeBill(billDate);
  const orders = await findAll(paymentCollections(store).orders, {
    where: { channel: 'wechat', paidOn: billDate },
  });
  const ours: OurTrade[] = orders.map((o) => ({
    outTradeNo: o._id,
    amountFen: o.amountFen,
    transactionId: o.transactionId,
  }));
  const result = reconcileTrades(rows ?? [], ours);
  const report: ReconcileReport = {
    billDate,
    clean: isCleanReconcile(result),
    ...result,
    noStatement: rows === null,
    ranAt: now,
    ranByName: by.name,
  };
  await store.collection<ReconcileReport & Doc>(RECONCILIATIONS).set({ _id: `recon_${billDate}`, ...report });
  return report;
}
