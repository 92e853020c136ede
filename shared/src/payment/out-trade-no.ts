import { shanghai } from '../time/shanghai';
import type { PaymentChannel, PaymentPurpose } from './order';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** WeChat Pay: 6–32 characters of digits, letters and `_-|*`, unique per merchant. */
export const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
/** Refund numbers may also hold `@`. */
export const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

const prefixOf = (purpose: PaymentPurpose, channel: PaymentChannel): string => {
  if (channel !== 'wechat') return 'LF'; // 线下 offline
  return purpose === 'top_up' ? 'LT' : 'LB';
};

function randomTail(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

/**
 * `LB2607101003258K3M9QX2ZT`: kind (LB bills / LT top-up / LF offline) + Shanghai time to the
 * second + 10 random base32 characters — 24 characters, sortable by time, traceable to its day
 * and kind in a trade bill at a glance, and unguessable.
 */
export function newOutTradeNo(purpose: PaymentPurpose, channel: PaymentChannel, now: number): string {
  return `${prefixOf(purpose, channel)}${shanghai(now).format('YYMMDDHHmmss')}${randomTail(10)}`;
}

/** The n-th refund of an order (1-based): `<out_trade_no>R01`. */
export function outRefundNo(outTradeNo: string, sequence: number): string {
  return `${outTradeNo}R${String(sequence).padStart(2, '0')}`;
}
