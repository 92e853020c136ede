import { AppError, type paymentApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { actorOf } from '../../billing/access';
import { paymentConfig } from '../config';
import { paymentCollections } from '../documents';
import { beginRefund, finishRefund } from '../settle/refund-steps';
import { toRefundView } from '../views';
import { wechatPay, WechatPayError } from '../wechat-pay';

/**
 * 原路退款, as named steps: hold the amount on the order (beginRefund), ask WeChat
 * (/v3/refund/domestic/refunds, the out_refund_no makes a retry refund once), then apply the
 * answer — now if final, else when the refund notification or the sweep brings it.
 */
export const refundOrder: Handler<(typeof paymentApi)['refund']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const existing = await paymentCollections(ctx.store).orders.get(input.outTradeNo);
  if (!existing || !identity.staffEstateIds.includes(existing.estateId))
    throw new AppError('NOT_FOUND', '订单不存在');
  const { refund, order } = await beginRefund(
    ctx.store,
    input.outTradeNo,
    input.amountFen,
    input.reason,
    actorOf(ctx),
    ctx.now(),
  );
  let status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  let refundId: string | null = null;
  try {
    const answer = await wechatPay(paymentConfig()).refund({
      outTradeNo: order._id,
      outRefundNo: refund._id,
      reason: input.reason,
      refundFen: input.amountFen,
      totalFen: order.amountFen,
    });
    status = answer.status ?? answer.refund_status ?? 'PROCESSING';
    refundId = answer.refund_id;
  } catch (error) {
    // A refused refund (e.g. NOT_ENOUGH) releases the held amount; a network failure stays
    // processing for the sweep to query, since WeChat may have taken it.
    if (!(error instanceof WechatPayError)) throw error;
    ctx.log.log('warn', 'payment.refund.refused', { outRefundNo: refund._id, code: error.code });
    await finishRefund(ctx.store, refund._id, 'CLOSED', null, ctx.now());
    throw new AppError('PRECONDITION_FAILED', `微信支付拒绝退款：${error.message || error.code}`);
  }
  const finished = await finishRefund(ctx.store, refund._id, status, refundId, ctx.now());
  return toRefundView(finished ?? refund);
};
