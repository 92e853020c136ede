import { z } from 'zod';
import { FenSchema, type Fen } from '../money/money';
import {
  MAX_BILLS_PER_ORDER,
  OFFLINE_CHANNELS,
  type PaymentChannel,
  type PaymentOrderStatus,
  type PaymentPurpose,
  type ReconcileDifference,
  type RefundState,
} from '../payment';
import { Id } from '../schemas/property';
import { LocalDate } from '../time/shanghai';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Money is integer fen; times are epoch ms.

/** The arguments of wx.requestPayment / Taro.requestPayment for a JSAPI v3 order. */
export interface PaymentRequestParams {
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PaymentOrderView {
  outTradeNo: string;
  purpose: PaymentPurpose;
  purposeLabel: string;
  channel: PaymentChannel;
  channelLabel: string;
  status: PaymentOrderStatus;
  statusLabel: string;
  householdId: string;
  roomCode: string;
  description: string;
  amountFen: Fen;
  lines: Array<{
    billId: string;
    period: string;
    itemName: string;
    principalFen: Fen;
    lateFeeFen: Fen;
    refundedFen: Fen;
  }>;
  createdAt: number;
  expiresAt: number | null;
  paidAt: number | null;
  transactionId: string | null;
  refundedFen: Fen;
  refundingFen: Fen;
  receiptNo: string | null;
  recordedByName: string | null;
  note: string | null;
  closeReason: string | null;
  cancel: { reason: string; byName: string; at: number } | null;
}

export interface RefundView {
  outRefundNo: string;
  outTradeNo: string;
  amountFen: Fen;
  reason: string;
  state: RefundState;
  stateLabel: string;
  requestedByName: string;
  requestedAt: number;
  succeededAt: number | null;
}

export interface PaymentAlertView {
  alertId: string;
  outTradeNo: string;
  roomCode: string;
  kind: 'amount_mismatch' | 'paid_after_close';
  kindLabel: string;
  problems: string[];
  createdAt: number;
}

export interface PaymentDetail {
  order: PaymentOrderView;
  refunds: RefundView[];
  alerts: PaymentAlertView[];
}

export interface ReconcileReport {
  billDate: string;
  clean: boolean;
  matched: number;
  matchedFen: Fen;
  theirTotalFen: Fen;
  ourTotalFen: Fen;
  missingOurs: ReconcileDifference[];
  missingTheirs: ReconcileDifference[];
  amountDiffs: ReconcileDifference[];
  /** WeChat had no trade that day (NO_STATEMENT_EXIST). */
  noStatement: boolean;
  ranAt: number;
  ranByName: string;
}

// ---------------------------------------------------------------------------------------------
// Contracts

const financeStaff = ['admin', 'finance'] as const;
const After = z.string().max(500);
const Reason = z.string().trim().min(2, '请填写原因').max(200);
const OutTradeNo = z.string().regex(/^[0-9A-Za-z_\-|*]{6,32}$/, '订单号格式不正确');
/** Bill ids derive from household ids, so they run longer than other ids. */
const BillId = z.string().min(1).max(160);
const BillIds = z
  .array(BillId)
  .min(1, '请选择要缴纳的账单')
  .max(MAX_BILLS_PER_ORDER, `一次最多缴纳 ${MAX_BILLS_PER_ORDER} 张账单`);
const Positive = FenSchema.refine((n) => n > 0, '金额必须大于 0');

export const paymentApi = {
  create: contract<{ order: PaymentOrderView; payment: PaymentRequestParams }>()({
    input: z.object({ householdId: Id, billIds: BillIds }).strict(),
    access: { roles: ['owner'] },
    summary: '为本房屋的一张或多张待缴账单下单（金额由服务端按账单计算），返回微信支付参数',
  }),
  topUp: contract<{ order: PaymentOrderView; payment: PaymentRequestParams }>()({
    input: z
      .object({
        householdId: Id,
        amountFen: Positive.refine((n) => n <= 5_000_000, '单次预存不超过 ¥50,000'),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '预存充值下单，支付成功后计入房屋预存账户',
  }),
  status: contract<PaymentOrderView>()({
    input: z.object({ outTradeNo: OutTradeNo }).strict(),
    access: { roles: ['owner', ...financeStaff] },
    summary: '查询订单状态（待支付时向微信支付核实）；也是缴费凭证',
  }),
  list: contract<{ items: PaymentOrderView[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: z
          .enum(['open', 'paid', 'closed', 'refunding', 'partially_refunded', 'refunded', 'cancelled'])
          .optional(),
        channel: z.enum(['wechat', 'cash', 'card', 'transfer']).optional(),
        householdId: Id.optional(),
        after: After.optional(),
      })
      .strict(),
    access: { roles: financeStaff },
    summary: '收款记录：按状态、渠道、房屋筛选，最新在前',
  }),
  get: contract<PaymentDetail>()({
    input: z.object({ outTradeNo: OutTradeNo }).strict(),
    access: { roles: financeStaff },
    summary: '收款详情（含退款与异常告警）',
  }),
  refund: contract<RefundView>()({
    input: z.object({ outTradeNo: OutTradeNo, amountFen: Positive, reason: Reason }).strict(),
    access: { roles: financeStaff },
    summary: '原路退款（全额或部分），退款成功后账单恢复相应待缴金额',
  }),
  recordOffline: contract<PaymentOrderView>()({
    input: z
      .object({
        householdId: Id,
        billIds: BillIds,
        channel: z.enum(OFFLINE_CHANNELS),
        receiptNo: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z-]{4,32}$/, '收据号为 4–32 位字母、数字或短横线'),
        note: z.string().trim().max(100).optional(),
      })
      .strict(),
    access: { roles: financeStaff },
    summary: '登记线下收款（现金、刷卡、银行转账），须填写收据号',
  }),
  cancelOffline: contract<PaymentOrderView>()({
    input: z.object({ outTradeNo: OutTradeNo, reason: Reason }).strict(),
    access: { roles: financeStaff },
    summary: '撤销线下收款（须填写原因，记录审计），账单恢复待缴',
  }),
  reconcile: contract<ReconcileReport>()({
    input: z.object({ billDate: LocalDate }).strict(),
    access: { roles: financeStaff },
    summary: '下载微信支付交易账单并与本系统收款逐笔核对',
  }),
  alerts: contract<{ items: PaymentAlertView[]; next?: string }>()({
    input: z.object({ estateId: Id.optional(), after: After.optional() }).strict(),
    access: { roles: financeStaff },
    summary: '支付异常告警（金额不符等）',
  }),
};
