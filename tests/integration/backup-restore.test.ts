import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { HomeView } from '@linli/shared';
import {
  backupStore,
  BackupInvalidError,
  restoreStore,
  storeFingerprint,
} from '@linli/cloudfunctions/src/ops/backup';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

describe('backup and restore', () => {
  let t: TestRuntime;
  let dir: string;
  beforeEach(async () => {
    t = await createTestRuntime();
    dir = mkdtempSync(join(tmpdir(), 'linli-backup-'));
    // Some history beyond the seed: an audited staff write and an owner's pending claim.
    await t.ok('demo-admin', 'staff', 'save', {
      name: '孙师傅',
      phone: '13700001234',
      roles: ['technician'],
      estateIds: ['est_linli_garden'],
    });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seed → backup → wipe → restore gives every document back identically, and the app works on it', async () => {
    const before = await storeFingerprint(t.store);
    const manifest = await backupStore(t.store, join(dir, 'b1'));
    expect(manifest.collections).toEqual(before);
    expect(manifest.collections.find((c) => c.name === 'households')?.count).toBe(612);

    for (const { name } of before)
      await t.store.collection(name).removeMany({ where: { _id: { exists: true } } });
    expect(await t.store.collection('households').count()).toBe(0);

    await restoreStore(t.store, join(dir, 'b1'));
    expect(await storeFingerprint(t.store)).toEqual(before);
    const home = await t.ok<HomeView>('demo-owner-1', 'property', 'myHome');
    expect(home.roomCode).toBe('1-1-1201');
  });

  it('refuses a corrupted archive and leaves the current data untouched', async () => {
    await backupStore(t.store, join(dir, 'b2'));
    const file = join(dir, 'b2', 'collections', 'households.jsonl.gz');
    const text = gunzipSync(readFileSync(file)).toString('utf8').replace('89.53', '99.53');
    writeFileSync(file, gzipSync(text));
    await t.ok('demo-admin', 'staff', 'save', {
      name: '钱师傅',
      phone: '13700005678',
      roles: ['technician'],
      estateIds: ['est_linli_garden'],
    });
    const current = await storeFingerprint(t.store);

    await expect(restoreStore(t.store, join(dir, 'b2'))).rejects.toThrow(/households.*校验和不符/);
    expect(await storeFingerprint(t.store)).toEqual(current);
  });

  it('refuses a truncated archive, unreadable data and a missing manifest', async () => {
    await backupStore(t.store, join(dir, 'b3'));
    const current = await storeFingerprint(t.store);
    const file = join(dir, 'b3', 'collections', 'persons.jsonl.gz');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreStore(t.store, join(dir, 'b3'))).rejects.toBeInstanceOf(BackupInvalidError);
    unlinkSync(join(dir, 'b3', 'manifest.json'));
    await expect(restoreStore(t.store, join(dir, 'b3'))).rejects.toThrow(/manifest/);
    expect(await storeFingerprint(t.store)).toEqual(current);
  });

  it('never writes over an existing backup', async () => {
    await backupStore(t.store, join(dir, 'b4'));
    await expect(backupStore(t.store, join(dir, 'b4'))).rejects.toThrow(/already holds a backup/);
  });
});
