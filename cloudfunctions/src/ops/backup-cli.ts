/**
 * `npm run backup -- <command>`:
 *   backup [folder]     write a backup (default .data/backups/<time>)
 *   verify <folder>     check an archive without touching the database
 *   restore <folder>    verify, then replace the database's data with the archive's
 * Against the local SQLite file by default; with LINLI_TCB_ENV, LINLI_TCB_SECRET_ID and
 * LINLI_TCB_SECRET_KEY set, against that CloudBase environment. Stop `npm start` before a restore.
 */
import { join, resolve } from 'node:path';
import { createCloudbaseStore } from '../_lib/store/cloudbase';
import type { Store } from '../_lib/store/port';
import { createSqliteStore } from '../_lib/store/sqlite';
import { parseLocalEnv } from '../local/env';
import { backupStore, readBackup, restoreStore } from './backup';
import { backupFolderName } from './backup-schedule';

function openStore(): Store {
  const { LINLI_TCB_ENV: env, LINLI_TCB_SECRET_ID: secretId, LINLI_TCB_SECRET_KEY: secretKey } = process.env;
  if (env && secretId && secretKey) return createCloudbaseStore({ env, secretId, secretKey });
  return createSqliteStore({ file: join(parseLocalEnv().LINLI_DATA_DIR, 'linli.sqlite') });
}

async function main(): Promise<void> {
  const [command, folderArg] = process.argv.slice(2);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'verify' && folderArg) {
    const { manifest } = readBackup(resolve(folderArg));
    out(
      `备份完好 / archive OK: ${manifest.collections.length} collections, ${manifest.collections.reduce((n, c) => n + c.count, 0)} documents, ${manifest.createdAt}`,
    );
    return;
  }
  if (command !== 'backup' && command !== 'restore') {
    out('usage: npm run backup -- backup [folder] | verify <folder> | restore <folder>');
    process.exitCode = 2;
    return;
  }
  const store = openStore();
  try {
    if (command === 'backup') {
      const folder = resolve(
        folderArg ?? join(parseLocalEnv().LINLI_DATA_DIR, 'backups', backupFolderName(new Date())),
      );
      const manifest = await backupStore(store, folder);
      out(
        `已备份 / backed up ${manifest.collections.reduce((n, c) => n + c.count, 0)} documents to ${folder}`,
      );
    } else {
      if (!folderArg) throw new Error('restore needs the backup folder');
      const manifest = await restoreStore(store, resolve(folderArg));
      out(
        `已恢复 / restored ${manifest.collections.reduce((n, c) => n + c.count, 0)} documents from ${manifest.createdAt}`,
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
