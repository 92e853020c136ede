import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAllIndexes } from '../_lib/collections';
import { createLogger } from '../_lib/logger';
import { createSqliteStore } from '../_lib/store/sqlite';
import { parseLocalEnv } from './env';
import { createRuntime } from './runtime';
import { seedDemoBilling } from './seed/demo-billing';
import { buildDemoData, seedDemoData } from './seed/demo-estate';
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

  const runtime = createRuntime({ store, log });
  const timers = env.LINLI_TIMERS === 'on' ? startTimers(runtime, log) : null;
  const backups =
    env.LINLI_TIMERS === 'on' ? scheduleDailyBackup(store, join(env.LINLI_DATA_DIR, 'backups'), log) : null;
  const server = createLocalServer({
    runtime,
    log,
    h5Dir: env.LINLI_H5_DIR,
    demoAccounts: buildDemoData().demoAccounts,
    health: () => ({ timers: timers ? { lastTickAt: timers.lastTickAt() } : 'off' }),
  });
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    process.stdout.write(`\n邻里 Linli 本地环境已启动 / local runtime ready: http://${env.HOST}:${port}/\n`);
    process.stdout.write(`订阅消息发件箱 / outbox: http://${env.HOST}:${port}/outbox\n\n`);
  });

  const shutdown = () => {
    timers?.stop();
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
