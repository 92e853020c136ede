import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createSqliteStore, type SqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import { describeStoreContract } from './store-contract';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNumber = 0;
const freshFile = () => join(dir, `store-${++fileNumber}.sqlite`);

describeStoreContract('SQLite in memory', () => Promise.resolve(createSqliteStore({ file: ':memory:' })));
describeStoreContract('SQLite file', () => Promise.resolve(createSqliteStore({ file: freshFile() })));

describe('SQLite adapter specifics', () => {
  let file: string;
  let store: SqliteStore;
  const opened: Array<{ close(): unknown }> = [];

  beforeEach(() => {
    file = freshFile();
    store = createSqliteStore({ file });
  });
  afterEach(async () => {
    for (const handle of opened.splice(0)) handle.close();
    await store.close();
  });

  const connect = () => {
    const db = new Database(file, { readonly: true });
    opened.push(db);
    return db;
  };

  it('keeps the database file in WAL mode', async () => {
    await store.collection('docs').insert({ _id: 'a' });
    const other = connect();
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('uses the declared expression indexes for equality, composite and dotted queries', async () => {
    await store.ensureIndexes('households', [['estateId', 'roomCode'], ['owner.phone'], ['createdAt']]);
    await store
      .collection('households')
      .insert({ _id: 'h1', estateId: 'e1', roomCode: '1-1-101', owner: { phone: '138' }, createdAt: 1 });
    const plan = (
      filter: Parameters<SqliteStore['explainFind']>[1],
      options?: Parameters<SqliteStore['explainFind']>[2],
    ) => store.explainFind('households', filter, options).join('\n');
    expect(plan({ where: { estateId: 'e1', roomCode: '1-1-101' } })).toMatch(
      /USING INDEX ix_households__estateId__roomCode/,
    );
    expect(plan({ where: { estateId: 'e1' } })).toMatch(/USING INDEX ix_households__estateId__roomCode/);
    expect(plan({ where: { 'owner.phone': { in: ['138', '139'] } } })).toMatch(
      /USING INDEX ix_households__owner\$phone/,
    );
    expect(plan({ where: { createdAt: { gte: 0 } } }, { sort: [['createdAt', 'desc']] })).toMatch(
      /USING INDEX ix_households__createdAt/,
    );
    // Sorted pages walk the index (its trailing id matches the _id tie-breaker): no temp sort.
    expect(plan({}, { sort: [['createdAt', 'asc']], limit: 10 })).not.toMatch(/TEMP B-TREE/);
    expect(plan({ where: { _id: 'h1' } })).toMatch(/USING (INDEX sqlite_autoindex|PRIMARY KEY)/);
    expect(plan({ where: { roomCode: '1-1-101' } })).toMatch(/SCAN/);
  });

  it('lets a second connection read committed writes', async () => {
    await store.collection('docs').insertMany([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
    ]);
    await store.transaction(async (tx) => {
      await tx.collection('docs').update('a', { set: { v: 10 } });
    });
    const other = connect();
    const rows = other.prepare('SELECT id, doc FROM docs ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'a', doc: '{"v":10}' },
      { id: 'b', doc: '{"v":2}' },
    ]);
    const reader = createSqliteStore({ file });
    opened.push({ close: () => void reader.close() });
    expect(await reader.collection('docs').get('a')).toEqual({ _id: 'a', v: 10 });
  });

  it('hides a transaction from other connections until it commits', async () => {
    await store.collection('docs').insert({ _id: 'a', v: 1 });
    const other = connect();
    const read = () => other.prepare(`SELECT json_extract(doc, '$.v') AS v FROM docs WHERE id = 'a'`).get();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = store.transaction(async (tx) => {
      await tx.collection('docs').update('a', { set: { v: 2 } });
      await gate;
    });
    await delay(5);
    expect(read()).toEqual({ v: 1 });
    release();
    await running;
    expect(read()).toEqual({ v: 2 });
  });

  it('never interleaves two transactions of one store', async () => {
    const events: string[] = [];
    const work = (name: string) =>
      store.transaction(async (tx) => {
        events.push(`${name} begins`);
        await delay(5);
        await tx.collection('docs').set({ _id: name });
        events.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(events).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
  });

  it('makes reads and writes outside a transaction wait until it ends', async () => {
    await store.collection('docs').insert({ _id: 'a', v: 1 });
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = store.transaction(async (tx) => {
      await tx.collection('docs').update('a', { set: { v: 2 } });
      await gate;
      throw new Error('changed my mind');
    });
    const read = store
      .collection('docs')
      .get('a')
      .then((doc) => events.push(`read v=${String(doc?.v)}`));
    const write = store
      .collection('docs')
      .insert({ _id: 'b' })
      .then(() => events.push('wrote b'));
    await delay(5);
    expect(events).toEqual([]);
    release();
    await expect(running).rejects.toThrow('changed my mind');
    await Promise.all([read, write]);
    // The read saw the committed state, not the rolled-back write; the insert was not rolled back.
    expect(events).toEqual(['read v=1', 'wrote b']);
    expect(await store.collection('docs').get('b')).toEqual({ _id: 'b' });
  });

  it('refuses a write through the store (not the handle) inside a transaction, and nested transactions', async () => {
    const docs = store.collection('docs');
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('docs').insert({ _id: 'via-tx' });
        await docs.insert({ _id: 'via-store' });
      }),
    ).rejects.toThrow(/transaction handle/);
    await expect(store.transaction(() => store.transaction(() => Promise.resolve('inner')))).rejects.toThrow(
      /do not nest/,
    );
    expect(await docs.count()).toBe(0);
    // Reads through the store inside a transaction see its own writes rather than deadlocking.
    await store.transaction(async (tx) => {
      await tx.collection('docs').insert({ _id: 'seen' });
      expect(await docs.get('seen')).toEqual({ _id: 'seen' });
    });
  });

  it('refuses to use a transaction handle after the transaction ended', async () => {
    let leaked: Parameters<Parameters<SqliteStore['transaction']>[0]>[0] | undefined;
    await store.transaction((tx) => {
      leaked = tx;
      return Promise.resolve();
    });
    await expect(leaked!.collection('docs').insert({ _id: 'late' })).rejects.toThrow(/already ended/);
    expect(await store.collection('docs').get('late')).toBeNull();
  });

  it('forgets a table created inside a rolled-back transaction', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('fresh').insert({ _id: 'a' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await store.listCollections()).toEqual([]);
    expect(await store.collection('fresh').get('a')).toBeNull();
    await store.collection('fresh').insert({ _id: 'b' });
    expect(await store.listCollections()).toEqual(['fresh']);
  });

  it('binds values instead of splicing them into SQL', async () => {
    const hostile = `x'); DROP TABLE docs; --`;
    await store.collection('docs').insert({ _id: hostile, name: hostile });
    expect(await store.collection('docs').count({ where: { name: hostile } })).toBe(1);
    expect((await store.collection('docs').find({ where: { _id: { in: [hostile] } } })).items).toEqual([
      { _id: hostile, name: hostile },
    ]);
  });
});
