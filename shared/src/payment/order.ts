import { AppError } from '../errors';
import type { Fen } from '../money/money';

/**
 * A payment order's life. Online orders start `open` (prepay made, waiting for the person to
 * pay) and end `paid` or `closed` (expired or cancelled, bills payable again); refunds move a
 * paid order through `refunding` to `partially_refunded` or `refunded`. Offline payments
 * (cash, card, transfer) start `paid`; finance may `cancelled` them with a reason.
 */
export type PaymentOrderStatus =
  'open' | 'paid' | 'closed' | 'refunding' | 'partially_refunded' | 'refunded' | 'cancelled';

export const orderTransitions: Record<PaymentOrderStatus, readonly PaymentOrderStatus[]> = {
  open: ['paid', 'closed'],
  paid: ['refunding', 'cancelled'],
  refunding: ['paid', 'partially_refunded', 'refunded'],
  partially_refunded: ['refunding'],
  refunded: [],
  closed: [],
  cancelled: [],
};

export const orderStatusLabels: Record<PaymentOrderStatus, string> = {
  open: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunding: '退款中',
  partially_refunded: '部分退款',
  refunded: '已全额退款',
  cancelled: '已撤销',
};

export function canMoveOrder(from: PaymentOrderStatus, to: PaymentOrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

export function assertCanMoveOrder(from: PaymentOrderStatus, to: PaymentOrderStatus): void {
  if (!canMoveOrder(from, to))
    throw new AppError(
      'PRECONDITION_FAILED',
      `订单${orderStatusLabels[from]}，不能变为${orderStatusLabels[to]}`,
    );
}

/** Statuses in which the order's money has been received (some of it may have gone back). */
export const RECEIVED_STATUSES: readonly PaymentOrderStatus[] = [
  'paid',
  'refunding',
  'partially_refunded',
  'refunded',
];

/** What the order pays for: bills of one household, or a top-up of its prepayment account. */
export type PaymentPurpose = 'bills' | 'top_up';
export const purposeLabels: Record<PaymentPurpose, string> = { bills: '物业缴费', top_up: '预存充值' };

export type PaymentChannel = 'wechat' | 'cash' | 'card' | 'transfer';
export const OFFLINE_CHANNELS = ['cash', 'card', 'transfer'] as const;
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];
export const channelLabels: Record<PaymentChannel, string> = {
  wechat: '微信支付',
  cash: '现金',
  card: '刷卡',
  transfer: '银行转账',
};

/** One bill inside an order, priced when the order was made. */
export interface OrderLine {
  billId: string;
  period: string;
  itemName: string;
  /** Towards the bill's outstanding amount. */
  principalFen: Fen;
  /** 滞纳金 as of the order's day. */
  lateFeeFen: Fen;
  /** Given back by refunds so far. */
  refundedFen: Fen;
}

export interface OrderCancel {
  reason: string;
  by: string;
  byName: string;
  at: number;
}

/**
 * A payment order; its id is the out_trade_no (unique per merchant, the key WeChat Pay and
 * our records share). Amounts are fen and come from the bills, never from the client.
 */
export interface PaymentOrder {
  _id: string;
  purpose: PaymentPurpose;
  channel: PaymentChannel;
  estateId: string;
  householdId: string;
  roomCode: string;
  /** The owner who pays online; the finance clerk who recorded an offline payment. */
  accountId: string;
  openid: string | null;
  description: string;
  lines: OrderLine[];
  amountFen: Fen;
  status: PaymentOrderStatus;
  createdAt: number;
  /** Online: when WeChat Pay stops accepting payment (time_expire). */
  expiresAt: number | null;
  prepayId: string | null;
  transactionId: string | null;
  paidAt: number | null;
  closedAt: number | null;
  closeReason: string | null;
  /** Succeeded refunds, and those still being processed. */
  refundedFen: Fen;
  refundingFen: Fen;
  /** Offline: 收据号 and who recorded it. */
  receiptNo: string | null;
  recordedByName: string | null;
  note: string | null;
  cancel: OrderCancel | null;
  /** Top-ups: set once the prepayment account has been credited. */
  credited: boolean;
  /** Sweep bookkeeping: last time the order was queried at WeChat Pay. */
  checkedAt: number | null;
  updatedAt: number;
}

/** What can still be refunded: received, minus refunded and refunds in flight. */
export function refundableOf(order: Pick<PaymentOrder, 'amountFen' | 'refundedFen' | 'refundingFen'>): Fen {
  return Math.max(0, order.amountFen - order.refundedFen - order.refundingFen) as Fen;
}
