import { isFreshTimestamp, NotificationEnvelope, WechatRefund, WechatTransaction } from '@linli/shared';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { PaymentConfig } from '../config';

export type VerifiedNotification =
  | { ok: true; id: string; kind: 'transaction'; transaction: WechatTransaction }
  | { ok: true; id: string; kind: 'refund'; refund: WechatRefund }
  | { ok: false; reason: string };

const header = (headers: Record<string, string | undefined>, name: string): string | undefined =>
  headers[name] ?? headers[name.toLowerCase()];

/**
 * Check a notification as WeChat Pay's rules ask, in order, before anything is believed:
 * the four Wechatpay-* headers, a platform key we hold, a fresh timestamp, the RSA signature
 * over `timestamp\nnonce\nbody\n` of the exact raw body, then AES-256-GCM with the APIv3 key.
 * Signature probes (`WECHATPAY/SIGNTEST/…`) fail like any bad signature.
 */
export function verifyNotification(
  config: Pick<PaymentConfig, 'platformSerial' | 'platformPublicKey' | 'apiV3Key'>,
  headers: Record<string, string | undefined>,
  rawBody: string,
  nowMs: number,
): VerifiedNotification {
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  const signature = header(headers, 'wechatpay-signature');
  const serial = header(headers, 'wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing headers' };
  if (serial !== config.platformSerial) return { ok: false, reason: `unknown serial ${serial}` };
  if (!isFreshTimestamp(timestamp, nowMs)) return { ok: false, reason: 'stale timestamp' };
  if (signature.startsWith('WECHATPAY/SIGNTEST/')) return { ok: false, reason: 'signature probe' };
  let valid = false;
  try {
    valid = Rsa.verify(Formatter.response(timestamp, nonce, rawBody), signature, config.platformPublicKey);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad signature' };

  let envelope: NotificationEnvelope;
  try {
    envelope = NotificationEnvelope.parse(JSON.parse(rawBody));
  } catch {
    return { ok: false, reason: 'bad envelope' };
  }
  const { resource } = envelope;
  let plain: unknown;
  try {
    plain = JSON.parse(
      Aes.AesGcm.decrypt(resource.ciphertext, config.apiV3Key, resource.nonce, resource.associated_data),
    );
  } catch {
    return { ok: false, reason: 'decrypt failed' };
  }
  if (resource.original_type === 'transaction') {
    const parsed = WechatTransaction.safeParse(plain);
    return parsed.success
      ? { ok: true, id: envelope.id, kind: 'transaction', transaction: parsed.data }
      : { ok: false, reason: 'bad transaction' };
  }
  const parsed = WechatRefund.safeParse(plain);
  return parsed.success
    ? { ok: true, id: envelope.id, kind: 'refund', refund: parsed.data }
    : { ok: false, reason: 'bad refund' };
}
