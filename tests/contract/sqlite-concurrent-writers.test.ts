import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';

jest.setTimeout(60_000);

const writer = resolve(__dirname, '../helpers/sqlite-writer.ts');

function runWriter(file: string, name: string, count: number, startAt: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', writer, file, name, String(count), String(startAt)],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise(stderr) : reject(new Error(`${name} exited ${code}: ${stderr}`)),
    );
  });
}

/**
 * The local runtime and a second process (the fault runner, the backup CLI, a load script) may
 * write one SQLite file at once: WAL mode and the busy timeout make them wait for each other's
 * locks, so no write is lost and the file stays sound.
 */
describe('two processes writing one SQLite file at once', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-writers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no insert, increment or read-modify-write transaction', async () => {
    const file = join(dir, 'shared.sqlite');
    const store = createSqliteStore({ file });
    await store.collection('docs').insertMany([
      { _id: 'counter', n: 0 },
      { _id: 'rmw', v: 0 },
    ]);
    await store.close();

    const count = 150;
    // Both start at the same instant, once tsx has loaded in each.
    const startAt = Date.now() + 4000;
    await Promise.all([runWriter(file, 'a', count, startAt), runWriter(file, 'b', count, startAt)]);

    const check = createSqliteStore({ file });
    const docs = check.collection<{ _id: string; n?: number; v?: number; by?: string }>('docs');
    expect(await docs.count({ where: { by: 'a' } })).toBe(count);
    expect(await docs.count({ where: { by: 'b' } })).toBe(count);
    expect(await docs.get('counter')).toEqual({ _id: 'counter', n: 2 * count });
    expect(await docs.get('rmw')).toEqual({ _id: 'rmw', v: 2 * count });
    await check.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
