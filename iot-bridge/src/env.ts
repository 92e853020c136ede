import { resolve } from 'node:path';
import { z } from 'zod';

/** The bridge's settings, parsed once at start-up; a bad value stops it with a clear message. */
export const BridgeEnv = z
  .object({
    LINLI_MQTT_HOST: z.string().default('0.0.0.0'),
    LINLI_MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
    /** MQTT over WebSocket; unset for none. */
    LINLI_MQTT_WS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    LINLI_IOT_DATA_DIR: z.string().default(resolve(process.cwd(), '.data/iot-bridge')),
    LINLI_IOT_BRIDGE_TOKEN: z.string().min(16, 'LINLI_IOT_BRIDGE_TOKEN 至少 16 个字符'),
    /** Local runtime: `http://127.0.0.1:3000/iot`. Unset in production, where CloudBase is used. */
    LINLI_IOT_CLOUD_URL: z.string().url().optional(),
    /** Scale-out: bridges given the same Redis (`redis://host:6379/0`) serve devices together. */
    LINLI_IOT_REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'LINLI_IOT_REDIS_URL 须为 redis://主机:端口/库号')
      .optional(),
    TCB_ENV: z.string().optional(),
    TENCENTCLOUD_SECRETID: z.string().optional(),
    TENCENTCLOUD_SECRETKEY: z.string().optional(),
  })
  .refine(
    (env) =>
      env.LINLI_IOT_CLOUD_URL || (env.TCB_ENV && env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY),
    {
      message: '请设置 LINLI_IOT_CLOUD_URL（本地）或 TCB_ENV 与腾讯云密钥（生产）',
    },
  );
export type BridgeEnv = z.infer<typeof BridgeEnv>;

export function parseBridgeEnv(source: NodeJS.ProcessEnv = process.env): BridgeEnv {
  const parsed = BridgeEnv.safeParse(source);
  if (!parsed.success)
    throw new Error(
      `环境变量有误 / invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
