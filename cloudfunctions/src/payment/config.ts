import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AppError } from '@linli/shared';
import { z } from 'zod';

/** A PEM given inline (`\n` escapes allowed, for one-line env values) or as `file:///path`. */
function readPem(value: string): string {
  if (value.startsWith('file://')) return readFileSync(new URL(value), 'utf8');
  return value.replace(/\\n/g, '\n');
}

const Pem = z.string().min(1);

/**
 * The merchant's WeChat Pay settings, from the environment (cloudbaserc envVariables in the
 * cloud; the local simulator fills them at start). Nothing here is ever committed.
 */
const PaymentEnv = z.object({
  LINLI_WXPAY_MCHID: z.string().regex(/^\d{6,32}$/, '商户号应为数字'),
  LINLI_WXPAY_APPID: z.string().min(1).max(32),
  LINLI_WXPAY_MERCHANT_SERIAL: z.string().min(8).max(64),
  LINLI_WXPAY_MERCHANT_PRIVATE_KEY: Pem,
  LINLI_WXPAY_APIV3_KEY: z.string().length(32, 'APIv3 密钥应为 32 个字符'),
  /** Platform certificate serial, or the WeChat Pay public key id (PUB_KEY_ID_…). */
  LINLI_WXPAY_PLATFORM_SERIAL: z.string().min(8).max(64),
  LINLI_WXPAY_PLATFORM_PUBLIC_KEY: Pem,
  LINLI_WXPAY_BASE_URL: z.string().url().default('https://api.mch.weixin.qq.com/'),
  /** The HTTP-access URL of the payment function's notify endpoint (no query string). */
  LINLI_WXPAY_NOTIFY_URL: z.string().url(),
  LINLI_PAY_EXPIRE_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
});

export interface PaymentConfig {
  mchid: string;
  appid: string;
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  merchantPrivateKeyPem: string;
  apiV3Key: string;
  platformSerial: string;
  platformPublicKey: KeyObject;
  platformPublicKeyPem: string;
  baseURL: string;
  notifyUrl: string;
  expireMinutes: number;
}

const KEYS = Object.keys(PaymentEnv.shape) as Array<keyof typeof PaymentEnv.shape>;
let cached: { fingerprint: string; config: PaymentConfig } | null = null;

/** The settings, parsed once per distinct environment; a missing one is a clear error, not a crash. */
export function paymentConfig(env: NodeJS.ProcessEnv = process.env): PaymentConfig {
  // Only our keys are read: spreading process.env costs a lookup per variable on every call.
  const source: Record<string, string | undefined> = {};
  for (const key of KEYS) source[key] = env[key];
  source.LINLI_WXPAY_APPID ??= env.LINLI_WX_APPID;
  const fingerprint = KEYS.map((k) => source[k] ?? '').join('\u0000');
  if (cached?.fingerprint === fingerprint) return cached.config;
  const parsed = PaymentEnv.safeParse(source);
  if (!parsed.success)
    throw new AppError('PRECONDITION_FAILED', '微信支付尚未配置，暂时无法在线缴费', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const e = parsed.data;
  const merchantPem = readPem(e.LINLI_WXPAY_MERCHANT_PRIVATE_KEY);
  const platformPem = readPem(e.LINLI_WXPAY_PLATFORM_PUBLIC_KEY);
  const config: PaymentConfig = {
    mchid: e.LINLI_WXPAY_MCHID,
    appid: e.LINLI_WXPAY_APPID,
    merchantSerial: e.LINLI_WXPAY_MERCHANT_SERIAL,
    merchantPrivateKey: createPrivateKey(merchantPem),
    merchantPrivateKeyPem: merchantPem,
    apiV3Key: e.LINLI_WXPAY_APIV3_KEY,
    platformSerial: e.LINLI_WXPAY_PLATFORM_SERIAL,
    platformPublicKey: createPublicKey(platformPem),
    platformPublicKeyPem: platformPem,
    baseURL: e.LINLI_WXPAY_BASE_URL,
    notifyUrl: e.LINLI_WXPAY_NOTIFY_URL,
    expireMinutes: e.LINLI_PAY_EXPIRE_MINUTES,
  };
  cached = { fingerprint, config };
  return config;
}
