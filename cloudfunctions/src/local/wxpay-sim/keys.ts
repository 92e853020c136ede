import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The simulator's merchant and platform identities; generated locally, never committed. */
export const SimKeys = z.object({
  mchid: z.string(),
  appid: z.string(),
  merchantSerial: z.string(),
  merchantPrivatePem: z.string(),
  merchantPublicPem: z.string(),
  platformSerial: z.string(),
  platformPrivatePem: z.string(),
  platformPublicPem: z.string(),
  apiV3Key: z.string().length(32),
});
export type SimKeys = z.infer<typeof SimKeys>;

const hexSerial = (): string => randomBytes(20).toString('hex').toUpperCase();

function rsaPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function generateSimKeys(): SimKeys {
  const merchant = rsaPair();
  const platform = rsaPair();
  return {
    mchid: '1900000109',
    appid: 'wxlinli0000000001',
    merchantSerial: hexSerial(),
    merchantPrivatePem: merchant.privatePem,
    merchantPublicPem: merchant.publicPem,
    // Public-key mode, as new merchants get it.
    platformSerial: `PUB_KEY_ID_${randomBytes(12).toString('hex').toUpperCase()}`,
    platformPrivatePem: platform.privatePem,
    platformPublicPem: platform.publicPem,
    apiV3Key: randomBytes(16).toString('hex'),
  };
}

/** Keys for `npm start`: made at first start into the data directory (git-ignored), then reused. */
export function loadOrCreateSimKeys(dataDir: string): SimKeys {
  const file = join(dataDir, 'wxpay-sim', 'keys.json');
  if (existsSync(file)) {
    const parsed = SimKeys.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const keys = generateSimKeys();
  mkdirSync(join(dataDir, 'wxpay-sim'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** The payment function's environment pointing at the simulator (what a real merchant sets by hand). */
export function simulatorEnv(keys: SimKeys, origin: string): Record<string, string> {
  return {
    LINLI_WXPAY_MCHID: keys.mchid,
    LINLI_WXPAY_APPID: keys.appid,
    LINLI_WXPAY_MERCHANT_SERIAL: keys.merchantSerial,
    LINLI_WXPAY_MERCHANT_PRIVATE_KEY: keys.merchantPrivatePem,
    LINLI_WXPAY_APIV3_KEY: keys.apiV3Key,
    LINLI_WXPAY_PLATFORM_SERIAL: keys.platformSerial,
    LINLI_WXPAY_PLATFORM_PUBLIC_KEY: keys.platformPublicPem,
    LINLI_WXPAY_BASE_URL: `${origin}/sim/wxpay/`,
    LINLI_WXPAY_NOTIFY_URL: `${origin}/pay/notify`,
  };
}
