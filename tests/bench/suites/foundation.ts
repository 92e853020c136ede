import Database from 'better-sqlite3';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { seedDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { perSecond, timeMs, type Benchmark } from '../harness';

const DOCS = 20_000;

function sampleDocs(prefix: string) {
  return Array.from({ length: DOCS }, (_, i) => ({
    _id: `${prefix}_${String(i).padStart(6, '0')}`,
    estateId: 'est_bench',
    roomCode: `${(i % 30) + 1}-${(i % 4) + 1}-${1000 + i}`,
    buildingArea: '89.53',
    amount: 21040 + i,
    period: '2026-11',
  }));
}

export const foundationBenchmarks: Benchmark[] = [
  {
    name: 'store.insertMany',
    unit: 'docs/s',
    higherIsBetter: true,
    async run() {
      const docs = sampleDocs('d');
      // Baseline: raw better-sqlite3 inserts of the same JSON documents in one transaction.
      const raw = new Database(':memory:');
      raw.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
      const insert = raw.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)');
      const rawMs = await timeMs(() =>
        raw.transaction(() => docs.forEach((d) => insert.run(d._id, JSON.stringify(d))))(),
      );
      raw.close();

      const store = createSqliteStore({ file: ':memory:' });
      await store.ensureIndexes('docs', [['estateId', 'roomCode']]);
      const collection = store.collection('docs');
      const storeMs = await timeMs(async () => {
        for (let i = 0; i < docs.length; i += 1000) await collection.insertMany(docs.slice(i, i + 1000));
      });
      await store.close();
      return {
        value: perSecond(DOCS, storeMs),
        baseline: perSecond(DOCS, rawMs),
        notes: `${DOCS} docs, with index`,
      };
    },
  },
  {
    name: 'action.property.myHome',
    unit: 'calls/s',
    higherIsBetter: true,
    async run() {
      const store = createSqliteStore({ file: ':memory:' });
      await ensureAllIndexes(store);
      await seedDemoData(store);
      const runtime = createRuntime({ store, log: createLogger({ level: 'error' }) });
      const calls = 2000;
      // Baseline: the same document reads the handler needs, straight from the store.
      const households = store.collection('households');
      const baselineMs = await timeMs(async () => {
        for (let i = 0; i < calls; i++) await households.get('hh_est_linli_garden_1-1-1201');
      });
      const actionMs = await timeMs(async () => {
        for (let i = 0; i < calls; i++)
          await runtime.call('property', 'myHome', {}, { openid: 'demo-owner-1' });
      });
      await store.close();
      return {
        value: perSecond(calls, actionMs),
        baseline: perSecond(calls, baselineMs),
        notes: 'full dispatch (identity, access, zod, ~12 reads) vs one read',
      };
    },
  },
];
