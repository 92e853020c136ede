import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAllIndexes } from '../_lib/collections';
import { createLogger } from '../_lib/logger';
import { createSqliteStore } from '../_lib/store/sqlite';
import { parseLocalEnv } from './env';
import { createRuntime } from './runtime';
import { seedDemoAnalytics } from './seed/demo-analytics';
import { seedDemoBilling } from './seed/demo-billing';
import { seedDemoFacilities } from './seed/demo-facilities';
import { seedDemoWorkorders } from './seed/demo-workorders';
import { uploadRoutes } from './upload-routes';
import { buildDemoData, seedDemoData } from './seed/demo-estate';
import { localPayments } from './pay-routes';
import { iotBridgeRoute, startLocalIot } from './iot-routes';
import { createLocalServer } from './server';
import { startTimers } from './timers';
import { scheduleDailyBackup } from '../ops/backup-schedule';

/** `npm start`: the whole back end in one process on loopback, over a SQLite file in .data/. */
async function main(): Promise<void> {
  const env = parseLocalEnv();
  const log = createLogger({ base: { svc: 'local-runtime' } });
  mkdirSync(env.LINLI_DATA_DIR, { recursive: true });
  const store = createSqliteStore({ file: join(env.LINLI_DATA_DIR, 'linli.sqlite') });
  await ensureAllIndexes(store);
  if (await seedDemoData(store)) log.log('info', 'seed.done', { estate: '邻里花园' });
  if (await seedDemoBilling(store)) log.log('info', 'seed.billing.done', { estate: '邻里花园' });
  if (await seedDemoWorkorders(store)) log.log('info', 'seed.workorders.done', { estate: '邻里花园' });
  if (await seedDemoFacilities(store)) log.log('info', 'seed.facilities.done', { estate: '邻里花园' });
  if (await seedDemoAnalytics(store)) log.log('info', 'seed.analytics.done', { estate: '邻里花园' });

  const runtime = createRuntime({ store, log });
  const timers = env.LINLI_TIMERS === 'on' ? startTimers(runtime, log) : null;
  const backups =
    env.LINLI_TIMERS === 'on' ? scheduleDailyBackup(store, join(env.LINLI_DATA_DIR, 'backups'), log) : null;
  const payments = localPayments({ runtime, log, dataDir: env.LINLI_DATA_DIR });
  const server = createLocalServer({
    runtime,
    log,
    routes: [
      ...payments.routes,
      iotBridgeRoute(runtime, log),
      uploadRoutes({ runtime, dataDir: env.LINLI_DATA_DIR }),
    ],
    h5Dir: env.LINLI_H5_DIR,
    demoAccounts: buildDemoData().demoAccounts,
    health: () => ({ timers: timers ? { lastTickAt: timers.lastTickAt() } : 'off' }),
  });
  let iot: Awaited<ReturnType<typeof startLocalIot>> = null;
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    payments.configure(`http://${env.HOST}:${port}`);
    process.stdout.write(`\n邻里 Linli 本地环境已启动 / local runtime ready: http://${env.HOST}:${port}/\n`);
    process.stdout.write(`订阅消息发件箱 / outbox: http://${env.HOST}:${port}/outbox\n\n`);
    startLocalIot({
      origin: `http://${env.HOST}:${port}`,
      host: env.HOST,
      dataDir: env.LINLI_DATA_DIR,
      log,
    }).then(
      (bridge) => {
        iot = bridge;
        if (bridge) process.stdout.write(`设备接入 MQTT / broker: mqtt://${env.HOST}:${bridge.port}\n`);
      },
      (error: unknown) => log.log('error', 'iot.start_failed', { error }),
    );
  });

  const shutdown = () => {
    void iot?.close();
    timers?.stop();
    payments.simulator?.stop();
    backups?.stop();
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
