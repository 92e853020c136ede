import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { AppError, shanghai, WechatRefund, WechatTransaction, type TradeBillRow } from '@linli/shared';
import { Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import type { PaymentConfig } from './config';

/** What an axios error carries when WeChat Pay answered with an error body. */
interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

function failureOf(error: unknown): ApiFailure | null {
  const response = (error as { response?: { status?: number; data?: unknown } } | null)?.response;
  if (!response?.status) return null;
  let data = response.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      data = {};
    }
  }
  const body = (data ?? {}) as { code?: unknown; message?: unknown };
  return {
    status: response.status,
    code: typeof body.code === 'string' ? body.code : 'UNKNOWN',
    message: typeof body.message === 'string' ? body.message : '',
  };
}

/** A WeChat Pay error answer as a typed error: the caller decides what a code means. */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`);
  }
}

/** Network failures and unreadable answers become one clear error for the person. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = failureOf(error);
    if (failure) throw new WechatPayError(failure.status, failure.code, failure.message);
    throw new AppError('INTERNAL', '微信支付暂时无法连接，请稍后重试', { cause: error });
  }
}

export interface PrepayInput {
  outTradeNo: string;
  description: string;
  amountFen: number;
  openid: string;
  expiresAt: number;
  attach: string;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  reason: string;
  refundFen: number;
  totalFen: number;
}

/** The v3 calls the payment function makes, through wechatpay-axios-plugin (signed, verified). */
export interface WechatPayClient {
  prepay(input: PrepayInput): Promise<{ prepayId: string }>;
  query(outTradeNo: string): Promise<WechatTransaction | null>;
  close(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<WechatRefund>;
  queryRefund(outRefundNo: string): Promise<WechatRefund | null>;
  /** The day's trade bill rows, or null when WeChat has none (no trades that day). */
  tradeBill(billDate: string): Promise<TradeBillRow[] | null>;
  /** wx.requestPayment's arguments for a prepay id, signed with the merchant key (RSA, v3). */
  paymentParams(prepayId: string): {
    timeStamp: string;
    nonceStr: string;
    package: string;
    signType: 'RSA';
    paySign: string;
  };
}

const clients = new WeakMap<PaymentConfig, WechatPayClient>();

export function wechatPay(config: PaymentConfig): WechatPayClient {
  const existing = clients.get(config);
  if (existing) return existing;
  const wxpay = new Wechatpay({
    mchid: config.mchid,
    serial: config.merchantSerial,
    privateKey: config.merchantPrivateKeyPem,
    certs: { [config.platformSerial]: config.platformPublicKeyPem },
    baseURL: config.baseURL,
    timeout: 10_000,
    // Public-key mode: ask for answers signed with the key we hold.
    headers: { 'Wechatpay-Serial': config.platformSerial },
  });

  const client: WechatPayClient = {
    async prepay(input) {
      const { data }: { data: unknown } = await call(() =>
        wxpay.chain('v3/pay/transactions/jsapi').post({
          appid: config.appid,
          mchid: config.mchid,
          description: input.description,
          out_trade_no: input.outTradeNo,
          time_expire: shanghai(input.expiresAt).format('YYYY-MM-DDTHH:mm:ssZ'),
          attach: input.attach,
          notify_url: config.notifyUrl,
          amount: { total: input.amountFen, currency: 'CNY' },
          payer: { openid: input.openid },
        }),
      );
      const prepayId = (data as { prepay_id?: unknown }).prepay_id;
      if (typeof prepayId !== 'string') throw new AppError('INTERNAL', '微信支付下单失败，请稍后重试');
      return { prepayId };
    },

    async query(outTradeNo) {
      try {
        const { data }: { data: unknown } = await call(() =>
          wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}').get({
            params: { mchid: config.mchid },
            out_trade_no: outTradeNo,
          }),
        );
        return WechatTransaction.parse(data);
      } catch (error) {
        if (error instanceof WechatPayError && error.code === 'ORDER_NOT_EXIST') return null;
        if (error instanceof WechatPayError && error.code === 'ORDERNOTEXIST') return null;
        throw error;
      }
    },

    async close(outTradeNo) {
      try {
        await call(() =>
          wxpay
            .chain('v3/pay/transactions/out-trade-no/{out_trade_no}/close')
            .post({ mchid: config.mchid }, { out_trade_no: outTradeNo }),
        );
      } catch (error) {
        // Closed already is what we wanted.
        if (error instanceof WechatPayError && error.code === 'ORDER_CLOSED') return;
        throw error;
      }
    },

    async refund(input) {
      const { data }: { data: unknown } = await call(() =>
        wxpay.chain('v3/refund/domestic/refunds').post({
          out_trade_no: input.outTradeNo,
          out_refund_no: input.outRefundNo,
          reason: input.reason,
          notify_url: config.notifyUrl,
          amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
        }),
      );
      return WechatRefund.parse(data);
    },

    async queryRefund(outRefundNo) {
      try {
        const { data }: { data: unknown } = await call(() =>
          wxpay.chain('v3/refund/domestic/refunds/{out_refund_no}').get({ out_refund_no: outRefundNo }),
        );
        return WechatRefund.parse(data);
      } catch (error) {
        if (error instanceof WechatPayError && error.code === 'RESOURCE_NOT_EXISTS') return null;
        throw error;
      }
    },

    async tradeBill(billDate) {
      let meta: { hash_value?: string; download_url?: string };
      try {
        const { data }: { data: unknown } = await call(() =>
          wxpay
            .chain('v3/bill/tradebill')
            .get({ params: { bill_date: billDate, bill_type: 'ALL', tar_type: 'GZIP' } }),
        );
        meta = data as typeof meta;
      } catch (error) {
        if (error instanceof WechatPayError && error.code === 'NO_STATEMENT_EXIST') return null;
        throw error;
      }
      if (!meta.download_url) throw new AppError('INTERNAL', '微信支付未返回账单下载地址');
      const token = Object.fromEntries(new URL(meta.download_url).searchParams);
      const { data }: { data: unknown } = await call(() =>
        wxpay.chain('v3/billdownload/file').get({ params: token, responseType: 'arraybuffer' }),
      );
      const raw = gunzipSync(Buffer.from(data as ArrayBuffer));
      const sha1 = createHash('sha1').update(raw).digest('hex');
      if (meta.hash_value && sha1 !== meta.hash_value.toLowerCase())
        throw new AppError('INTERNAL', '账单文件校验失败，请稍后重试');
      return (Formatter.castCsvBill(raw) as { rows: TradeBillRow[] }).rows;
    },

    paymentParams(prepayId) {
      const timeStamp = String(Formatter.timestamp());
      const nonceStr = Formatter.nonce();
      const pkg = `prepay_id=${prepayId}`;
      const paySign = Rsa.sign(
        Formatter.joinedByLineFeed(config.appid, timeStamp, nonceStr, pkg),
        config.merchantPrivateKey,
      );
      return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
    },
  };
  clients.set(config, client);
  return client;
}
