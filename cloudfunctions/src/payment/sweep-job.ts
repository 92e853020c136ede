import { toLocalDate } from '@linli/shared';
import type { Job } from '../scheduler/jobs';
import { afterPaid } from './after-settle';
import { paymentConfig } from './config';
import { paymentCollections } from './documents';
import { runReconcile } from './reconcile-day';
import { finishRefund } from './settle/refund-steps';
import { syncOrder } from './sync-order';
import { wechatPay } from './wechat-pay';

/** Give the notification this long before asking WeChat ourselves. */
export const SWEEP_AFTER_MS = 2 * 60_000;
const BATCH = 100;

/**
 * 支付补偿: orders whose notification has not come are queried (settled or, once expired,
 * closed so their bills are payable again); refunds still processing are queried; top-ups
 * paid but not yet credited are credited. Every step is idempotent, so a tick can repeat.
 */
export const paymentSweepJob: Job = {
  name: 'payment-sweep',
  cron: '0 * * * * * *',
  summary: '核实未收到通知的支付订单与退款，关闭超时订单',
  maxCatchUp: 1,
  async run(ctx) {
    const now = ctx.now();
    const config = paymentConfig();
    const db = paymentCollections(ctx.store);
    const open = await db.orders.find(
      { where: { status: 'open', channel: 'wechat', createdAt: { lte: now - SWEEP_AFTER_MS } } },
      { sort: [['createdAt', 'asc']], limit: BATCH },
    );
    for (const order of open.items) {
      try {
        await syncOrder(ctx.store, config, order, now, ctx.log, { closeExpired: true });
      } catch (error) {
        ctx.log.log('error', 'payment.sweep.order.failed', { outTradeNo: order._id, error });
      }
    }
    const refunds = await db.refunds.find(
      { where: { state: { in: ['processing', 'abnormal'] }, requestedAt: { lte: now - SWEEP_AFTER_MS } } },
      { sort: [['requestedAt', 'asc']], limit: BATCH },
    );
    for (const refund of refunds.items) {
      try {
        const result = await wechatPay(config).queryRefund(refund._id);
        if (result)
          await finishRefund(
            ctx.store,
            refund._id,
            result.status ?? result.refund_status ?? 'PROCESSING',
            result.refund_id,
            now,
          );
      } catch (error) {
        ctx.log.log('error', 'payment.sweep.refund.failed', { outRefundNo: refund._id, error });
      }
    }
    const uncredited = await db.orders.find(
      { where: { purpose: 'top_up', status: 'paid', credited: false } },
      { limit: BATCH },
    );
    for (const order of uncredited.items) await afterPaid(ctx.store, order, now, ctx.log);
  },
};

/** 每日对账: yesterday's trade bill, after WeChat has produced it (from 10:00). */
export const paymentReconcileJob: Job = {
  name: 'payment-daily-reconcile',
  cron: '0 30 10 * * * *',
  summary: '下载前一日微信支付交易账单并核对',
  maxCatchUp: 1,
  async run(ctx, occurrence) {
    const yesterday = toLocalDate(occurrence.getTime() - 24 * 3600_000);
    await runReconcile(ctx.store, paymentConfig(), yesterday, { name: '定时任务' }, ctx.now());
  },
};

export const paymentJobs: Job[] = [paymentSweepJob, paymentReconcileJob];
