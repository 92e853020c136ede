import type { Fen } from '@linli/shared';
import { payInSimulator } from './h5';
import { payWithWechat } from './weapp';

/** What the payment function returns for one order: the arguments of wx.requestPayment (JSAPI, v3). */
export interface PaymentRequest {
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=...` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

/**
 * Ask the person to pay. `cancelled` is the person's choice, not a failure; failures reject with a
 * PlatformError. `paid` only means the sheet closed successfully: the bill is settled when the
 * server has the payment notification, so callers confirm with the server afterwards.
 */
export type Pay = (request: PaymentRequest, summary?: PaySummary) => Promise<'paid' | 'cancelled'>;

/** What the simulated sheet shows (WeChat's own sheet shows the order it has). */
export interface PaySummary {
  description: string;
  amountFen: Fen;
}

export const pay: Pay = process.env.TARO_ENV === 'weapp' ? payWithWechat : payInSimulator;
