import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { shanghai } from '@linli/shared';
import type { Logger } from '../_lib/logger';
import type { Store } from '../_lib/store/port';
import { backupStore } from './backup';

export const backupFolderName = (at: Date): string => shanghai(at).format('YYYYMMDD-HHmmss');

/** Daily local backup at 03:00 Shanghai into `folder`, keeping the newest `keep`. */
export function scheduleDailyBackup(store: Store, folder: string, log: Logger, keep = 7): { stop(): void } {
  const cron = new Cron('0 0 3 * * *', { utcOffset: 480 }, async () => {
    try {
      await backupStore(store, join(folder, backupFolderName(new Date())));
      const old = readdirSync(folder).sort().slice(0, -keep);
      for (const name of old) rmSync(join(folder, name), { recursive: true, force: true });
      log.log('info', 'backup.done', { folder, removed: old.length });
    } catch (error) {
      log.log('error', 'backup.failed', { error });
    }
  });
  return { stop: () => cron.stop() };
}
