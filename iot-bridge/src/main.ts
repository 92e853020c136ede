import { startBridge } from './bridge';
import { parseBridgeEnv } from './env';
import { createLogger } from './logger';
import { cloudbaseCloudClient } from './relay/cloudbase-client';
import { httpCloudClient } from './relay/cloud-client';

/** The bridge as its own process (production, or beside a local runtime started elsewhere). */
async function main(): Promise<void> {
  const env = parseBridgeEnv();
  const log = createLogger({ base: { svc: 'iot-bridge' } });
  const cloud = env.LINLI_IOT_CLOUD_URL
    ? httpCloudClient({ baseUrl: env.LINLI_IOT_CLOUD_URL, token: env.LINLI_IOT_BRIDGE_TOKEN })
    : cloudbaseCloudClient({
        env: env.TCB_ENV!,
        secretId: env.TENCENTCLOUD_SECRETID!,
        secretKey: env.TENCENTCLOUD_SECRETKEY!,
        token: env.LINLI_IOT_BRIDGE_TOKEN,
      });
  const bridge = await startBridge({
    cloud,
    dataDir: env.LINLI_IOT_DATA_DIR,
    host: env.LINLI_MQTT_HOST,
    port: env.LINLI_MQTT_PORT,
    wsPort: env.LINLI_MQTT_WS_PORT ?? null,
    redisUrl: env.LINLI_IOT_REDIS_URL,
    log,
  });
  const shutdown = () => void bridge.close().finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
