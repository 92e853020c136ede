import type { HttpHandler, HttpResponse } from '../../_lib/define-function';
import { followUp } from '../after-settle';
import { paymentConfig } from '../config';
import { finishRefund } from '../settle/refund-steps';
import { applyTransaction } from '../settle/settle-order';
import { verifyNotification } from './verify-notification';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
/** WeChat Pay: 200/204 acknowledges; anything else is retried on its schedule. */
const ACK: HttpResponse = { statusCode: 204, body: '' };
const fail = (statusCode: number, message: string): HttpResponse => ({
  statusCode,
  headers: JSON_HEADERS,
  body: JSON.stringify({ code: 'FAIL', message }),
});

/**
 * WeChat Pay's payment and refund notifications (one notify_url for both). Nothing is
 * believed before the signature, timestamp and decryption check out; settling is idempotent,
 * so retries and replays are acknowledged without a second effect.
 */
export const handlePaymentNotify: HttpHandler = async (request, { store, log, now }) => {
  if (request.method !== 'POST') return fail(405, '仅支持 POST');
  const config = paymentConfig();
  const verified = verifyNotification(config, request.headers, request.body, Date.now());
  if (!verified.ok) {
    log.log('warn', 'payment.notify.rejected', { reason: verified.reason });
    return fail(401, '验签失败');
  }
  try {
    if (verified.kind === 'refund') {
      const { refund } = verified;
      const status = refund.refund_status ?? refund.status ?? 'PROCESSING';
      await finishRefund(store, refund.out_refund_no, status, refund.refund_id, now());
      return ACK;
    }
    const outcome = await applyTransaction(store, config, verified.transaction, now());
    log.log('info', 'payment.notify', {
      id: verified.id,
      outTradeNo: verified.transaction.out_trade_no,
      outcome: outcome.kind,
    });
    if (outcome.kind === 'unknown') return fail(404, '订单不存在');
    await followUp(store, outcome, now(), log);
    return ACK;
  } catch (error) {
    log.log('error', 'payment.notify.failed', { id: verified.id, error });
    return fail(500, '处理失败');
  }
};
