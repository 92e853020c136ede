import { z } from 'zod';
import type { PaymentOrder } from './order';

/** Accept a notification whose Wechatpay-Timestamp is within this many seconds of our clock. */
export const NOTIFY_TIMESTAMP_WINDOW_SECONDS = 300;

/** The envelope WeChat Pay POSTs to notify_url (the resource is encrypted). */
export const NotificationEnvelope = z.object({
  id: z.string().min(1).max(64),
  create_time: z.string(),
  event_type: z.string().min(1).max(64),
  resource_type: z.literal('encrypt-resource'),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    original_type: z.enum(['transaction', 'refund']),
    ciphertext: z.string().min(1),
    associated_data: z.string().default(''),
    nonce: z.string().min(1).max(32),
  }),
});
export type NotificationEnvelope = z.infer<typeof NotificationEnvelope>;

export const TradeState = z.enum([
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
]);
export type TradeState = z.infer<typeof TradeState>;

/** A transaction as WeChat Pay reports it (decrypted notification, or an order query). */
export const WechatTransaction = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: TradeState,
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  attach: z.string().optional(),
  payer: z.object({ openid: z.string() }).partial().optional(),
  amount: z
    .object({
      total: z.number().int().optional(),
      payer_total: z.number().int().optional(),
      currency: z.string().optional(),
    })
    .optional(),
});
export type WechatTransaction = z.infer<typeof WechatTransaction>;

export const RefundStatus = z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']);
export type RefundStatus = z.infer<typeof RefundStatus>;

/** A refund as WeChat Pay reports it (decrypted refund notification, or a refund response). */
export const WechatRefund = z.object({
  mchid: z.string().optional(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: RefundStatus.optional(),
  status: RefundStatus.optional(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int() }).passthrough(),
});
export type WechatRefund = z.infer<typeof WechatRefund>;

/** Timestamps outside the window are refused: a captured notification cannot be replayed later. */
export function isFreshTimestamp(timestampSeconds: string, nowMs: number): boolean {
  if (!/^\d{1,12}$/.test(timestampSeconds)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(timestampSeconds)) <= NOTIFY_TIMESTAMP_WINDOW_SECONDS;
}

export interface MerchantIds {
  mchid: string;
  appid: string;
}

/**
 * What a reported transaction means for our order:
 * - `settle`: paid, and everything matches;
 * - `mismatch`: paid, but for another merchant, app, or amount — never settle, alert finance;
 * - `unpaid`: still waiting (NOTPAY, USERPAYING);
 * - `closed`: WeChat will not take payment any more (CLOSED, REVOKED, PAYERROR).
 */
export type TransactionVerdict =
  { kind: 'settle' } | { kind: 'mismatch'; problems: string[] } | { kind: 'unpaid' } | { kind: 'closed' };

export function judgeTransaction(
  transaction: WechatTransaction,
  order: Pick<PaymentOrder, '_id' | 'amountFen'>,
  merchant: MerchantIds,
): TransactionVerdict {
  const problems: string[] = [];
  if (transaction.mchid !== merchant.mchid) problems.push(`商户号不符（${transaction.mchid}）`);
  if (transaction.appid !== merchant.appid) problems.push(`AppID 不符（${transaction.appid}）`);
  if (transaction.out_trade_no !== order._id) problems.push(`商户订单号不符（${transaction.out_trade_no}）`);
  switch (transaction.trade_state) {
    case 'SUCCESS':
    case 'REFUND': {
      const total = transaction.amount?.total;
      if (total !== order.amountFen)
        problems.push(`金额不符：订单 ${order.amountFen} 分，微信支付 ${total ?? '缺失'} 分`);
      if (transaction.amount?.currency && transaction.amount.currency !== 'CNY')
        problems.push(`币种不符（${transaction.amount.currency}）`);
      return problems.length ? { kind: 'mismatch', problems } : { kind: 'settle' };
    }
    case 'NOTPAY':
    case 'USERPAYING':
      return problems.length ? { kind: 'mismatch', problems } : { kind: 'unpaid' };
    case 'CLOSED':
    case 'REVOKED':
    case 'PAYERROR':
      return { kind: 'closed' };
  }
}
